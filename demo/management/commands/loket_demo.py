"""Load demo content and one account per role. Safe to run again: nothing is duplicated, and what exists
is left as it is. The content is data, in demo/data/."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from accounts.roles import sync_role_groups
from dashboard.monthly import rebuild as monthly_rebuild
from demo.loader.dates import Clock
from demo.loader.initiatives import load_initiatives
from demo.loader.knowledgebase import load_knowledgebase
from demo.loader.lab import load_lab, load_lab_history
from demo.loader.moderation import load_moderation
from demo.loader.people import accounts, people_ensure
from flywheels.reference_data import load_flywheels
from places.reference_data import load_areas

DEMO_PASSWORD = "loket-demo"  # noqa: S105 - published in the README on purpose


class Command(BaseCommand):
    help = "Load demo content and demo accounts (password 'loket-demo'). Refuses in production."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true", help="Run even though DEBUG is off (never on a live site)."
        )

    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "loket_demo creates accounts with a published password; it only runs with DEBUG on. "
                "Use --force if you really mean it (never on a live site)."
            )
        clock = Clock()  # every date in the data counts from this one moment
        with transaction.atomic():
            # Reference data normally arrives with the migrations; restore what was removed since.
            load_areas()
            load_flywheels()
            sync_role_groups()
            people = people_ensure(password=DEMO_PASSWORD)
        self.success(f"Demo content ready: {len(accounts())} accounts, password '{DEMO_PASSWORD}'.")

        added = load_initiatives("initiatives", people=people, clock=clock)
        self.success(f"Demo initiatives: {added} added (existing ones left as they are).")

        history = load_initiatives("history", people=people, clock=clock)
        load_lab_history(people=people, clock=clock)
        self.success(f"Demo history: {history} earlier initiatives over the last 20 months added.")

        articles, analyses = load_knowledgebase(people=people, clock=clock)
        self.success(f"Demo knowledge base: {articles} articles and {analyses} case analyses added.")

        sessions = load_lab(people=people, clock=clock)
        load_moderation(people=people, clock=clock)
        self.success(f"Demo samenwerkingslab and moderation: {sessions} lab sessions added.")

        # The loaders date the content back past the models (the history spans 20 months): the
        # dashboard's monthly counts anew, as `migrate` and `loket_scale` make them.
        monthly_rebuild()

    def success(self, line: str):
        self.stdout.write(self.style.SUCCESS(line))
