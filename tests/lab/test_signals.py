"""Raising a signal and the conversation about it: the reporter and the ombuds write to each other on the
site; the other side is told by email, an email that never carries the signal's content. The ombuds moves
a signal on (in progress, resolved, closed); the reporter may withdraw it while it is open."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from core.ratelimit import TOO_MANY_MESSAGE
from lab.models import Signal, SignalMessage, SignalStatus
from lab.services import signal_reply, signal_set_status, signal_withdraw
from tests.accounts.factories import UserFactory, staff_in_role
from tests.initiatives.factories import InitiativeFactory, VerifiedUserFactory
from tests.initiatives.log_help_helpers import HOSTILE_STRINGS, SCRIPT_MARKERS
from tests.lab.factories import SignalFactory, SignalMessageFactory

pytestmark = pytest.mark.django_db

NEW_SIGNAL = reverse("lab:signal_create")
SIGNALS = reverse("lab:signal_list")
TITLE = "Geen antwoord over de Kastanjelaan"
DESCRIPTION = "Drie keer gemaild over de bomenkap bij de Kastanjelaan, nooit antwoord gekregen."
REPLY = "Ik heb de wijkregisseur gevraagd om contact op te nemen."


def detail_url(signal):
    return reverse("lab:signal_detail", args=[signal.pk])


def withdraw_url(signal):
    return reverse("lab:signal_withdraw", args=[signal.pk])


def reply(client, signal, body=REPLY, **extra):
    return client.post(detail_url(signal), {"action": "reply", "body": body, **extra})


def set_status(client, signal, status):
    return client.post(detail_url(signal), {"action": "status", "status": status})


def assert_content_stays_out_of(mails, *secrets):
    for mail in mails:
        for secret in (TITLE, DESCRIPTION, REPLY, *secrets):
            assert secret not in mail.subject
            assert secret not in mail.body


@pytest.fixture
def signal(reporter):
    return SignalFactory(reporter=reporter, title=TITLE, description=DESCRIPTION)


@pytest.fixture
def second_ombuds():
    return staff_in_role("ombuds", display_name="Otto Ombuds")


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


# --- Who sees which signals -------------------------------------------------------------------------


def test_reporter_sees_only_their_own_signals(client, reporter, signal):
    SignalFactory(title="Iemand anders zijn zorg")
    mine_too = SignalFactory(reporter=reporter)
    client.force_login(reporter)

    response = client.get(SIGNALS)

    assert set(response.context["signals"]) == {signal, mine_too}
    assert response.context["is_ombuds"] is False
    assert "Iemand anders zijn zorg" not in response.content.decode()


def test_ombuds_sees_every_signal_newest_first(client, ombuds, signal):
    other = SignalFactory(title="Iemand anders zijn zorg")
    client.force_login(ombuds)

    response = client.get(SIGNALS)

    assert response.context["signals"] == [other, signal]
    assert response.context["is_ombuds"] is True
    assert "Iemand anders zijn zorg" in response.content.decode()


def test_resident_without_signals_has_an_empty_list(client, user, signal):
    client.force_login(user)

    assert client.get(SIGNALS).context["signals"] == []


def test_signal_list_queries_stay_constant_with_many_signals(
    client, ombuds, signal, django_assert_num_queries, count_queries
):
    client.force_login(ombuds)
    baseline = count_queries(lambda: client.get(SIGNALS))
    for _ in range(6):
        SignalFactory(initiative=InitiativeFactory())

    with django_assert_num_queries(baseline):
        client.get(SIGNALS)


def test_signal_page_queries_stay_constant_with_a_long_conversation(
    client, ombuds, signal, django_assert_num_queries, count_queries
):
    client.force_login(ombuds)
    SignalMessageFactory(signal=signal)
    baseline = count_queries(lambda: client.get(detail_url(signal)))
    for _ in range(4):
        SignalMessageFactory(signal=signal)
        SignalMessageFactory(signal=signal, author=staff_in_role("ombuds"), from_ombuds=True)

    with django_assert_num_queries(baseline):
        client.get(detail_url(signal))


def test_reporter_reads_the_whole_conversation(client, reporter, ombuds, signal):
    SignalMessageFactory(signal=signal, author=ombuds, from_ombuds=True, body=REPLY)
    client.force_login(reporter)

    response = client.get(detail_url(signal))

    assert response.status_code == 200
    assert [m.body for m in response.context["conversation"]] == [REPLY]
    content = response.content.decode()
    assert TITLE in content
    assert DESCRIPTION in content
    assert REPLY in content


# --- Replying ---------------------------------------------------------------------------------------


def test_ombuds_answers_and_the_reporter_is_emailed_without_the_content(
    client, reporter, ombuds, signal, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(ombuds)

    with django_capture_on_commit_callbacks(execute=True):
        response = reply(client, signal)

    assert response.status_code == 302
    assert response.url == detail_url(signal)
    message = SignalMessage.objects.get()
    assert (message.author, message.from_ombuds, message.body) == (ombuds, True, REPLY)
    [mail] = mailoutbox
    assert mail.to == [reporter.email]
    assert detail_url(signal) in mail.body
    assert_content_stays_out_of(mailoutbox)


def test_ombuds_first_answer_puts_a_new_signal_in_progress(client, ombuds, signal):
    client.force_login(ombuds)

    reply(client, signal)

    signal.refresh_from_db()
    assert signal.status == SignalStatus.IN_PROGRESS


def test_ombuds_answer_keeps_a_signal_in_progress_in_progress(ombuds, signal):
    signal_set_status(signal=signal, by=ombuds, status=SignalStatus.IN_PROGRESS)

    signal_reply(signal=signal, by=ombuds, body=REPLY)

    signal.refresh_from_db()
    assert signal.status == SignalStatus.IN_PROGRESS


def test_reporter_answers_and_every_ombuds_is_emailed_without_the_content(
    client, reporter, ombuds, second_ombuds, signal, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(reporter)

    with django_capture_on_commit_callbacks(execute=True):
        reply(client, signal, body="Inmiddels is de boom al gekapt, helaas.")

    message = SignalMessage.objects.get()
    assert (message.author, message.from_ombuds) == (reporter, False)
    assert sorted(mail.to[0] for mail in mailoutbox) == sorted([ombuds.email, second_ombuds.email])
    assert reporter.email not in [mail.to[0] for mail in mailoutbox]
    assert_content_stays_out_of(mailoutbox, "Inmiddels is de boom al gekapt, helaas.")
    signal.refresh_from_db()
    assert signal.status == SignalStatus.NEW  # only the ombuds' answer moves it on


def test_empty_reply_is_a_form_error(client, reporter, signal, mailoutbox):
    client.force_login(reporter)

    response = reply(client, signal, body="   ")

    assert response.status_code == 200
    assert response.context["reply_form"].has_error("body")
    assert not SignalMessage.objects.exists()


def test_reply_with_the_honeypot_filled_in_is_refused(client, reporter, signal):
    client.force_login(reporter)

    response = reply(client, signal, website="spam")

    assert response.status_code == 200
    assert not SignalMessage.objects.exists()


@pytest.mark.parametrize("status", [SignalStatus.RESOLVED, SignalStatus.CLOSED, SignalStatus.WITHDRAWN])
@pytest.mark.parametrize("who", ["reporter", "ombuds"])
def test_closed_or_withdrawn_signal_takes_no_more_replies(
    client, reporter, ombuds, signal, status, who, mailoutbox, django_capture_on_commit_callbacks
):
    signal.status = status
    signal.closed_at = timezone.now()
    signal.save()
    client.force_login(reporter if who == "reporter" else ombuds)

    with django_capture_on_commit_callbacks(execute=True):
        response = reply(client, signal)

    assert response.status_code == 302
    assert not SignalMessage.objects.exists()
    assert mailoutbox == []
    signal.refresh_from_db()
    assert signal.status == status


def test_service_refuses_a_reply_to_a_closed_signal(reporter, signal):
    signal.status = SignalStatus.CLOSED
    signal.save()

    with pytest.raises(ValidationError) as refused:
        signal_reply(signal=signal, by=reporter, body=REPLY)

    assert refused.value.code == "closed"


def test_service_refuses_a_reply_by_an_outsider(user, signal):
    with pytest.raises(PermissionDenied):
        signal_reply(signal=signal, by=user, body=REPLY)
    assert not SignalMessage.objects.exists()


# --- The ombuds moves a signal on --------------------------------------------------------------------


@pytest.mark.parametrize("status", [SignalStatus.RESOLVED, SignalStatus.CLOSED])
def test_ombuds_resolving_or_closing_a_signal_records_when(
    client, reporter, ombuds, signal, status, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(ombuds)

    with django_capture_on_commit_callbacks(execute=True):
        response = set_status(client, signal, status)

    assert response.status_code == 302
    signal.refresh_from_db()
    assert signal.status == status
    assert signal.closed_at is not None
    assert [mail.to for mail in mailoutbox] == [[reporter.email]]
    assert_content_stays_out_of(mailoutbox)


@pytest.mark.parametrize("status", [SignalStatus.IN_PROGRESS, SignalStatus.NEW])
def test_reopening_a_signal_clears_when_it_was_closed(client, ombuds, signal, status):
    client.force_login(ombuds)
    set_status(client, signal, SignalStatus.RESOLVED)

    set_status(client, signal, status)

    signal.refresh_from_db()
    assert (signal.status, signal.closed_at) == (status, None)


def test_closing_again_keeps_the_first_closing_time(ombuds, signal):
    signal_set_status(signal=signal, by=ombuds, status=SignalStatus.RESOLVED)
    signal.refresh_from_db()
    first = signal.closed_at

    signal_set_status(signal=signal, by=ombuds, status=SignalStatus.CLOSED)

    signal.refresh_from_db()
    assert (signal.status, signal.closed_at) == (SignalStatus.CLOSED, first)


def test_reporter_cannot_change_the_status(client, reporter, signal):
    client.force_login(reporter)

    response = set_status(client, signal, SignalStatus.RESOLVED)

    assert response.status_code == 403
    signal.refresh_from_db()
    assert (signal.status, signal.closed_at) == (SignalStatus.NEW, None)


@pytest.mark.parametrize("status", [SignalStatus.WITHDRAWN, "verzonnen"])
def test_ombuds_cannot_set_a_status_that_is_not_theirs_to_set(client, ombuds, signal, status):
    client.force_login(ombuds)

    response = set_status(client, signal, status)

    assert response.status_code == 200
    assert response.context["status_form"].has_error("status")
    signal.refresh_from_db()
    assert signal.status == SignalStatus.NEW


def test_withdrawn_signal_keeps_its_status(client, reporter, ombuds, signal, mailoutbox):
    signal_withdraw(signal=signal, by=reporter)
    client.force_login(ombuds)

    response = set_status(client, signal, SignalStatus.IN_PROGRESS)

    assert response.status_code == 302
    signal.refresh_from_db()
    assert signal.status == SignalStatus.WITHDRAWN
    assert signal.closed_at is not None


def test_only_an_ombuds_may_set_a_status_through_the_service(signal):
    superuser = UserFactory(is_staff=True, is_superuser=True)

    with pytest.raises(PermissionDenied):
        signal_set_status(signal=signal, by=superuser, status=SignalStatus.CLOSED)


# --- Withdrawing ------------------------------------------------------------------------------------


@pytest.mark.parametrize("status", [SignalStatus.NEW, SignalStatus.IN_PROGRESS])
def test_reporter_withdraws_an_open_signal_and_the_ombuds_are_told(
    client, reporter, ombuds, signal, status, mailoutbox, django_capture_on_commit_callbacks
):
    signal.status = status
    signal.save()
    client.force_login(reporter)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(withdraw_url(signal))

    assert response.status_code == 302
    assert response.url == SIGNALS
    signal.refresh_from_db()
    assert signal.status == SignalStatus.WITHDRAWN
    assert signal.closed_at is not None
    assert [mail.to for mail in mailoutbox] == [[ombuds.email]]
    assert_content_stays_out_of(mailoutbox)


@pytest.mark.parametrize("status", [SignalStatus.RESOLVED, SignalStatus.CLOSED, SignalStatus.WITHDRAWN])
def test_reporter_cannot_withdraw_a_closed_signal(client, reporter, signal, status, mailoutbox):
    signal.status = status
    signal.save()
    client.force_login(reporter)

    response = client.post(withdraw_url(signal))

    assert response.status_code == 403
    signal.refresh_from_db()
    assert signal.status == status
    assert mailoutbox == []


def test_ombuds_cannot_withdraw_someone_elses_signal(client, ombuds, signal):
    client.force_login(ombuds)

    assert client.post(withdraw_url(signal)).status_code == 403
    signal.refresh_from_db()
    assert signal.status == SignalStatus.NEW


def test_other_resident_cannot_withdraw_and_does_not_learn_the_signal_exists(client, user, signal):
    client.force_login(user)

    assert client.post(withdraw_url(signal)).status_code == 404
    assert client.post(reverse("lab:signal_withdraw", args=[signal.pk + 1000])).status_code == 404
    signal.refresh_from_db()
    assert signal.status == SignalStatus.NEW


def test_withdrawing_takes_a_post(client, reporter, signal):
    client.force_login(reporter)

    assert client.get(withdraw_url(signal)).status_code == 405
    signal.refresh_from_db()
    assert signal.status == SignalStatus.NEW


def test_withdraw_button_only_for_the_reporter_of_an_open_signal(client, reporter, ombuds, signal):
    client.force_login(reporter)
    assert client.get(detail_url(signal)).context["can_withdraw"] is True
    client.force_login(ombuds)
    assert client.get(detail_url(signal)).context["can_withdraw"] is False
    signal_withdraw(signal=signal, by=reporter)
    client.force_login(reporter)
    assert client.get(detail_url(signal)).context["can_withdraw"] is False
