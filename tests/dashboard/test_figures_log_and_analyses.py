"""What initiatives learn: log entries per kind and obstacles per category per quarter (by the date of what
they tell), case analyses published, and the flywheel concepts those analyses describe."""

import datetime

import pytest

from flywheels.models import Concept, Flywheel
from initiatives.choices import LogKind, ObstacleCategory
from knowledgebase.models import ConceptFinding
from places.models import Area
from tests.dashboard.helpers import DEFAULT_QUARTERS, NOW, backdate, figure, local, numbers
from tests.initiatives.factories import InitiativeFactory, LogEntryFactory
from tests.knowledgebase.factories import CaseAnalysisFactory

pytestmark = pytest.mark.django_db


def day(year, month, number):
    return datetime.date(year, month, number)


def rows(result) -> dict:
    return {str(series.name): series.values for series in result.series}


def log(initiative, kind, happened_on, category=""):
    return LogEntryFactory(
        initiative=initiative, kind=kind, happened_on=happened_on, obstacle_category=category
    )


@pytest.fixture
def log_world():
    wehl = InitiativeFactory(area=Area.objects.get(slug="wehl"))
    gaanderen = InitiativeFactory(area=Area.objects.get(slug="gaanderen"))
    draft = InitiativeFactory(draft=True, area=Area.objects.get(slug="wehl"))

    log(wehl, LogKind.UPDATE, day(2024, 8, 10))  # Q3 2024
    log(wehl, LogKind.UPDATE, day(2025, 4, 1))  # Q2 2025
    log(wehl, LogKind.OBSTACLE, day(2025, 4, 5), ObstacleCategory.RULES)
    log(wehl, LogKind.OBSTACLE, day(2025, 5, 5), ObstacleCategory.MONEY)
    log(wehl, LogKind.OBSTACLE, day(2024, 12, 31), ObstacleCategory.MONEY)  # Q4 2024
    log(wehl, LogKind.MILESTONE, day(2025, 1, 1))  # Q1 2025
    log(wehl, LogKind.UPDATE, day(2024, 6, 30))  # the day before the period
    log(gaanderen, LogKind.REFLECTION, day(2025, 3, 3))
    log(gaanderen, LogKind.OBSTACLE, day(2025, 3, 3), ObstacleCategory.LEAD_TIME)
    # Never counted: hidden by moderation, or in the log of an unpublished initiative.
    hidden = log(wehl, LogKind.OBSTACLE, day(2025, 4, 10), ObstacleCategory.RULES)
    backdate(hidden, hidden_at=NOW)
    log(draft, LogKind.UPDATE, day(2025, 4, 1))
    log(draft, LogKind.OBSTACLE, day(2025, 4, 1), ObstacleCategory.OTHER)


def test_log_entries_by_kind_per_quarter_by_the_date_they_tell(log_world):
    result = figure("log_entries_by_kind")

    assert len(result.categories) == DEFAULT_QUARTERS
    assert [series.name for series in result.series] == list(LogKind.labels)
    assert rows(result) == {
        str(LogKind.UPDATE.label): [1, 0, 0, 1],
        str(LogKind.DILEMMA.label): [0, 0, 0, 0],
        str(LogKind.OBSTACLE.label): [0, 1, 1, 2],
        str(LogKind.WORKING_ELEMENT.label): [0, 0, 0, 0],
        str(LogKind.REFLECTION.label): [0, 0, 1, 0],
        str(LogKind.MILESTONE.label): [0, 0, 1, 0],
    }


def test_log_entries_by_kind_follow_the_village_or_district(log_world):
    result = figure("log_entries_by_kind", {"gebied": "gaanderen"})

    assert rows(result)[str(LogKind.REFLECTION.label)] == [0, 0, 1, 0]
    assert rows(result)[str(LogKind.OBSTACLE.label)] == [0, 0, 1, 0]
    assert sum(sum(series.values) for series in result.series) == 2


def test_obstacles_per_category_most_frequent_first(log_world):
    result = figure("obstacles_over_time")

    assert rows(result) == {
        str(ObstacleCategory.MONEY.label): [0, 1, 0, 1],
        str(ObstacleCategory.RULES.label): [0, 0, 0, 1],
        str(ObstacleCategory.LEAD_TIME.label): [0, 0, 1, 0],
        str(ObstacleCategory.UNCLEAR_CONTACT.label): [0, 0, 0, 0],
        str(ObstacleCategory.INFORMATION.label): [0, 0, 0, 0],
        str(ObstacleCategory.OTHER.label): [0, 0, 0, 0],
    }
    names = [str(series.name) for series in result.series]
    assert names[0] == str(ObstacleCategory.MONEY.label)
    # equal totals keep the order of the categories
    assert names[1:3] == [str(ObstacleCategory.RULES.label), str(ObstacleCategory.LEAD_TIME.label)]


def test_a_hidden_obstacle_is_not_counted_but_shown_again_once_restored(log_world):
    from initiatives.models import LogEntry

    for entry in LogEntry.objects.filter(hidden_at__isnull=False):
        entry.hidden_at = None
        entry.save()

    assert rows(figure("obstacles_over_time"))[str(ObstacleCategory.RULES.label)] == [0, 0, 0, 2]


def test_all_time_counts_every_visible_entry_even_one_dated_before_the_initiative_was_registered():
    """A log may tell how it all began, months before the initiative came to the loket."""
    initiative = InitiativeFactory(published_at=local(2025, 6, 1))
    backdate(initiative, created_at=local(2025, 6, 1))
    log(initiative, LogKind.UPDATE, day(2025, 6, 2))
    log(initiative, LogKind.UPDATE, day(2023, 2, 1))
    log(initiative, LogKind.OBSTACLE, day(2023, 2, 1), ObstacleCategory.MONEY)

    by_kind = figure("log_entries_by_kind", {"periode": "alles"})
    obstacles = figure("obstacles_over_time", {"periode": "alles"})

    assert sum(rows(by_kind)[str(LogKind.UPDATE.label)]) == 2
    assert sum(rows(obstacles)[str(ObstacleCategory.MONEY.label)]) == 1


# --- Case analyses ------------------------------------------------------------------------------------


def test_analyses_published_per_quarter_of_publication():
    initiative = backdate(InitiativeFactory(published_at=local(2024, 1, 2)), created_at=local(2024, 1, 1))
    CaseAnalysisFactory(initiative=initiative, published_at=local(2024, 8, 1))
    CaseAnalysisFactory(initiative=initiative, published_at=local(2025, 5, 1))
    CaseAnalysisFactory(initiative=initiative, published_at=local(2025, 5, 2))
    CaseAnalysisFactory(initiative=initiative, published_at=local(2024, 5, 1))  # before the period
    CaseAnalysisFactory(initiative=initiative, draft=True)
    # Later today: inside the period's last day, but not published yet.
    CaseAnalysisFactory(initiative=initiative, published_at=NOW + datetime.timedelta(hours=6))
    for state in ("hidden", "draft", "rejected"):
        CaseAnalysisFactory(initiative=InitiativeFactory(**{state: True}), published_at=local(2025, 5, 1))

    result = figure("analyses_published")

    assert result.series[0].values == [1, 0, 0, 2]
    assert numbers(result) == [3]
    assert numbers(figure("analyses_published", {"periode": "alles"})) == [4]


def test_analyses_published_follow_the_village_or_district():
    CaseAnalysisFactory(
        initiative=InitiativeFactory(area=Area.objects.get(slug="wehl")), published_at=local(2025, 5, 1)
    )
    CaseAnalysisFactory(
        initiative=InitiativeFactory(area=Area.objects.get(slug="gaanderen")), published_at=local(2025, 5, 1)
    )

    assert numbers(figure("analyses_published", {"gebied": "wehl"})) == [1]


def concept(slug):
    return Concept.objects.get(slug=slug)


def groups(result) -> dict:
    return {
        str(title): {str(row.name): row.values[0] for row in rows} for title, _columns, rows in result.groups
    }


@pytest.fixture
def findings_world():
    society = InitiativeFactory(area=Area.objects.get(slug="wehl"))
    first = CaseAnalysisFactory(
        initiative=society,
        published_at=local(2025, 3, 1),
        findings={concept("animo"): "Veel animo.", concept("draagvlak"): "Breed."},
    )
    second = CaseAnalysisFactory(
        initiative=InitiativeFactory(area=Area.objects.get(slug="gaanderen")),
        published_at=local(2025, 4, 1),
        findings={concept("draagvlak"): "Smal.", concept("rolkeuze"): "Faciliterend."},
    )
    # A finding with no text at all does not describe the concept.
    ConceptFinding.objects.create(analysis=second, concept=concept("netwerk"))
    # A finding with text in one field only does.
    ConceptFinding.objects.create(analysis=first, concept=concept("vertrouwen"), hindered="Wantrouwen.")
    # Not counted: a draft, an analysis of a hidden initiative, one from before the period.
    CaseAnalysisFactory(initiative=society, draft=True, findings={concept("animo"): "Concept."})
    CaseAnalysisFactory(
        initiative=InitiativeFactory(hidden=True),
        published_at=local(2025, 3, 1),
        findings={concept("animo"): "Verborgen."},
    )
    CaseAnalysisFactory(
        initiative=society, published_at=local(2024, 5, 1), findings={concept("animo"): "Vroeger."}
    )


def test_concepts_in_analyses_count_findings_with_text_of_published_analyses(findings_world):
    counted = groups(figure("concepts_in_analyses"))

    society, municipality = (str(flywheel.label) for flywheel in Flywheel.objects.order_by("order", "slug"))
    assert counted[society][concept("animo").label] == 1
    assert counted[society][concept("draagvlak").label] == 2
    assert counted[society][concept("netwerk").label] == 0
    assert counted[municipality][concept("rolkeuze").label] == 1
    assert counted[municipality][concept("vertrouwen").label] == 1
    assert sum(sum(values.values()) for values in counted.values()) == 5


def test_concepts_in_analyses_for_all_time_and_per_village(findings_world):
    everything = groups(figure("concepts_in_analyses", {"periode": "alles"}))
    in_wehl = groups(figure("concepts_in_analyses", {"gebied": "wehl"}))

    assert sum(sum(values.values()) for values in everything.values()) == 6
    assert sum(sum(values.values()) for values in in_wehl.values()) == 3  # animo, draagvlak, vertrouwen


def test_concepts_come_per_flywheel_in_the_flywheels_order_and_their_own(findings_world):
    Flywheel.objects.filter(slug="gemeente").update(order=0)
    Flywheel.objects.filter(slug="samenleving").update(order=9)
    Concept.objects.filter(slug="animo").update(order=99)
    Concept.objects.filter(slug="borging").update(is_active=False)

    result = figure("concepts_in_analyses")

    expected = [
        (flywheel.label, [c.label for c in flywheel.concepts.filter(is_active=True).order_by("order")])
        for flywheel in Flywheel.objects.order_by("order", "slug")
    ]
    assert [
        (str(title), [str(row.name) for row in rows]) for title, _columns, rows in result.groups
    ] == expected
    assert expected[0][0] == Flywheel.objects.get(slug="gemeente").label
    society = dict(expected)[Flywheel.objects.get(slug="samenleving").label]
    assert society[-1] == concept("animo").label
    assert concept("borging").label not in society
