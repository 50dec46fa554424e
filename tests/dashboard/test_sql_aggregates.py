"""The figures count in the database: every query a figure runs is an aggregate (never the raw rows
brought into Python to be looped over), and on PostgreSQL the heaviest one reads an index on its date."""

import datetime
import random

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from dashboard.figures import FIGURES
from dashboard.figures.initiative_counts import initiatives_over_time
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
def test_on_postgresql_the_responses_of_the_last_12_months_are_read_through_the_publication_date_index():
    spread_initiatives(4000)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE initiatives_initiative")

    with CaptureQueriesContext(connection) as queries:
        responsiveness(scope_for({}))
    for query in queries.captured_queries:
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN " + query["sql"])
            plan = "\n".join(row[0] for row in cursor.fetchall())
        assert "Seq Scan on initiatives_initiative" not in plan, plan
        assert "initiatives_initiative_published_at" in plan, plan


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


@pytest.mark.skipif(connection.vendor != "postgresql", reason="EXPLAIN of PostgreSQL's plan")
def test_on_postgresql_completed_and_stopped_of_the_last_12_months_read_the_stage_index():
    spread_initiatives(4000)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE initiatives_initiative")

    by_stage = [plan for plan in plans(initiatives_over_time, scope_for({})) if "stage_changed_at" in plan]
    assert len(by_stage) == 2  # completed and stopped
    for plan in by_stage:
        assert "initiative_stage_changed_idx" in plan, plan
        assert "Seq Scan on initiatives_initiative" not in plan, plan
