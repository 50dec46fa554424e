"""The daily and weekly digests: one email per follower, grouped per initiative, newest first, sent once."""

import datetime
from io import StringIO

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.utils import timezone

from initiatives.choices import FollowFrequency
from initiatives.models import Notification
from initiatives.services.digests import digests_send
from tests.initiatives.factories import (
    FollowFactory,
    InitiativeFactory,
    NotificationFactory,
    VerifiedUserFactory,
)
from tests.initiatives.participation_helpers import unsubscribe_links, unsubscribed_by

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2025, 3, 12, 7, 0, tzinfo=datetime.UTC)


def ago(**delta):
    return NOW - datetime.timedelta(**delta)


@pytest.fixture
def send(django_capture_on_commit_callbacks):
    """Send digests at NOW and let the emails go out, as they do once the transaction commits.

    The clock stands at `now` while they are made, as it would on the morning of the run. So the links in
    them were signed then, not in the second the test checks them: a test that compares a link with one it
    makes itself fails every time, not only when a slow run crosses a second (see `unsubscribed_by`)."""

    def _send(frequency=FollowFrequency.DAILY, now=NOW):
        with time_machine.travel(now, tick=False), django_capture_on_commit_callbacks(execute=True):
            return digests_send(frequency=frequency, now=now)

    return _send


def test_daily_follower_gets_one_email_grouping_two_initiatives_newest_first(send, mailoutbox):
    reader = VerifiedUserFactory(display_name="Dina")
    park = FollowFactory(user=reader, frequency="daily", initiative=InitiativeFactory(title="Park & Plein"))
    garden = FollowFactory(user=reader, frequency="daily", initiative=InitiativeFactory(title="Moestuin"))
    NotificationFactory(follow=park, title="Park oud bericht", created_at=ago(hours=20))
    NotificationFactory(follow=park, title="Park nieuw bericht", created_at=ago(hours=2))
    NotificationFactory(follow=garden, title="Moestuin bericht", created_at=ago(hours=5))

    sent = send()

    assert sent == 1
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == [reader.email]
    body = message.body
    # The park had the most recent news, so it comes first; within it, newest first.
    assert body.index("Park & Plein") < body.index("Moestuin ==")
    assert body.index("Park nieuw bericht") < body.index("Park oud bericht") < body.index("Moestuin bericht")
    assert "Dina" in body
    # Each initiative's own link, in the same order: it stops that follow and no other.
    assert [unsubscribed_by(link) for link in unsubscribe_links(body)] == [park, garden]
    # Several follows in one email: the header points at the page to manage them, no one-click promise.
    assert "/initiatieven/volgend/" in message.extra_headers["List-Unsubscribe"]
    assert "List-Unsubscribe-Post" not in message.extra_headers


def test_digest_about_one_initiative_offers_one_click_unsubscribe(send, mailoutbox):
    follow = FollowFactory(frequency="daily")
    NotificationFactory(follow=follow, created_at=ago(hours=1))

    send()

    headers = mailoutbox[0].extra_headers
    [link] = unsubscribe_links(mailoutbox[0].body)
    assert unsubscribed_by(link) == follow
    assert headers["List-Unsubscribe"] == f"<{link}>"
    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_each_follower_gets_their_own_email(send, mailoutbox):
    initiative = InitiativeFactory()
    first, second = FollowFactory.create_batch(2, initiative=initiative, frequency="daily")
    NotificationFactory(follow=first, created_at=ago(hours=1))
    NotificationFactory(follow=second, created_at=ago(hours=1))

    assert send() == 2
    assert sorted(message.to[0] for message in mailoutbox) == sorted([first.user.email, second.user.email])


def test_weekly_followers_are_not_in_the_daily_digest(send, mailoutbox):
    weekly = FollowFactory(frequency="weekly")
    NotificationFactory(follow=weekly, created_at=ago(hours=1))

    assert send(FollowFrequency.DAILY) == 0
    assert mailoutbox == []

    assert send(FollowFrequency.WEEKLY) == 1
    assert len(mailoutbox) == 1


def test_notifications_are_marked_sent_and_not_sent_again(send, mailoutbox):
    follow = FollowFactory(frequency="daily")
    notification = NotificationFactory(follow=follow, created_at=ago(hours=1))

    send()
    notification.refresh_from_db()
    assert notification.sent_at == NOW

    assert send(now=NOW + datetime.timedelta(days=1)) == 0
    assert len(mailoutbox) == 1


def test_already_sent_notifications_are_left_out(send, mailoutbox):
    follow = FollowFactory(frequency="daily")
    NotificationFactory(follow=follow, title="Al verstuurd", created_at=ago(days=2), sent_at=ago(days=1))
    NotificationFactory(follow=follow, title="Nog niet verstuurd", created_at=ago(hours=1))

    send()

    assert "Nog niet verstuurd" in mailoutbox[0].body
    assert "Al verstuurd" not in mailoutbox[0].body


def test_followers_without_news_and_never_followers_get_nothing(send, mailoutbox):
    FollowFactory(frequency="daily")  # nothing happened
    never = FollowFactory(frequency="never")
    NotificationFactory(follow=never, created_at=ago(hours=1))  # left over from before they chose "never"

    assert send() == 0
    assert mailoutbox == []


def test_inactive_accounts_are_skipped(send, mailoutbox):
    follow = FollowFactory(frequency="daily", user=VerifiedUserFactory(is_active=False))
    NotificationFactory(follow=follow, created_at=ago(hours=1))

    assert send() == 0
    assert mailoutbox == []
    assert Notification.objects.get().sent_at is None


def test_notifications_made_after_the_run_started_wait_for_the_next(send, mailoutbox):
    follow = FollowFactory(frequency="daily")
    NotificationFactory(follow=follow, created_at=NOW + datetime.timedelta(seconds=5))

    assert send() == 0


def test_digest_uses_the_current_time_when_none_is_given(django_capture_on_commit_callbacks, mailoutbox):
    follow = FollowFactory(frequency="weekly")
    with time_machine.travel(NOW, tick=False):
        NotificationFactory(follow=follow, created_at=ago(days=3))
        with django_capture_on_commit_callbacks(execute=True):
            digests_send(frequency=FollowFrequency.WEEKLY)
        assert Notification.objects.get().sent_at == timezone.now()
    assert len(mailoutbox) == 1


@pytest.mark.parametrize("frequency", ["immediately", "never", "hourly"])
def test_only_daily_and_weekly_digests_exist(frequency):
    with pytest.raises(ValueError):
        digests_send(frequency=frequency)


def test_digest_queries_do_not_grow_with_the_number_of_notifications(
    django_capture_on_commit_callbacks, count_queries
):
    few_reader, many_reader = VerifiedUserFactory(), VerifiedUserFactory()
    NotificationFactory(follow=FollowFactory(user=few_reader, frequency="daily"), created_at=ago(hours=1))
    for _ in range(8):
        follow = FollowFactory(user=many_reader, frequency="weekly")
        NotificationFactory.create_batch(5, follow=follow, created_at=ago(hours=3))

    with django_capture_on_commit_callbacks(execute=True):
        few_queries = count_queries(lambda: digests_send(frequency="daily", now=NOW))
        few_sent = count_queries.result
        many_queries = count_queries(lambda: digests_send(frequency="weekly", now=NOW))
        many_sent = count_queries.result

    assert few_sent == many_sent == 1
    assert few_queries == many_queries


def test_command_sends_the_digests_and_says_how_many(django_capture_on_commit_callbacks, mailoutbox):
    NotificationFactory(follow=FollowFactory(frequency="daily"))
    NotificationFactory(follow=FollowFactory(frequency="daily"))
    out = StringIO()

    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_digests", "daily", stdout=out)

    assert "Sent 2 daily digest email(s)." in out.getvalue()
    assert len(mailoutbox) == 2


def test_command_refuses_an_unknown_rhythm():
    with pytest.raises(CommandError):
        call_command("send_digests", "hourly")
