import pytest
from django.urls import reverse

from tests.accounts.factories import PASSWORD
from tests.accounts.helpers import link_path_in

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "nieuw-en-lang-wachtwoord-7"


def request_reset(client, email):
    return client.post(reverse("account_reset_password"), {"email": email})


def test_member_who_forgot_the_password_gets_a_reset_link_by_email(client, user, mailoutbox):
    response = request_reset(client, user.email)

    assert response.status_code == 302
    assert response.url == reverse("account_reset_password_done")
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == [user.email]
    assert mailoutbox[0].subject.startswith("[Samenwerken in Doetinchem] ")
    assert link_path_in(mailoutbox[0]).startswith("/account/password/reset/key/")


def test_member_sets_a_new_password_through_the_link_and_logs_in_with_it(client, user, mailoutbox):
    request_reset(client, user.email)
    key_page = client.get(link_path_in(mailoutbox[0]))
    assert key_page.status_code == 302  # allauth moves the key out of the URL into the session

    response = client.post(key_page.url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})

    assert response.status_code == 302
    assert response.url == reverse("account_reset_password_from_key_done")
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    assert not user.check_password(PASSWORD)
    client.logout()
    assert client.login(email=user.email, password=NEW_PASSWORD)


def test_reset_link_cannot_be_used_twice(client, user, mailoutbox):
    request_reset(client, user.email)
    link = link_path_in(mailoutbox[0])
    key_page = client.get(link)
    client.post(key_page.url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    client.logout()

    second = client.get(link, follow=True)

    assert second.context["token_fail"] is True


def test_reset_for_an_unknown_address_does_not_reveal_that_it_is_unknown(client, db, mailoutbox):
    response = request_reset(client, "niemand@example.org")

    assert response.status_code == 302
    assert response.url == reverse("account_reset_password_done")
    # allauth tells the address it has no account; it sends no reset link.
    assert all("/password/reset/key/" not in message.body for message in mailoutbox)
