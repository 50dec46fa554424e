"""Dates in the demo's data are relative to the moment of loading ("-14d", "-19M+4d 10:30"), and one helper
back-dates a saved row."""

import datetime
import zoneinfo

import pytest

from demo.loader.dates import Clock, backdate, parse_moment, spread
from initiatives.models import LogEntry
from tests.initiatives.factories import LogEntryFactory

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")
NOW = datetime.datetime(2025, 3, 31, 15, 45, tzinfo=AMSTERDAM)


def moment(year, month, day, hour=15, minute=45):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=AMSTERDAM)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("-14d", moment(2025, 3, 17)),
        ("-3w", moment(2025, 3, 10)),
        ("+12d", moment(2025, 4, 12)),
        ("-0d", NOW),
        ("-2M", moment(2025, 1, 31)),
        ("-19M", moment(2023, 8, 31)),
        # Calendar months: from the 31st, a shorter month ends on its last day.
        ("-1M", moment(2025, 2, 28)),
        ("-13M", moment(2024, 2, 29)),
        ("-15M", moment(2023, 12, 31)),
        # Terms add up from left to right.
        ("-19M+4d", moment(2023, 9, 4)),
        ("-1M+1d", moment(2025, 3, 1)),
        ("-5w+9d", moment(2025, 3, 5)),
        ("-8M+38d", moment(2024, 9, 7)),
        ("-14d 10:30", moment(2025, 3, 17, 10, 30)),
        ("-19M+4d 9:05", moment(2023, 9, 4, 9, 5)),
    ],
)
def test_a_relative_date_counts_from_the_moment_of_loading(text, expected):
    assert parse_moment(text, now=NOW) == expected


def test_without_a_time_of_day_a_moment_gets_the_one_its_caller_gives():
    assert parse_moment("-2d", now=NOW, default_time=datetime.time(20, 0)) == moment(2025, 3, 29, 20, 0)
    assert parse_moment("-2d 08:15", now=NOW, default_time=datetime.time(20, 0)) == moment(2025, 3, 29, 8, 15)


def test_a_moment_is_in_the_time_zone_of_its_day():
    # Summer time started on 30 March 2025: the same hour is an hour earlier in UTC the day after.
    before, after = parse_moment("-2d 12:00", now=NOW), parse_moment("-0d 12:00", now=NOW)
    assert before.utcoffset() == datetime.timedelta(hours=1)
    assert after.utcoffset() == datetime.timedelta(hours=2)
    utc = datetime.UTC
    assert after.astimezone(utc) - before.astimezone(utc) == datetime.timedelta(days=2, hours=-1)


@pytest.mark.parametrize(
    "text", ["", "14d", "-14", "-14x", "-14D", "-1y", "-14d 25", "-14d 10.30", "now", "-2d+"]
)
def test_what_is_not_a_relative_date_is_refused(text):
    with pytest.raises(ValueError, match="Not a relative date"):
        parse_moment(text, now=NOW)


def test_the_clock_never_gives_a_moment_after_now_unless_asked_for_one_ahead():
    clock = Clock(NOW)

    assert clock.at("-0d 20:00") == NOW
    assert clock.at("+3d") == NOW
    assert clock.at("-1d 20:00") == moment(2025, 3, 30, 20, 0)
    assert clock.at(None) is None
    assert clock.ahead("+12d 19:00") == moment(2025, 4, 12, 19, 0)


def test_spread_puts_moments_evenly_between_two_others():
    start = moment(2025, 3, 1, 0, 0)

    assert spread(start, start + datetime.timedelta(days=4), 3) == [
        start + datetime.timedelta(days=days) for days in (1, 2, 3)
    ]
    assert spread(start, start, 2) == [start, start]
    assert spread(start, start + datetime.timedelta(days=1), 0) == []


@pytest.mark.django_db
def test_backdate_sets_the_timestamps_django_fills_in_itself_in_one_update(django_assert_num_queries):
    entry = LogEntryFactory()
    written = moment(2024, 5, 1, 20, 0)

    with django_assert_num_queries(1):
        returned = backdate(entry, created_at=written, updated_at=written)

    assert returned is entry
    assert (entry.created_at, entry.updated_at) == (written, written)
    stored = LogEntry.objects.get(pk=entry.pk)
    assert (stored.created_at, stored.updated_at) == (written, written)
