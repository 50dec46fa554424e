"""Case analyses: the list (/kennisbank/analyses/), one analysis concept by concept, its place on the
initiative's page, and how an analysis group writes one in the management site (/beheer/)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from core.paging import PAGE_PARAM
from flywheels.models import Concept
from knowledgebase.models import CaseAnalysis, ConceptFinding, PublicationState
from knowledgebase.views.analyses import ANALYSES_PER_PAGE
from tests.accounts.factories import UserFactory, staff_in_role, verify_email
from tests.flywheels.factories import ConceptFactory
from tests.html import by_id, elements, form_fields, parse, text_of
from tests.initiatives.factories import InitiativeFactory, VerifiedUserFactory
from tests.knowledgebase.factories import CaseAnalysisFactory

pytestmark = pytest.mark.django_db

ANALYSES = reverse("knowledgebase:analysis_list")
ADMIN_LIST = reverse("admin:knowledgebase_caseanalysis_changelist")
ADMIN_ADD = reverse("admin:knowledgebase_caseanalysis_add")


def admin_change(analysis) -> str:
    return reverse("admin:knowledgebase_caseanalysis_change", args=[analysis.pk])


def concepts_of(flywheel) -> list[Concept]:
    return list(Concept.objects.active().filter(flywheel__slug=flywheel).order_by("order"))


def concept(slug) -> Concept:
    return Concept.objects.get(slug=slug)


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


@pytest.mark.parametrize("reason", list(NOT_PUBLIC))
@pytest.mark.parametrize("role", ["moderators", "editors", "council"])
def test_staff_who_may_view_analyses_get_a_private_preview(client, reason, role):
    analysis = CaseAnalysisFactory(title="Nog in de maak", **NOT_PUBLIC[reason]())
    client.force_login(staff_in_role(role))

    response = client.get(analysis.get_absolute_url())

    assert response.status_code == 200
    assert response.context["is_preview"] is True
    assert "Nog in de maak" in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex"


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


# --- The management site: writing an analysis ---------------------------------------------------------


def form_data(response, **changes) -> dict:
    """The admin form on `response` as the browser would post it, with `changes` typed in."""
    sent = form_fields(by_id(parse(response), "caseanalysis_form"))
    return {**sent, **{name: [value] for name, value in changes.items()}}


def offered_concepts(response) -> list[int]:
    """The concept each new finding form offers, from the formset's initial data."""
    [inline] = response.context["inline_admin_formsets"]
    return [form.initial.get("concept") for form in inline.formset.extra_forms]


def selected_concepts(response) -> list[str]:
    """The concept selected in each finding form as rendered (the empty template form left out)."""
    document = parse(response)
    selects = [
        select
        for select in elements(document, "select")
        if select.get("name", "").startswith("findings-")
        and select["name"].endswith("-concept")
        and "__prefix__" not in select["name"]
    ]
    chosen = []
    for select in selects:
        options = [option for option in elements(select, "option") if option.has_attr("selected")]
        chosen.append(options[0]["value"] if options else "")
    return chosen


def _finding_form_index(response, concept_pk) -> int:
    """The number of the new finding form that offers `concept_pk`."""
    [inline] = response.context["inline_admin_formsets"]
    for form in inline.formset.extra_forms:
        if form.initial.get("concept") == concept_pk:
            return int(form.prefix.rsplit("-", 1)[1])
    raise AssertionError(f"no new finding form offers concept {concept_pk}")


@pytest.fixture
def editor(client):
    member = staff_in_role("editors")
    client.force_login(member)
    return member


@pytest.mark.parametrize(
    ("traits", "flywheel"),
    [({}, "samenleving"), ({"from_municipality": True}, "gemeente")],
    ids=["society", "municipal"],
)
def test_add_page_for_an_initiative_offers_a_finding_form_per_concept_of_its_flywheel_in_order(
    client, editor, traits, flywheel
):
    initiative = InitiativeFactory(**traits)

    response = client.get(ADMIN_ADD, {"initiative": initiative.pk})

    assert response.status_code == 200
    expected = [concept.pk for concept in concepts_of(flywheel)]
    assert len(expected) == 11
    assert offered_concepts(response) == expected
    assert selected_concepts(response) == [str(pk) for pk in expected]


def test_add_page_leaves_out_retired_concepts(client, editor):
    Concept.objects.filter(slug="middelen").update(is_active=False)

    response = client.get(ADMIN_ADD, {"initiative": InitiativeFactory().pk})

    assert response.status_code == 200
    assert concept("middelen").pk not in offered_concepts(response)
    assert len(offered_concepts(response)) == 10


def test_add_page_without_an_initiative_offers_no_finding_forms_yet(client, editor):
    response = client.get(ADMIN_ADD)

    assert response.status_code == 200
    assert offered_concepts(response) == []


def test_analysis_group_fills_in_two_concepts_on_the_add_page_and_saves(client, editor):
    initiative = InitiativeFactory()
    page = client.get(ADMIN_ADD, {"initiative": initiative.pk})
    assert page.status_code == 200
    first, third = concepts_of("samenleving")[0], concepts_of("samenleving")[2]
    changes = {
        "title": "Analyse van de speeltuin",
        "slug": "analyse-van-de-speeltuin",
        "summary": "Wat we leerden.",
        f"findings-{_finding_form_index(page, first.pk)}-happened": "De kinderen bedachten het.",
        f"findings-{_finding_form_index(page, third.pk)}-lessons": "Vraag de buren vroeg.",
    }

    response = client.post(f"{ADMIN_ADD}?initiative={initiative.pk}", form_data(page, **changes))

    assert response.status_code == 302
    analysis = CaseAnalysis.objects.get(slug="analyse-van-de-speeltuin")
    assert analysis.initiative == initiative
    assert analysis.written_by == editor
    assert sorted(analysis.findings.values_list("concept__slug", flat=True)) == sorted(
        [first.slug, third.slug]
    )


def _change_page(client, analysis):
    response = client.get(admin_change(analysis))
    assert response.status_code == 200
    return response


@pytest.mark.parametrize(
    ("traits", "flywheel"),
    [({}, "samenleving"), ({"from_municipality": True}, "gemeente")],
    ids=["society", "municipal"],
)
def test_change_page_of_an_analysis_without_findings_offers_every_concept_of_its_flywheel_in_order(
    client, editor, traits, flywheel
):
    analysis = CaseAnalysisFactory(initiative=InitiativeFactory(**traits))

    response = _change_page(client, analysis)

    expected = [concept.pk for concept in concepts_of(flywheel)]
    assert offered_concepts(response) == expected
    assert selected_concepts(response) == [str(pk) for pk in expected]


def test_change_page_offers_forms_for_the_missing_concepts_only_after_the_existing_findings(client, editor):
    wheel = concepts_of("samenleving")
    analysis = CaseAnalysisFactory(findings={wheel[4]: "Een vereniging opgericht.", wheel[0]: "Veel zin."})
    Concept.objects.filter(pk=wheel[10].pk).update(is_active=False)

    response = _change_page(client, analysis)

    missing = [c.pk for c in wheel[1:4] + wheel[5:10]]
    assert offered_concepts(response) == missing
    assert selected_concepts(response) == [str(pk) for pk in [wheel[0].pk, wheel[4].pk, *missing]]


def test_saving_two_findings_keeps_only_those_and_the_change_page_then_offers_the_rest(client, editor):
    analysis = CaseAnalysisFactory()
    wheel = concepts_of("samenleving")
    page = _change_page(client, analysis)
    changes = {
        f"findings-{_finding_form_index(page, wheel[1].pk)}-happened": "De groep voelde zich eigenaar.",
        f"findings-{_finding_form_index(page, wheel[6].pk)}-hindered": "Niemand nam de telefoon op.",
    }

    response = client.post(admin_change(analysis), form_data(page, **changes))

    assert response.status_code == 302
    findings = {finding.concept_id: finding for finding in ConceptFinding.objects.filter(analysis=analysis)}
    assert set(findings) == {wheel[1].pk, wheel[6].pk}, "empty finding forms were saved"
    assert findings[wheel[1].pk].happened == "De groep voelde zich eigenaar."
    assert findings[wheel[6].pk].hindered == "Niemand nam de telefoon op."
    remaining = [c.pk for c in wheel if c.pk not in {wheel[1].pk, wheel[6].pk}]
    assert offered_concepts(_change_page(client, analysis)) == remaining


def test_saving_the_change_page_untouched_adds_no_findings(client, editor):
    analysis = CaseAnalysisFactory()
    page = _change_page(client, analysis)

    response = client.post(admin_change(analysis), form_data(page))

    assert response.status_code == 302
    assert ConceptFinding.objects.filter(analysis=analysis).count() == 0


def test_finding_with_a_concept_of_the_other_flywheel_is_a_form_error(client, editor):
    analysis = CaseAnalysisFactory()  # a society initiative: the "samenleving" wheel
    page = _change_page(client, analysis)
    index = _finding_form_index(page, concepts_of("samenleving")[0].pk)
    other = concepts_of("gemeente")[0]

    response = client.post(
        admin_change(analysis),
        form_data(page, **{f"findings-{index}-concept": str(other.pk), f"findings-{index}-happened": "Mis."}),
    )

    assert response.status_code == 200
    [inline] = response.context["inline_admin_formsets"]
    assert "concept" in inline.formset.forms[index].errors
    assert not ConceptFinding.objects.filter(analysis=analysis).exists()


def test_finding_with_a_concept_of_the_other_flywheel_is_a_form_error_when_adding(client, editor):
    initiative = InitiativeFactory(from_municipality=True)
    society_concept = concepts_of("samenleving")[0]
    data = {
        "initiative": str(initiative.pk),
        "title": "Analyse met een verkeerd begrip",
        "slug": "verkeerd-begrip",
        "summary": "Dit mag niet.",
        "state": PublicationState.DRAFT,
        "findings-TOTAL_FORMS": "1",
        "findings-INITIAL_FORMS": "0",
        "findings-MIN_NUM_FORMS": "0",
        "findings-MAX_NUM_FORMS": "1000",
        "findings-0-concept": str(society_concept.pk),
        "findings-0-happened": "Hoort bij het andere vliegwiel.",
    }

    response = client.post(f"{ADMIN_ADD}?initiative={initiative.pk}", data)

    assert response.status_code == 200
    [inline] = response.context["inline_admin_formsets"]
    assert "concept" in inline.formset.forms[0].errors
    assert not CaseAnalysis.objects.filter(slug="verkeerd-begrip").exists()


def test_finding_with_a_concept_outside_both_wheels_is_a_form_error(client, editor):
    analysis = CaseAnalysisFactory()
    stray = ConceptFactory()
    page = _change_page(client, analysis)
    index = _finding_form_index(page, concepts_of("samenleving")[0].pk)

    response = client.post(
        admin_change(analysis),
        form_data(page, **{f"findings-{index}-concept": str(stray.pk), f"findings-{index}-happened": "Mis."}),
    )

    assert response.status_code == 200
    assert not ConceptFinding.objects.filter(analysis=analysis, concept=stray).exists()


def test_publishing_without_a_date_sets_the_publication_date(client, editor):
    analysis = CaseAnalysisFactory(draft=True)
    page = _change_page(client, analysis)
    before = timezone.now()

    response = client.post(
        admin_change(analysis),
        form_data(page, state=PublicationState.PUBLISHED, published_at_0="", published_at_1=""),
    )

    assert response.status_code == 302
    analysis.refresh_from_db()
    assert analysis.state == PublicationState.PUBLISHED
    assert analysis.published_at is not None
    assert before - datetime.timedelta(seconds=5) <= analysis.published_at <= timezone.now()


def test_publishing_with_a_date_keeps_that_date(client, editor):
    analysis = CaseAnalysisFactory(draft=True)
    page = _change_page(client, analysis)

    response = client.post(
        admin_change(analysis),
        form_data(
            page, state=PublicationState.PUBLISHED, published_at_0="2025-03-01", published_at_1="10:00:00"
        ),
    )

    assert response.status_code == 302
    analysis.refresh_from_db()
    assert timezone.localtime(analysis.published_at).date() == datetime.date(2025, 3, 1)


# --- The management site: who may do what -------------------------------------------------------------


def _minimal_add_data(initiative, slug):
    return {
        "initiative": str(initiative.pk),
        "title": "Analyse door de ambtenaar",
        "slug": slug,
        "summary": "Wat we zagen.",
        "state": PublicationState.DRAFT,
        "findings-TOTAL_FORMS": "1",
        "findings-INITIAL_FORMS": "0",
        "findings-MIN_NUM_FORMS": "0",
        "findings-MAX_NUM_FORMS": "1000",
        "findings-0-concept": str(concepts_of("samenleving")[0].pk),
        "findings-0-happened": "Het begon op een verjaardag.",
    }


def test_moderator_may_add_an_analysis(client):
    moderator = staff_in_role("moderators")
    client.force_login(moderator)
    initiative = InitiativeFactory()

    response = client.post(
        f"{ADMIN_ADD}?initiative={initiative.pk}", _minimal_add_data(initiative, "door-moderator")
    )

    assert response.status_code == 302
    analysis = CaseAnalysis.objects.get(slug="door-moderator")
    assert analysis.written_by == moderator
    assert analysis.findings.get().happened == "Het begon op een verjaardag."


def test_moderator_opens_the_add_page(client):
    client.force_login(staff_in_role("moderators"))

    assert client.get(ADMIN_ADD, {"initiative": InitiativeFactory().pk}).status_code == 200


def test_moderator_may_change_an_analysis(client):
    client.force_login(staff_in_role("moderators"))
    analysis = CaseAnalysisFactory(title="Oude titel")
    page = _change_page(client, analysis)

    response = client.post(admin_change(analysis), form_data(page, title="Nieuwe titel"))

    assert response.status_code == 302
    analysis.refresh_from_db()
    assert analysis.title == "Nieuwe titel"


def test_council_member_may_view_analyses_in_the_management_site(client):
    client.force_login(staff_in_role("council"))
    analysis = CaseAnalysisFactory()

    assert client.get(ADMIN_LIST).status_code == 200
    response = client.get(admin_change(analysis))
    assert response.status_code == 200
    assert response.context["has_change_permission"] is False


def test_council_member_may_not_add_an_analysis(client):
    client.force_login(staff_in_role("council"))
    initiative = InitiativeFactory()

    assert client.get(ADMIN_ADD).status_code == 403
    response = client.post(
        f"{ADMIN_ADD}?initiative={initiative.pk}", _minimal_add_data(initiative, "door-raad")
    )
    assert response.status_code == 403
    assert not CaseAnalysis.objects.filter(slug="door-raad").exists()


def test_council_member_may_not_change_an_analysis(client):
    client.force_login(staff_in_role("council"))
    analysis = CaseAnalysisFactory(title="Blijft zo")
    page = _change_page(client, analysis)

    response = client.post(admin_change(analysis), {**form_data(page), "title": ["Door de raad"]})

    assert response.status_code == 403
    analysis.refresh_from_db()
    assert analysis.title == "Blijft zo"


@pytest.mark.parametrize("url", ["list", "add", "change"])
def test_resident_is_sent_to_login_from_the_analyses_in_the_management_site(client, user, url):
    client.force_login(user)
    analysis = CaseAnalysisFactory()
    address = {"list": ADMIN_LIST, "add": ADMIN_ADD, "change": admin_change(analysis)}[url]

    response = client.get(address)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_anonymous_visitor_is_sent_to_login_from_the_analyses_in_the_management_site(client):
    response = client.get(ADMIN_LIST, follow=True)

    assert response.redirect_chain[-1][0].startswith(reverse("account_login"))
