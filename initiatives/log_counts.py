"""The counts on the log pages (/initiatieven/logboek/ and /initiatieven/obstakels/): how many visible entries
of published initiatives there are of each kind and of each kind of obstacle, and in how many initiatives.

Counting takes a pass over every entry (half a million at city scale: half a second for the log, a second
for the obstacles), so the counts live in the cache under a version of the public content
(core/content_version.py) of their own, which every write to a log entry or an initiative replaces, at the
write and again after its commit: a count is never older than the last write. Not the version of all
public content: that one every support and comment replaces too, and each would cost a recount."""

from django.core.cache import cache
from django.db.models import Count

from core import content_version

from .choices import LogKind
from .models import Initiative, LogEntry

SCOPE = "log-counts"
COUNTS_KEY = "initiatives:log-counts:{name}:{version}"
# Counts that no write replaced stay a day at most; a write makes them unreachable at once.
TIMEOUT = 24 * 60 * 60


def log_counts():
    """{"total": n, "kinds": {kind: n}, "categories": {kind of obstacle: n}}: the entries the log page lists,
    from the cache if it has them. Counting anew takes one query."""
    return _cached("log", _count_log)


def obstacle_counts():
    """{"entries": n, "initiatives": n, "categories": {kind of obstacle: {"entries": n, "initiatives": n}}}:
    the obstacles and the initiatives that met them, in all and per kind of obstacle, from the cache if it
    has them. Counting anew takes two queries (an initiative with obstacles of two kinds counts once in
    all: not a sum of the kinds)."""
    return _cached("obstacles", _count_obstacles)


def _cached(name, count):
    key = COUNTS_KEY.format(name=name, version=content_version.version(SCOPE))
    counts = cache.get(key)
    if counts is None:
        counts = count()
        cache.set(key, counts, TIMEOUT)
    return counts


def _count_log():
    kinds = dict.fromkeys(LogKind.values, 0)
    categories = {}
    rows = (
        LogEntry.objects.published()
        .order_by()
        .values("kind", "obstacle_category")
        .annotate(entries=Count("pk"))
    )
    for row in rows:
        kinds[row["kind"]] = kinds.get(row["kind"], 0) + row["entries"]
        if row["obstacle_category"]:
            categories[row["obstacle_category"]] = row["entries"]
    return {"total": sum(kinds.values()), "kinds": kinds, "categories": categories}


def _count_obstacles():
    obstacles = LogEntry.objects.published().of_kind(LogKind.OBSTACLE).order_by()
    counts = obstacles.aggregate(entries=Count("pk"), initiatives=Count("initiative", distinct=True))
    rows = obstacles.values("obstacle_category").annotate(
        entries=Count("pk"), initiatives=Count("initiative", distinct=True)
    )
    counts["categories"] = {row.pop("obstacle_category"): row for row in rows}
    return counts


def connect():
    """Every save or delete of a log entry (new, edited, hidden, shown again, removed) or an initiative
    (published, hidden, withdrawn, removed) may change the counts."""
    content_version.watch(SCOPE, [LogEntry, Initiative])
