"""The daily and weekly digests: one email per follower with everything that changed since the last one."""

import logging
from dataclasses import dataclass, field
from itertools import groupby

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from core.mail import send_templated_mail, site_url
from initiatives.choices import FollowFrequency, PublicationState
from initiatives.models import Follow, Notification
from initiatives.services.notifications import unsubscribe_url

logger = logging.getLogger(__name__)

DIGEST_FREQUENCIES = (FollowFrequency.DAILY, FollowFrequency.WEEKLY)


@dataclass
class DigestGroup:
    """The notifications about one followed initiative, newest first, with that follow's unsubscribe link."""

    follow: Follow
    notifications: list[Notification]
    unsubscribe_url: str = ""
    entries: list[dict] = field(default_factory=list)

    @property
    def initiative(self):
        return self.follow.initiative

    @property
    def newest(self):
        return self.notifications[0].created_at


def _pending(frequency, now):
    """Every unsent notification for active followers at `frequency`, in one query, ordered so that
    grouping per person and then per follow needs no more queries. Followers are the public: news of an
    initiative hidden since waits, and goes out only if it is published again."""
    return (
        Notification.objects.filter(
            sent_at__isnull=True,
            created_at__lte=now,
            follow__frequency=frequency,
            follow__user__is_active=True,
            follow__initiative__publication_state=PublicationState.PUBLISHED,
        )
        .select_related("follow__user", "follow__initiative")
        .order_by("follow__user_id", "follow_id", "-created_at", "-pk")
    )


def _groups(notifications) -> list[DigestGroup]:
    groups = []
    for _follow_id, items in groupby(notifications, key=lambda notification: notification.follow_id):
        items = list(items)
        follow = items[0].follow
        groups.append(
            DigestGroup(
                follow=follow,
                notifications=items,
                unsubscribe_url=unsubscribe_url(follow),
                entries=[
                    {"notification": notification, "url": site_url(notification.path)}
                    for notification in items
                ],
            )
        )
    # The initiative with the most recent news comes first.
    groups.sort(key=lambda group: group.newest, reverse=True)
    return groups


def _headers(groups) -> dict:
    """List-Unsubscribe for mail programs. One initiative: its one-click link, as in the immediate
    emails. Several: there is no single follow to stop, so point at the "what I follow" page, without
    the one-click promise (RFC 8058 one-click must work without a login)."""
    if len(groups) == 1:
        return {
            "List-Unsubscribe": f"<{groups[0].unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        }
    return {"List-Unsubscribe": f"<{site_url(reverse('initiatives:followed_initiative_list'))}>"}


def digests_send(*, frequency: str, now=None) -> int:
    """Email every follower at `frequency` (daily or weekly) one digest of their unsent notifications,
    grouped per initiative, newest first, and mark those notifications sent. Returns how many emails
    were sent; people without news get nothing, inactive accounts are skipped.

    One transaction per person rather than one for all: an email goes out as soon as that person's
    notifications are marked, so a failure halfway does not hold back (or resend) everyone else's.
    """
    if frequency not in DIGEST_FREQUENCIES:
        raise ValueError(f"Digests are daily or weekly, not {frequency!r}.")
    now = now or timezone.now()
    sent = 0
    pending = _pending(frequency, now)
    for _user_id, notifications in groupby(pending, key=lambda notification: notification.follow.user_id):
        notifications = list(notifications)
        user = notifications[0].follow.user
        groups = _groups(notifications)
        with transaction.atomic():
            send_templated_mail(
                to=[user.email],
                template="initiatives/email/digest",
                context={
                    "user": user,
                    "frequency": frequency,
                    "weekly": frequency == FollowFrequency.WEEKLY,
                    "groups": groups,
                    "count": len(notifications),
                    "following_url": site_url(reverse("initiatives:followed_initiative_list")),
                },
                headers=_headers(groups),
            )
            Notification.objects.filter(pk__in=[notification.pk for notification in notifications]).update(
                sent_at=now
            )
        sent += 1
    logger.info("Sent %s %s digest(s).", sent, frequency)
    return sent
