"""`make bench`: the public pages and the council's dashboard under load, on the scale data set in
PostgreSQL, each against a bare Django view in the same run (issue 16). See the README's "Benchmark"."""

import os
import time
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils import timezone

from accounts.models import User
from accounts.roles import Role
from demo.bench import pages as bench_pages
from demo.bench import wrk
from demo.bench.dataset import database_ensure, dataset_ensure
from demo.bench.document import document
from demo.bench.probe import probe
from demo.bench.queries import client_for, count_queries
from demo.bench.report import Row, table
from demo.bench.server import TIMEOUT, Server


class Command(BaseCommand):
    help = (
        "Benchmark the pages on the scale data set under gunicorn with wrk, against a bare Django view, "
        "and write the table (docs/benchmark.md). Run through `make bench`."
    )

    def add_arguments(self, parser):
        parser.add_argument("--initiatives", type=int, default=100_000, help="Size of the data set.")
        parser.add_argument("--seed", type=int, default=16)
        parser.add_argument("--seconds", type=int, default=10, help="Load per page, in seconds.")
        parser.add_argument("--connections", type=int, default=16)
        parser.add_argument("--threads", type=int, default=2, help="wrk's threads.")
        parser.add_argument("--output", type=Path, help="Write the result here as Markdown.")
        parser.add_argument("--note", default="", help="A remark for the result, e.g. about other load.")
        parser.add_argument(
            "--no-collectstatic", action="store_true", help="The static files are collected already."
        )

    def handle(self, *args, **options):
        if connection.vendor != "postgresql":
            raise CommandError("The benchmark runs on PostgreSQL: set DATABASE_URL=postgres://...")
        if settings.DEBUG:
            raise CommandError(
                "The benchmark measures production settings: run it with DEBUG off (make bench)."
            )
        wrk.wrk_path()  # fail early when the load generator is missing
        if database_ensure():
            self.say(f"Created the database {settings.DATABASES['default']['NAME']}.")
        began = time.monotonic()
        self.filled_in = None
        if dataset_ensure(initiatives=options["initiatives"], seed=options["seed"], say=self.say):
            self.filled_in = time.monotonic() - began
            self.say(f"Filled in {self.filled_in:.0f} s.")
        if not options["no_collectstatic"]:
            call_command("collectstatic", interactive=False, verbosity=0)

        rows, bare_rows = self.measure(options)
        bare_rate = sum(row.load.per_second for row in bare_rows) / len(bare_rows)
        result = table([bare_rows[0], *rows, bare_rows[1]], bare_rate)
        self.stdout.write(result)
        if options["output"]:
            text = document(
                options=options,
                result=result,
                bare_rate=bare_rate,
                started=self.started,
                loads=(self.load_before, self.load_after),
                restarts=self.restarts,
                filled_in=self.filled_in,
            )
            options["output"].parent.mkdir(parents=True, exist_ok=True)
            options["output"].write_text(text, encoding="utf-8")
            self.say(f"Written to {options['output']}.")

    def measure(self, options):
        bare = bench_pages.bare()
        pages = bench_pages.pages()
        council = User.objects.filter(groups__name=Role.COUNCIL, is_active=True).order_by("pk").first()
        anonymous, signed_in = client_for(), client_for(council)
        cookie = {
            "Cookie": f"{settings.SESSION_COOKIE_NAME}={signed_in.cookies[settings.SESSION_COOKIE_NAME].value}"
        }

        self.say("Counting the queries of each page, in this process.")
        queries = {}
        for page in [bare, *pages]:
            cache.clear()  # counted as built anew: no stored page, no cached counts or figures
            _status, queries[page.path] = count_queries(signed_in if page.council else anonymous, page.path)

        self.load_before = os.getloadavg()
        self.started = timezone.now()
        with Server(bare_path=bare.path) as server:

            def run(page):
                self.say(f"{page.label}: {page.path}")
                return self.measure_page(
                    server, page, cookie if page.council else {}, options, queries[page.path]
                )

            first_bare = run(bare)
            rows = [run(page) for page in pages]
            last_bare = run(bare)
            self.restarts = server.restarts
        self.say(f"gunicorn's messages: {server.log}")
        self.load_after = os.getloadavg()
        return rows, [first_bare, last_bare]

    def measure_page(self, server, page, headers, options, queries) -> Row:
        url = server.base + page.path
        # The one request is the cold cost: the cache emptied first, so no page stored by an earlier run
        # or by the counting above answers it, and no counts, filter options or dashboard figures kept
        # from before help it. The load after it is served from the page cache where the page may be
        # cached (anonymous pages; core/page_cache.py), and from those cached values otherwise.
        cache.clear()
        once = probe(url, headers=headers, timeout=TIMEOUT + 30)
        if page.download:
            server.settle()
            return Row(page=page, probe=once, queries=queries)
        if once.status == 200 and once.total < 1:
            for _ in range(4):  # warm both workers a little
                probe(url, headers=headers, timeout=10)
        load = wrk.run(
            url,
            seconds=options["seconds"],
            connections=options["connections"],
            threads=options["threads"],
            timeout=TIMEOUT,
            # As browsers do: the pages come gzipped (core.middleware.CompressionMiddleware).
            headers={**headers, "Accept-Encoding": "gzip"},
        )
        server.settle()
        return Row(page=page, probe=once, load=load, queries=queries)

    def say(self, line: str):
        self.stdout.write(line)
        self.stdout.flush()
