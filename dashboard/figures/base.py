"""What a figure is, and what the figures share: the months and quarters of a scope, their labels, and the
published initiatives in the scope's village or district."""

import datetime
import enum
from dataclasses import dataclass, field

from django.db.models.functions import TruncMonth, TruncQuarter, TruncYear
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

# A period of more than three years is counted per year: 40 quarters or 120 months side by side tell a
# council member less than ten years do, and make a page too long to read (or to load).
LONGEST_IN_DETAIL = 36  # months


class Grain(enum.Enum):
    """The stretch of time a chart counts by: a month, a quarter or a year."""

    MONTH = 1
    QUARTER = 3
    YEAR = 12

    def trunc(self, field: str):
        """The database function that brings the date or datetime in `field` to the grain's first day."""
        return {Grain.MONTH: TruncMonth, Grain.QUARTER: TruncQuarter, Grain.YEAR: TruncYear}[self](field)

    def start(self, moment) -> datetime.date:
        """The first day of the month, quarter or year of `moment` (a datetime counts in local time)."""
        day = first_day(moment)
        return day.replace(month=(day.month - 1) // self.value * self.value + 1)

    def label(self, day) -> str:
        if self is Grain.MONTH:
            return date_format(day, "M Y")
        if self is Grain.QUARTER:
            return _("Q%(number)s %(year)s") % {"number": (day.month - 1) // 3 + 1, "year": day.year}
        return str(day.year)


def first_day(moment) -> datetime.date:
    day = timezone.localtime(moment).date() if isinstance(moment, datetime.datetime) else moment
    return day.replace(day=1)


def _first_month(scope: Scope, counted=()) -> datetime.date:
    if scope.start is not None:
        return first_day(scope.start)
    firsts = [first_day(moment) for moment in [scope.beginning, *counted] if moment is not None]
    return min(firsts, default=first_day(scope.end))


def months_of(scope: Scope, counted=()) -> list[datetime.date]:
    """The months of the scope. "All time" starts at the first published initiative, or earlier where
    something counted (`counted`: its dates) lies before it, such as a log entry about how it all began."""
    start = _first_month(scope, counted)
    last = first_day(scope.end - datetime.timedelta(seconds=1))
    months = []
    while start <= last:
        months.append(start)
        start = (start + datetime.timedelta(days=32)).replace(day=1)
    return months


def is_long(scope: Scope) -> bool:
    """Whether the scope (from its start, or the first published initiative) spans more than three years:
    its charts count per year then."""
    return len(months_of(scope)) > LONGEST_IN_DETAIL


def fine_grain(scope: Scope) -> Grain:
    """What a chart over time counts by in detail: months, or years for a long period."""
    return Grain.YEAR if is_long(scope) else Grain.MONTH


def coarse_grain(scope: Scope) -> Grain:
    """What a table over time counts by: quarters, or years for a long period."""
    return Grain.YEAR if is_long(scope) else Grain.QUARTER


def periods_of(scope: Scope, grain: Grain, counted=()) -> list[datetime.date]:
    """The months, quarters or years of the scope (see `months_of`), each by its first day."""
    return sorted({grain.start(month) for month in months_of(scope, counted)})


def per_period(rows, key, periods, grain: Grain) -> list[int]:
    counts = {grain.start(row[key]): row["n"] for row in rows}
    return [counts.get(period, 0) for period in periods]


def days(seconds) -> float | None:
    """Seconds (from the database) as days, to one decimal; None stays None."""
    return None if seconds is None else round(seconds / 86400, 1)


# --- the shared selection ----------------------------------------------------------------------------


def published_initiatives(scope: Scope):
    initiatives = Initiative.objects.published()
    return initiatives.filter(area=scope.area) if scope.area else initiatives
