"""allauth's rate limits as loket configures them (settings.ACCOUNT_RATE_LIMITS), counted in the cache."""

import pytest
from django.urls import reverse

from accounts.models import User
from tests.accounts.factories import PASSWORD
from tests.accounts.helpers import logged_in_user_id

pytestmark = pytest.mark.django_db

TOO_MANY_ATTEMPTS = "Te veel inlogpogingen. Probeer het later nogmaals."


def log_in(client, email, password=PASSWORD, ip="127.0.0.1"):
    return client.post(reverse("account_login"), {"login": email, "password": password}, REMOTE_ADDR=ip)


def sign_up(client, number, ip="127.0.0.1"):
    data = {
        "email": f"aanmelder{number}@example.org",
        "display_name": f"Aanmelder {number}",
        "password1": PASSWORD,
        "password2": PASSWORD,
    }
    return client.post(reverse("account_signup"), data, REMOTE_ADDR=ip)


def test_member_who_mistypes_four_times_still_logs_in(client, user):
    for _attempt in range(4):
        log_in(client, user.email, password="verkeerd-geraden")

    response = log_in(client, user.email)

    assert response.status_code == 302
    assert logged_in_user_id(client) == str(user.pk)


def test_after_five_failed_logins_even_the_right_password_is_refused(client, user):
    for _attempt in range(5):
        log_in(client, user.email, password="verkeerd-geraden")

    response = log_in(client, user.email)

    assert response.status_code == 200
    assert TOO_MANY_ATTEMPTS in response.context["form"].non_field_errors()
    assert logged_in_user_id(client) is None


def test_guessing_one_members_password_does_not_lock_out_another_member(client, user, other_user):
    for _attempt in range(5):
        log_in(client, user.email, password="verkeerd-geraden")

    log_in(client, other_user.email)

    assert logged_in_user_id(client) == str(other_user.pk)


def test_more_than_twenty_login_posts_a_minute_from_one_address_get_429(client, user):
    for attempt in range(20):
        assert log_in(client, f"gok{attempt}@example.org", password="x").status_code == 200

    assert log_in(client, user.email).status_code == 429
    assert log_in(client, user.email, ip="192.0.2.8").status_code == 302


def test_five_signups_a_minute_from_one_address_are_allowed_the_sixth_gets_429(client):
    for number in range(5):
        assert sign_up(client, number).status_code == 302

    response = sign_up(client, 5)

    assert response.status_code == 429
    assert User.objects.filter(email__startswith="aanmelder").count() == 5
    assert not User.objects.filter(email="aanmelder5@example.org").exists()


def test_signups_from_another_address_are_not_held_back_by_a_busy_one(client):
    for number in range(6):
        sign_up(client, number)

    response = sign_up(client, 6, ip="192.0.2.9")

    assert response.status_code == 302
    assert User.objects.filter(email="aanmelder6@example.org").exists()


def test_a_rate_limited_visitor_gets_a_page_in_the_site_layout_that_says_to_wait(client):
    for number in range(5):
        sign_up(client, number)

    response = sign_up(client, 5)

    assert response.status_code == 429
    assert "errors/429.html" in [template.name for template in response.templates]
    assert 'href="/kennisbank/"' in response.content.decode()


def test_behind_a_trusted_proxy_each_visitor_has_their_own_signup_limit(client, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    for number in range(6):
        response = client.post(
            reverse("account_signup"),
            {
                "email": f"buur{number}@example.org",
                "display_name": f"Buur {number}",
                "password1": PASSWORD,
                "password2": PASSWORD,
            },
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR=f"198.51.100.{number}",
        )
        assert response.status_code == 302
