"""The figures count in the database: every query a figure runs is an aggregate (never the raw rows
brought into Python to be looped over), and on PostgreSQL the heaviest one reads an index on its date."""

import datetime
import random

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from dashboard.figures import FIGURES
from dashboard.figures.support import responsiveness
from initiatives.choices import Stage
from initiatives.models import Initiative
from tests.dashboard.helpers import NOW, scope_for
from tests.dashboard.world import build
from tests.initiatives.factories import InitiativeFactory, VerifiedUserFactory
from tests.places.factories import AreaFactory

pytestmark = pytest.mark.django_db

AGGREGATES = ("COUNT(", "SUM(", "MIN(", "PERCENTILE_CONT(", "LOKET_MEDIAN(")
# The flywheels and their concepts: a short, fixed list the heat map is drawn along, not counted data.
STAGES = list(Stage)
FIXED_LISTS = ('FROM "flywheels_flywheel"', 'FROM "flywheels_concept"', 'FROM "places_area"')


@pytest.mark.parametrize("params", [{}, {"periode": "alles"}, {"gebied": "centrum"}])
def test_every_query_of_every_figure_is_an_aggregate(params):
    build(6)
    scope = scope_for(params)

    for figure in FIGURES:
        with CaptureQueriesContext(connection) as queries:
            figure.compute(scope)
        for query in queries.captured_queries:
            sql = query["sql"]
            assert any(word in sql.upper() for word in AGGREGATES) or any(
                table in sql for table in FIXED_LISTS
            ), f"{figure.key} reads rows: {sql[:300]}"


def spread_initiatives(count: int) -> None:
    """`count` published initiatives over the ten years before NOW, two thirds with an answer, in every
    stage, made in one insert."""
    area, user = AreaFactory(), VerifiedUserFactory()
    rng = random.Random(16)
    initiatives = []
    for index in range(count):
        published = NOW - datetime.timedelta(days=rng.uniform(0, 3650))
        answer = published + datetime.timedelta(days=rng.uniform(0, 40)) if index % 3 else None
        initiatives.append(
            InitiativeFactory.build(
                area=area,
                created_by=user,
                slug=f"verspreid-{index}",
                published_at=published,
                first_response_at=answer,
                stage=STAGES[index % len(STAGES)],
                stage_changed_at=published + datetime.timedelta(days=rng.uniform(0, 100)),
            )
        )
    Initiative.objects.bulk_create(initiatives)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="EXPLAIN of PostgreSQL's plan")
def test_on_postgresql_the_response_times_of_the_last_12_months_are_read_through_an_index():
    """(All time reads them all: at 4,000 short rows the table itself is cheaper, at 100,000 real ones
    the covering index initiative_dashboard_idx is read alone; see docs/benchmark.md.)"""
    params = {}
    spread_initiatives(4000)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE initiatives_initiative")

    scope = scope_for(params)
    assert scope.beginning or scope.start  # "all time" looks up its first day before, not here

    for plan in plans(responsiveness, scope):
        assert "Seq Scan on initiatives_initiative" not in plan, plan
        # The covering index of the dashboard (initiatives migration 0013), or the list's on the same columns.
        assert "initiative_dashboard_idx" in plan or "initiative_newest_idx" in plan, plan


def plans(compute, scope) -> list[str]:
    """PostgreSQL's plan of each query `compute` runs for `scope`."""
    with CaptureQueriesContext(connection) as queries:
        compute(scope)
    explained = []
    for query in queries.captured_queries:
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN " + query["sql"])
            explained.append("\n".join(row[0] for row in cursor.fetchall()))
    return explained


# The big tables: a figure of a period that reaches until today reads none of them, only the monthly counts.
BIG_TABLES = (
    '"initiatives_logentry"',
    '"initiatives_support"',
    '"initiatives_helpoffer"',
    '"initiatives_helprequest"',
)


@pytest.mark.parametrize("params", [{}, {"periode": "dit-jaar"}, {"periode": "alles"}, {"gebied": "centrum"}])
def test_the_counts_of_a_period_until_today_come_from_the_monthly_table_alone(params):
    build(3)
    scope = scope_for(params)

    with CaptureQueriesContext(connection) as queries:
        for figure in FIGURES:
            figure.compute(scope)

    sql = [query["sql"] for query in queries.captured_queries]
    assert any("dashboard_monthlycount" in query for query in sql)
    for query in sql:
        assert not any(table in query for table in BIG_TABLES), query
    initiatives = [query for query in sql if 'FROM "initiatives_initiative"' in query]
    assert len(initiatives) <= 3  # the first publication (all time) and the two of the response times


def test_the_days_of_a_month_a_custom_period_takes_in_part_are_counted_from_the_raw_rows():
    build(3)
    scope = scope_for({"periode": "eigen", "van": "2024-07-15", "tot": "2025-02-10"})

    with CaptureQueriesContext(connection) as queries:
        next(figure for figure in FIGURES if figure.key == "log_entries_by_kind").compute(scope)

    assert [query for query in queries.captured_queries if '"initiatives_logentry"' in query["sql"]]
