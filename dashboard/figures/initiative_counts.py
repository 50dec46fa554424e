"""How many initiatives there are: over time, by stage, by village or district, and by origin."""

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from initiatives.choices import Origin, Stage

from ..periods import Scope
from .base import Chart, Figure, Result, Series, fine_grain, per_period, periods_of, published_initiatives


def _bars(counts: dict, labels: dict, name) -> Result:
    return Result(
        chart=Chart.BARS,
        categories=[str(label) for label in labels.values()],
        series=[Series(name, [counts.get(key, 0) for key in labels])],
    )


def initiatives_over_time(scope: Scope) -> Result:
    initiatives = published_initiatives(scope)
    grain = fine_grain(scope)
    periods = periods_of(scope, grain)

    def per_month(date_field, **filters):
        rows = (
            initiatives.filter(**filters, **scope.within(date_field))
            .annotate(period=grain.trunc(date_field))
            .values("period")
            .annotate(n=Count("pk"))
            .order_by()
        )
        return per_period(rows, "period", periods, grain)

    return Result(
        chart=Chart.LINES,
        categories=[grain.label(period) for period in periods],
        series=[
            Series(_("new"), per_month("created_at")),
            Series(_("published"), per_month("published_at")),
            Series(_("completed"), per_month("stage_changed_at", stage=Stage.COMPLETED)),
            Series(_("stopped"), per_month("stage_changed_at", stage=Stage.STOPPED)),
        ],
    )


INITIATIVES_OVER_TIME = Figure(
    "initiatives_over_time",
    _("Initiatives over time"),
    _(
        "Per month (per year for a period of more than three years), of the initiatives published now: "
        "new (when they were registered), published (their first publication), completed and stopped "
        "(when their stage last changed to that)."
    ),
    initiatives_over_time,
)


def initiatives_by_stage(scope: Scope) -> Result:
    rows = published_initiatives(scope).values("stage").annotate(n=Count("pk")).order_by()
    return _bars({row["stage"]: row["n"] for row in rows}, dict(Stage.choices), _("initiatives"))


INITIATIVES_BY_STAGE = Figure(
    "initiatives_by_stage",
    _("Initiatives by stage, now"),
    _("The published initiatives today, by the stage their team gives. Not limited to the period."),
    initiatives_by_stage,
)


def initiatives_by_area(scope: Scope) -> Result:
    rows = (
        published_initiatives(scope)
        .filter(**scope.within("published_at"))
        .values("area__name")
        .annotate(n=Count("pk"))
        .order_by("-n", "area__name")
    )
    return Result(
        chart=Chart.BARS,
        categories=[row["area__name"] for row in rows],
        series=[Series(_("initiatives"), [row["n"] for row in rows])],
    )


INITIATIVES_BY_AREA = Figure(
    "initiatives_by_area",
    _("By village or district"),
    _("Initiatives first published in the period, by the village or district they take place in."),
    initiatives_by_area,
)


def initiatives_by_origin(scope: Scope) -> Result:
    rows = (
        published_initiatives(scope)
        .filter(**scope.within("published_at"))
        .values("origin")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return _bars({row["origin"]: row["n"] for row in rows}, dict(Origin.choices), _("initiatives"))


INITIATIVES_BY_ORIGIN = Figure(
    "initiatives_by_origin",
    _("From society or from the municipality"),
    _("Initiatives first published in the period, by where they come from."),
    initiatives_by_origin,
)
