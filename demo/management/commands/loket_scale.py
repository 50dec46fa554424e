"""Fill the database with a city's worth of content, to measure the pages at scale (issue 16)."""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from core import content_version
from demo.scale import Plan, has_content, scale_fill, scale_flush
from initiatives import cached


class Command(BaseCommand):
    help = (
        "Fill an empty database with realistic content at scale: per 100,000 initiatives 500,000 log "
        "entries, 500,000 comments, 1,000,000 supports and 50,000 users (password 'loket-demo'). "
        "Refuses in production, and on a database with content unless told to add to it or empty it."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--initiatives", type=int, required=True, help="How many initiatives (e.g. 100000)."
        )
        parser.add_argument("--seed", type=int, default=16, help="The same seed gives the same content.")
        what = parser.add_mutually_exclusive_group()
        what.add_argument(
            "--append", action="store_true", help="Add to the content there (new people, new initiatives)."
        )
        what.add_argument(
            "--flush",
            action="store_true",
            help="Empty the database first (everything, not only earlier runs).",
        )
        parser.add_argument(
            "--force", action="store_true", help="Run even though DEBUG is off (never on a live site)."
        )

    def handle(self, *args, initiatives, seed, append, flush, force, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "loket_scale creates thousands of accounts with a published password; it only runs with DEBUG "
                "on. Use --force if you really mean it (never on a live site)."
            )
        if append and flush:
            raise CommandError("Either --append or --flush, not both.")
        if initiatives < 1:
            raise CommandError("--initiatives must be at least 1.")
        if flush:
            scale_flush()
        elif has_content() and not append:
            raise CommandError(
                "This database already has people or content. Use --append to add to it, or --flush to "
                "empty it first."
            )
        began = time.monotonic()
        written = scale_fill(initiatives=initiatives, seed=seed, say=self.stdout.write)
        # Rows written in bulk send no signals: nothing cached before stays (pages, the log pages' counts).
        content_version.changed()
        content_version.changed(cached.SCOPE)
        plan = Plan.for_initiatives(initiatives)
        self.stdout.write(
            self.style.SUCCESS(
                f"Scale data set ready in {time.monotonic() - began:.0f} s: {plan.initiatives} initiatives, "
                f"{plan.users} people, {plan.log_entries} log entries, {plan.comments} comments, "
                f"{plan.supports} supports ({sum(written.values())} rows)."
            )
        )
