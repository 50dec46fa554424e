"""The samenwerkingslab in numbers: sessions held, people signed up, signals raised and resolved."""

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lab.models import LabSession, Registration, RegistrationStatus, Signal, SignalStatus

from ..periods import Scope
from .aggregates import Median, seconds_between
from .base import Figure, Result, days


def samenwerkingslab(scope: Scope) -> Result:
    """Counts only: never a signal's content or who raised it. Not per village or district."""
    sessions = LabSession.objects.published().filter(ends_at__lt=timezone.now(), **scope.within("starts_at"))
    participants = Registration.objects.filter(
        session__in=sessions, status=RegistrationStatus.REGISTERED
    ).count()
    resolved = Q(status=SignalStatus.RESOLVED, **scope.within("closed_at"))
    signals = Signal.objects.aggregate(
        raised=Count("pk", filter=Q(**scope.within("created_at"))),
        resolved=Count("pk", filter=resolved),
        median=Median(seconds_between("created_at", "closed_at"), filter=resolved),
    )
    return Result(
        numbers=[
            (_("lab sessions held"), sessions.count(), ""),
            (_("participants"), participants, ""),
            (_("signals raised"), signals["raised"], ""),
            (_("signals resolved"), signals["resolved"], ""),
            (
                _("median days to resolve a signal"),
                days(signals["median"]),
                _("days"),
            ),
        ]
    )


SAMENWERKINGSLAB = Figure(
    "samenwerkingslab",
    _("Samenwerkingslab"),
    _(
        "Published lab sessions held in the period and the people signed up for them; signals raised in "
        "the period, signals resolved in it, and the median days from raising to resolving. Counts only, "
        "for the whole municipality."
    ),
    samenwerkingslab,
)
