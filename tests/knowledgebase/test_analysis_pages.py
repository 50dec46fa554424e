"""Case analyses on the site: the list (/kennisbank/analyses/), one analysis concept by concept with the
staff's private preview of one that is not public, and its place on the initiative's page."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from core.paging import PAGE_PARAM
from knowledgebase.views.analyses import ANALYSES_PER_PAGE
from tests.accounts.factories import UserFactory, staff_in_role, verify_email
from tests.html import elements, parse, text_of
from tests.initiatives.factories import InitiativeFactory, VerifiedUserFactory
from tests.knowledgebase.analysis_helpers import concept, concepts_of
from tests.knowledgebase.factories import CaseAnalysisFactory

pytestmark = pytest.mark.django_db

ANALYSES = reverse("knowledgebase:analysis_list")


# --- The list -----------------------------------------------------------------------------------------


def test_visitor_sees_published_analyses_newest_first(client):
    now = timezone.now()
    older = CaseAnalysisFactory(published_at=now - datetime.timedelta(days=10))
    newer = CaseAnalysisFactory(published_at=now - datetime.timedelta(days=1))

    response = client.get(ANALYSES)

    assert response.status_code == 200
    assert list(response.context["page_obj"].object_list) == [newer, older]
    content = response.content.decode()
    assert newer.get_absolute_url() in content
    assert older.get_absolute_url() in content


def test_list_leaves_out_drafts_scheduled_analyses_and_analyses_of_unpublished_initiatives(client):
    published = CaseAnalysisFactory()
    CaseAnalysisFactory(title="Concept-analyse", draft=True)
    CaseAnalysisFactory(title="Analyse voor later", published_at=timezone.now() + datetime.timedelta(days=2))
    CaseAnalysisFactory(title="Analyse van verborgen initiatief", initiative=InitiativeFactory(hidden=True))
    CaseAnalysisFactory(title="Analyse van conceptinitiatief", initiative=InitiativeFactory(draft=True))

    response = client.get(ANALYSES)

    assert list(response.context["page_obj"].object_list) == [published]
    content = response.content.decode()
    for title in [
        "Concept-analyse",
        "Analyse voor later",
        "Analyse van verborgen initiatief",
        "Analyse van conceptinitiatief",
    ]:
        assert title not in content


def test_list_is_paged(client):
    CaseAnalysisFactory.create_batch(ANALYSES_PER_PAGE + 1)

    first = client.get(ANALYSES)
    second = client.get(ANALYSES, {PAGE_PARAM: 2})

    assert len(first.context["page_obj"].object_list) == ANALYSES_PER_PAGE
    assert len(second.context["page_obj"].object_list) == 1
    assert f"?{PAGE_PARAM}=2" in first.content.decode()
    assert client.get(ANALYSES, {PAGE_PARAM: 3}).status_code == 404


def test_list_runs_the_same_queries_with_few_and_many_analyses(client, count_queries):
    CaseAnalysisFactory.create_batch(2)
    few = count_queries(lambda: client.get(ANALYSES))

    CaseAnalysisFactory.create_batch(30)
    many = count_queries(lambda: client.get(ANALYSES))

    assert few == many, f"{few} queries with 2 analyses, {many} with 32"
    assert few <= 5, few


# --- One analysis -------------------------------------------------------------------------------------


def test_visitor_reads_the_findings_in_the_flywheels_order_with_links_to_the_concepts(client):
    # Written in another order than the wheel's.
    analysis = CaseAnalysisFactory(
        findings={
            concept("netwerk"): "Via de voetbalclub.",
            concept("animo"): "Het idee kwam van de kinderen.",
            concept("draagvlak"): "De hele straat tekende.",
        }
    )

    response = client.get(analysis.get_absolute_url())

    assert response.status_code == 200
    assert [finding.concept.slug for finding in response.context["findings"]] == [
        "animo",
        "draagvlak",
        "netwerk",
    ]
    [numbered] = elements(parse(response), "ol", "loket-findings")
    items = elements(numbered, "li", "loket-finding")
    assert [item["id"] for item in items] == ["animo", "draagvlak", "netwerk"]
    links = [elements(item, "a")[0]["href"] for item in items]
    assert links == [concept(slug).get_absolute_url() for slug in ["animo", "draagvlak", "netwerk"]]
    content = response.content.decode()
    positions = [content.find(text) for text in ["Het idee kwam", "De hele straat", "Via de voetbalclub"]]
    assert -1 not in positions
    assert positions == sorted(positions)


def test_analysis_follows_the_flywheel_of_the_initiatives_origin(client):
    society = CaseAnalysisFactory()
    municipal = CaseAnalysisFactory(initiative=InitiativeFactory(from_municipality=True))

    assert client.get(society.get_absolute_url()).context["flywheel"].slug == "samenleving"
    assert client.get(municipal.get_absolute_url()).context["flywheel"].slug == "gemeente"


def test_empty_findings_are_left_out_of_the_analysis(client):
    analysis = CaseAnalysisFactory(findings={concept("animo"): "Er gebeurde iets.", concept("middelen"): ""})
    analysis.findings.filter(concept__slug="middelen").update(lessons="")

    response = client.get(analysis.get_absolute_url())

    assert [finding.concept.slug for finding in response.context["findings"]] == ["animo"]
    [numbered] = elements(parse(response), "ol", "loket-findings")
    assert [item["id"] for item in elements(numbered, "li", "loket-finding")] == ["animo"]


def test_visitor_sees_the_named_contributors_and_the_other_contributors_line_by_line(client):
    ria = VerifiedUserFactory(display_name="Ria Wevers")
    analysis = CaseAnalysisFactory(other_contributors="Henk, dorpsraad\n\n   \nSanne <b>wijkregisseur</b>\n")
    analysis.contributors.add(ria)

    response = client.get(analysis.get_absolute_url())

    [aside] = elements(parse(response), "aside")
    [group] = elements(aside, "ul", "loket-link-list")
    names = [text_of(item) for item in elements(group, "li")]
    assert names == ["Ria Wevers", "Henk, dorpsraad", "Sanne <b>wijkregisseur</b>"]
    assert "<b>wijkregisseur</b>" not in response.content.decode()


def test_analysis_without_contributors_lists_nobody(client):
    analysis = CaseAnalysisFactory(other_contributors="")

    [aside] = elements(parse(client.get(analysis.get_absolute_url())), "aside")

    assert elements(aside, "ul", "loket-link-list") == []


def test_analysis_lessons_are_rendered_as_markdown_and_raw_html_is_not(client):
    analysis = CaseAnalysisFactory(lessons="- Begin **klein**.\n\n<script>alert(1)</script>")

    content = client.get(analysis.get_absolute_url()).content.decode()

    assert "<strong>klein</strong>" in content
    assert "<script>alert(1)" not in content


def test_published_analysis_is_public_and_cacheable(client):
    analysis = CaseAnalysisFactory()

    response = client.get(analysis.get_absolute_url())

    assert response.status_code == 200
    assert response.context["is_preview"] is False
    assert "no-store" not in response.get("Cache-Control", "")
    assert "X-Robots-Tag" not in response


# Why the public may not read an analysis -> what to give CaseAnalysisFactory for that.
NOT_PUBLIC = {
    "draft": lambda: {"draft": True},
    "scheduled": lambda: {"published_at": timezone.now() + datetime.timedelta(days=3)},
    "initiative_draft": lambda: {"initiative": InitiativeFactory(draft=True)},
    "initiative_submitted": lambda: {"initiative": InitiativeFactory(submitted=True)},
    "initiative_rejected": lambda: {"initiative": InitiativeFactory(rejected=True)},
    "initiative_hidden": lambda: {"initiative": InitiativeFactory(hidden=True)},
}


@pytest.mark.parametrize("reason", list(NOT_PUBLIC))
@pytest.mark.parametrize("who", ["anonymous", "resident", "staff_without_role"])
def test_the_public_gets_not_found_for_an_analysis_that_is_not_public(client, reason, who):
    analysis = CaseAnalysisFactory(**NOT_PUBLIC[reason]())
    if who == "resident":
        client.force_login(VerifiedUserFactory())
    elif who == "staff_without_role":
        client.force_login(VerifiedUserFactory(is_staff=True))

    assert client.get(analysis.get_absolute_url()).status_code == 404


# Why the public may not read an analysis -> who else may: who works on the knowledge base reads drafts; an
# analysis of an initiative that is not public only who may see that initiative too (README, "Roles").
PREVIEW_ROLES = {
    "draft": ["moderators", "editors"],
    "scheduled": ["moderators", "editors"],
    "initiative_draft": ["moderators"],
    "initiative_submitted": ["moderators"],
    "initiative_rejected": ["moderators"],
    "initiative_hidden": ["moderators"],
}


@pytest.mark.parametrize(
    ("reason", "role"), [(reason, role) for reason, roles in PREVIEW_ROLES.items() for role in roles]
)
def test_staff_who_may_read_an_analysis_that_is_not_public_get_a_private_preview(client, reason, role):
    analysis = CaseAnalysisFactory(title="Nog in de maak", **NOT_PUBLIC[reason]())
    client.force_login(staff_in_role(role))

    response = client.get(analysis.get_absolute_url())

    assert response.status_code == 200
    assert response.context["is_preview"] is True
    assert "Nog in de maak" in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex"


@pytest.mark.parametrize("reason", list(NOT_PUBLIC))
def test_council_members_read_only_published_analyses(client, reason):
    analysis = CaseAnalysisFactory(**NOT_PUBLIC[reason]())
    client.force_login(staff_in_role("council"))

    assert client.get(analysis.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("reason", [reason for reason in NOT_PUBLIC if reason.startswith("initiative_")])
def test_editors_do_not_read_an_analysis_of_an_initiative_that_is_not_public(client, reason):
    analysis = CaseAnalysisFactory(**NOT_PUBLIC[reason]())
    client.force_login(staff_in_role("editors"))

    assert client.get(analysis.get_absolute_url()).status_code == 404


def test_superuser_gets_the_preview_of_a_draft(client):
    superuser = UserFactory(is_staff=True, is_superuser=True)
    verify_email(superuser)
    client.force_login(superuser)

    assert client.get(CaseAnalysisFactory(draft=True).get_absolute_url()).status_code == 200


def test_unknown_analysis_is_not_found(client):
    assert (
        client.get(reverse("knowledgebase:analysis_detail", kwargs={"slug": "bestaat-niet"})).status_code
        == 404
    )


def _analysis_with(findings, contributors):
    wheel = concepts_of("samenleving")
    analysis = CaseAnalysisFactory(
        findings={wheel[index]: f"Bevinding {index}." for index in range(findings)},
        other_contributors="\n".join(f"Deelnemer {n}" for n in range(contributors)),
    )
    analysis.contributors.add(*VerifiedUserFactory.create_batch(contributors))
    return analysis


def test_analysis_page_runs_the_same_queries_with_few_and_many_findings_and_contributors(
    client, count_queries
):
    few_url = _analysis_with(1, 1).get_absolute_url()
    few = count_queries(lambda: client.get(few_url))
    many_url = _analysis_with(11, 25).get_absolute_url()
    many = count_queries(lambda: client.get(many_url))

    assert few == many, f"{few} queries with 1 finding, {many} with 11"
    assert few <= 6, few


# --- On the initiative's page -------------------------------------------------------------------------


def test_initiative_page_shows_its_published_analyses_only(client):
    initiative = InitiativeFactory()
    published = CaseAnalysisFactory(initiative=initiative, title="Wat de speeltuin ons leerde")
    CaseAnalysisFactory(initiative=initiative, title="Analyse nog in concept", draft=True)
    CaseAnalysisFactory(
        initiative=initiative,
        title="Analyse van volgende maand",
        published_at=timezone.now() + datetime.timedelta(days=30),
    )
    CaseAnalysisFactory(title="Analyse van een ander initiatief")

    response = client.get(initiative.get_absolute_url())

    assert response.status_code == 200
    assert response.context["initiative"].published_analyses == [published]
    content = response.content.decode()
    assert published.get_absolute_url() in content
    assert "Wat de speeltuin ons leerde" in content
    for title in ["Analyse nog in concept", "Analyse van volgende maand", "Analyse van een ander initiatief"]:
        assert title not in content


def test_initiative_without_published_analyses_has_no_analysis_section(client):
    initiative = InitiativeFactory()
    CaseAnalysisFactory(initiative=initiative, draft=True)

    document = parse(client.get(initiative.get_absolute_url()))

    assert elements(document, "section", id="analyse") == []


def test_initiative_page_queries_do_not_grow_with_its_analyses(client, count_queries):
    one, many = InitiativeFactory(), InitiativeFactory()
    CaseAnalysisFactory(initiative=one)
    CaseAnalysisFactory.create_batch(8, initiative=many)

    assert count_queries(lambda: client.get(one.get_absolute_url())) == count_queries(
        lambda: client.get(many.get_absolute_url())
    )
