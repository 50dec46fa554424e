"""A concept's page and its lists read the newest findings by walking the published analyses in date order
(analysis_published_newest), not by sorting every finding of the concept (issue 16). PostgreSQL only: its
planner is the one that matters at city scale; CI runs it there."""

import datetime
import random

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from flywheels.models import Concept
from knowledgebase.models import CaseAnalysis, ConceptFinding
from knowledgebase.models.articles import PublicationState
from tests.initiatives.factories import InitiativeFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="query plans of PostgreSQL"),
]

ANALYSES = 3000


@pytest.fixture
def animo():
    """3,000 analyses (a tenth drafts) of twenty initiatives, four in five with a finding on animo."""
    rng = random.Random(16)
    initiatives = InitiativeFactory.create_batch(20)
    concepts = list(Concept.objects.filter(slug__in=["animo", "draagvlak"]))
    animo = next(concept for concept in concepts if concept.slug == "animo")
    now = timezone.now()
    analyses = CaseAnalysis.objects.bulk_create(
        CaseAnalysis(
            initiative=rng.choice(initiatives),
            title=f"Analyse {n}",
            slug=f"analyse-{n}",
            summary="Wat we leerden.",
            state=PublicationState.DRAFT if n % 10 == 0 else PublicationState.PUBLISHED,
            published_at=None if n % 10 == 0 else now - datetime.timedelta(hours=rng.randrange(20000)),
        )
        for n in range(ANALYSES)
    )
    ConceptFinding.objects.bulk_create(
        ConceptFinding(
            analysis=analysis,
            concept=animo if rng.random() < 0.8 else concepts[1] if concepts[1] != animo else concepts[0],
            happened="Zo ging het.",
            lessons="Zo leerden we." if rng.random() < 0.7 else "",
        )
        for analysis in analyses
    )
    with connection.cursor() as cursor:
        for table in ("knowledgebase_caseanalysis", "knowledgebase_conceptfinding", "initiatives_initiative"):
            cursor.execute(f"ANALYZE {table}")
    return animo


def finding_plans(client, url):
    """The plans of the queries that read a page of findings (those with a LIMIT)."""
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    plans = []
    with connection.cursor() as cursor:
        for query in captured.captured_queries:
            if 'FROM "knowledgebase_conceptfinding"' in query["sql"] and "LIMIT" in query["sql"]:
                cursor.execute("EXPLAIN " + query["sql"])
                plans.append("\n".join(row[0] for row in cursor.fetchall()))
    assert plans, f"{url} read no page of findings"
    return plans


@pytest.mark.parametrize(
    ("name", "suffix"),
    [
        ("concept_detail", ""),
        ("concept_finding_list", "?pagina=2"),
        ("concept_lesson_list", "?pagina=2"),
    ],
)
def test_a_page_of_findings_walks_the_analyses_in_date_order(client, animo, name, suffix):
    url = reverse(f"knowledgebase:{name}", kwargs={"slug": animo.slug}) + suffix
    for plan in finding_plans(client, url):
        assert "analysis_published_newest" in plan, plan
        assert "Seq Scan on knowledgebase_conceptfinding" not in plan, plan
