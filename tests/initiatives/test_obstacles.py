"""Obstacles that recur (/initiatieven/obstakels/): the kinds of obstacles counted across published
initiatives, the most frequent first, each with its latest entries."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from initiatives.choices import LogKind, ObstacleCategory
from initiatives.views.browse import RECENT_OBSTACLES_PER_CATEGORY
from tests.initiatives.factories import InitiativeFactory, LogEntryFactory

pytestmark = pytest.mark.django_db

OBSTACLES = reverse("initiatives:obstacle_list")
LOG = reverse("initiatives:log_entry_list")


def obstacle(category, **kwargs):
    return LogEntryFactory(kind=LogKind.OBSTACLE, obstacle_category=category, **kwargs)


def categories(client):
    response = client.get(OBSTACLES)
    assert response.status_code == 200
    return response.context["categories"]


def test_kinds_of_obstacles_come_most_frequent_first_with_entries_and_initiatives_counted(client):
    slow, other = InitiativeFactory.create_batch(2)
    for _ in range(3):
        obstacle(ObstacleCategory.LEAD_TIME, initiative=slow)
    obstacle(ObstacleCategory.LEAD_TIME, initiative=other)
    obstacle(ObstacleCategory.MONEY, initiative=slow)
    obstacle(ObstacleCategory.MONEY, initiative=other)

    rows = categories(client)

    assert [row["value"] for row in rows[:2]] == [ObstacleCategory.LEAD_TIME, ObstacleCategory.MONEY]
    assert (rows[0]["entries"], rows[0]["initiatives"]) == (4, 2)
    assert (rows[1]["entries"], rows[1]["initiatives"]) == (2, 2)
    assert {row["value"] for row in rows} == set(ObstacleCategory.values)
    assert all(row["entries"] == 0 for row in rows[2:])


def test_equal_counts_keep_the_order_of_the_categories(client):
    obstacle(ObstacleCategory.OTHER)
    obstacle(ObstacleCategory.RULES)

    rows = categories(client)

    assert [row["value"] for row in rows[:2]] == [ObstacleCategory.RULES, ObstacleCategory.OTHER]


def test_more_initiatives_weigh_when_entries_are_equal(client):
    single = InitiativeFactory()
    obstacle(ObstacleCategory.RULES, initiative=single)
    obstacle(ObstacleCategory.RULES, initiative=single)
    obstacle(ObstacleCategory.INFORMATION)
    obstacle(ObstacleCategory.INFORMATION)

    rows = categories(client)

    assert [row["value"] for row in rows[:2]] == [ObstacleCategory.INFORMATION, ObstacleCategory.RULES]


def test_obstacles_of_unpublished_initiatives_and_other_kinds_do_not_count(client):
    for state in ["draft", "submitted", "rejected", "hidden"]:
        obstacle(ObstacleCategory.MONEY, initiative=InitiativeFactory(**{state: True}))
    LogEntryFactory(kind=LogKind.DILEMMA)

    rows = categories(client)

    assert all(row["entries"] == 0 and row["latest"] == [] for row in rows)


def test_each_kind_shows_its_latest_five_newest_first(client):
    today = timezone.localdate()
    for days in range(8):
        obstacle(
            ObstacleCategory.RULES, title=f"Regels {days}", happened_on=today - datetime.timedelta(days=days)
        )
    obstacle(ObstacleCategory.MONEY, title="Geld")

    rows = {row["value"]: row for row in categories(client)}

    assert [entry.title for entry in rows[ObstacleCategory.RULES]["latest"]] == [
        f"Regels {days}" for days in range(RECENT_OBSTACLES_PER_CATEGORY)
    ]
    assert rows[ObstacleCategory.RULES]["entries"] == 8
    assert [entry.title for entry in rows[ObstacleCategory.MONEY]["latest"]] == ["Geld"]


def test_page_shows_entries_with_their_initiative_and_links_to_the_filtered_log(client):
    initiative = InitiativeFactory(title="Buurtschuur Oosseld")
    entry = obstacle(ObstacleCategory.UNCLEAR_CONTACT, title="Wie gaat erover?", initiative=initiative)

    content = client.get(OBSTACLES).content.decode()

    assert "Wie gaat erover?" in content
    assert "Buurtschuur Oosseld" in content
    assert f'href="{entry.get_absolute_url()}"' in content
    assert f'href="{LOG}?soort=obstacle&amp;categorie=unclear_contact"' in content
    assert f'href="{LOG}?soort=obstacle"' in content


def test_no_obstacles_yet_still_shows_every_kind(client):
    response = client.get(OBSTACLES)

    assert response.status_code == 200
    assert response.context["totals"] == {"entries": 0, "initiatives": 0}
    content = response.content.decode()
    for category in ObstacleCategory:
        assert f'id="obstacle-{category.value}-title"' in content


def test_totals_count_distinct_initiatives(client):
    initiative = InitiativeFactory()
    obstacle(ObstacleCategory.RULES, initiative=initiative)
    obstacle(ObstacleCategory.MONEY, initiative=initiative)
    obstacle(ObstacleCategory.MONEY)

    response = client.get(OBSTACLES)

    assert response.context["totals"] == {"entries": 3, "initiatives": 2}


def test_titles_are_escaped(client):
    obstacle(ObstacleCategory.OTHER, title="<script>alert(1)</script>")

    content = client.get(OBSTACLES).content.decode()

    assert "<script>alert(1)</script>" not in content
    assert "&lt;script&gt;" in content


def test_post_is_not_allowed(client):
    assert client.post(OBSTACLES).status_code == 405


def test_obstacle_queries_stay_constant_with_few_and_many_entries(client, count_queries):
    obstacle(ObstacleCategory.RULES)
    few = count_queries(lambda: client.get(OBSTACLES))

    initiatives = InitiativeFactory.create_batch(10)
    for initiative in initiatives:
        for category in ObstacleCategory.values:
            LogEntryFactory.create_batch(
                3, initiative=initiative, kind=LogKind.OBSTACLE, obstacle_category=category
            )
        LogEntryFactory.create_batch(3, initiative=initiative, kind=LogKind.DILEMMA)
    many = count_queries(lambda: client.get(OBSTACLES))

    assert few == many
    # Two to count (initiatives/log_counts.py, after a write) and one per kind of obstacle for its latest.
    assert many <= len(ObstacleCategory) + 2, f"the obstacles page ran {many} queries"
    again = count_queries(lambda: client.get(OBSTACLES))
    assert again == len(ObstacleCategory), "without a write in between the counts come from the cache"
