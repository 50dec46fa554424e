"""A person can take their data along and delete their account (AVG/GDPR)."""

import json

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from accounts.models import User
from places.models import Area
from tests.accounts.factories import PASSWORD
from tests.accounts.helpers import logged_in_user_id

pytestmark = pytest.mark.django_db

EXPORT = reverse("accounts:data_export")
DELETE = reverse("accounts:account_delete")


@pytest.mark.parametrize("url", [EXPORT, DELETE])
def test_anonymous_visitor_is_sent_to_login_for_privacy_pages(client, url):
    response = client.get(url)

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_member_downloads_own_data_as_a_json_attachment(client_logged_in, user):
    user.area = Area.objects.get(slug="gaanderen")
    user.save()

    response = client_logged_in.get(EXPORT)

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert data["account"]["email"] == user.email
    assert data["account"]["display_name"] == user.display_name
    assert data["account"]["area"] == "Gaanderen"
    assert data["email_addresses"] == [{"email": user.email, "verified": True, "primary": True}]


def test_member_export_contains_nothing_of_other_members(client_logged_in, other_user):
    response = client_logged_in.get(EXPORT)

    content = response.content.decode()
    assert other_user.email not in content
    assert other_user.display_name not in content


def test_member_with_wrong_password_keeps_the_account(client_logged_in, user):
    response = client_logged_in.post(DELETE, {"password": "niet-mijn-wachtwoord"})

    assert response.status_code == 200
    assert "password" in response.context["form"].errors
    assert User.objects.filter(pk=user.pk).exists()
    assert logged_in_user_id(client_logged_in) == str(user.pk)


def test_member_with_correct_password_deletes_account_and_is_logged_out(client_logged_in, user, other_user):
    response = client_logged_in.post(DELETE, {"password": PASSWORD})

    assert response.status_code == 302
    assert response.url == reverse("home")
    assert not User.objects.filter(pk=user.pk).exists()
    assert not EmailAddress.objects.filter(email=user.email).exists()
    assert logged_in_user_id(client_logged_in) is None
    assert User.objects.filter(pk=other_user.pk).exists()


def test_delete_page_asks_for_the_password_without_deleting(client_logged_in, user):
    response = client_logged_in.get(DELETE)

    assert response.status_code == 200
    assert "password" in response.context["form"].fields
    assert User.objects.filter(pk=user.pk).exists()
