"""Each flywheel concept has a hint: its meaning in a few everyday words (plain Dutch, B1, and English), for
the many people to whom "Borging en continuïteit" or "Inbedding in de organisatie" is policy language. The
data file has one for every concept; the migration gives them to the concepts; staff edit them afterwards.
Where the site shows them: tests/knowledgebase/test_concept_hints_shown.py."""

import pytest
import yaml
from django.utils import translation

from flywheels.models import Concept, concept_choices
from flywheels.reference_data import FLYWHEELS_FILE, load_concept_hints
from tests.flywheels.factories import ConceptFactory

pytestmark = pytest.mark.django_db

MOST_WORDS = 8


def test_data_file_gives_every_concept_a_short_hint_in_both_languages():
    concepts = yaml.safe_load(FLYWHEELS_FILE.read_text(encoding="utf-8"))["concepts"]

    assert len(concepts) == 22
    for entry in concepts:
        for language in ("nl", "en"):
            hint = entry.get(f"hint_{language}", "")
            assert hint, (entry["slug"], language)
            assert len(hint.split()) <= MOST_WORDS, hint
            assert hint.lower() != entry[f"label_{language}"].lower(), hint


def test_migrations_give_every_concept_its_hint():
    assert Concept.objects.count() == 22
    assert list(Concept.objects.filter(hint_nl="")) == []
    assert list(Concept.objects.filter(hint_en="")) == []
    assert Concept.objects.get(slug="borging").hint_nl == "Zorgen dat het blijft bestaan"


def test_hint_follows_the_active_language():
    draagvlak = Concept.objects.get(slug="draagvlak")

    assert draagvlak.hint == "De buurt steunt het plan"
    assert draagvlak.label_with_hint == "Draagvlak (De buurt steunt het plan)"
    with translation.override("en"):
        assert draagvlak.hint == "The neighbourhood backs the plan"
        assert draagvlak.label_with_hint == "Support base (The neighbourhood backs the plan)"


def test_concept_without_a_hint_shows_its_label_alone():
    concept = ConceptFactory(label_nl="Nieuw begrip", hint_nl="", hint_en="")

    assert concept.label_with_hint == "Nieuw begrip"


def test_filter_options_give_each_concept_with_its_hint():
    options = dict(option for _flywheel, group in concept_choices() for option in group)

    assert options["borging"] == "Borging en continuïteit (Zorgen dat het blijft bestaan)"
    assert options["inbedding"] == "Inbedding in de organisatie (Afdelingen van de gemeente werken samen)"


def test_loading_again_fills_missing_hints_and_keeps_what_staff_wrote():
    Concept.objects.filter(slug="draagvlak").update(hint_nl="Steun uit de straat", hint_en="")
    Concept.objects.filter(slug="middelen").update(hint_nl="", hint_en="")

    load_concept_hints()

    draagvlak = Concept.objects.get(slug="draagvlak")
    middelen = Concept.objects.get(slug="middelen")
    assert (draagvlak.hint_nl, draagvlak.hint_en) == ("Steun uit de straat", "")
    assert (middelen.hint_nl, middelen.hint_en) == ("Geld, spullen en een plek", "Money, things and a place")
