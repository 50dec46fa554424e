"""allauth's emails, read in Dutch as a person gets them: in our own plain words, with what each needs (its
link, the address), and none with a stiff word (tests/accounts/plain_dutch.py).

The security notices (password changed, email address changed or removed) are off in our settings
(ACCOUNT_EMAIL_NOTIFICATIONS); they are written all the same and tested with the setting on, as are the
emails of login by code, so turning either on never sends allauth's own Dutch."""

import datetime
from pathlib import Path

import pytest
from allauth.account.adapter import get_adapter
from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.sites.shortcuts import get_current_site
from django.urls import reverse
from django.utils import translation

from tests.accounts.factories import PASSWORD, UserFactory, verify_email
from tests.accounts.helpers import link_path_in
from tests.accounts.plain_dutch import mail_text, stiff_words

pytestmark = pytest.mark.django_db

SUBJECT_PREFIX = "[Samenwerken in Doetinchem] "
OUR_EMAILS = Path(settings.BASE_DIR) / "templates" / "account" / "email"
NEW_PASSWORD = "een-nieuw-lang-wachtwoord-8"


@pytest.fixture
def notifications_on(settings):
    settings.ACCOUNT_EMAIL_NOTIFICATIONS = True


def subjects(mailoutbox) -> list[str]:
    return [message.subject.removeprefix(SUBJECT_PREFIX) for message in mailoutbox]


def assert_plain(mailoutbox):
    assert mailoutbox
    assert {message.subject: stiff_words(mail_text(message)) for message in mailoutbox} == {
        message.subject: [] for message in mailoutbox
    }


# --- The emails the site sends ----------------------------------------------------------------------------


def test_signing_up_sends_a_plain_confirmation_email(client, mailoutbox):
    client.post(
        reverse("account_signup"),
        {"email": "nieuw@example.org", "display_name": "Nina", "password1": PASSWORD, "password2": PASSWORD},
    )

    assert subjects(mailoutbox) == ["Bevestig je e-mailadres"]
    body = mailoutbox[0].body
    assert body.startswith("Hallo Nina,\n\nJe krijgt deze e-mail omdat iemand dit e-mailadres heeft ingevuld")
    assert "Is dit jouw adres? Klik dan op de link om het te bevestigen:" in body
    assert link_path_in(mailoutbox[0]).startswith("/account/confirm-email/")
    assert_plain(mailoutbox)


def test_signing_up_with_a_known_address_tells_its_owner_in_plain_dutch(client, user, mailoutbox):
    client.post(
        reverse("account_signup"),
        {"email": user.email, "display_name": "Iemand", "password1": PASSWORD, "password2": PASSWORD},
    )

    assert subjects(mailoutbox) == ["Je hebt al een account"]
    assert user.email in mailoutbox[0].body
    assert link_path_in(mailoutbox[0]) == reverse("account_reset_password")
    assert_plain(mailoutbox)


def test_asking_for_a_new_password_sends_a_plain_link(client, user, mailoutbox):
    client.post(reverse("account_reset_password"), {"email": user.email})

    assert subjects(mailoutbox) == ["Kies een nieuw wachtwoord"]
    assert mailoutbox[0].body.startswith("Hallo Bea,\n\nIemand heeft een nieuw wachtwoord gevraagd")
    assert link_path_in(mailoutbox[0]).startswith("/account/password/reset/key/")
    assert_plain(mailoutbox)


def test_asking_for_a_new_password_for_an_unknown_address_says_so_in_plain_dutch(client, mailoutbox):
    client.post(reverse("account_reset_password"), {"email": "onbekend@example.org"})

    assert subjects(mailoutbox) == ["We kennen dit e-mailadres niet"]
    assert "onbekend@example.org" in mailoutbox[0].body
    assert link_path_in(mailoutbox[0]) == reverse("account_signup")
    assert_plain(mailoutbox)


def test_logging_in_with_an_unconfirmed_address_sends_a_new_plain_confirmation(client, mailoutbox):
    member = UserFactory()
    EmailAddress.objects.create(user=member, email=member.email, verified=False, primary=True)

    client.post(reverse("account_login"), {"login": member.email, "password": PASSWORD})

    assert subjects(mailoutbox) == ["Bevestig je e-mailadres"]
    assert_plain(mailoutbox)


# --- Security notices (with ACCOUNT_EMAIL_NOTIFICATIONS on) --------------------------------------------


@pytest.mark.usefixtures("notifications_on")
def test_changing_the_password_sends_a_plain_notice_with_where_it_came_from(client_logged_in, mailoutbox):
    client_logged_in.post(
        reverse("account_change_password"),
        {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
        HTTP_USER_AGENT="Testbrowser 1.0",
    )

    assert subjects(mailoutbox) == ["Je wachtwoord is veranderd"]
    body = mailoutbox[0].body
    assert "Het wachtwoord van je account is net veranderd." in body
    assert "Heb je dit niet zelf gedaan? Dan gebruikt misschien iemand anders je account." in body
    assert "- vanaf internetadres 127.0.0.1\n- met de browser Testbrowser 1.0" in body
    assert "http" not in body  # no link in a security notice: someone who did not do it goes to the site
    assert_plain(mailoutbox)


@pytest.mark.usefixtures("notifications_on")
def test_choosing_a_first_password_sends_a_plain_notice(client, mailoutbox):
    member = UserFactory(display_name="Zonder")
    member.set_unusable_password()
    member.save()
    verify_email(member)
    client.force_login(member)

    client.post(reverse("account_set_password"), {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})

    assert subjects(mailoutbox) == ["Je account heeft nu een wachtwoord"]
    assert_plain(mailoutbox)


@pytest.mark.usefixtures("notifications_on")
def test_a_new_password_from_the_reset_link_sends_a_plain_notice(client, user, mailoutbox):
    client.post(reverse("account_reset_password"), {"email": user.email})
    key_page = client.get(link_path_in(mailoutbox[0]))

    client.post(key_page.url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})

    assert subjects(mailoutbox) == ["Kies een nieuw wachtwoord", "Je hebt een nieuw wachtwoord gekozen"]
    assert_plain(mailoutbox)


@pytest.mark.usefixtures("notifications_on")
def test_changing_and_removing_email_addresses_sends_plain_notices(client_logged_in, user, mailoutbox):
    EmailAddress.objects.create(user=user, email="tweede@example.org", verified=True, primary=False)
    email = reverse("account_email")

    client_logged_in.post(email, {"action_primary": "", "email": "tweede@example.org"})
    client_logged_in.post(email, {"action_remove": "", "email": user.email})

    assert subjects(mailoutbox) == [
        "Je hoofdadres is veranderd",
        "Er is een e-mailadres uit je account gehaald",
    ]
    assert [message.to for message in mailoutbox] == [[user.email], ["tweede@example.org"]]
    assert f"veranderd van {user.email} in tweede@example.org" in mailoutbox[0].body
    assert f"Het e-mailadres {user.email} is net uit je account gehaald." in mailoutbox[1].body
    assert_plain(mailoutbox)


# --- Every email of ours, also those no flow above sends ---------------------------------------------------


def our_emails() -> list[str]:
    return sorted(path.name.removesuffix("_subject.txt") for path in OUR_EMAILS.glob("*_subject.txt"))


def test_our_emails_are_every_email_allauth_sends():
    assert our_emails() == [
        "account_already_exists",
        "email_changed",
        "email_confirm",
        "email_confirmation",
        "email_confirmation_signup",
        "email_deleted",
        "login_code",
        "password_changed",
        "password_reset",
        "password_reset_code",
        "password_reset_key",
        "password_set",
        "unknown_account",
    ]


@pytest.mark.parametrize("name", our_emails())
def test_every_email_reads_plain_dutch_and_is_translated(rf, name):
    person = UserFactory.build(display_name="Bea", email="bea@example.org")
    request = rf.get("/")
    context = {
        "user": person,
        "email": person.email,
        "current_site": get_current_site(request),
        "activate_url": "https://loket.example/account/confirm-email/sleutel/",
        "password_reset_url": "https://loket.example/account/password/reset/",
        "signup_url": "https://loket.example/account/signup/",
        "code": "K7Q-2MX",
        "from_email": "bea@example.org",
        "to_email": "bea@elders.example",
        "deleted_email": "oud@example.org",
        "ip": "192.0.2.7",
        "user_agent": "Testbrowser 1.0",
        "timestamp": datetime.datetime(2026, 3, 2, 13, 5, tzinfo=datetime.UTC),
        "request": request,
    }
    adapter = get_adapter()

    dutch = adapter.render_mail(f"account/email/{name}", person.email, context)
    with translation.override("en"):
        english = adapter.render_mail(f"account/email/{name}", person.email, context)

    assert dutch.subject.startswith(SUBJECT_PREFIX)
    assert dutch.subject != english.subject
    assert dutch.body != english.body
    assert stiff_words(mail_text(dutch)) == []
    assert "{{" not in dutch.body
    assert "%(" not in dutch.body
    assert dutch.body.rstrip().endswith("Met vriendelijke groet,\nSamenwerken in Doetinchem\ntestserver")
