"""docs/benchmark.md: the table with what it was measured on and how, so that a later run can be compared."""

from django.db.models import Count, Q
from django.utils import timezone

from accounts.models import User
from initiatives.choices import PublicationState
from initiatives.models import Comment, Initiative, LogEntry, Support

from . import wrk
from .report import machine
from .server import TIMEOUT, WORKERS


def data_set() -> str:
    initiatives = Initiative.objects.aggregate(
        all=Count("pk"), published=Count("pk", filter=Q(publication_state=PublicationState.PUBLISHED))
    )
    return (
        f"{initiatives['all']:,} initiatives ({initiatives['published']:,} published), "
        f"{LogEntry.objects.count():,} log entries, {Comment.objects.count():,} comments, "
        f"{Support.objects.count():,} supports, {User.objects.count():,} users"
    )


def document(*, options, result: str, bare_rate: float, started, loads, restarts: int, filled_in=None) -> str:
    size, seconds = options["initiatives"], options["seconds"]
    before, after = (", ".join(f"{value:.1f}" for value in load) for load in loads)
    facts = "\n".join(f"| {name} | {value} |" for name, value in machine(wrk.version()))
    note = f"\n{options['note'].strip()}\n" if options["note"].strip() else ""
    filled = (
        f"filled in {filled_in:.0f} s by this run" if filled_in is not None else "filled by an earlier run"
    )
    return f"""# Benchmark

The last run of `make bench` (issue 16): each public page and the council's dashboard under load on the
scale data set, against a bare Django view (`/livez`, no database) in the same run. The README's
"Benchmark" section says how to run it and how to read it.

- **Run**: {timezone.localtime(started):%Y-%m-%d %H:%M %Z}, `make bench BENCH_INITIATIVES={size} BENCH_SECONDS={seconds}`
  (`manage.py loket_bench --initiatives {size} --seconds {seconds}` with the Makefile's environment)
- **Data set**: `manage.py loket_scale --initiatives {size} --seed {options["seed"]}` ({filled}):
  {data_set()}
- **Server**: gunicorn, {WORKERS} sync workers, timeout {TIMEOUT} s, `DEBUG=false`, PostgreSQL on the same
  machine
- **Load**: wrk, {options["connections"]} connections, {options["threads"]} threads, {seconds} s per page; the
  bare view first and last, {bare_rate:,.0f} req/s on average, which "page : bare" divides by
- **Load average** of the machine (1, 5, 15 min) before: {before}; after: {after}; gunicorn restarted
  {restarts} time(s) to drop the queue a slow page left behind
{note}
| machine | |
|---|---|
{facts}

{result}

- *one request*: a single request before the load, which also gives the size of the page; the open-data
  download is measured by this alone (time to the first byte and to the last), not under load. It is the
  cold cost: the cache is emptied just before it, so the page is built anew, with no counts, filter
  options or dashboard figures kept from before. Under load (wrk asks for gzip, as browsers do) the
  anonymous pages come from the page cache (core/page_cache.py), as for visitors between two writes; the
  council's dashboard, signed in, is built for every request, from figures cached until the next write.
- *queries*: counted once per page in the benchmark's own process (Django's test client on the same
  database), with the cache emptied first (the cold count); a signed-in page as the council member the
  load test uses.
- *errors*: wrk's (`status`: answers of 400 and up; `timeout`: no answer within {TIMEOUT} s; `read`:
  the connection closed, e.g. when gunicorn killed a worker after {TIMEOUT} s).
"""
