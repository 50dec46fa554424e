"""Raising a signal (/samenwerkingslab/signalen/nieuw/): a resident with a confirmed address raises one, every
ombuds gets an email without its content; about a published initiative or none; refused for bots, floods,
blocked accounts and wrong input; hostile text never breaks a page nor comes back as HTML."""

import pytest
from django.urls import reverse
from django.utils import timezone

from core.ratelimit import TOO_MANY_MESSAGE
from lab.models import Signal, SignalMessage, SignalStatus
from tests.accounts.factories import UserFactory, staff_in_role
from tests.initiatives.factories import InitiativeFactory, VerifiedUserFactory
from tests.initiatives.log_help_helpers import HOSTILE_STRINGS, SCRIPT_MARKERS
from tests.lab.signal_helpers import (
    DESCRIPTION,
    NEW_SIGNAL,
    REPLY,
    SIGNALS,
    TITLE,
    assert_content_stays_out_of,
    detail_url,
    reply,
)

pytestmark = pytest.mark.django_db


# --- Raising a signal ---------------------------------------------------------------------------------


def test_resident_raises_a_signal_and_every_ombuds_gets_an_email_without_its_content(
    client, reporter, ombuds, second_ombuds, mailoutbox, django_capture_on_commit_callbacks
):
    initiative = InitiativeFactory()
    staff_in_role("moderators")  # other staff hear nothing
    client.force_login(reporter)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            NEW_SIGNAL, {"title": TITLE, "description": DESCRIPTION, "initiative": initiative.pk}
        )

    signal = Signal.objects.get()
    assert response.status_code == 302
    assert response.url == detail_url(signal)
    assert (signal.reporter, signal.title, signal.description, signal.initiative) == (
        reporter,
        TITLE,
        DESCRIPTION,
        initiative,
    )
    assert (signal.status, signal.closed_at) == (SignalStatus.NEW, None)
    assert sorted(mail.to[0] for mail in mailoutbox) == sorted([ombuds.email, second_ombuds.email])
    for mail in mailoutbox:
        assert len(mail.to) == 1
        assert detail_url(signal) in mail.body
    assert_content_stays_out_of(mailoutbox)


def test_signal_about_no_particular_initiative(client, reporter):
    client.force_login(reporter)

    client.post(NEW_SIGNAL, {"title": TITLE, "description": DESCRIPTION, "initiative": ""})

    assert Signal.objects.get().initiative is None


def test_signal_can_only_be_about_a_published_initiative(client, reporter):
    draft = InitiativeFactory(draft=True)
    client.force_login(reporter)

    response = client.post(NEW_SIGNAL, {"title": TITLE, "description": DESCRIPTION, "initiative": draft.pk})

    assert response.status_code == 200
    assert response.context["form"].has_error("initiative")
    assert not Signal.objects.exists()


def test_ombuds_who_left_or_has_no_email_is_not_emailed(
    client, reporter, ombuds, mailoutbox, django_capture_on_commit_callbacks
):
    staff_in_role("ombuds", is_active=False)
    staff_in_role("ombuds", email="")
    client.force_login(reporter)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(NEW_SIGNAL, {"title": TITLE, "description": DESCRIPTION})

    assert [mail.to for mail in mailoutbox] == [[ombuds.email]]


def test_anonymous_visitor_is_sent_to_log_in(client):
    response = client.get(NEW_SIGNAL)

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_raising_a_signal_needs_a_confirmed_email_address(client, mailoutbox):
    client.force_login(UserFactory())

    shown = client.get(NEW_SIGNAL)
    sent = client.post(NEW_SIGNAL, {"title": TITLE, "description": DESCRIPTION})

    assert (shown.status_code, sent.status_code) == (403, 403)
    assert shown.context["needs_verified_email"] is True
    assert "form" not in shown.context
    assert not Signal.objects.exists()


def test_blocked_account_cannot_raise_a_signal(client):
    client.force_login(VerifiedUserFactory(blocked_at=timezone.now()))

    assert client.post(NEW_SIGNAL, {"title": TITLE, "description": DESCRIPTION}).status_code == 403
    assert not Signal.objects.exists()


def test_honeypot_filled_in_is_refused(client, reporter, ombuds, mailoutbox):
    client.force_login(reporter)

    response = client.post(NEW_SIGNAL, {"title": TITLE, "description": DESCRIPTION, "website": "http://x"})

    assert response.status_code == 200
    assert response.context["form"].errors
    assert not Signal.objects.exists()
    assert mailoutbox == []


def test_too_many_signals_get_429_and_keep_what_was_typed(client, reporter, settings):
    settings.LOKET_POSTING_RATES = {"signal": "2/h"}
    client.force_login(reporter)
    for number in range(2):
        assert (
            client.post(NEW_SIGNAL, {"title": f"{TITLE} {number}", "description": DESCRIPTION}).status_code
            == 302
        )

    response = client.post(NEW_SIGNAL, {"title": "De derde keer", "description": "Nog steeds niets gehoord."})

    assert response.status_code == 429
    assert str(TOO_MANY_MESSAGE) in response.context["form"].non_field_errors()
    assert "Nog steeds niets gehoord." in response.content.decode()
    assert Signal.objects.count() == 2


def test_replies_count_towards_the_same_limit(client, reporter, signal, settings):
    settings.LOKET_POSTING_RATES = {"signal": "2/h"}
    client.force_login(reporter)
    for _ in range(2):
        assert reply(client, signal).status_code == 302

    response = reply(client, signal, body="En nog eentje.")

    assert response.status_code == 200
    assert str(TOO_MANY_MESSAGE) in response.context["reply_form"].non_field_errors()
    assert SignalMessage.objects.count() == 2


def test_empty_or_too_long_signal_is_a_form_error(client, reporter):
    client.force_login(reporter)

    for title, description in [
        ("", DESCRIPTION),
        (TITLE, "   "),
        ("x" * 161, DESCRIPTION),
        (TITLE, "x" * 5001),
    ]:
        response = client.post(NEW_SIGNAL, {"title": title, "description": description})
        assert response.status_code == 200
        assert response.context["form"].errors

    assert not Signal.objects.exists()


@pytest.mark.parametrize("hostile", HOSTILE_STRINGS, ids=range(len(HOSTILE_STRINGS)))
def test_hostile_signal_never_breaks_anything_nor_comes_back_as_html(client, reporter, ombuds, hostile):
    client.force_login(reporter)

    response = client.post(NEW_SIGNAL, {"title": hostile[:160], "description": hostile}, follow=True)

    assert response.status_code == 200
    pages = [response.content.decode()]
    for person in (reporter, ombuds):
        client.force_login(person)
        pages.append(client.get(SIGNALS).content.decode())
        for signal in Signal.objects.all():
            pages.append(client.get(detail_url(signal)).content.decode())
    for page in pages:
        for marker in SCRIPT_MARKERS:
            assert marker not in page


@pytest.mark.parametrize("hostile", HOSTILE_STRINGS, ids=range(len(HOSTILE_STRINGS)))
def test_hostile_reply_never_breaks_anything_nor_comes_back_as_html(
    client, reporter, ombuds, signal, hostile
):
    client.force_login(ombuds)

    response = reply(client, signal, body=hostile)

    assert response.status_code in (200, 302)
    client.force_login(reporter)
    page = client.get(detail_url(signal))
    assert page.status_code == 200
    for marker in SCRIPT_MARKERS:
        assert marker not in response.content.decode()
        assert marker not in page.content.decode()


@pytest.mark.parametrize("hostile", HOSTILE_STRINGS, ids=range(len(HOSTILE_STRINGS)))
def test_hostile_status_or_action_is_never_a_server_error(client, ombuds, signal, hostile):
    client.force_login(ombuds)

    for data in ({"action": "status", "status": hostile}, {"action": hostile, "body": REPLY}):
        response = client.post(detail_url(signal), data)
        assert response.status_code in (200, 302, 403)
    signal.refresh_from_db()
    assert signal.status == SignalStatus.NEW
