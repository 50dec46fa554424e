"""The period and the place the council looks at: the dashboard's filters, as one `Scope`."""

import datetime
from dataclasses import dataclass
from functools import cached_property

from django import forms
from django.db.models import Min
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from core.forms import DateInput
from initiatives.models import Initiative
from places.models import Area

THIS_YEAR, LAST_12_MONTHS, ALL_TIME, CUSTOM = "dit-jaar", "12-maanden", "alles", "eigen"
EARLIEST_DAY = datetime.date(2000, 1, 1)  # long before the loket: older dates are typing errors


@dataclass(frozen=True)
class Scope:
    """From `start` (inclusive; None: since the beginning) until `end` (exclusive), in `area` or all."""

    start: datetime.datetime | None
    end: datetime.datetime
    area: Area | None

    @cached_property
    def beginning(self) -> datetime.datetime | None:
        """For "all time": when the first published initiative (in the area) was registered."""
        if self.start is not None:
            return None
        initiatives = Initiative.objects.published()
        if self.area is not None:
            initiatives = initiatives.filter(area=self.area)
        return initiatives.aggregate(first=Min("created_at"))["first"]

    @property
    def last_day(self) -> datetime.date:
        return timezone.localtime(self.end - datetime.timedelta(seconds=1)).date()

    def within(self, field: str) -> dict:
        """Keyword filters for `field` (a date or datetime) inside the period."""
        filters = {f"{field}__lt": self.end}
        if self.start is not None:
            filters[f"{field}__gte"] = self.start
        return filters


def _midnight(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


class ScopeForm(forms.Form):
    all_optional = True  # filters: no "(optional)" after every label (forms/includes/optional.html)

    periode = forms.ChoiceField(
        label=_("Period"),
        required=False,
        choices=[
            (LAST_12_MONTHS, _("last 12 months")),
            (THIS_YEAR, _("this year")),
            (ALL_TIME, _("all time")),
            (CUSTOM, _("from and until dates I choose")),
        ],
    )
    van = forms.DateField(
        label=_("From"),
        required=False,
        widget=DateInput(),
        help_text=_("Only with your own dates."),
    )
    tot = forms.DateField(
        label=_("Until"),
        required=False,
        widget=DateInput(),
        help_text=_("Up to and including this day."),
    )
    gebied = forms.ModelChoiceField(
        label=_("Village or district"),
        required=False,
        queryset=Area.objects.all(),
        to_field_name="slug",
        empty_label=_("The whole municipality"),
    )

    def _within_reach(self, name):
        """A date from 2000 until the end of next year: further out is a typing error (and the calendar's
        edges would overflow the arithmetic)."""
        day = self.cleaned_data.get(name)
        latest = timezone.localdate().replace(month=12, day=31)
        latest = latest.replace(year=latest.year + 1)
        if day is not None and not EARLIEST_DAY <= day <= latest:
            raise forms.ValidationError(
                _("Choose a date from %(earliest)s until %(latest)s."),
                code="out_of_reach",
                params={"earliest": date_format(EARLIEST_DAY), "latest": date_format(latest)},
            )
        return day

    def clean_van(self):
        return self._within_reach("van")

    def clean_tot(self):
        return self._within_reach("tot")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("periode") == CUSTOM:
            start, end = cleaned.get("van"), cleaned.get("tot")
            if not start or not end:
                raise forms.ValidationError(_("Choose both dates, or another period."), code="dates_missing")
            if start > end:
                raise forms.ValidationError(
                    _("The first date must come before the second."), code="dates_order"
                )
        return cleaned

    def scope(self) -> Scope:
        """The chosen scope; the last 12 months of the whole municipality when nothing (valid) is chosen."""
        data = self.cleaned_data if self.is_valid() else {}
        today = timezone.localdate()
        end = _midnight(today + datetime.timedelta(days=1))
        period = data.get("periode") or LAST_12_MONTHS
        if period == THIS_YEAR:
            start = _midnight(today.replace(month=1, day=1))
        elif period == ALL_TIME:
            start = None
        elif period == CUSTOM:
            start, end = _midnight(data["van"]), _midnight(data["tot"] + datetime.timedelta(days=1))
        else:
            first = (today.replace(day=1) - datetime.timedelta(days=335)).replace(day=1)
            start = _midnight(first)
        return Scope(start=start, end=end, area=data.get("gebied"))
