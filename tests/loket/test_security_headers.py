import pytest
from django.urls import reverse

from tests.accounts.factories import PASSWORD

pytestmark = pytest.mark.django_db


def test_pages_forbid_framing_and_sniffing_and_keep_referrers_on_site(client):
    response = client.get(reverse("home"))

    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_session_cookie_of_a_member_is_secure_and_hidden_from_scripts(client, user):
    client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})

    cookie = client.cookies["sessionid"]
    assert cookie["secure"] is True
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"


def test_language_cookie_is_secure(client):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})

    cookie = client.cookies["django_language"]
    assert cookie["secure"] is True
    assert cookie["httponly"] is True


def test_pages_allow_only_the_sites_own_scripts_and_styles(client):
    policy = client.get(reverse("home"))["Content-Security-Policy"]

    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in policy
