"""The conversation about a signal: who sees which signals, and the reporter and the ombuds writing to each
other on the site. The other side is told by email, an email that never carries the signal's content; the
ombuds' first answer puts a new signal in progress; a closed or withdrawn signal takes no more replies."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from lab.models import SignalMessage, SignalStatus
from lab.services import signal_reply, signal_set_status
from tests.accounts.factories import staff_in_role
from tests.initiatives.factories import InitiativeFactory
from tests.lab.factories import SignalFactory, SignalMessageFactory
from tests.lab.signal_helpers import (
    DESCRIPTION,
    REPLY,
    SIGNALS,
    TITLE,
    assert_content_stays_out_of,
    detail_url,
    reply,
)

pytestmark = pytest.mark.django_db


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
