"""Values that HTML gives a strict form: the moment in <time datetime> and the day in <input type="date">.
A live site records moments to the microsecond, and anyone can send a day that does not exist."""

import datetime
import re
import zoneinfo

import pytest
from django.urls import reverse

from accounts.roles import Role
from core.forms import DateInput
from core.templatetags.core_tags import html_datetime
from dashboard.periods import ScopeForm
from initiatives.models import Comment, MunicipalResponse
from tests.accounts.factories import staff_in_role
from tests.html import by_id, elements, parse
from tests.initiatives.factories import CommentFactory, InitiativeFactory, MunicipalResponseFactory

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")
# What HTML calls a valid global date and time string, to the second: no fraction.
TO_THE_SECOND = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}")


def test_a_moment_is_written_to_the_second_in_local_time():
    moment = datetime.datetime(2025, 3, 1, 13, 5, 9, 123456, tzinfo=datetime.UTC)

    assert html_datetime(moment) == "2025-03-01T14:05:09+01:00"


def test_a_day_is_written_as_a_day_and_nothing_as_nothing():
    assert html_datetime(datetime.date(2025, 3, 1)) == "2025-03-01"
    assert html_datetime(None) == ""


@pytest.mark.django_db
def test_comments_and_responses_written_on_a_live_site_have_valid_moments(client):
    initiative = InitiativeFactory()
    comment = CommentFactory(initiative=initiative)
    response = MunicipalResponseFactory(initiative=initiative)
    moment = datetime.datetime(2025, 3, 1, 14, 5, 9, 654321, tzinfo=AMSTERDAM)
    Comment.objects.filter(pk=comment.pk).update(created_at=moment)
    MunicipalResponse.objects.filter(pk=response.pk).update(created_at=moment)

    page = parse(client.get(initiative.get_absolute_url()))

    moments = [time["datetime"] for time in elements(page, "time", datetime=True) if "T" in time["datetime"]]
    assert moments.count("2025-03-01T14:05:09+01:00") == 2
    assert all(TO_THE_SECOND.fullmatch(value) for value in moments), moments


@pytest.mark.parametrize(
    ("sent", "shown"),
    [("2025-06-01", "2025-06-01"), ("2026-13-01", None), ("1-2-2025", None), ("20250601", None)],
)
def test_a_date_box_shows_only_a_real_day(sent, shown):
    field = ScopeForm(data={"periode": "eigen", "van": sent})["van"]

    assert DateInput().format_value(field.value()) == shown


def test_a_date_box_writes_a_day_as_html_does_whatever_the_language():
    assert DateInput().format_value(datetime.date(2025, 6, 1)) == "2025-06-01"


@pytest.mark.django_db
def test_the_dashboard_does_not_write_a_day_that_does_not_exist_back_into_its_date_box(client):
    client.force_login(staff_in_role(Role.COUNCIL))

    page = parse(client.get(reverse("dashboard:index"), {"periode": "eigen", "van": "2026-13-01"}))

    box = by_id(page, "id_van")
    assert box["type"] == "date"
    assert not box.has_attr("value")
    assert box["aria-invalid"] == "true"  # the error says what was wrong
