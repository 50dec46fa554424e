import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from tests.accounts.factories import PASSWORD, UserFactory
from tests.accounts.helpers import logged_in_user_id

pytestmark = pytest.mark.django_db


def log_in(client, email, password=PASSWORD):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def test_member_with_unconfirmed_email_cannot_log_in(client, mailoutbox):
    member = UserFactory()
    EmailAddress.objects.create(user=member, email=member.email, verified=False, primary=True)

    response = log_in(client, member.email)

    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")
    assert logged_in_user_id(client) is None
    assert [message.to for message in mailoutbox] == [[member.email]]  # a fresh confirmation link


def test_member_with_confirmed_email_logs_in_and_lands_on_profile(client, user):
    response = log_in(client, user.email)

    assert response.status_code == 302
    assert response.url == reverse("accounts:profile_edit")
    assert logged_in_user_id(client) == str(user.pk)


def test_email_address_is_matched_case_insensitively_at_login(client, user):
    log_in(client, user.email.upper())

    assert logged_in_user_id(client) == str(user.pk)


def test_member_with_wrong_password_is_not_logged_in(client, user):
    response = log_in(client, user.email, password="fout-wachtwoord-123")

    assert response.status_code == 200
    assert response.context["form"].errors
    assert logged_in_user_id(client) is None


def test_member_logs_out_with_a_post(client_logged_in, user):
    response = client_logged_in.post(reverse("account_logout"))

    assert response.status_code == 302
    assert logged_in_user_id(client_logged_in) is None


def test_visiting_the_logout_page_asks_first_and_keeps_the_member_logged_in(client_logged_in, user):
    response = client_logged_in.get(reverse("account_logout"))

    assert response.status_code == 200
    assert logged_in_user_id(client_logged_in) == str(user.pk)
