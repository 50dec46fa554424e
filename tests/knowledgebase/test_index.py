"""The knowledge base page (/kennisbank/) and the home page show the flywheels with their concepts."""

import pytest
from django.urls import reverse

from flywheels.models import Concept, Flywheel
from tests.flywheels.factories import ConceptFactory, FlywheelFactory
from tests.html import elements, parse, text_of

pytestmark = pytest.mark.django_db

KNOWLEDGEBASE = reverse("knowledgebase:index")


def test_visitor_sees_all_22_concepts_in_flywheel_order(client):
    # The lists, not the drawings: a drawing breaks long names over lines.
    page = parse(client.get(KNOWLEDGEBASE))
    for drawing in elements(page, "svg"):
        drawing.decompose()
    content = text_of(page)

    labels = [concept.label_nl for concept in Concept.objects.order_by("flywheel__order", "order")]
    assert len(labels) == 22
    positions = [content.find(label) for label in labels]
    assert -1 not in positions, [label for label, at in zip(labels, positions, strict=True) if at == -1]
    assert positions == sorted(positions)


def test_visitor_sees_both_flywheels_with_the_community_first(client):
    content = client.get(KNOWLEDGEBASE).content.decode()

    community = content.find("Initiatieven vanuit de samenleving")
    municipality = content.find("Initiatieven vanuit de gemeente")
    assert -1 < community < municipality


def test_retired_concept_is_not_shown(client):
    Concept.objects.filter(slug="borging").update(is_active=False)

    content = client.get(KNOWLEDGEBASE).content.decode()

    assert "Borging en continuïteit" not in content
    assert "Delen en waarderen" in content


def test_visitor_in_english_sees_english_concept_labels(client):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})

    content = client.get(KNOWLEDGEBASE).content.decode()

    assert "Drive and idea" in content
    assert "Animo en idee" not in content


@pytest.mark.parametrize("url", [KNOWLEDGEBASE, reverse("home")])
def test_page_queries_stay_constant_when_concepts_are_added(
    client, url, django_assert_num_queries, count_queries
):
    baseline = count_queries(lambda: client.get(url))
    assert baseline <= 5
    extra = FlywheelFactory()
    ConceptFactory.create_batch(3, flywheel=extra)
    ConceptFactory.create_batch(3, flywheel=Flywheel.objects.get(slug="samenleving"))

    with django_assert_num_queries(baseline):
        client.get(url)
