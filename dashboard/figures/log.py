"""What initiatives learn, from their logs: entries per kind, and the obstacles that come up, per quarter
(or year) of the date of what they tell."""

from collections import defaultdict

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from initiatives.choices import LogKind, ObstacleCategory
from initiatives.models import LogEntry

from ..periods import Scope
from .base import Chart, Figure, Result, Series, coarse_grain, periods_of


def _log_entries(scope: Scope):
    entries = LogEntry.objects.published()
    return entries.filter(initiative__area=scope.area) if scope.area else entries


def _per_quarter_and(entries, key, keys: dict, scope, *, most_first=False) -> Result:
    """A heat map of `entries`: a row per value of `key` (`keys`, in their order or the most counted
    first), a column per quarter (or year) of the date they tell about."""
    grain = coarse_grain(scope)
    rows = list(
        entries.filter(**scope.within("happened_on"))
        .annotate(period=grain.trunc("happened_on"))
        .values("period", key)
        .annotate(n=Count("pk"))
        .order_by()
    )
    quarters = periods_of(scope, grain, [row["period"] for row in rows])
    table = defaultdict(dict)
    for row in rows:
        table[row[key]][grain.start(row["period"])] = row["n"]
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
    return _per_quarter_and(_log_entries(scope), "kind", dict(LogKind.choices), scope)


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
    obstacles = _log_entries(scope).of_kind(LogKind.OBSTACLE)
    return _per_quarter_and(
        obstacles, "obstacle_category", dict(ObstacleCategory.choices), scope, most_first=True
    )


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
