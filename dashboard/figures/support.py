"""Support for initiatives (supporters, offers of help, help requests) and how fast the municipality
responds to them."""

import datetime

from django.conf import settings
from django.db.models import Count, F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..models import Measure
from ..monthly import counts
from ..periods import Scope
from .aggregates import Median, seconds_between
from .base import (
    Chart,
    Figure,
    Result,
    Series,
    coarse_grain,
    days,
    periods_of,
    published_initiatives,
)


def support(scope: Scope) -> Result:
    supporters = sum(row["n"] for row in counts(scope, Measure.SUPPORT, by=()))
    offers = sum(row["n"] for row in counts(scope, Measure.OFFER, by=()))
    requests = {"open": 0, "fulfilled": 0} | {
        row["category"]: row["n"] for row in counts(scope, Measure.REQUEST)
    }
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


def _share(part, whole) -> int | None:
    return round(100 * part / whole) if whole else None


def responsiveness(scope: Scope) -> Result:
    """In two aggregate queries (per quarter of publication, and over the whole period), never a loop
    over the initiatives."""
    promise = settings.MUNICIPAL_RESPONSE_PROMISE_DAYS
    within = datetime.timedelta(days=promise)
    # Counted: those answered, and those whose promised time has passed without an answer.
    answered = Q(first_response_at__isnull=False)
    due = answered | Q(published_at__lt=timezone.now() - within)
    in_time = answered & Q(first_response_at__lte=F("published_at") + within)
    figures = {
        "due": Count("pk", filter=due),
        "kept": Count("pk", filter=in_time),
        # The wait of those not answered is NULL, which a median leaves out.
        "median": Median(seconds_between("published_at", "first_response_at")),
    }
    grain = coarse_grain(scope)
    initiatives = published_initiatives(scope).filter(**scope.within("published_at"))
    rows = list(
        initiatives.annotate(period=grain.trunc("published_at"))
        .values("period")
        .annotate(**figures)
        .order_by()
    )
    whole = initiatives.aggregate(**figures)
    per_quarter = {grain.start(row["period"]): row for row in rows}
    quarters = periods_of(scope, grain, list(per_quarter))
    in_quarters = [per_quarter.get(quarter, {"due": 0, "kept": 0, "median": None}) for quarter in quarters]
    return Result(
        chart=Chart.LINES,
        categories=[grain.label(quarter) for quarter in quarters],
        series=[
            Series(_("% within promise"), [_share(row["kept"], row["due"]) for row in in_quarters]),
            Series(_("median days"), [days(row["median"]) for row in in_quarters]),
        ],
        plot=[0],  # a percentage and a number of days do not share an axis: the chart draws the share
        numbers=[
            (_("median days to a first response"), days(whole["median"]), _("days")),
            (_("answered within the promise"), _share(whole["kept"], whole["due"]), "%"),
            (_("promise"), promise, _("days")),
        ],
    )


RESPONSIVENESS = Figure(
    "responsiveness",
    _("How fast the municipality responds"),
    _(
        "Initiatives first published in the period whose promised time has passed or that have a "
        "response: the median number of days from publication to the first response of the "
        "municipality, and the share answered within the promise. Per quarter of publication (per year "
        "for a period of more than three years)."
    ),
    responsiveness,
)
