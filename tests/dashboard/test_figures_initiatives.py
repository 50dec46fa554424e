"""The initiative figures count exactly what their definitions say: published initiatives only, by the
date field each names, within the period and the village or district. Data made by hand, answers known."""

import datetime

import pytest
from django.utils.formats import date_format

from dashboard.figures import compute_all
from flywheels.models import Concept
from initiatives.choices import GovernmentRole, LogKind, Origin, ParticipationStep, Stage
from places.models import Area
from tests.dashboard.helpers import backdate, figure, local, scope_for, values_by_category
from tests.initiatives.factories import (
    CommentFactory,
    HelpOfferFactory,
    HelpRequestFactory,
    InitiativeFactory,
    LogEntryFactory,
    MunicipalResponseFactory,
    SupportFactory,
)
from tests.initiatives.log_help_helpers import STATES
from tests.knowledgebase.factories import CaseAnalysisFactory

pytestmark = pytest.mark.django_db

UNPUBLISHED = ["draft", "submitted", "rejected", "hidden"]
OVER_TIME_SERIES = ["new", "published", "completed", "stopped"]  # the order dashboard.figures gives them


def wehl():
    return Area.objects.get(slug="wehl")


def gaanderen():
    return Area.objects.get(slug="gaanderen")


def published_initiative(*, created, published, **kwargs):
    initiative = InitiativeFactory(published_at=published, **kwargs)
    return backdate(initiative, created_at=created)


def over_time(params=None) -> dict:
    result = figure("initiatives_over_time", params)
    return {
        name: dict(zip(result.categories, series.values, strict=True))
        for name, series in zip(OVER_TIME_SERIES, result.series, strict=True)
    }


def month(year, number) -> str:
    return date_format(datetime.date(year, number, 1), "M Y")


def snapshot(params=None) -> list:
    """Every category, series value, key number and heat-map group of every figure, as plain data."""
    return [
        (
            item.key,
            [str(category) for category in result.categories],
            [(str(series.name), list(series.values)) for series in result.series],
            [(str(label), value, str(unit)) for label, value, unit in result.numbers],
            [
                (str(title), list(columns), [(str(row.name), list(row.values)) for row in rows])
                for title, columns, rows in result.groups
            ],
        )
        for item, result in compute_all(scope_for(params))
    ]


def everything_around(initiative, *, when):
    """Support, help, a response, log entries, an obstacle and an analysis: all in the period."""
    SupportFactory(initiative=initiative)
    request = HelpRequestFactory(initiative=initiative)
    HelpRequestFactory(initiative=initiative, is_fulfilled=True, fulfilled_at=when)
    HelpOfferFactory(help_request=request)
    MunicipalResponseFactory(initiative=initiative)
    CommentFactory(initiative=initiative)
    LogEntryFactory(initiative=initiative, happened_on=when.date())
    LogEntryFactory(initiative=initiative, kind=LogKind.OBSTACLE, happened_on=when.date())
    CaseAnalysisFactory(
        initiative=initiative, published_at=when, findings={Concept.objects.get(slug="animo"): "Veel animo."}
    )


# --- Published only -----------------------------------------------------------------------------------


@pytest.mark.parametrize("state", UNPUBLISHED)
@pytest.mark.parametrize(
    "params", [{}, {"periode": "alles"}, {"gebied": "wehl"}], ids=["default", "alles", "wehl"]
)
def test_an_unpublished_initiative_with_everything_around_it_moves_no_figure(state, params):
    when = local(2025, 3, 10)
    published = published_initiative(created=when, published=when, area=wehl())
    everything_around(published, when=when)
    before = snapshot(params)

    unpublished = InitiativeFactory(
        **STATES[state],
        area=wehl(),
        stage=Stage.COMPLETED,
        government_role=GovernmentRole.FACILITATE,
        first_response_at=local(2025, 3, 12),
    )
    # Even with the dates a published one would have: an initiative can be hidden after publication.
    backdate(unpublished, created_at=when, published_at=when, stage_changed_at=when)
    everything_around(unpublished, when=when)

    assert snapshot(params) == before


def test_the_snapshot_does_see_a_published_initiative():
    """The test above can fail: the same initiative, published, moves the figures."""
    when = local(2025, 3, 10)
    before = snapshot()

    initiative = published_initiative(created=when, published=when, area=wehl())
    everything_around(initiative, when=when)

    assert snapshot() != before


# --- Over time ----------------------------------------------------------------------------------------


def test_over_time_counts_new_by_creation_published_by_publication_and_stages_by_their_change():
    published_initiative(created=local(2024, 9, 10), published=local(2024, 9, 20))
    published_initiative(
        created=local(2025, 3, 31, 23, 30),  # the last half hour of March in Doetinchem
        published=local(2025, 4, 2),
        stage=Stage.COMPLETED,
        stage_changed_at=local(2025, 5, 31, 23, 30),
    )
    published_initiative(
        created=local(2024, 5, 1),  # before the period
        published=local(2024, 7, 1, 0, 30),  # the first hour of the period
        stage=Stage.STOPPED,
        stage_changed_at=local(2024, 6, 30, 23, 30),  # the last hour before it
    )
    # A stage change counts under the stage the initiative has now, not under one it had before.
    published_initiative(
        created=local(2025, 1, 5),
        published=local(2025, 1, 6),
        stage=Stage.RUNNING,
        stage_changed_at=local(2025, 2, 1),
    )
    InitiativeFactory(draft=True, stage=Stage.COMPLETED)

    counts = over_time()

    months = [month(2024, number) for number in range(7, 13)] + [
        month(2025, number) for number in range(1, 7)
    ]
    assert list(counts["new"]) == months
    assert {key: value for key, value in counts["new"].items() if value} == {
        month(2024, 9): 1,
        month(2025, 1): 1,
        month(2025, 3): 1,
    }
    assert {key: value for key, value in counts["published"].items() if value} == {
        month(2024, 7): 1,
        month(2024, 9): 1,
        month(2025, 1): 1,
        month(2025, 4): 1,
    }
    assert {key: value for key, value in counts["completed"].items() if value} == {month(2025, 5): 1}
    assert set(counts["stopped"].values()) == {0}


def test_over_time_for_all_time_starts_with_the_first_initiative_and_counts_the_stopped_one():
    published_initiative(
        created=local(2024, 5, 1),
        published=local(2024, 7, 1, 0, 30),
        stage=Stage.STOPPED,
        stage_changed_at=local(2024, 6, 30, 23, 30),
    )

    counts = over_time({"periode": "alles"})

    assert next(iter(counts["new"])) == month(2024, 5)
    assert list(counts["new"])[-1] == month(2025, 6)
    assert counts["new"][month(2024, 5)] == 1
    assert counts["stopped"][month(2024, 6)] == 1


def test_over_time_follows_the_village_or_district():
    published_initiative(created=local(2025, 2, 1), published=local(2025, 2, 2), area=wehl())
    published_initiative(created=local(2025, 2, 1), published=local(2025, 2, 2), area=gaanderen())

    assert over_time({"gebied": "wehl"})["published"][month(2025, 2)] == 1
    assert over_time()["published"][month(2025, 2)] == 2


# --- By stage, area, origin ---------------------------------------------------------------------------


def test_by_stage_counts_every_published_initiative_whatever_its_date_but_in_the_area():
    InitiativeFactory(stage=Stage.IDEA, published_at=local(2019, 1, 1), area=wehl())
    InitiativeFactory(stage=Stage.IDEA, area=wehl())
    InitiativeFactory(stage=Stage.COMPLETED, area=gaanderen())
    InitiativeFactory(stage=Stage.COMPLETED, area=wehl(), hidden=True)
    InitiativeFactory(stage=Stage.RUNNING, draft=True, area=wehl())

    everywhere = values_by_category(figure("initiatives_by_stage"))
    in_wehl = values_by_category(figure("initiatives_by_stage", {"gebied": "wehl"}))

    assert list(everywhere) == [str(label) for label in Stage.labels]
    assert everywhere == {
        str(Stage.IDEA.label): 2,
        str(Stage.PREPARING.label): 0,
        str(Stage.RUNNING.label): 0,
        str(Stage.COMPLETED.label): 1,
        str(Stage.STOPPED.label): 0,
    }
    assert in_wehl[str(Stage.IDEA.label)] == 2
    assert in_wehl[str(Stage.COMPLETED.label)] == 0
    # "now", not limited to the period: the same for all time
    assert values_by_category(figure("initiatives_by_stage", {"periode": "alles"})) == everywhere


def test_by_area_counts_first_publications_in_the_period_most_first():
    InitiativeFactory(area=wehl(), published_at=local(2025, 1, 1))
    InitiativeFactory(area=wehl(), published_at=local(2024, 8, 1))
    InitiativeFactory(area=wehl(), published_at=local(2024, 6, 1))  # before the period
    InitiativeFactory(area=gaanderen(), published_at=local(2025, 5, 1))
    InitiativeFactory(area=gaanderen(), published_at=local(2025, 5, 1), rejected=True)
    InitiativeFactory(area=gaanderen(), published_at=local(2025, 5, 1), hidden=True)

    result = figure("initiatives_by_area")

    assert result.categories == ["Wehl", "Gaanderen"]
    assert result.series[0].values == [2, 1]
    assert values_by_category(figure("initiatives_by_area", {"periode": "alles"})) == {
        "Wehl": 3,
        "Gaanderen": 1,
    }
    assert values_by_category(figure("initiatives_by_area", {"gebied": "gaanderen"})) == {"Gaanderen": 1}


def test_by_origin_counts_first_publications_in_the_period():
    InitiativeFactory(published_at=local(2025, 2, 1))
    InitiativeFactory(published_at=local(2024, 12, 1))
    InitiativeFactory(published_at=local(2025, 2, 1), from_municipality=True)
    InitiativeFactory(published_at=local(2023, 2, 1), from_municipality=True)
    InitiativeFactory(from_municipality=True, submitted=True)

    assert values_by_category(figure("initiatives_by_origin")) == {
        str(Origin.SOCIETY.label): 2,
        str(Origin.MUNICIPALITY.label): 1,
    }
    assert values_by_category(figure("initiatives_by_origin", {"periode": "dit-jaar"})) == {
        str(Origin.SOCIETY.label): 1,
        str(Origin.MUNICIPALITY.label): 1,
    }


# --- The role of the municipality ---------------------------------------------------------------------


def test_municipal_role_counts_the_step_of_each_ladder_and_the_unrecorded():
    when = local(2025, 4, 1)
    InitiativeFactory.create_batch(2, published_at=when, government_role=GovernmentRole.FACILITATE)
    InitiativeFactory(published_at=when, government_role=GovernmentRole.LET_GO)
    InitiativeFactory(
        published_at=when, from_municipality=True, participation_step=ParticipationStep.COPRODUCE
    )
    InitiativeFactory(published_at=when)  # nothing recorded
    InitiativeFactory(published_at=local(2024, 1, 1), government_role=GovernmentRole.REGULATE)  # before
    InitiativeFactory(published_at=when, government_role=GovernmentRole.DIRECT, hidden=True)

    result = figure("municipal_role")

    labels = [str(label) for label in GovernmentRole.labels] + [
        str(label) for label in ParticipationStep.labels
    ]
    assert [str(row.name) for row in result.series] == [*labels, "niet ingevuld"]
    assert result.categories == ["K3 2024", "K4 2024", "K1 2025", "K2 2025"]
    totals = {str(row.name): sum(row.values) for row in result.series}
    assert totals[str(GovernmentRole.FACILITATE.label)] == 2
    assert totals[str(GovernmentRole.LET_GO.label)] == 1
    assert totals[str(GovernmentRole.REGULATE.label)] == 0
    assert totals[str(GovernmentRole.DIRECT.label)] == 0
    assert totals[str(ParticipationStep.COPRODUCE.label)] == 1
    assert totals["niet ingevuld"] == 1
    assert sum(totals.values()) == 5
    facilitate = next(row for row in result.series if row.name == GovernmentRole.FACILITATE.label)
    assert facilitate.values == [0, 0, 0, 2]  # both in Q2 2025, the quarter of 1 April
