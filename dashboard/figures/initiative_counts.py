"""How many initiatives there are: over time, by stage, by village or district, and by origin."""

from django.utils.translation import gettext_lazy as _

from initiatives.choices import Origin, Stage
from places.models import Area

from ..models import Measure
from ..monthly import counts, totals
from ..periods import Scope
from .base import Chart, Figure, Result, Series, fine_grain, per_period, periods_of


def _bars(counts: dict, labels: dict, name) -> Result:
    return Result(
        chart=Chart.BARS,
        categories=[str(label) for label in labels.values()],
        series=[Series(name, [counts.get(key, 0) for key in labels])],
    )


def initiatives_over_time(scope: Scope) -> Result:
    grain = fine_grain(scope)
    periods = periods_of(scope, grain)

    def per_month(rows):
        return per_period(rows, "period", periods, grain)

    ended = counts(scope, Measure.STAGE_CHANGED, grain=grain, categories=[Stage.COMPLETED, Stage.STOPPED])

    return Result(
        chart=Chart.LINES,
        categories=[grain.label(period) for period in periods],
        series=[
            Series(_("new"), per_month(counts(scope, Measure.CREATED, by=(), grain=grain))),
            Series(_("published"), per_month(counts(scope, Measure.PUBLISHED, by=(), grain=grain))),
            Series(_("completed"), per_month([row for row in ended if row["category"] == Stage.COMPLETED])),
            Series(_("stopped"), per_month([row for row in ended if row["category"] == Stage.STOPPED])),
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
    return _bars(totals(Measure.PUBLISHED, scope.area), dict(Stage.choices), _("initiatives"))


INITIATIVES_BY_STAGE = Figure(
    "initiatives_by_stage",
    _("Initiatives by stage, now"),
    _("The published initiatives today, by the stage their team gives. Not limited to the period."),
    initiatives_by_stage,
)


def initiatives_by_area(scope: Scope) -> Result:
    rows = counts(scope, Measure.PUBLISHED, by=("area",))
    names = dict(Area.objects.filter(pk__in=[row["area"] for row in rows]).values_list("pk", "name"))
    ordered = sorted(((names[row["area"]], row["n"]) for row in rows), key=lambda row: (-row[1], row[0]))
    return Result(
        chart=Chart.BARS,
        categories=[name for name, _n in ordered],
        series=[Series(_("initiatives"), [n for _name, n in ordered])],
    )


INITIATIVES_BY_AREA = Figure(
    "initiatives_by_area",
    _("By village or district"),
    _("Initiatives first published in the period, by the village or district they take place in."),
    initiatives_by_area,
)


def initiatives_by_origin(scope: Scope) -> Result:
    rows = counts(scope, Measure.PUBLISHED, by=("origin",))
    return _bars({row["origin"]: row["n"] for row in rows}, dict(Origin.choices), _("initiatives"))


INITIATIVES_BY_ORIGIN = Figure(
    "initiatives_by_origin",
    _("From society or from the municipality"),
    _("Initiatives first published in the period, by where they come from."),
    initiatives_by_origin,
)
