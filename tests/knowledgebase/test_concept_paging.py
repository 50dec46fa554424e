"""A concept's page shows the newest findings and lessons of the published case analyses, with their
counts and a link to a page of each list, which reads them in pages with the same rules (issue 16)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from flywheels.models import Concept
from knowledgebase.views.concepts import FINDINGS_SHOWN, LESSONS_SHOWN, PER_PAGE
from tests.knowledgebase.factories import CaseAnalysisFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def animo():
    return Concept.objects.get(slug="animo")


def _url(name, page=None):
    url = reverse(f"knowledgebase:{name}", kwargs={"slug": "animo"})
    return f"{url}?pagina={page}" if page else url


def _analyses(concept, count):
    """`count` published analyses of `concept`, one a day back: the first is the newest."""
    now = timezone.now()
    return [
        CaseAnalysisFactory(
            findings={concept: f"Bevinding {n:03}"}, published_at=now - datetime.timedelta(days=n + 1)
        )
        for n in range(count)
    ]


def test_the_concept_page_shows_the_newest_findings_and_lessons_with_links_to_all(client, animo):
    analyses = _analyses(animo, FINDINGS_SHOWN + 2)
    CaseAnalysisFactory(findings={animo: "Nog een concept"}, draft=True)

    response = client.get(_url("concept_detail"))
    html = response.content.decode()

    assert [finding.analysis for finding in response.context["findings"]] == analyses[:FINDINGS_SHOWN]
    assert [finding.analysis for finding in response.context["lessons"]] == analyses[:LESSONS_SHOWN]
    assert response.context["counts"] == {"findings": FINDINGS_SHOWN + 2, "lessons": FINDINGS_SHOWN + 2}
    assert f"Alle {FINDINGS_SHOWN + 2} casusanalyses" in html
    assert f"Alle {FINDINGS_SHOWN + 2} lessen" in html
    assert _url("concept_finding_list") in html and _url("concept_lesson_list") in html
    assert "Nog een concept" not in html


@pytest.mark.parametrize("name", ["concept_finding_list", "concept_lesson_list"])
def test_the_list_pages_read_every_published_finding_in_pages(client, animo, name):
    analyses = _analyses(animo, PER_PAGE + 3)
    draft = CaseAnalysisFactory(findings={animo: "Bevinding uit een concept"}, draft=True)

    first, second = client.get(_url(name)), client.get(_url(name, 2))

    assert [finding.analysis for finding in first.context["page_obj"]] == analyses[:PER_PAGE]
    assert [finding.analysis for finding in second.context["page_obj"]] == analyses[PER_PAGE:]
    assert draft.initiative.title not in first.content.decode() + second.content.decode()
    assert reverse("knowledgebase:concept_detail", kwargs={"slug": "animo"}) in first.content.decode()
    assert client.get(_url(name, 3)).status_code == 404


def test_a_finding_without_a_lesson_is_on_the_findings_page_only(client, animo):
    (analysis,) = _analyses(animo, 1)
    analysis.findings.update(lessons="")

    assert [f.analysis for f in client.get(_url("concept_finding_list")).context["page_obj"]] == [analysis]
    assert list(client.get(_url("concept_lesson_list")).context["page_obj"]) == []


def test_an_unknown_concept_has_no_list_pages(client):
    url = reverse("knowledgebase:concept_finding_list", kwargs={"slug": "bestaat-niet"})
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("name", ["concept_finding_list", "concept_lesson_list"])
def test_the_list_pages_queries_do_not_grow_with_the_findings(client, animo, count_queries, name):
    _analyses(animo, 2)
    few = count_queries(lambda: client.get(_url(name)))
    _analyses(animo, 40)
    many = count_queries(lambda: client.get(_url(name, 2)))

    assert few == many, f"{few} queries with 2 findings, {many} with 42"
    assert few <= 3, few
