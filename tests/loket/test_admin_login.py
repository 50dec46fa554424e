"""The management site has no login of its own: staff use the site's login, with its rate limits."""

import pytest
from django.urls import reverse

from tests.accounts.factories import PASSWORD, staff_in_role

pytestmark = pytest.mark.django_db


def test_anonymous_visitor_of_the_management_site_is_sent_to_the_sites_login(client):
    response = client.get("/beheer/", follow=True)

    assert response.redirect_chain[-1][0].startswith(reverse("account_login"))
    assert response.status_code == 200


def test_posting_a_password_to_the_admins_login_form_logs_nobody_in(client, user):
    response = client.post(reverse("admin:login"), {"username": user.email, "password": PASSWORD})

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert "_auth_user_id" not in client.session


def test_staff_member_logs_in_on_the_site_and_reaches_the_management_site(client):
    moderator = staff_in_role("moderators")

    client.post(reverse("account_login"), {"login": moderator.email, "password": PASSWORD})

    assert client.get("/beheer/").status_code == 200
