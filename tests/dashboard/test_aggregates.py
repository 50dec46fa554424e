"""The dashboard's own SQL pieces, `Median` and `seconds_between`: the same answers on SQLite and on
PostgreSQL (CI runs this module on both), equal to `statistics.median` of the same numbers."""

import datetime
import statistics

import pytest
from django.db.models import Q

from dashboard.figures.aggregates import Median, seconds_between
from initiatives.models import Initiative
from tests.dashboard.helpers import local
from tests.initiatives.factories import InitiativeFactory
from tests.places.factories import AreaFactory

pytestmark = pytest.mark.django_db

PUBLISHED = local(2025, 3, 1)


def answered_after(*waits, area=None):
    """An initiative per wait (a timedelta, or None: no answer), all published at the same moment."""
    area = area or AreaFactory()
    for wait in waits:
        InitiativeFactory(
            area=area,
            published_at=PUBLISHED,
            first_response_at=None if wait is None else PUBLISHED + wait,
        )
    return area


def median_seconds(queryset=None, **extra):
    queryset = Initiative.objects.all() if queryset is None else queryset
    return queryset.aggregate(median=Median(seconds_between("published_at", "first_response_at"), **extra))[
        "median"
    ]


def test_the_median_of_an_odd_number_is_the_middle_one_and_nulls_are_left_out():
    answered_after(datetime.timedelta(days=9), None, datetime.timedelta(days=1), datetime.timedelta(days=4))

    assert median_seconds() == 4 * 86400


def test_the_median_of_an_even_number_is_the_mean_of_the_middle_two():
    waits = [datetime.timedelta(days=2), datetime.timedelta(days=3, hours=1), datetime.timedelta(days=30)]
    answered_after(*waits, datetime.timedelta(seconds=5))

    expected = statistics.median(wait.total_seconds() for wait in [*waits, datetime.timedelta(seconds=5)])
    assert median_seconds() == expected == (2 * 86400 + 3 * 86400 + 3600) / 2


def test_seconds_are_exact_to_the_microsecond():
    answered_after(datetime.timedelta(days=1, microseconds=250))

    assert median_seconds() == pytest.approx(86400.00025, abs=1e-9)


def test_no_rows_and_only_nulls_give_none():
    assert median_seconds() is None
    answered_after(None, None)
    assert median_seconds() is None


def test_a_median_per_group_and_with_a_filter():
    north = answered_after(datetime.timedelta(days=1), datetime.timedelta(days=3), area=AreaFactory())
    south = answered_after(datetime.timedelta(days=10), area=AreaFactory())

    rows = (
        Initiative.objects.values("area")
        .annotate(median=Median(seconds_between("published_at", "first_response_at")))
        .order_by()
    )
    assert {row["area"]: row["median"] for row in rows} == {north.pk: 2 * 86400, south.pk: 10 * 86400}
    assert median_seconds(filter=Q(area=south)) == 10 * 86400
