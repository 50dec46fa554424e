"""A signal moves on: the ombuds puts it in progress, resolves or closes it (and may reopen it), the reporter
hears of it by email without its content; the reporter may withdraw a signal while it is open, and nobody
else may."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from lab.models import SignalStatus
from lab.services import signal_set_status, signal_withdraw
from tests.accounts.factories import UserFactory
from tests.lab.signal_helpers import (
    SIGNALS,
    assert_content_stays_out_of,
    detail_url,
    set_status,
    withdraw_url,
)

pytestmark = pytest.mark.django_db


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
