"""Wherever the site shows a flywheel concept's label, its hint in plain words is there too: on the concept's
own page, in the flywheels' lists (knowledge base, home page), as a tag on an initiative and an article, in a
case analysis, and in the filters and the initiative form. Visible text beside the link, not a tooltip: the
link's name stays the label, and everyone (a screen reader too) reads the hint after it."""

import pytest
from django.urls import reverse
from django.utils import translation

from flywheels.models import Concept
from tests.html import by_id, elements, parse, text_of
from tests.initiatives.factories import InitiativeFactory
from tests.knowledgebase.factories import ArticleFactory, CaseAnalysisFactory

pytestmark = pytest.mark.django_db

BORGING_HINT = "Zorgen dat het blijft bestaan"


@pytest.fixture
def borging():
    return Concept.objects.get(slug="borging")


def named_concepts(node) -> dict[str, str]:
    """Each concept named below `node` (flywheels/includes/concept_name.html): its link's text, and the hint."""
    return {
        text_of(name.a): text_of(hint)
        for name in elements(node, "span", cls="loket-concept-name")
        for hint in elements(name, "span", cls="loket-concept-hint")
    }


def test_concept_page_says_the_concept_in_plain_words_under_its_name(client, borging):
    document = parse(client.get(borging.get_absolute_url()))

    heading = document.h1
    assert text_of(heading) == "Borging en continuïteit"
    assert text_of(heading.find_next_sibling("p")) == f"In gewone woorden: {BORGING_HINT}"


def test_concept_page_in_english_has_the_english_hint(client, borging):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})

    content = text_of(parse(client.get(borging.get_absolute_url())).main)

    assert "In plain words: Making sure it lasts" in content


def test_knowledge_base_lists_every_concept_with_its_hint(client):
    document = parse(client.get(reverse("knowledgebase:index")))

    for concept in Concept.objects.all():
        item = by_id(document, concept.slug)
        assert text_of(elements(item, "p", cls="loket-concept__hint")[0]) == concept.hint_nl
        assert text_of(item.a) == concept.label_nl


def test_home_page_lists_every_concept_with_its_hint(client):
    named = named_concepts(parse(client.get(reverse("home"))).main)

    assert named == {concept.label_nl: concept.hint_nl for concept in Concept.objects.all()}


def test_initiative_tags_its_concepts_with_their_hints(client, borging):
    initiative = InitiativeFactory()
    initiative.concepts.set([borging, Concept.objects.get(slug="vertrouwen")])

    named = named_concepts(parse(client.get(initiative.get_absolute_url())).main)

    assert named == {"Borging en continuïteit": BORGING_HINT, "Vertrouwen": "Uitgaan van goede bedoelingen"}


def test_article_tags_its_concepts_with_their_hints(client, borging):
    article = ArticleFactory(concepts=[borging])

    named = named_concepts(parse(client.get(article.get_absolute_url())).main)

    assert named == {"Borging en continuïteit": BORGING_HINT}


def test_case_analysis_gives_each_concept_its_hint_under_the_heading(client, borging):
    analysis = CaseAnalysisFactory(findings={borging: "Het beheer is nu geregeld."})

    finding = by_id(parse(client.get(analysis.get_absolute_url())), "borging")

    assert text_of(finding.h3.a) == "Borging en continuïteit"
    assert text_of(finding.h3.find_next_sibling("p")) == BORGING_HINT


@pytest.mark.parametrize(
    "url", [reverse("initiatives:initiative_list"), reverse("knowledgebase:article_list")]
)
def test_filter_on_concept_offers_each_concept_with_its_hint(client, url):
    document = parse(client.get(url))

    options = {option["value"]: text_of(option) for option in elements(document, "option")}

    assert options["borging"] == f"Borging en continuïteit ({BORGING_HINT})"
    assert options["vertrouwen"] == "Vertrouwen (Uitgaan van goede bedoelingen)"


def test_initiative_form_offers_each_concept_with_its_hint(client, user, borging):
    client.force_login(user)

    document = parse(client.get(reverse("initiatives:initiative_create")))

    labels = {text_of(label) for label in elements(document, "label")}
    assert f"Borging en continuïteit ({BORGING_HINT})" in labels


def test_hint_follows_the_language_of_the_page(client, borging):
    initiative = InitiativeFactory()
    initiative.concepts.set([borging])
    client.post(reverse("set_language"), {"language": "en", "next": "/"})

    named = named_concepts(parse(client.get(initiative.get_absolute_url())).main)

    with translation.override("en"):
        assert named == {borging.label: "Making sure it lasts"}
