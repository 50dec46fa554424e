"""An analysis group writes a case analysis in the management site (/beheer/): a finding form per concept of
the initiative's flywheel, in the wheel's order; only filled-in findings are saved, and only with a concept
of that flywheel; publishing sets the date."""

import datetime

import pytest
from django.utils import timezone

from flywheels.models import Concept
from knowledgebase.models import CaseAnalysis, ConceptFinding, PublicationState
from tests.flywheels.factories import ConceptFactory
from tests.html import elements, parse
from tests.initiatives.factories import InitiativeFactory
from tests.knowledgebase.analysis_helpers import (
    ADMIN_ADD,
    admin_change,
    change_page,
    concept,
    concepts_of,
    form_data,
)
from tests.knowledgebase.factories import CaseAnalysisFactory

pytestmark = pytest.mark.django_db


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


@pytest.mark.parametrize(
    ("traits", "flywheel"),
    [({}, "samenleving"), ({"from_municipality": True}, "gemeente")],
    ids=["society", "municipal"],
)
def test_add_page_for_an_initiative_offers_a_finding_form_per_concept_of_its_flywheel_in_order(
    editor_client, traits, flywheel
):
    initiative = InitiativeFactory(**traits)

    response = editor_client.get(ADMIN_ADD, {"initiative": initiative.pk})

    assert response.status_code == 200
    expected = [concept.pk for concept in concepts_of(flywheel)]
    assert len(expected) == 11
    assert offered_concepts(response) == expected
    assert selected_concepts(response) == [str(pk) for pk in expected]


def test_add_page_leaves_out_retired_concepts(editor_client):
    Concept.objects.filter(slug="middelen").update(is_active=False)

    response = editor_client.get(ADMIN_ADD, {"initiative": InitiativeFactory().pk})

    assert response.status_code == 200
    assert concept("middelen").pk not in offered_concepts(response)
    assert len(offered_concepts(response)) == 10


def test_add_page_without_an_initiative_offers_no_finding_forms_yet(editor_client):
    response = editor_client.get(ADMIN_ADD)

    assert response.status_code == 200
    assert offered_concepts(response) == []


def test_analysis_group_fills_in_two_concepts_on_the_add_page_and_saves(editor_client, editor):
    initiative = InitiativeFactory()
    page = editor_client.get(ADMIN_ADD, {"initiative": initiative.pk})
    assert page.status_code == 200
    first, third = concepts_of("samenleving")[0], concepts_of("samenleving")[2]
    changes = {
        "title": "Analyse van de speeltuin",
        "slug": "analyse-van-de-speeltuin",
        "summary": "Wat we leerden.",
        f"findings-{_finding_form_index(page, first.pk)}-happened": "De kinderen bedachten het.",
        f"findings-{_finding_form_index(page, third.pk)}-lessons": "Vraag de buren vroeg.",
    }

    response = editor_client.post(f"{ADMIN_ADD}?initiative={initiative.pk}", form_data(page, **changes))

    assert response.status_code == 302
    analysis = CaseAnalysis.objects.get(slug="analyse-van-de-speeltuin")
    assert analysis.initiative == initiative
    assert analysis.written_by == editor
    assert sorted(analysis.findings.values_list("concept__slug", flat=True)) == sorted(
        [first.slug, third.slug]
    )


@pytest.mark.parametrize(
    ("traits", "flywheel"),
    [({}, "samenleving"), ({"from_municipality": True}, "gemeente")],
    ids=["society", "municipal"],
)
def test_change_page_of_an_analysis_without_findings_offers_every_concept_of_its_flywheel_in_order(
    editor_client, traits, flywheel
):
    analysis = CaseAnalysisFactory(initiative=InitiativeFactory(**traits))

    response = change_page(editor_client, analysis)

    expected = [concept.pk for concept in concepts_of(flywheel)]
    assert offered_concepts(response) == expected
    assert selected_concepts(response) == [str(pk) for pk in expected]


def test_change_page_offers_forms_for_the_missing_concepts_only_after_the_existing_findings(editor_client):
    wheel = concepts_of("samenleving")
    analysis = CaseAnalysisFactory(findings={wheel[4]: "Een vereniging opgericht.", wheel[0]: "Veel zin."})
    Concept.objects.filter(pk=wheel[10].pk).update(is_active=False)

    response = change_page(editor_client, analysis)

    missing = [c.pk for c in wheel[1:4] + wheel[5:10]]
    assert offered_concepts(response) == missing
    assert selected_concepts(response) == [str(pk) for pk in [wheel[0].pk, wheel[4].pk, *missing]]


def test_saving_two_findings_keeps_only_those_and_the_change_page_then_offers_the_rest(editor_client):
    analysis = CaseAnalysisFactory()
    wheel = concepts_of("samenleving")
    page = change_page(editor_client, analysis)
    changes = {
        f"findings-{_finding_form_index(page, wheel[1].pk)}-happened": "De groep voelde zich eigenaar.",
        f"findings-{_finding_form_index(page, wheel[6].pk)}-hindered": "Niemand nam de telefoon op.",
    }

    response = editor_client.post(admin_change(analysis), form_data(page, **changes))

    assert response.status_code == 302
    findings = {finding.concept_id: finding for finding in ConceptFinding.objects.filter(analysis=analysis)}
    assert set(findings) == {wheel[1].pk, wheel[6].pk}, "empty finding forms were saved"
    assert findings[wheel[1].pk].happened == "De groep voelde zich eigenaar."
    assert findings[wheel[6].pk].hindered == "Niemand nam de telefoon op."
    remaining = [c.pk for c in wheel if c.pk not in {wheel[1].pk, wheel[6].pk}]
    assert offered_concepts(change_page(editor_client, analysis)) == remaining


def test_saving_the_change_page_untouched_adds_no_findings(editor_client):
    analysis = CaseAnalysisFactory()
    page = change_page(editor_client, analysis)

    response = editor_client.post(admin_change(analysis), form_data(page))

    assert response.status_code == 302
    assert ConceptFinding.objects.filter(analysis=analysis).count() == 0


def test_finding_with_a_concept_of_the_other_flywheel_is_a_form_error(editor_client):
    analysis = CaseAnalysisFactory()  # a society initiative: the "samenleving" wheel
    page = change_page(editor_client, analysis)
    index = _finding_form_index(page, concepts_of("samenleving")[0].pk)
    other = concepts_of("gemeente")[0]

    response = editor_client.post(
        admin_change(analysis),
        form_data(page, **{f"findings-{index}-concept": str(other.pk), f"findings-{index}-happened": "Mis."}),
    )

    assert response.status_code == 200
    [inline] = response.context["inline_admin_formsets"]
    assert "concept" in inline.formset.forms[index].errors
    assert not ConceptFinding.objects.filter(analysis=analysis).exists()


def test_finding_with_a_concept_of_the_other_flywheel_is_a_form_error_when_adding(editor_client):
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

    response = editor_client.post(f"{ADMIN_ADD}?initiative={initiative.pk}", data)

    assert response.status_code == 200
    [inline] = response.context["inline_admin_formsets"]
    assert "concept" in inline.formset.forms[0].errors
    assert not CaseAnalysis.objects.filter(slug="verkeerd-begrip").exists()


def test_finding_with_a_concept_outside_both_wheels_is_a_form_error(editor_client):
    analysis = CaseAnalysisFactory()
    stray = ConceptFactory()
    page = change_page(editor_client, analysis)
    index = _finding_form_index(page, concepts_of("samenleving")[0].pk)

    response = editor_client.post(
        admin_change(analysis),
        form_data(page, **{f"findings-{index}-concept": str(stray.pk), f"findings-{index}-happened": "Mis."}),
    )

    assert response.status_code == 200
    assert not ConceptFinding.objects.filter(analysis=analysis, concept=stray).exists()


def test_publishing_without_a_date_sets_the_publication_date(editor_client):
    analysis = CaseAnalysisFactory(draft=True)
    page = change_page(editor_client, analysis)
    before = timezone.now()

    response = editor_client.post(
        admin_change(analysis),
        form_data(page, state=PublicationState.PUBLISHED, published_at_0="", published_at_1=""),
    )

    assert response.status_code == 302
    analysis.refresh_from_db()
    assert analysis.state == PublicationState.PUBLISHED
    assert analysis.published_at is not None
    assert before - datetime.timedelta(seconds=5) <= analysis.published_at <= timezone.now()


def test_publishing_with_a_date_keeps_that_date(editor_client):
    analysis = CaseAnalysisFactory(draft=True)
    page = change_page(editor_client, analysis)

    response = editor_client.post(
        admin_change(analysis),
        form_data(
            page, state=PublicationState.PUBLISHED, published_at_0="2025-03-01", published_at_1="10:00:00"
        ),
    )

    assert response.status_code == 302
    analysis.refresh_from_db()
    assert timezone.localtime(analysis.published_at).date() == datetime.date(2025, 3, 1)
