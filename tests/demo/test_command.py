"""`manage.py loket_demo`: demo accounts with a published password, so never by accident in production."""

import pytest
from allauth.account.models import EmailAddress
from django.core.management import CommandError, call_command
from django.urls import reverse

from accounts.models import User
from dashboard.models import MonthlyCount
from tests.dashboard.test_monthly import raw as raw_counts
from tests.dashboard.test_monthly import table as monthly_table

pytestmark = pytest.mark.django_db

DEMO_PASSWORD = "loket-demo"
RESIDENTS = ["bewoner@loket.example", "initiatiefnemer@loket.example"]
STAFF = {
    "ambtenaar@loket.example": "moderators",
    "redacteur@loket.example": "editors",
    "raadslid@loket.example": "council",
    "ombuds@loket.example": "ombuds",
}
ADMIN = "admin@loket.example"
ALL_DEMO = [*RESIDENTS, *STAFF, ADMIN]


def snapshot() -> tuple[int, int, int]:
    return (User.objects.count(), EmailAddress.objects.count(), User.groups.through.objects.count())


def test_demo_command_refuses_when_debug_is_off(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError):
        call_command("loket_demo")

    assert not User.objects.filter(email__endswith="@loket.example").exists()


def test_demo_command_runs_when_debug_is_on(settings):
    settings.DEBUG = True

    call_command("loket_demo")

    assert User.objects.filter(email__endswith="@loket.example").count() == 7


def test_demo_command_with_force_creates_the_seven_accounts(settings):
    settings.DEBUG = False

    call_command("loket_demo", force=True)

    assert set(User.objects.filter(email__endswith="@loket.example").values_list("email", flat=True)) == set(
        ALL_DEMO
    )
    assert all(User.objects.get(email=email).display_name for email in ALL_DEMO)


def test_demo_command_twice_duplicates_nothing():
    call_command("loket_demo", force=True)
    after_first = snapshot()

    call_command("loket_demo", force=True)

    assert snapshot() == after_first


def test_demo_resident_logs_in_through_the_login_form(client):
    call_command("loket_demo", force=True)

    response = client.post(reverse("account_login"), {"login": RESIDENTS[0], "password": DEMO_PASSWORD})

    assert response.status_code == 302
    assert response.url == reverse("accounts:profile_edit")


def test_the_dashboard_counts_the_demo_as_its_raw_rows():
    call_command("loket_demo", force=True)

    assert MonthlyCount.objects.exists()
    assert monthly_table() == raw_counts()
