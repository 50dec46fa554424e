"""What initiatives learn, from their logs: entries per kind, and the obstacles that come up, per quarter
(or year) of the date of what they tell."""

from collections import defaultdict

from django.utils.translation import gettext_lazy as _

from initiatives.choices import LogKind, ObstacleCategory

from ..models import Measure
from ..monthly import counts
from ..periods import Scope
from .base import Chart, Figure, Result, Series, coarse_grain, periods_of


def _per_quarter_and(measure, keys: dict, scope, *, most_first=False) -> Result:
    """A heat map of `measure` (visible log entries of published initiatives, dashboard.monthly): a row
    per category (`keys`, in their order or the most counted first), a column per quarter (or year) of
    the date they tell about."""
    grain = coarse_grain(scope)
    rows = counts(scope, measure, grain=grain)
    quarters = periods_of(scope, grain, [row["period"] for row in rows])
    table = defaultdict(dict)
    for row in rows:
        table[row["category"]][row["period"]] = row["n"]
    totals = {value: sum(table[value].values()) for value in keys}
    ordered = sorted(keys, key=lambda value: -totals[value]) if most_first else list(keys)
    return Result(
        chart=Chart.HEAT,
        categories=[grain.label(quarter) for quarter in quarters],
        series=[
            Series(keys[value], [table[value].get(quarter, 0) for quarter in quarters]) for value in ordered
        ],
    )


def log_entries_by_kind(scope: Scope) -> Result:
    return _per_quarter_and(Measure.LOG, dict(LogKind.choices), scope)


LOG_ENTRIES_BY_KIND = Figure(
    "log_entries_by_kind",
    _("What initiatives learn: log entries over time"),
    _(
        "Visible log entries of published initiatives, by the date of what they tell, per kind; per "
        "quarter (per year for a period of more than three years)."
    ),
    log_entries_by_kind,
)


def obstacles_over_time(scope: Scope) -> Result:
    return _per_quarter_and(Measure.OBSTACLE, dict(ObstacleCategory.choices), scope, most_first=True)


OBSTACLES_OVER_TIME = Figure(
    "obstacles_over_time",
    _("Obstacles that come up over time"),
    _(
        "Visible obstacles in the logs of published initiatives, by the date of the obstacle, per kind "
        "of obstacle, the most frequent first; per quarter (per year for a period of more than three "
        "years)."
    ),
    obstacles_over_time,
)
