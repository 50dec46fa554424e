"""Raising a signal past the rate limit: an empty POST gets the friendly 429 too, not a server error; and a
blocked account can neither raise a signal nor write in one, but can still withdraw its own."""

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from core.ratelimit import TOO_MANY_MESSAGE
from lab.models import Signal, SignalMessage, SignalStatus

from .signal_helpers import NEW_SIGNAL, reply, withdraw_url

pytestmark = pytest.mark.django_db


def test_an_empty_signal_past_the_limit_gets_429_not_a_server_error(client, reporter, settings):
    settings.LOKET_POSTING_RATES = {"signal": "0/h"}
    client.force_login(reporter)

    response = client.post(NEW_SIGNAL)

    assert response.status_code == 429
    assert str(TOO_MANY_MESSAGE) in response.context["form"].non_field_errors()
    assert not Signal.objects.exists()


def _block(person):
    User.objects.filter(pk=person.pk).update(blocked_at=timezone.now(), block_kind="soft")


def test_a_blocked_reporter_cannot_write_in_their_signal(client, reporter, signal):
    _block(reporter)
    client.force_login(reporter)

    response = reply(client, signal, body="Nog een bericht")

    assert response.status_code == 403
    assert "Je account is geblokkeerd" in response.content.decode()
    assert not SignalMessage.objects.filter(body="Nog een bericht").exists()


def test_a_blocked_reporter_can_still_withdraw_their_signal(client, reporter, signal):
    _block(reporter)
    client.force_login(reporter)

    response = client.post(withdraw_url(signal))

    assert response.status_code == 302
    assert Signal.objects.get(pk=signal.pk).status == SignalStatus.WITHDRAWN
    assert response["Location"] == reverse("lab:signal_list")
