import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from accounts.models import User
from tests.accounts.factories import PASSWORD, UserFactory
from tests.accounts.helpers import link_path_in, logged_in_user_id

pytestmark = pytest.mark.django_db

SIGNUP = {
    "email": "nieuw@example.org",
    "display_name": "Nienke",
    "password1": PASSWORD,
    "password2": PASSWORD,
}


def sign_up(client, **changes):
    return client.post(reverse("account_signup"), {**SIGNUP, **changes})


def test_visitor_signs_up_with_email_display_name_and_password(client):
    response = sign_up(client)

    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")
    user = User.objects.get(email="nieuw@example.org")
    assert user.display_name == "Nienke"
    assert user.check_password(PASSWORD)
    assert EmailAddress.objects.get(user=user).verified is False


def test_new_member_is_not_logged_in_before_confirming_the_email(client):
    sign_up(client)

    assert logged_in_user_id(client) is None
    response = client.get(reverse("accounts:profile_edit"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_signup_sends_one_confirmation_email_in_dutch(client, mailoutbox):
    sign_up(client)

    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["nieuw@example.org"]
    assert message.subject == "[Samenwerken in Doetinchem] Bevestig je e-mailadres"
    assert "Je krijgt deze e-mail" in message.body
    assert link_path_in(message).startswith("/account/confirm-email/")


def test_following_the_confirmation_link_shows_a_page_but_confirms_only_on_post(client, mailoutbox):
    sign_up(client)
    confirm_path = link_path_in(mailoutbox[0])

    response = client.get(confirm_path)

    assert response.status_code == 200
    assert response.context["confirmation"] is not None
    assert EmailAddress.objects.get(email="nieuw@example.org").verified is False


def test_new_member_who_confirms_is_verified_and_logged_in(client, mailoutbox):
    sign_up(client)
    confirm_path = link_path_in(mailoutbox[0])

    response = client.post(confirm_path)

    assert response.status_code == 302
    address = EmailAddress.objects.get(email="nieuw@example.org")
    assert address.verified is True
    assert address.primary is True
    assert logged_in_user_id(client) == str(address.user_id)


def test_signup_without_display_name_is_refused(client):
    response = sign_up(client, display_name="")

    assert response.status_code == 200
    assert "display_name" in response.context["form"].errors
    assert not User.objects.filter(email="nieuw@example.org").exists()


def test_signup_with_mismatched_passwords_is_refused(client):
    response = sign_up(client, password2="iets-heel-anders-99")

    assert response.status_code == 200
    assert "password2" in response.context["form"].errors
    assert not User.objects.filter(email="nieuw@example.org").exists()


def test_signup_with_an_existing_email_creates_no_second_account(client, mailoutbox):
    UserFactory(email="nieuw@example.org", display_name="Eerste")

    sign_up(client, display_name="Tweede")

    # Enumeration is prevented: the form looks like it succeeded, the owner gets an email instead.
    assert User.objects.filter(email__iexact="nieuw@example.org").count() == 1
    assert User.objects.get(email="nieuw@example.org").display_name == "Eerste"
    assert [message.to for message in mailoutbox] == [["nieuw@example.org"]]
