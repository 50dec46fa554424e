"""Telling followers what changed: right away, or collected for their daily or weekly digest."""

from django.core import signing
from django.urls import reverse

from core.mail import send_templated_mail, site_url
from initiatives.choices import FollowFrequency, NotificationKind
from initiatives.models import Follow, Initiative, Notification

UNSUBSCRIBE_SALT = "initiatives.follow.unsubscribe"


def unsubscribe_token(follow: Follow) -> str:
    """A signed token naming one follow: the unsubscribe link works without logging in."""
    return signing.dumps({"follow": follow.pk, "user": follow.user_id}, salt=UNSUBSCRIBE_SALT)


def follow_from_token(token: str) -> Follow | None:
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    return Follow.objects.filter(pk=data.get("follow"), user_id=data.get("user")).first()


def unsubscribe_url(follow: Follow) -> str:
    return site_url(reverse("initiatives:follow_unsubscribe", kwargs={"token": unsubscribe_token(follow)}))


def followers_notify(*, initiative: Initiative, kind: NotificationKind, title: str, path: str) -> int:
    """Record a change for every follower who wants email, and email at once those who chose that.

    Returns how many followers were told or will be told in a digest. Call it inside the write's
    transaction: the emails go out when it commits.
    """
    follows = (
        initiative.follows.exclude(frequency=FollowFrequency.NEVER)
        .filter(user__is_active=True)
        .select_related("user")
    )
    count = 0
    for follow in follows:
        notification = Notification.objects.create(follow=follow, kind=kind, title=title, path=path)
        if follow.frequency == FollowFrequency.IMMEDIATELY:
            _send_immediately(follow, notification)
        count += 1
    return count


def _send_immediately(follow: Follow, notification: Notification) -> None:
    link = unsubscribe_url(follow)
    send_templated_mail(
        to=[follow.user.email],
        template="initiatives/email/notification",
        context={
            "follow": follow,
            "initiative": follow.initiative,
            "notification": notification,
            "url": site_url(notification.path),
            "unsubscribe_url": link,
        },
        headers={"List-Unsubscribe": f"<{link}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
    )
    Notification.objects.filter(pk=notification.pk).update(sent_at=notification.created_at)
