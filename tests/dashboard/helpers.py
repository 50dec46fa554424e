"""Shared bits of the dashboard tests: a fixed "now", dates in Doetinchem's time zone, back-dating what
the database stamps itself, and reading one figure for a set of filter parameters."""

import datetime
import zoneinfo

from django.urls import reverse

from dashboard.figures import FIGURES
from dashboard.monthly import rebuild
from dashboard.periods import ScopeForm

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")

# Mid-June 2025, midday. "The last 12 months" then run from 1 July 2024 up to and including 15 June 2025,
# "this year" from 1 January 2025; the quarters of the default period are Q3 2024 .. Q2 2025.
NOW = datetime.datetime(2025, 6, 15, 12, 0, tzinfo=AMSTERDAM)
DEFAULT_START = datetime.datetime(2024, 7, 1, tzinfo=AMSTERDAM)
DEFAULT_QUARTERS = 4

INDEX = reverse("dashboard:index")
CSV = reverse("dashboard:figure_export")


def local(year, month, day, hour=12, minute=0) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, minute, tzinfo=AMSTERDAM)


def days_before_now(days: float) -> datetime.datetime:
    return NOW - datetime.timedelta(days=days)


def backdate(obj, **fields):
    """Set fields the database fills in itself (`auto_now_add`), as if the row had been made then. An
    update past the models: the dashboard's monthly counts are made anew, as after any such write."""
    type(obj).objects.filter(pk=obj.pk).update(**fields)
    for name, value in fields.items():
        setattr(obj, name, value)
    rebuild()
    return obj


def scope_for(params=None):
    form = ScopeForm(params or None)
    return form.scope()


def figure(key, params=None):
    """The result of the figure `key` for the filter parameters `params` (as the page reads them)."""
    [compute] = [item.compute for item in FIGURES if item.key == key]
    return compute(scope_for(params))


def values_by_category(result, series=0) -> dict:
    return dict(zip(result.categories, result.series[series].values, strict=True))


def numbers(result) -> list:
    """The figure's key numbers, in order, without their labels."""
    return [value for _label, value, _unit in result.numbers]
