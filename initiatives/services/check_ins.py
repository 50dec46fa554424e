"""Check-ins: a friendly email to the team of an initiative that has gone quiet.

Weekly (Celery beat, `initiatives.send_check_ins`), every published initiative that is under way (not
completed or stopped), published more than CHECK_IN_AFTER_WEEKS weeks ago and whose log has nothing newer
than that, gets one email per team member asking how it goes, with links to write in the log and to ask
for help. At most once per CHECK_IN_AFTER_WEEKS weeks per initiative (core.ScheduledMailSent). A team
member who follows the initiative without email ("never") turned email off for it and gets none.
"""

import datetime
import logging

from django.conf import settings
from django.db import transaction
from django.db.models import CharField, Exists, OuterRef, Q, Subquery, Value
from django.db.models.functions import Cast, Concat
from django.urls import reverse
from django.utils import timezone

from core.mail import send_templated_mail, site_url
from core.models import ScheduledMailSent
from core.scheduled import scheduled_mail_claim
from initiatives.choices import FollowFrequency, Stage
from initiatives.models import Follow, Initiative, LogEntry, TeamMembership

logger = logging.getLogger(__name__)

KEY_PREFIX = "check-in:"


def check_in_key(initiative) -> str:
    return f"{KEY_PREFIX}{initiative.pk}"


def initiatives_due_for_check_in(*, now):
    """Published, under way, quiet for CHECK_IN_AFTER_WEEKS weeks, and not checked in on since."""
    since = now - datetime.timedelta(weeks=settings.CHECK_IN_AFTER_WEEKS)
    last_entry = (
        LogEntry.objects.filter(initiative=OuterRef("pk")).order_by("-created_at").values("created_at")
    )
    checked_in = ScheduledMailSent.objects.filter(
        key=Concat(Value(KEY_PREFIX), Cast(OuterRef("pk"), CharField())), sent_at__gte=since
    )
    return (
        Initiative.objects.published()
        .exclude(stage__in=[Stage.COMPLETED, Stage.STOPPED])
        .filter(published_at__lt=since)
        .annotate(last_entry_at=Subquery(last_entry[:1]))
        .filter(Q(last_entry_at__lt=since) | Q(last_entry_at__isnull=True))
        .exclude(Exists(checked_in))
        .order_by("pk")
    )


def _recipients(initiative) -> list:
    """The active team members, less those who follow the initiative without email."""
    silenced = Follow.objects.filter(
        initiative=initiative, user=OuterRef("user"), frequency=FollowFrequency.NEVER
    )
    return [
        membership.user
        for membership in TeamMembership.objects.filter(initiative=initiative, user__is_active=True)
        .exclude(Exists(silenced))
        .select_related("user")
    ]


def check_ins_send(*, now=None) -> int:
    """Email the team of every initiative due for a check-in. Returns how many emails were queued.

    One transaction per initiative: the claim and its emails commit together."""
    now = now or timezone.now()
    since = now - datetime.timedelta(weeks=settings.CHECK_IN_AFTER_WEEKS)
    sent = 0
    for initiative in list(initiatives_due_for_check_in(now=now).only("pk", "slug", "title")):
        with transaction.atomic():
            if not scheduled_mail_claim(key=check_in_key(initiative), now=now, not_since=since):
                continue
            for person in _recipients(initiative):
                send_templated_mail(
                    to=[person.email],
                    template="initiatives/email/check_in",
                    context={
                        "user": person,
                        "initiative": initiative,
                        "weeks": settings.CHECK_IN_AFTER_WEEKS,
                        "url": site_url(initiative.get_absolute_url()),
                        "log_url": site_url(
                            reverse("initiatives:log_entry_create", kwargs={"slug": initiative.slug})
                        ),
                        "help_url": site_url(
                            reverse("initiatives:help_request_create", kwargs={"slug": initiative.slug})
                        ),
                        "following_url": site_url(reverse("initiatives:followed_initiative_list")),
                    },
                )
                sent += 1
    logger.info("Queued %s check-in email(s).", sent)
    return sent
