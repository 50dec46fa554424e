"""Wrong passwords are counted per account *and* address (accounts/login_throttle.py), so someone guessing
cannot lock the owner out: their own address is locked, the owner elsewhere still logs in, and on a
device the owner logged in with before always (accounts/known_devices.py)."""

import pytest
from django.urls import reverse

from accounts import known_devices
from tests.accounts.factories import PASSWORD, UserFactory, verify_email
from tests.accounts.helpers import logged_in_user_id

pytestmark = pytest.mark.django_db

TOO_MANY_ATTEMPTS = "Te veel inlogpogingen. Probeer het later nogmaals."
ATTACKER = "203.0.113.66"
OWNER = "198.51.100.7"


def log_in(client, email, password=PASSWORD, ip=OWNER):
    return client.post(reverse("account_login"), {"login": email, "password": password}, REMOTE_ADDR=ip)


def guess(client, email, times, ips=(ATTACKER,)):
    for attempt in range(times):
        log_in(client, email, password=f"gok-{attempt}", ip=ips[attempt % len(ips)])


def test_five_wrong_passwords_lock_out_the_guessers_address_not_the_owner(client, user):
    guess(client, user.email, 5)

    refused = log_in(client, user.email, ip=ATTACKER)
    assert TOO_MANY_ATTEMPTS in refused.context["form"].non_field_errors()
    assert logged_in_user_id(client) is None

    log_in(client, user.email, ip=OWNER)
    assert logged_in_user_id(client) == str(user.pk)


def test_guessing_from_many_addresses_stops_at_thirty_an_hour_for_unknown_devices(client, user):
    addresses = [f"192.0.2.{number}" for number in range(1, 11)]
    guess(client, user.email, 30, ips=addresses)

    response = log_in(client, user.email, ip="192.0.2.200")

    assert TOO_MANY_ATTEMPTS in response.context["form"].non_field_errors()
    assert logged_in_user_id(client) is None


def test_the_owner_logs_in_on_a_known_device_while_others_guess_from_everywhere(client, user):
    log_in(client, user.email)
    assert known_devices.COOKIE_NAME in client.cookies
    client.post(reverse("account_logout"))

    guesser = client.__class__()
    guess(guesser, user.email, 40, ips=[f"192.0.2.{number}" for number in range(1, 11)])

    log_in(client, user.email, ip="192.0.2.1")  # the owner's laptop, even on an address that guessed
    assert logged_in_user_id(client) == str(user.pk)


def test_wrong_passwords_on_a_known_device_count_for_that_device(client, user):
    log_in(client, user.email)
    client.post(reverse("account_logout"))

    guess(client, user.email, 5, ips=(OWNER,))
    response = log_in(client, user.email)

    assert TOO_MANY_ATTEMPTS in response.context["form"].non_field_errors()


def test_a_device_known_for_one_account_is_unknown_for_another(client, user, other_user):
    log_in(client, other_user.email)
    client.post(reverse("account_logout"))
    guesser = client.__class__()
    guess(guesser, user.email, 30, ips=[f"192.0.2.{number}" for number in range(1, 11)])

    log_in(client, user.email, ip="192.0.2.100")

    assert logged_in_user_id(client) is None


def test_a_forged_device_cookie_counts_for_nothing(client, user):
    client.cookies[known_devices.COOKIE_NAME] = "eyJkZXZpY2UiOiJ4IiwiYWNjb3VudHMiOltdfQ:fake:signature"
    guess(client, user.email, 5, ips=(OWNER,))

    response = log_in(client, user.email)

    assert TOO_MANY_ATTEMPTS in response.context["form"].non_field_errors()


def test_the_device_cookie_holds_no_email_address_and_no_script_can_read_it(client, user):
    log_in(client, user.email)

    cookie = client.cookies[known_devices.COOKIE_NAME]
    assert user.email not in cookie.value
    assert user.email.split("@")[0] not in cookie.value
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"


def test_a_household_shares_a_device(client, user, other_user):
    for person in (user, other_user):
        log_in(client, person.email)
        client.post(reverse("account_logout"))

    assert known_devices.device_for(_request_with(client), user.email) is not None
    assert known_devices.device_for(_request_with(client), other_user.email) is not None


def test_deleting_the_account_counts_wrong_passwords_like_the_login(client, user, settings):
    # The page's own posting limit (5 an hour, accounts/views.py) out of the way: this is about the password.
    settings.LOKET_POSTING_RATES = {"account_delete": "100/h"}
    client.force_login(user)
    for attempt in range(5):
        client.post(reverse("accounts:account_delete"), {"password": f"gok-{attempt}"}, REMOTE_ADDR=OWNER)

    response = client.post(reverse("accounts:account_delete"), {"password": PASSWORD}, REMOTE_ADDR=OWNER)

    assert response.status_code == 200
    assert TOO_MANY_ATTEMPTS in response.context["form"].errors["password"]
    assert type(user).objects.filter(pk=user.pk).exists()


def test_changing_the_password_counts_wrong_current_passwords_like_the_login(client, user, settings):
    # allauth's own limit of the page (5 a minute per person) out of the way: this is about the password.
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "change_password": "100/m/user"}
    client.force_login(user)
    new = {"password1": "nog-een-lang-wachtwoord-7", "password2": "nog-een-lang-wachtwoord-7"}
    for attempt in range(5):
        client.post(
            reverse("account_change_password"), {"oldpassword": f"gok-{attempt}", **new}, REMOTE_ADDR=OWNER
        )

    response = client.post(
        reverse("account_change_password"), {"oldpassword": PASSWORD, **new}, REMOTE_ADDR=OWNER
    )

    assert TOO_MANY_ATTEMPTS in response.context["form"].errors["oldpassword"]
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_an_ipv6_guesser_cannot_hop_addresses_within_their_network(client):
    person = UserFactory()
    verify_email(person)
    guess(client, person.email, 5, ips=[f"2001:db8:1:2::{number}" for number in range(1, 6)])

    response = log_in(client, person.email, ip="2001:db8:1:2::99")

    assert TOO_MANY_ATTEMPTS in response.context["form"].non_field_errors()


def _request_with(client):
    from django.test import RequestFactory

    request = RequestFactory().get("/")
    request.COOKIES = {name: morsel.value for name, morsel in client.cookies.items()}
    return request
