"""The council's monthly mail: on the first of every month (Celery beat, `dashboard.send_council_monthly_mail`)
each active council member gets a short plain-text summary of last month — the dashboard's headline
numbers for that month, from the same figures as the page (dashboard/figures/) — with a link to the
dashboard. A month is sent once, however often the scheduler fires (core.ScheduledMailSent)."""

import datetime
import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils import formats, timezone, translation

from accounts.roles import Role
from core.mail import send_templated_mail, site_url
from core.scheduled import scheduled_mail_claim

from .figures import compute_all, headlines
from .periods import Scope

logger = logging.getLogger(__name__)


def last_month(now) -> Scope:
    """The whole calendar month before `now` (Dutch time), everywhere."""
    first_of_this_month = timezone.localtime(now).replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    first_of_last_month = (first_of_this_month - datetime.timedelta(days=1)).replace(day=1)
    return Scope(start=first_of_last_month, end=first_of_this_month, area=None)


def council_members():
    return (
        get_user_model().objects.filter(is_active=True, groups__name=Role.COUNCIL).order_by("pk").distinct()
    )


def council_monthly_mail_send(*, now=None) -> int:
    """Email every active council member the summary of last month, once per month. Returns how many
    emails were queued (0 when that month went out before)."""
    now = now or timezone.now()
    scope = last_month(now)
    month = timezone.localtime(scope.start)
    with transaction.atomic():
        if not scheduled_mail_claim(key=f"council-monthly:{month:%Y-%m}", now=now):
            logger.info("The council's mail of %s went out before.", f"{month:%Y-%m}")
            return 0
        with translation.override(settings.LANGUAGE_CODE):
            numbers = [
                (str(label), value, str(unit)) for label, value, unit, _key in headlines(compute_all(scope))
            ]
            month_name = formats.date_format(month, "F Y")
        members = list(council_members())
        for member in members:
            send_templated_mail(
                to=[member.email],
                template="dashboard/email/monthly",
                context={
                    "user": member,
                    "month": month_name,
                    "numbers": numbers,
                    "dashboard_url": site_url(reverse("dashboard:index")),
                },
            )
    logger.info("Queued the council's mail of %s for %s member(s).", f"{month:%Y-%m}", len(members))
    return len(members)
