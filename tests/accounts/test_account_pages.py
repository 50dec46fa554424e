"""allauth's pages speak Dutch and sit in the site's own layout, not allauth's bare default."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

ANONYMOUS_ACCOUNT_PAGES = ["account_login", "account_signup", "account_reset_password"]
MEMBER_ACCOUNT_PAGES = ["accounts:profile_edit", "accounts:account_delete", "account_logout"]


def assert_in_site_layout(content: str):
    assert '<html lang="nl"' in content
    assert 'href="/initiatieven/"' in content
    assert 'href="/kennisbank/"' in content
    assert 'href="/privacy/"' in content


@pytest.mark.parametrize("name", ANONYMOUS_ACCOUNT_PAGES)
def test_anonymous_visitor_sees_account_page_in_the_site_layout(client, name):
    response = client.get(reverse(name))

    assert response.status_code == 200
    assert_in_site_layout(response.content.decode())


@pytest.mark.parametrize("name", MEMBER_ACCOUNT_PAGES)
def test_member_sees_account_page_in_the_site_layout(client_logged_in, name):
    response = client_logged_in.get(reverse(name))

    assert response.status_code == 200
    assert_in_site_layout(response.content.decode())


def test_login_page_speaks_dutch(client):
    content = client.get(reverse("account_login")).content.decode()

    assert "Inloggen" in content
    assert "Sign In" not in content
    assert 'name="login"' in content
    assert 'name="password"' in content


def test_signup_page_asks_for_display_name_in_dutch(client):
    content = client.get(reverse("account_signup")).content.decode()

    assert 'name="display_name"' in content
    assert "Display name" not in content  # the English source of the label


def test_profile_page_of_member_speaks_dutch(client_logged_in):
    content = client_logged_in.get(reverse("accounts:profile_edit")).content.decode()

    assert "My profile" not in content
    assert "Log out" not in content
