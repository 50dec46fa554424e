"""allauth's account pages and the messages they show, read in Dutch as a person gets them: each in our own
words (its heading says so), and none with a stiff word (tests/accounts/plain_dutch.py). The emails are in
test_plain_dutch_emails.py; that every page is ours, in test_allauth_templates.py."""

import pytest
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.models import EmailAddress
from django.contrib.messages import get_messages
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

from tests.accounts.factories import PASSWORD, UserFactory, verify_email
from tests.accounts.helpers import link_path_in
from tests.accounts.plain_dutch import heading_of, page_text, stiff_words
from tests.html import elements, parse, text_of

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "een-nieuw-lang-wachtwoord-8"


def assert_plain(response, heading):
    assert response.status_code == 200
    assert heading_of(response) == heading
    assert stiff_words(page_text(response)) == []


def last_message(response) -> str:
    """The message the last request added (the earlier ones wait in the storage: nothing showed them)."""
    return [str(message) for message in get_messages(response.wsgi_request)][-1]


@pytest.fixture
def reset_link(client, user, mailoutbox):
    """The page the password reset email links to (allauth moves the key into the session first)."""
    client.post(reverse("account_reset_password"), {"email": user.email})
    return client.get(link_path_in(mailoutbox[-1])).url


# --- Pages ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "heading"),
    [
        ("account_login", "Inloggen"),
        ("account_signup", "Registreren"),
        ("account_reset_password", "Wachtwoord vergeten?"),
        ("account_reset_password_done", "Kijk in je e-mail"),
        ("account_reset_password_from_key_done", "Je nieuwe wachtwoord is opgeslagen"),
        ("account_email_verification_sent", "Bevestig je e-mailadres"),
        ("account_inactive", "Dit account staat uit"),
    ],
)
def test_visitor_reads_the_account_pages_in_plain_dutch(client, name, heading):
    assert_plain(client.get(reverse(name)), heading)


@pytest.mark.parametrize(
    ("name", "heading"),
    [
        ("account_email", "E-mailadressen"),
        ("account_change_password", "Wachtwoord wijzigen"),
        ("account_logout", "Uitloggen"),
        ("account_reauthenticate", "Laat zien dat jij het bent"),
        ("account_reset_password", "Wachtwoord vergeten?"),  # with a note: you are logged in already
    ],
)
def test_member_reads_the_account_pages_in_plain_dutch(client_logged_in, name, heading):
    assert_plain(client_logged_in.get(reverse(name)), heading)


def test_member_who_is_logged_in_already_is_told_so_on_the_password_reset_page(client_logged_in):
    response = client_logged_in.get(reverse("account_reset_password"))

    assert "Je bent al ingelogd, als Bea." in page_text(response)


def test_member_without_a_password_is_asked_to_choose_one(client):
    member = UserFactory(display_name="Zonder")
    member.set_unusable_password()
    member.save()
    verify_email(member)
    client.force_login(member)

    assert_plain(client.get(reverse("account_set_password")), "Kies een wachtwoord")


def test_member_without_an_email_address_is_asked_to_add_one(client):
    member = UserFactory(email="")
    client.force_login(member)

    response = client.get(reverse("account_email"))

    assert_plain(response, "E-mailadressen")
    assert "Je account heeft geen e-mailadres." in page_text(response)


def test_email_page_names_the_main_address_and_what_is_confirmed_in_plain_words(client_logged_in, user):
    EmailAddress.objects.create(user=user, email="tweede@example.org", verified=False, primary=False)

    document = parse(client_logged_in.get(reverse("account_email")))

    labels = [text_of(label) for label in elements(document.main, "label")]
    assert f"{user.email} bevestigd hoofdadres" in labels
    assert "tweede@example.org nog niet bevestigd" in labels
    [legend] = elements(document.main, "legend")
    assert text_of(legend) == "Kies een adres, en daarna wat je ermee wilt doen"


def test_confirmation_link_asks_to_confirm_with_a_button(client, mailoutbox):
    client.post(
        reverse("account_signup"),
        {"email": "nieuw@example.org", "display_name": "Nina", "password1": PASSWORD, "password2": PASSWORD},
    )

    response = client.get(link_path_in(mailoutbox[-1]))

    assert_plain(response, "Bevestig je e-mailadres")
    assert "Is nieuw@example.org jouw e-mailadres? Bevestig het dan met de knop." in page_text(response)


@pytest.mark.parametrize(
    ("address", "heading", "text"),
    [
        ("/account/confirm-email/geen-sleutel/", "Bevestig je e-mailadres", "Deze link werkt niet meer."),
        (
            "/account/password/reset/key/1-geen-sleutel/",
            "Deze link werkt niet meer",
            "Vraag een nieuwe link aan",
        ),
    ],
)
def test_link_that_no_longer_works_says_so_in_plain_dutch(client, address, heading, text):
    response = client.get(address)

    assert_plain(response, heading)
    assert text in page_text(response)


def test_password_reset_link_opens_a_page_to_choose_a_new_password(client, reset_link):
    assert_plain(client.get(reset_link), "Kies een nieuw wachtwoord")


def test_signup_closed_says_so_in_plain_dutch(client, monkeypatch):
    monkeypatch.setattr(DefaultAccountAdapter, "is_open_for_signup", lambda adapter, request: False)

    assert_plain(client.get(reverse("account_signup")), "Je kunt nu geen account maken")


@pytest.mark.urls("tests.accounts.verified_urls")
def test_page_for_confirmed_members_asks_to_confirm_the_address_first(client, mailoutbox):
    member = UserFactory()
    EmailAddress.objects.create(user=member, email=member.email, verified=False, primary=True)
    client.force_login(member)

    response = client.get("/alleen-bevestigd/")

    assert_plain(response, "Bevestig eerst je e-mailadres")
    assert len(mailoutbox) == 1


# --- Forms with a mistake --------------------------------------------------------------------------------


def test_wrong_password_at_login_is_told_in_plain_dutch(client, user):
    response = client.post(reverse("account_login"), {"login": user.email, "password": "niet-dit-wachtwoord"})

    assert_plain(response, "Inloggen")
    assert "Het e-mailadres of het wachtwoord klopt niet." in page_text(response)


def test_mistakes_at_signup_are_told_in_plain_dutch(client):
    response = client.post(
        reverse("account_signup"),
        {
            "email": "nieuw@example.org",
            "display_name": "Nina",
            "password1": PASSWORD,
            "password2": "iets-anders",
        },
    )

    assert_plain(response, "Registreren")
    assert "Typ twee keer hetzelfde wachtwoord." in page_text(response)


def test_short_or_common_new_password_is_refused_in_plain_dutch(client_logged_in):
    too_short = client_logged_in.post(
        reverse("account_change_password"), {"oldpassword": "fout", "password1": "kort", "password2": "kort"}
    )
    too_common = client_logged_in.post(
        reverse("account_change_password"),
        {"oldpassword": PASSWORD, "password1": "password", "password2": "password"},
    )

    assert_plain(too_short, "Wachtwoord wijzigen")
    assert "Vul je huidige wachtwoord in." in page_text(too_short)
    assert "Dit wachtwoord is te kort. Gebruik minstens 8 tekens." in page_text(too_short)
    assert "Dit wachtwoord gebruiken veel mensen." in page_text(too_common)


def test_wrong_password_when_showing_it_is_you_is_told_in_plain_dutch(client_logged_in):
    response = client_logged_in.post(reverse("account_reauthenticate"), {"password": "niet-dit-wachtwoord"})

    assert_plain(response, "Laat zien dat jij het bent")
    assert "Dit wachtwoord klopt niet." in page_text(response)


def test_two_different_new_passwords_from_the_reset_link_are_told_in_plain_dutch(client, reset_link):
    response = client.post(reset_link, {"password1": NEW_PASSWORD, "password2": "iets-anders-lang-9"})

    assert_plain(response, "Kies een nieuw wachtwoord")
    assert "Typ twee keer hetzelfde wachtwoord." in page_text(response)


# --- Messages after an action -----------------------------------------------------------------------------


def test_logging_in_and_out_is_confirmed_in_plain_dutch(client, user):
    logged_in = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    logged_out = client.post(reverse("account_logout"))

    assert last_message(logged_in) == "Je bent ingelogd als Bea."
    assert last_message(logged_out) == "Je bent uitgelogd. Tot ziens!"


def test_changing_the_password_is_confirmed_in_plain_dutch(client_logged_in):
    response = client_logged_in.post(
        reverse("account_change_password"),
        {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )

    assert last_message(response) == "Je nieuwe wachtwoord is opgeslagen."


def test_managing_email_addresses_is_confirmed_in_plain_dutch(client_logged_in, user):
    email = reverse("account_email")
    EmailAddress.objects.create(user=user, email="oud@example.org", verified=True, primary=False)

    added = client_logged_in.post(email, {"action_add": "", "email": "nieuw@example.org"})
    unconfirmed = client_logged_in.post(email, {"action_primary": "", "email": "nieuw@example.org"})
    main_one = client_logged_in.post(email, {"action_remove": "", "email": user.email})
    other = client_logged_in.post(email, {"action_primary": "", "email": "oud@example.org"})
    removed = client_logged_in.post(email, {"action_remove": "", "email": user.email})

    assert last_message(added) == "We hebben een bevestigingsmail gestuurd naar nieuw@example.org."
    assert last_message(unconfirmed) == "Bevestig een adres eerst. Pas daarna kan het je hoofdadres zijn."
    assert last_message(main_one) == (
        f"{user.email} is je hoofdadres. Maak eerst een ander adres je hoofdadres. Daarna kun je dit adres "
        "verwijderen."
    )
    assert last_message(other) == "Je hoofdadres is veranderd."
    assert last_message(removed) == f"{user.email} is uit je account gehaald."


def test_confirming_an_address_is_confirmed_in_plain_dutch(client, mailoutbox):
    client.post(
        reverse("account_signup"),
        {"email": "nieuw@example.org", "display_name": "Nina", "password1": PASSWORD, "password2": PASSWORD},
    )

    response = client.post(link_path_in(mailoutbox[-1]))

    shown = [str(message) for message in get_messages(response.wsgi_request)]
    assert shown[-2:] == ["Dank je wel. nieuw@example.org is bevestigd.", "Je bent ingelogd als Nina."]


@pytest.mark.parametrize(
    "name",
    [
        "cannot_delete_primary_email",
        "email_confirmation_failed",
        "email_confirmation_sent",
        "email_confirmed",
        "email_deleted",
        "logged_in",
        "logged_out",
        "login_code_sent",
        "password_changed",
        "password_set",
        "primary_email_set",
        "unverified_primary_email",
    ],
)
def test_every_message_is_plain_dutch_and_translated(name, user):
    # Also the ones no flow above reaches (another account took the address; a login code was sent).
    context = {"email": "iemand@example.org", "user": user, "recipient": "iemand@example.org"}
    template = f"account/messages/{name}.txt"
    request = RequestFactory().get("/")

    dutch = render_to_string(template, context, request).strip()
    with translation.override("en"):
        english = render_to_string(template, context, request).strip()

    assert dutch
    assert dutch != english
    assert stiff_words(dutch) == []
