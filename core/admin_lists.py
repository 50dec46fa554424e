"""The management site's lists answer a malformed filter in their address the way Django answers most of
them: with the whole list and "?e=1" (Django's sign for a filter it could not use), not a server error.

Two kinds of value get past Django's own checks:

- a year in the date drill-down (`?created_at__year=`) that no date in the database can have: Django builds
  the date range before it checks it, so year 9999 (the year after does not exist), year 1 (before the
  first UTC date once the time zone is taken off) or a number of twenty digits fail with an error;
- a NUL character in a filter value (`?status__exact=%00`), which PostgreSQL refuses in any text;
- a whole number larger than the database's (`?area__gte=99999999999999999999`): Django only catches it
  for a field's own numbers, not for the key of a related row.

`guard_changelists(admin.site)` gives every list of the management site this check; loket/urls.py calls it
where it sets up the site. tests/loket/test_admin_filters.py walks every list with such values.
"""

import datetime
import re

from django.contrib.admin import ModelAdmin
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import SEARCH_VAR, ChangeList

LARGEST_NUMBER = 2**63 - 1  # a bigint, the largest whole number PostgreSQL and SQLite store
NUMBER = re.compile(r"[-+]?\d+")


def _too_large(part: str) -> bool:
    if not NUMBER.fullmatch(part):
        return False
    digits = part.lstrip("+-").lstrip("0")
    # Counted before converting: Python refuses to convert a number of thousands of digits.
    return len(digits) > len(str(LARGEST_NUMBER)) or int(digits or "0") > LARGEST_NUMBER


def _malformed(name: str, value: str) -> bool:
    if "\x00" in value:
        return True
    # The search box may hold any text (Django's search checks it); filters compare numbers.
    return name != SEARCH_VAR and any(_too_large(part) for part in value.split(","))


def _year(values) -> int | None:
    try:
        return int(values[-1])
    except (TypeError, ValueError):
        return None  # not a number: Django refuses it itself


class GuardedChangeList(ChangeList):
    def get_filters(self, request):
        if any(
            _malformed(name, str(value)) for name, values in self.filter_params.items() for value in values
        ):
            raise IncorrectLookupParameters("A filter value no database can compare.")
        if self.date_hierarchy:
            year = _year(self.filter_params.get(f"{self.date_hierarchy}__year"))
            if year is not None and not datetime.MINYEAR < year < datetime.MAXYEAR:
                raise IncorrectLookupParameters(f"No date has the year {year}.")
        try:
            return super().get_filters(request)
        except OverflowError as error:  # a month or a day after a year, too large for a date
            raise IncorrectLookupParameters(error) from error


def _guarded_changelist(request, **kwargs):
    return GuardedChangeList


def guard_changelists(site) -> None:
    """Every list registered with `site` uses GuardedChangeList. A ModelAdmin with a get_changelist of its
    own keeps it: its ChangeList should build on GuardedChangeList (the walk in
    tests/loket/test_admin_filters.py finds one that does not)."""
    for model_admin in site._registry.values():
        if type(model_admin).get_changelist is ModelAdmin.get_changelist:
            model_admin.get_changelist = _guarded_changelist
