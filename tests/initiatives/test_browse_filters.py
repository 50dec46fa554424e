"""The filters of the public list of initiatives (/initiatieven/): area, stage, origin, concept, theme and
the municipality's role, each alone and combined, shown as active filters to remove; a filter value the form
does not offer is an address that does not exist."""

import pytest

from flywheels.models import Concept
from initiatives.choices import GovernmentRole, Origin, ParticipationStep, Stage
from places.models import Area
from tests.flywheels.factories import ConceptFactory
from tests.html import elements, form_fields, parse
from tests.initiatives.browse_helpers import INDEX, titles
from tests.initiatives.factories import InitiativeFactory
from tests.places.factories import AreaFactory

pytestmark = pytest.mark.django_db


# --- Filters, each alone ------------------------------------------------------------------------------


def test_filter_on_village_or_district(client):
    gaanderen = Area.objects.get(slug="gaanderen")
    InitiativeFactory(title="In Gaanderen", area=gaanderen)
    InitiativeFactory(title="Elders")

    assert titles(client, {"gebied": "gaanderen"}) == ["In Gaanderen"]


def test_filter_on_stage(client):
    InitiativeFactory(title="Idee", stage=Stage.IDEA)
    InitiativeFactory(title="Loopt", stage=Stage.RUNNING)

    assert titles(client, {"fase": Stage.IDEA}) == ["Idee"]


def test_filter_on_origin(client):
    InitiativeFactory(title="Van bewoners")
    InitiativeFactory(title="Van de gemeente", from_municipality=True)

    assert titles(client, {"herkomst": Origin.MUNICIPALITY}) == ["Van de gemeente"]
    assert titles(client, {"herkomst": Origin.SOCIETY}) == ["Van bewoners"]


def test_filter_on_flywheel_concept(client):
    concept = Concept.objects.filter(is_active=True).first()
    with_concept = InitiativeFactory(title="Met begrip")
    with_concept.concepts.add(concept)
    InitiativeFactory(title="Zonder begrip")

    assert titles(client, {"begrip": concept.slug}) == ["Met begrip"]


def test_filter_on_theme(client):
    InitiativeFactory(title="Groen", tags=["groen", "spelen"])
    InitiativeFactory(title="Cultuur", tags=["cultuur"])

    assert titles(client, {"thema": "groen"}) == ["Groen"]


def test_filter_on_role_of_the_municipality_in_a_society_initiative(client):
    InitiativeFactory(title="Faciliteren", government_role=GovernmentRole.FACILITATE)
    InitiativeFactory(title="Loslaten", government_role=GovernmentRole.LET_GO)

    assert titles(client, {"rol": GovernmentRole.FACILITATE}) == ["Faciliteren"]


def test_filter_on_participation_step_of_a_municipal_plan(client):
    InitiativeFactory(
        title="Coproductie", from_municipality=True, participation_step=ParticipationStep.COPRODUCE
    )
    InitiativeFactory(title="Informeren", from_municipality=True, participation_step=ParticipationStep.INFORM)
    InitiativeFactory(title="Faciliteren", government_role=GovernmentRole.FACILITATE)

    assert titles(client, {"rol": ParticipationStep.COPRODUCE}) == ["Coproductie"]


# --- Filters combined ---------------------------------------------------------------------------------


def test_filters_combine(client):
    gaanderen = Area.objects.get(slug="gaanderen")
    concept = Concept.objects.filter(is_active=True).first()
    match = InitiativeFactory(title="Alles klopt", area=gaanderen, stage=Stage.IDEA, tags=["groen"])
    match.concepts.add(concept)
    wrong_stage = InitiativeFactory(title="Andere fase", area=gaanderen, stage=Stage.RUNNING, tags=["groen"])
    wrong_stage.concepts.add(concept)
    InitiativeFactory(title="Ander thema", area=gaanderen, stage=Stage.IDEA, tags=["cultuur"])
    InitiativeFactory(title="Ander gebied", stage=Stage.IDEA, tags=["groen"])

    params = {"gebied": "gaanderen", "fase": Stage.IDEA, "thema": "groen", "begrip": concept.slug}
    assert titles(client, params) == ["Alles klopt"]


def test_theme_and_concept_filters_list_an_initiative_once(client):
    """Filtering on joined tables must not repeat an initiative (no duplicate rows)."""
    concepts = ConceptFactory.create_batch(2)
    initiative = InitiativeFactory(title="Eén keer", tags=["groen", "spelen", "buurt"])
    initiative.concepts.add(*concepts)

    response = client.get(INDEX, {"thema": "groen", "begrip": concepts[0].slug})

    assert [i.title for i in response.context["page_obj"].object_list] == ["Eén keer"]
    assert response.context["page_obj"].paginator.count == 1


def test_filter_and_empty_fields_from_the_form_are_accepted(client):
    """The form sends every field, most of them empty."""
    InitiativeFactory(title="Idee", stage=Stage.IDEA)
    empty = dict.fromkeys(["zoek", "gebied", "herkomst", "rol", "begrip", "thema", "sorteer"], "")

    assert titles(client, {**empty, "fase": Stage.IDEA}) == ["Idee"]


def test_active_filters_are_shown_with_a_link_to_remove_each_and_to_clear_all(client):
    InitiativeFactory(stage=Stage.IDEA)

    response = client.get(INDEX, {"gebied": "wijnbergen", "fase": Stage.IDEA})

    active = {f["value"]: f["remove_url"] for f in response.context["active_filters"]}
    assert active["Wijnbergen"] == f"{INDEX}?fase={Stage.IDEA}"
    assert active[str(Stage.IDEA.label)] == f"{INDEX}?gebied=wijnbergen"
    content = response.content.decode()
    assert f'href="{INDEX}?fase={Stage.IDEA}"' in content
    assert f'href="{INDEX}"' in content  # clear all filters


def test_without_filters_no_active_filters_are_shown(client):
    InitiativeFactory()

    response = client.get(INDEX, {"sorteer": "steun"})

    assert response.context["active_filters"] == []


def test_no_match_shows_a_helpful_empty_state(client):
    InitiativeFactory(stage=Stage.RUNNING)

    response = client.get(INDEX, {"fase": Stage.IDEA})

    assert response.status_code == 200
    assert response.context["page_obj"].paginator.count == 0
    content = response.content.decode()
    assert "loket-empty" in content
    assert f'href="{INDEX}"' in content


def test_form_shows_the_chosen_values(client):
    InitiativeFactory()

    document = parse(client.get(INDEX, {"gebied": "dichteren", "fase": Stage.IDEA}))

    [form] = elements(document, "form", "loket-filters")
    chosen = form_fields(form)
    assert chosen["gebied"] == ["dichteren"]
    assert chosen["fase"] == [Stage.IDEA]


def test_concepts_are_offered_grouped_by_flywheel(client):
    document = parse(client.get(INDEX))

    assert len(elements(document, "optgroup")) >= 2 + 2  # two flywheels, two ladders


# --- Unknown filter values: the address does not exist -----------------------------------------------


@pytest.mark.parametrize(
    "params",
    [
        {"gebied": "atlantis"},
        {"fase": "bedacht"},
        {"herkomst": "mars"},
        {"rol": "dictate"},
        {"begrip": "bestaat-niet"},
        {"thema": "onbekend-thema"},
        {"sorteer": "willekeurig"},
        {"sorteer": "rank"},
        {"fase": "<script>"},
        {"gebied": "x" * 5000},
        {"fase": "idea\x00"},
    ],
)
def test_unknown_filter_value_is_404(client, params):
    InitiativeFactory()

    assert client.get(INDEX, params).status_code == 404


def test_inactive_area_is_not_a_filter(client):
    AreaFactory(slug="opgeheven", is_active=False)

    assert client.get(INDEX, {"gebied": "opgeheven"}).status_code == 404


def test_retired_concept_is_not_a_filter(client):
    concept = ConceptFactory(is_active=False)

    assert client.get(INDEX, {"begrip": concept.slug}).status_code == 404


def test_theme_of_drafts_only_is_neither_offered_nor_a_filter(client):
    InitiativeFactory(draft=True, tags=["geheim-plan"])

    response = client.get(INDEX)

    assert "geheim-plan" not in response.content.decode()
    assert client.get(INDEX, {"thema": "geheim-plan"}).status_code == 404


def test_unknown_extra_parameters_are_ignored(client):
    InitiativeFactory(title="Gewoon")

    assert titles(client, {"utm_source": "nieuwsbrief"}) == ["Gewoon"]
