"""What a figure is, and what the figures share: the months and quarters of a scope, their labels, and the
published initiatives in the scope's village or district."""

import datetime
import enum
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from initiatives.models import Initiative

from ..periods import Scope


@dataclass
class Series:
    name: str
    values: list


class Chart(enum.StrEnum):
    """How a figure is drawn: its template, and whether a table of its numbers stands beside it (a heat
    map is a shaded table itself)."""

    BARS = "bars"
    LINES = "lines"
    HEAT = "heat"

    @property
    def template(self) -> str:
        return f"dashboard/includes/{self.value}.html"

    @property
    def with_table(self) -> bool:
        return self is not Chart.HEAT


@dataclass
class Result:
    """What a figure shows: a chart with its categories and series, and/or key numbers."""

    chart: Chart | None = None  # None: numbers only
    categories: list = field(default_factory=list)
    series: list = field(default_factory=list)
    numbers: list = field(default_factory=list)  # (label, value, unit)
    groups: list = field(default_factory=list)  # for a heat map per flywheel: (title, categories, series)
    plot: list | None = None  # which series the chart draws (all when None); the table has them all


@dataclass(frozen=True)
class Figure:
    """A figure as the council reads it: its title, its definition in words, and the code that counts it.
    The definition sits beside its `compute` function, so the words and the code change together."""

    key: str
    title: str
    definition: str
    compute: object


# --- time --------------------------------------------------------------------------------------------


def first_day(moment) -> datetime.date:
    day = timezone.localtime(moment).date() if isinstance(moment, datetime.datetime) else moment
    return day.replace(day=1)


def months_of(scope: Scope, counted=()) -> list[datetime.date]:
    """The months of the scope. "All time" starts at the first published initiative, or earlier where
    something counted (`counted`: its dates) lies before it, such as a log entry about how it all began."""
    if scope.start is not None:
        start = first_day(scope.start)
    else:
        firsts = [first_day(moment) for moment in [scope.beginning, *counted] if moment is not None]
        start = min(firsts, default=first_day(scope.end))
    last = first_day(scope.end - datetime.timedelta(seconds=1))
    months = []
    while start <= last:
        months.append(start)
        start = (start + datetime.timedelta(days=32)).replace(day=1)
    return months


def quarter_of(day: datetime.date) -> datetime.date:
    return day.replace(month=(day.month - 1) // 3 * 3 + 1, day=1)


def quarters_of(scope: Scope, counted=()) -> list[datetime.date]:
    return sorted({quarter_of(month) for month in months_of(scope, counted)})


def month_label(day):
    return date_format(day, "M Y")


def quarter_label(day):
    return _("Q%(number)s %(year)s") % {"number": (day.month - 1) // 3 + 1, "year": day.year}


def per_period(rows, key, periods) -> list[int]:
    counts = {first_day(row[key]): row["n"] for row in rows}
    return [counts.get(period, 0) for period in periods]


def days(seconds) -> float | None:
    """Seconds (from the database) as days, to one decimal; None stays None."""
    return None if seconds is None else round(seconds / 86400, 1)


# --- the shared selection ----------------------------------------------------------------------------


def published_initiatives(scope: Scope):
    initiatives = Initiative.objects.published()
    return initiatives.filter(area=scope.area) if scope.area else initiatives
