import pytest
from django.utils import translation

from flywheels.models import Concept, Flywheel, Status
from flywheels.reference_data import load_flywheels
from tests.flywheels.factories import ConceptFactory

pytestmark = pytest.mark.django_db


def test_migrations_load_two_flywheels_community_first():
    assert list(Flywheel.objects.values_list("slug", flat=True)) == ["samenleving", "gemeente"]


def test_migrations_load_22_proposed_concepts():
    assert Concept.objects.count() == 22
    assert set(Concept.objects.values_list("status", flat=True)) == {Status.PROPOSED}
    assert all(concept.is_proposed for concept in Concept.objects.all())


@pytest.mark.parametrize("flywheel", ["samenleving", "gemeente"])
def test_each_flywheel_has_concepts_numbered_1_to_11(flywheel):
    orders = list(Concept.objects.filter(flywheel__slug=flywheel).values_list("order", flat=True))

    assert orders == list(range(1, 12))


def test_every_concept_has_both_languages_and_a_basis():
    for concept in Concept.objects.all():
        assert concept.label_nl and concept.label_en, concept.slug
        assert concept.description_nl and concept.description_en, concept.slug
        assert concept.basis.startswith("S"), concept.slug


def test_reloading_keeps_what_staff_edited():
    Concept.objects.filter(slug="draagvlak").update(label_nl="Steun uit de buurt", status=Status.CONFIRMED)
    Flywheel.objects.filter(slug="gemeente").update(label_nl="Gemeentelijke initiatieven")

    load_flywheels()

    draagvlak = Concept.objects.get(slug="draagvlak")
    assert (draagvlak.label_nl, draagvlak.status) == ("Steun uit de buurt", Status.CONFIRMED)
    assert Flywheel.objects.get(slug="gemeente").label_nl == "Gemeentelijke initiatieven"
    assert Concept.objects.count() == 22


def test_reloading_restores_a_deleted_concept_and_keeps_staff_additions():
    Concept.objects.filter(slug="middelen").delete()
    ConceptFactory(flywheel=Flywheel.objects.get(slug="gemeente"), slug="nieuw-begrip", order=12)

    load_flywheels()

    assert Concept.objects.get(slug="middelen").order == 6
    assert Concept.objects.filter(slug="nieuw-begrip").exists()
    assert Concept.objects.count() == 23


def test_concept_label_follows_the_active_language():
    animo = Concept.objects.get(slug="animo")

    assert animo.label == "Animo en idee"
    with translation.override("en"):
        assert animo.label == "Drive and idea"
        assert animo.description.startswith("The residents'")
        assert Flywheel.objects.get(slug="samenleving").label == "Initiatives from the community"


def test_concept_without_english_label_falls_back_to_dutch():
    concept = ConceptFactory(label_nl="Alleen Nederlands", label_en="")

    with translation.override("en"):
        assert concept.label == "Alleen Nederlands"


def test_concept_links_to_its_own_page():
    assert Concept.objects.get(slug="animo").get_absolute_url() == "/kennisbank/begrippen/animo/"
