"""The knowledge base page (/kennisbank/) and the home page show the flywheels with their concepts."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape

from flywheels.models import Concept, Flywheel
from tests.flywheels.factories import ConceptFactory, FlywheelFactory

pytestmark = pytest.mark.django_db

KNOWLEDGEBASE = reverse("knowledgebase:index")


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_visitor_sees_all_22_concepts_in_flywheel_order(client):
    # The lists, not the drawings: a drawing breaks long names over lines.
    content = re.sub(r"<svg.*?</svg>", "", client.get(KNOWLEDGEBASE).content.decode(), flags=re.DOTALL)

    labels = [escape(concept.label_nl) for concept in Concept.objects.order_by("flywheel__order", "order")]
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
def test_page_queries_stay_constant_when_concepts_are_added(client, url, django_assert_num_queries):
    baseline = count_queries(client, url)
    assert baseline <= 5
    extra = FlywheelFactory()
    ConceptFactory.create_batch(3, flywheel=extra)
    ConceptFactory.create_batch(3, flywheel=Flywheel.objects.get(slug="samenleving"))

    with django_assert_num_queries(baseline):
        client.get(url)
