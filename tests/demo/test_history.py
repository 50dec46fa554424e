"""The twenty months of history `manage.py loket_demo` adds give the council's dashboard something to show:
publications in every month and every village and district, both origins, every stage and role, obstacles
of every kind over the quarters, responses within the promise and long after, lab sessions and signals."""

import datetime

import pytest
from django.utils import timezone

from demo.loader.initiatives import initiative_slugs
from initiatives.choices import GovernmentRole, LogKind, ObstacleCategory, Origin, ParticipationStep, Stage
from initiatives.models import Initiative, LogEntry
from lab.models import LabSession, Signal, SignalStatus
from places.models import Area

pytestmark = pytest.mark.django_db

PROMISE = datetime.timedelta(days=14)


@pytest.fixture
def history(demo):
    return Initiative.objects.published().filter(slug__in=initiative_slugs("history"))


def quarter(day: datetime.date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3


def test_publications_are_spread_over_twenty_months(history):
    months = {
        timezone.localtime(moment).strftime("%Y-%m")
        for moment in history.values_list("published_at", flat=True)
    }
    oldest = min(history.values_list("published_at", flat=True))

    assert history.count() >= 30
    assert len(months) >= 18
    assert oldest <= timezone.now() - datetime.timedelta(days=19 * 30)


def test_every_village_and_district_both_origins_and_every_role(history):
    assert set(history.values_list("area", flat=True)) == set(Area.objects.values_list("pk", flat=True))
    assert set(history.values_list("origin", flat=True)) == set(Origin.values)
    assert set(history.values_list("government_role", flat=True)) - {""} == set(GovernmentRole.values)
    assert set(history.values_list("participation_step", flat=True)) - {""} == set(ParticipationStep.values)


def test_every_stage_and_the_ended_ones_ended_at_different_times_after_their_publication(history):
    assert set(history.values_list("stage", flat=True)) == set(Stage.values)
    ended = history.filter(stage__in=[Stage.COMPLETED, Stage.STOPPED])
    months = set()
    for initiative in ended:
        assert initiative.published_at < initiative.stage_changed_at < timezone.now(), initiative.slug
        months.add(timezone.localtime(initiative.stage_changed_at).strftime("%Y-%m"))
    assert len(months) >= 10


def test_obstacles_of_every_kind_come_up_over_several_quarters(demo):
    obstacles = LogEntry.objects.published().of_kind(LogKind.OBSTACLE)
    for category in ObstacleCategory.values:
        days = obstacles.filter(obstacle_category=category).values_list("happened_on", flat=True)
        assert len({quarter(day) for day in days}) >= 3, category


def test_the_municipality_responds_within_the_promise_and_long_after_and_some_still_wait(history):
    waited = [initiative.response_time for initiative in history if initiative.first_response_at]

    assert sum(1 for time in waited if time <= PROMISE) >= 15
    assert sum(1 for time in waited if time > PROMISE) >= 6
    assert history.filter(first_response_at__isnull=True).exists()


def test_the_lab_met_about_every_two_months_and_signals_came_and_were_handled(demo):
    held = LabSession.objects.published().past()
    oldest = min(held.values_list("starts_at", flat=True))

    assert held.count() >= 9
    assert held.exclude(report="").count() >= 7
    assert oldest <= timezone.now() - datetime.timedelta(days=17 * 30)
    statuses = set(Signal.objects.values_list("status", flat=True))
    assert {SignalStatus.RESOLVED, SignalStatus.CLOSED, SignalStatus.IN_PROGRESS} <= statuses
    assert Signal.objects.filter(initiative__isnull=False).count() >= 10


def test_lab_sessions_are_held_on_tuesday_to_thursday_evenings(demo):
    for starts in LabSession.objects.values_list("starts_at", flat=True):
        assert timezone.localtime(starts).weekday() in (1, 2, 3)
