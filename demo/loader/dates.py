"""Dates in the demo's data are relative to the moment of loading, so the site always looks alive.

A date is one or more signed terms, added from left to right: days (`-14d`), weeks (`-3w`) or calendar
months (`-19M`), for example `-19M+4d`; optionally followed by a time of day (`-14d 10:30`). Without a
time, a moment gets the one its caller gives as believable for what it is (a log entry is written in the
evening), else the time of loading.

Django fills in `created_at` (auto_now_add) and `updated_at` (auto_now) itself on save; `backdate` gives a
saved row the moments it would have had had it been made back then.
"""

import datetime
import re

from django.utils import timezone

_TERM = re.compile(r"([+-])(\d+)([dwM])")
_DATE = re.compile(r"(?P<terms>(?:[+-]\d+[dwM])+)(?: (?P<hour>\d{1,2}):(?P<minute>\d{2}))?")


def _plus_months(day: datetime.date, months: int) -> datetime.date:
    """The same day of the month `months` later (or earlier), or the month's last day if it is shorter."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    following = datetime.date(year + month // 12, month % 12 + 1, 1)
    return day.replace(year=year, month=month, day=min(day.day, (following - datetime.timedelta(days=1)).day))


def parse_moment(
    text: str, *, now: datetime.datetime, default_time: datetime.time | None = None
) -> datetime.datetime:
    """The aware moment that `text` stands for, counted from `now`, in the current time zone."""
    match = _DATE.fullmatch(str(text).strip())
    if match is None:
        raise ValueError(f"Not a relative date: {text!r}. Write for example -14d, -3w, -19M+4d or -2d 10:30.")
    local = timezone.localtime(now)
    day = local.date()
    for sign, number, unit in _TERM.findall(match["terms"]):
        amount = int(number) if sign == "+" else -int(number)
        if unit == "M":
            day = _plus_months(day, amount)
        else:
            day += datetime.timedelta(days=amount * (7 if unit == "w" else 1))
    if match["hour"] is not None:
        time = datetime.time(int(match["hour"]), int(match["minute"]))
    else:
        time = default_time or local.time().replace(tzinfo=None)
    return timezone.make_aware(datetime.datetime.combine(day, time))


class Clock:
    """One moment of loading for a whole run, so that every date of the demo counts from the same now."""

    def __init__(self, now: datetime.datetime | None = None):
        self.now = now or timezone.now()

    def at(self, text: str | None, default_time: datetime.time | None = None) -> datetime.datetime | None:
        """The moment `text` stands for, never later than now (None for None): the demo has no future
        posts. A time of day that has not come yet today becomes now."""
        if text is None:
            return None
        return min(parse_moment(text, now=self.now, default_time=default_time), self.now)

    def ahead(self, text: str, default_time: datetime.time | None = None) -> datetime.datetime:
        """The moment `text` stands for, also in the future (lab sessions still to come)."""
        return parse_moment(text, now=self.now, default_time=default_time)


def backdate(obj, **moments):
    """Set timestamps of the saved row `obj` (created_at=..., updated_at=...) in one UPDATE, which Django
    leaves alone (auto_now only acts on save), and on the object itself. Returns `obj`."""
    type(obj)._default_manager.filter(pk=obj.pk).update(**moments)
    for name, value in moments.items():
        setattr(obj, name, value)
    return obj


def spread(start: datetime.datetime, end: datetime.datetime, count: int) -> list[datetime.datetime]:
    """`count` moments evenly between start and end, neither included: when supports and sign-ups came in."""
    span = max(end - start, datetime.timedelta(0))
    return [start + span * index / (count + 1) for index in range(1, count + 1)]
