"""The log pages read their page from an index in date order, not by sorting every entry (issue 16): the
plan of each query the page runs, after its counts are cached, on a few thousand entries. PostgreSQL
only: its planner is the one that matters at city scale, and CI runs the suite on it."""

import datetime
import random

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from initiatives.choices import LogKind, ObstacleCategory
from initiatives.models import LogEntry
from tests.initiatives.factories import InitiativeFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="query plans of PostgreSQL"),
]

LOG = reverse("initiatives:log_entry_list")
OBSTACLES = reverse("initiatives:obstacle_list")
ENTRIES = 6000


@pytest.fixture
def many_entries():
    rng = random.Random(16)
    initiatives = [*InitiativeFactory.create_batch(20), InitiativeFactory(draft=True)]
    categories = ObstacleCategory.values
    entries = []
    for number in range(ENTRIES):
        kind = rng.choice(LogKind.values)
        entries.append(
            LogEntry(
                initiative=rng.choice(initiatives),
                kind=kind,
                obstacle_category=rng.choice(categories) if kind == LogKind.OBSTACLE else "",
                happened_on=datetime.date(2020, 1, 1) + datetime.timedelta(days=rng.randrange(2000)),
                title=f"Bericht {number}",
                text="Wat we leerden.",
            )
        )
    LogEntry.objects.bulk_create(entries, batch_size=1000)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE initiatives_logentry")
        cursor.execute("ANALYZE initiatives_initiative")


def log_entry_plans(client, url, params=None):
    """The plans of the queries on log entries that `url` runs once its counts are in the cache."""
    assert client.get(url, params).status_code == 200  # counts the entries once, into the cache
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url, params).status_code == 200
    plans = []
    with connection.cursor() as cursor:
        for query in captured.captured_queries:
            if "initiatives_logentry" in query["sql"]:
                cursor.execute("EXPLAIN " + query["sql"])
                plans.append("\n".join(row[0] for row in cursor.fetchall()))
    assert plans, f"{url} ran no query on log entries"
    return plans


# A kind of obstacle is a thirty-sixth of these entries: the planner may fetch those few from the index and
# sort them (on the scale data set, 15,000 of each kind, it walks the index in order).
@pytest.mark.parametrize(
    ("params", "index", "in_order"),
    [
        ({}, "logentry_visible_newest", True),
        ({"pagina": 3}, "logentry_visible_newest", True),
        ({"soort": LogKind.DILEMMA}, "logentry_visible_newest", True),
        ({"soort": LogKind.OBSTACLE, "categorie": ObstacleCategory.RULES}, "logentry_obstacle_newest", False),
    ],
    ids=["all", "page 3", "one kind", "one kind of obstacle"],
)
def test_the_log_page_reads_its_entries_from_the_index(client, many_entries, params, index, in_order):
    (plan,) = log_entry_plans(client, LOG, params)

    assert index in plan, plan
    assert "Seq Scan on initiatives_logentry" not in plan, plan
    if in_order:
        assert "Sort" not in plan, plan


def test_the_obstacles_page_reads_the_latest_of_each_kind_from_the_index(client, many_entries):
    plans = log_entry_plans(client, OBSTACLES)

    assert len(plans) == len(ObstacleCategory)
    for plan in plans:
        assert "logentry_obstacle_newest" in plan, plan
        assert "Seq Scan on initiatives_logentry" not in plan, plan
        assert "Sort" not in plan, plan
