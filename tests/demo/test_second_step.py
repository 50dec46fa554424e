"""The demo's staff accounts come with two-step verification set up from the demo data, so `make run`
gives working staff logins: the README prints the secret and the recovery codes, repeated here."""

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value, yield_hotp_counters_from_time
from django.urls import reverse

from accounts.models import User

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]

DEMO_PASSWORD = "loket-demo"
DEMO_SECRET = "LOKETDEMOSAMENWERKENINDOETINCHEM"
DEMO_RECOVERY_CODES = [
    "02179335", "35975143", "16422899", "66070870", "77265024",
    "86503982", "84563958", "44638946", "56677547", "09383141",
]  # fmt: skip
STAFF = [
    "ambtenaar@loket.example",
    "redacteur@loket.example",
    "raadslid@loket.example",
    "ombuds@loket.example",
    "admin@loket.example",
]


def code_now() -> str:
    return format_hotp_value(hotp_value(DEMO_SECRET, next(iter(yield_hotp_counters_from_time()))))


@pytest.mark.parametrize("email", STAFF)
def test_every_demo_staff_account_has_the_app_with_the_readmes_secret_and_its_recovery_codes(email):
    user = User.objects.get(email=email)

    app = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP)
    codes = Authenticator.objects.get(user=user, type=Authenticator.Type.RECOVERY_CODES)
    assert app.wrap().validate_code(code_now())
    assert codes.wrap().get_unused_codes() == DEMO_RECOVERY_CODES


def test_demo_residents_have_no_app():
    residents = User.objects.filter(is_staff=False)

    assert residents.exists()
    assert not Authenticator.objects.filter(user__in=residents).exists()


@pytest.mark.usefixtures("real_second_step")
def test_the_demo_civil_servant_logs_in_with_password_and_code_and_reaches_the_management_site(client):
    client.post(reverse("account_login"), {"login": "ambtenaar@loket.example", "password": DEMO_PASSWORD})
    response = client.post(reverse("mfa_authenticate"), {"code": code_now()})

    assert response.status_code == 302
    assert client.get("/beheer/").status_code == 200


@pytest.mark.usefixtures("real_second_step")
def test_a_demo_recovery_code_logs_the_superuser_in(client):
    client.post(reverse("account_login"), {"login": "admin@loket.example", "password": DEMO_PASSWORD})
    client.post(reverse("mfa_authenticate"), {"code": DEMO_RECOVERY_CODES[3]})

    assert client.get("/beheer/").status_code == 200
