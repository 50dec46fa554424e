"""Support for initiatives (supporters, offers of help, help requests) and how fast the municipality
responds to them."""

import statistics

from django.conf import settings
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from initiatives.models import HelpOffer, HelpRequest, Support

from ..periods import Scope
from .base import (
    Chart,
    Figure,
    Result,
    Series,
    days,
    first_day,
    published_initiatives,
    quarter_label,
    quarter_of,
    quarters_of,
)


def support(scope: Scope) -> Result:
    published = published_initiatives(scope).values("pk")
    supporters = Support.objects.filter(initiative__in=published, **scope.within("created_at")).count()
    offers = HelpOffer.objects.filter(
        help_request__initiative__in=published, **scope.within("created_at")
    ).count()
    requests = HelpRequest.objects.filter(initiative__in=published, **scope.within("created_at")).aggregate(
        open=Count("pk", filter=Q(is_fulfilled=False)), fulfilled=Count("pk", filter=Q(is_fulfilled=True))
    )
    return Result(
        chart=Chart.BARS,
        categories=[str(_("open")), str(_("fulfilled"))],
        series=[Series(_("help requests"), [requests["open"], requests["fulfilled"]])],
        numbers=[
            (_("supporters"), supporters, ""),
            (_("offers of help"), offers, ""),
            (_("help requests"), requests["open"] + requests["fulfilled"], ""),
        ],
    )


SUPPORT = Figure(
    "support",
    _("Support"),
    _(
        "Of published initiatives, in the period: people who supported one, offers of help made, and "
        "help requests asked (open now, or fulfilled)."
    ),
    support,
)


def responsiveness(scope: Scope) -> Result:
    promise = settings.MUNICIPAL_RESPONSE_PROMISE_DAYS
    rows = list(
        published_initiatives(scope)
        .filter(**scope.within("published_at"))
        .values_list("published_at", "first_response_at")
    )
    now = timezone.now()
    # Counted: those answered, and those whose promised time has passed without an answer.
    due = [
        (published, answered) for published, answered in rows if answered or days(now - published) > promise
    ]
    answered = [days(answer - published) for published, answer in due if answer]
    in_time = [published for published, answer in due if answer and days(answer - published) <= promise]
    quarters = quarters_of(scope, [published for published, _answer in rows])
    median_per_quarter, share_per_quarter = [], []
    for quarter in quarters:
        in_quarter = [(p, a) for p, a in due if quarter_of(first_day(p)) == quarter]
        waited = [days(a - p) for p, a in in_quarter if a]
        median_per_quarter.append(round(statistics.median(waited), 1) if waited else None)
        kept = sum(1 for p, a in in_quarter if a and days(a - p) <= promise)
        share_per_quarter.append(round(100 * kept / len(in_quarter)) if in_quarter else None)
    return Result(
        chart=Chart.LINES,
        categories=[quarter_label(quarter) for quarter in quarters],
        series=[
            Series(_("% within promise"), share_per_quarter),
            Series(_("median days"), median_per_quarter),
        ],
        plot=[0],  # a percentage and a number of days do not share an axis: the chart draws the share
        numbers=[
            (
                _("median days to a first response"),
                round(statistics.median(answered), 1) if answered else None,
                _("days"),
            ),
            (_("answered within the promise"), round(100 * len(in_time) / len(due)) if due else None, "%"),
            (_("promise"), promise, _("days")),
        ],
    )


RESPONSIVENESS = Figure(
    "responsiveness",
    _("How fast the municipality responds"),
    _(
        "Initiatives first published in the period whose promised time has passed or that have a "
        "response: the median number of days from publication to the first response of the "
        "municipality, and the share answered within the promise. Per quarter of publication."
    ),
    responsiveness,
)
