"""The monthly counts (dashboard.monthly) stay equal to the raw rows they count after every kind of write
through the services: each test makes a write and compares the whole table with a count of the raw rows."""

import datetime

import pytest
from django.db.models.functions import TruncMonth

from accounts.personal_data import erase
from accounts.roles import Role
from dashboard.figures.base import Grain
from dashboard.models import Measure, MonthlyCount
from dashboard.monthly import SOURCES, counts, month_of, rebuild
from initiatives.choices import LogKind, ObstacleCategory, PublicationState, Stage
from initiatives.models import Initiative
from initiatives.services import authoring, help_requests, log_entries, participation, publication
from moderation import services as moderation
from places.models import Area
from tests.accounts.factories import staff_in_role
from tests.dashboard.helpers import NOW, scope_for
from tests.dashboard.world import build
from tests.initiatives.factories import (
    HelpOfferFactory,
    HelpRequestFactory,
    InitiativeFactory,
    LogEntryFactory,
    SupportFactory,
    VerifiedUserFactory,
)

pytestmark = pytest.mark.django_db


def table() -> dict:
    return {
        (row.measure, row.month, row.area_id, row.origin, row.category): row.n
        for row in MonthlyCount.objects.exclude(n=0)
    }


def raw() -> dict:
    """Counted from the raw rows, each measure by its own definition."""
    counted = {}
    for source in SOURCES.values():
        for row in source.grouped(
            source.counted(), by=("category", "area", "origin"), period=TruncMonth(source.date)
        ):
            key = (source.measure, month_of(row["period"]), row["area"], row["origin"], row["category"])
            counted[key] = row["n"]
    return counted


def assert_kept():
    kept = table()
    assert kept == raw()
    return kept


@pytest.fixture
def busy():
    """A published initiative with something of everything in it, and one that is not published."""
    initiative = InitiativeFactory(stage=Stage.RUNNING)
    for days, kind in [(3, LogKind.UPDATE), (40, LogKind.MILESTONE), (70, LogKind.OBSTACLE)]:
        LogEntryFactory(
            initiative=initiative,
            kind=kind,
            obstacle_category=ObstacleCategory.MONEY if kind == LogKind.OBSTACLE else "",
            happened_on=(NOW - datetime.timedelta(days=days)).date(),
        )
    SupportFactory.create_batch(3, initiative=initiative)
    request = HelpRequestFactory(initiative=initiative)
    HelpOfferFactory(help_request=request)
    draft = InitiativeFactory(draft=True)
    LogEntryFactory(initiative=draft)
    return initiative


@pytest.fixture
def moderator(db):
    return staff_in_role(Role.MODERATOR)


def test_what_is_made_through_the_models_is_counted(busy):
    kept = assert_kept()

    assert kept[(Measure.SUPPORT, month_of(NOW), busy.area_id, busy.origin, "")] == 3
    assert sum(n for key, n in kept.items() if key[0] == Measure.PUBLISHED) == 1  # not the draft


def test_rebuild_gives_the_same_table(busy):
    before = assert_kept()

    rebuild()

    assert table() == before


def test_publishing_brings_in_everything_in_the_initiative(busy, moderator):
    submitted = InitiativeFactory(submitted=True)
    LogEntryFactory(initiative=submitted)
    SupportFactory(initiative=submitted)
    assert_kept()

    publication.initiative_publish(initiative=submitted, by=moderator)

    kept = assert_kept()
    assert sum(n for key, n in kept.items() if key[0] == Measure.PUBLISHED) == 2


def test_hiding_and_restoring_an_initiative(busy, moderator):
    moderation.item_hide(item=busy, by=moderator, reason="Spam.")
    assert Initiative.objects.get(pk=busy.pk).publication_state == PublicationState.HIDDEN
    assert assert_kept() == {}

    moderation.item_restore(item=Initiative.objects.get(pk=busy.pk), by=moderator)
    assert len(assert_kept()) > 5


def test_moving_an_initiative_changing_its_stage_and_origin(busy):
    other = Area.objects.exclude(pk=busy.area_id).first()
    initiative = Initiative.objects.get(pk=busy.pk)

    authoring.initiative_update(
        initiative=initiative, by=initiative.created_by, area=other, stage=Stage.COMPLETED
    )
    kept = assert_kept()
    assert {key[2] for key in kept} == {other.pk}

    initiative = Initiative.objects.get(pk=busy.pk)
    initiative.stage = Stage.STOPPED
    initiative.stage_changed_at = NOW
    initiative.save()
    assert_kept()


def test_log_entries_made_edited_hidden_restored_and_deleted(busy, moderator):
    entry = log_entries.log_entry_create(
        initiative=busy,
        author=busy.created_by,
        kind=LogKind.OBSTACLE,
        obstacle_category=ObstacleCategory.RULES,
        title="Vergunning",
        text="Het duurt lang.",
        happened_on=(NOW - datetime.timedelta(days=100)).date(),
    )
    assert_kept()

    log_entries.log_entry_update(
        log_entry=entry,
        kind=LogKind.UPDATE,
        obstacle_category="",
        happened_on=(NOW - datetime.timedelta(days=10)).date(),
    )
    assert_kept()

    moderation.item_hide(item=entry, by=moderator, reason="Niet over het initiatief.")
    assert_kept()
    moderation.item_restore(item=entry.__class__.objects.get(pk=entry.pk), by=moderator)
    assert_kept()

    log_entries.log_entry_delete(log_entry=entry.__class__.objects.get(pk=entry.pk))
    assert_kept()


def test_an_entry_read_in_part_is_read_again_before_it_is_saved(busy):
    entry = busy.log_entries.only("pk", "title").first()
    entry.kind = LogKind.UPDATE
    entry.obstacle_category = ""
    entry.save()

    assert_kept()


def test_support_added_and_withdrawn(busy):
    user = VerifiedUserFactory()

    participation.support_add(initiative=busy, user=user)
    assert_kept()

    participation.support_withdraw(initiative=busy, user=user)
    assert_kept()


def test_help_asked_offered_fulfilled(busy):
    request = help_requests.help_request_create(
        initiative=busy, kind="volunteers", title="Handen", description="Wie helpt er mee?"
    )
    help_requests.help_offer_create(help_request=request, offered_by=VerifiedUserFactory(), message="Ik!")
    assert_kept()

    help_requests.help_request_set_fulfilled(help_request=request, fulfilled=True)
    assert_kept()


def test_an_initiative_deleted_with_everything_in_it(busy):
    authoring.initiative_delete(initiative=Initiative.objects.get(pk=busy.pk))

    assert assert_kept() == {}


def test_an_account_erased_with_its_support_and_offers(busy):
    supporter = busy.supports.first().user
    HelpOfferFactory(help_request=busy.help_requests.first(), offered_by=supporter)
    assert_kept()

    erase(supporter)

    assert_kept()


SCOPES = [
    {},
    {"periode": "dit-jaar"},
    {"periode": "alles"},
    {"periode": "alles", "gebied": "centrum"},
    {"periode": "eigen", "van": "2024-09-14", "tot": "2025-03-02"},  # parts of months at both ends
    {"periode": "eigen", "van": "2025-02-03", "tot": "2025-02-20"},  # within one month
    {"periode": "eigen", "van": "2024-11-01", "tot": "2025-01-31"},  # whole months, ended before now
]


@pytest.mark.parametrize("params", SCOPES)
def test_every_measure_of_every_period_equals_its_raw_count(params):
    build(30)  # published from mid-November 2024 until mid-June 2025, something of everything each
    scope = scope_for(params)

    for measure, source in SOURCES.items():
        rows = source.counted(scope.area).filter(**scope.within(source.date))
        expected = {
            (grain_start, row["category"]): row["n"]
            for row in source.grouped(rows, period=Grain.QUARTER.trunc(source.date))
            for grain_start in [Grain.QUARTER.start(row["period"])]
        }
        got = {
            (row["period"], row["category"]): row["n"] for row in counts(scope, measure, grain=Grain.QUARTER)
        }
        assert got == expected, (measure, params)
        # The comparison means something: the world's log and initiatives lie in every period (its
        # support and help were given today).
        assert sum(got.values()) > 0 or measure in (Measure.SUPPORT, Measure.REQUEST, Measure.OFFER)
