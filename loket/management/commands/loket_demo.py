"""Load demo content and one account per role. Safe to run again: nothing is duplicated.

Later issues extend `DemoLoader` with their own content (initiatives, articles, lab sessions, ...).
"""

from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from accounts.roles import Role, sync_role_groups
from flywheels.reference_data import load_flywheels
from loket.demo.history import load_demo_history
from loket.demo.initiatives import load_demo_initiatives
from loket.demo.knowledgebase import load_demo_knowledgebase
from loket.demo.lab import load_demo_lab
from places.models import Area
from places.reference_data import load_areas

DEMO_PASSWORD = "loket-demo"  # noqa: S105 - published in the README on purpose


@dataclass(frozen=True)
class DemoAccount:
    email: str
    display_name: str
    area_slug: str | None = None
    role: Role | None = None
    superuser: bool = False


DEMO_ACCOUNTS = [
    DemoAccount("bewoner@loket.example", "Bea Bewoner", "gaanderen"),
    DemoAccount("initiatiefnemer@loket.example", "Ivo Initiatiefnemer", "de-huet"),
    DemoAccount("ambtenaar@loket.example", "Anne Ambtenaar", role=Role.MODERATOR),
    DemoAccount("redacteur@loket.example", "Rik Redacteur", role=Role.EDITOR),
    DemoAccount("raadslid@loket.example", "Roos Raadslid", "wehl", role=Role.COUNCIL),
    DemoAccount("ombuds@loket.example", "Olga Ombuds", role=Role.OMBUDS),
    DemoAccount("admin@loket.example", "Beheerder", superuser=True),
]


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
        with transaction.atomic():
            # Reference data normally arrives with the migrations; restore what was removed since.
            load_areas()
            load_flywheels()
            sync_role_groups()
            users = [self.ensure_account(account) for account in DEMO_ACCOUNTS]
        self.stdout.write(
            self.style.SUCCESS(f"Demo content ready: {len(users)} accounts, password '{DEMO_PASSWORD}'.")
        )
        added = load_demo_initiatives(password=DEMO_PASSWORD)
        self.stdout.write(
            self.style.SUCCESS(f"Demo initiatives: {added} added (existing ones left as they are).")
        )
        history = load_demo_history()
        self.stdout.write(
            self.style.SUCCESS(f"Demo history: {history} earlier initiatives over the last 20 months added.")
        )
        articles, analyses = load_demo_knowledgebase()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo knowledge base: {articles} articles and {analyses} case analyses added."
            )
        )
        sessions = load_demo_lab()
        self.stdout.write(
            self.style.SUCCESS(f"Demo samenwerkingslab and moderation: {sessions} lab sessions added.")
        )

    def ensure_account(self, account: DemoAccount):
        User = get_user_model()
        user, created = User.objects.get_or_create(
            email=account.email,
            defaults={
                "display_name": account.display_name,
                "area": Area.objects.filter(slug=account.area_slug).first() if account.area_slug else None,
                "is_staff": account.role is not None or account.superuser,
                "is_superuser": account.superuser,
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        EmailAddress.objects.update_or_create(
            user=user, email=account.email, defaults={"verified": True, "primary": True}
        )
        if account.role is not None:
            user.groups.add(Group.objects.get(name=account.role.value))
        return user
