"""The API's pages (20 per page, ?pagina=, a page past the last is a JSON 404), its rate limit for
anonymous clients (a 429 after the limit), and its cost: a list runs the same queries for 5 items as for
100."""

import datetime
import json

import pytest
import time_machine
from django.utils import timezone
from rest_framework.throttling import AnonRateThrottle

from flywheels.models import Concept
from places.models import Area
from tests.flywheels.factories import ConceptFactory
from tests.initiatives.factories import InitiativeFactory, LogEntryFactory, SupportFactory
from tests.knowledgebase.factories import ArticleFactory
from tests.opendata.world import api
from tests.places.factories import AreaFactory

pytestmark = pytest.mark.django_db

PER_PAGE = 20
PAGED = ["initiative-list", "logentry-list", "article-list"]


def initiatives(count):
    now = timezone.now()
    return [InitiativeFactory(published_at=now - datetime.timedelta(minutes=index)) for index in range(count)]


def log_entries(count):
    initiative = InitiativeFactory()
    return [
        LogEntryFactory(
            initiative=initiative, happened_on=datetime.date(2025, 1, 1) + datetime.timedelta(days=index)
        )
        for index in range(count)
    ]


def articles(count):
    now = timezone.now()
    return [
        ArticleFactory(published_at=now - datetime.timedelta(minutes=index + 1)) for index in range(count)
    ]


MAKE = {"initiative-list": initiatives, "logentry-list": log_entries, "article-list": articles}
KEY = {"initiative-list": "slug", "logentry-list": "id", "article-list": "slug"}


# --- Pages --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", PAGED)
def test_twenty_per_page_newest_first_then_the_rest_then_a_json_404(client, name):
    made = MAKE[name](45)
    # initiatives and articles are made newest first, log entries oldest first (by the day they tell of)
    newest_first = list(reversed(made)) if name == "logentry-list" else made
    url = api(name)

    first = client.get(url).json()
    second = client.get(url, {"pagina": 2}).json()
    third = client.get(url, {"pagina": 3}).json()
    past = client.get(url, {"pagina": 4})

    assert first["count"] == 45
    assert [len(page["results"]) for page in (first, second, third)] == [PER_PAGE, PER_PAGE, 5]
    assert "pagina=2" in first["next"]
    assert first["previous"] is None
    assert third["next"] is None
    keys = [item[KEY[name]] for page in (first, second, third) for item in page["results"]]
    assert keys == [getattr(item, "pk" if KEY[name] == "id" else "slug") for item in newest_first]
    assert past.status_code == 404
    assert past["Content-Type"].startswith("application/json")
    assert "detail" in json.loads(past.content)


@pytest.mark.parametrize("page", ["0", "-1", "abc", "1.5", "99999999999999999999"])
def test_a_page_that_cannot_exist_is_a_json_404(client, page):
    initiatives(3)

    response = client.get(api("initiative-list"), {"pagina": page})

    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")


def test_the_page_is_chosen_with_pagina_not_page(client):
    initiatives(25)

    assert client.get(api("initiative-list"), {"page": 2}).json()["previous"] is None
    assert client.get(api("initiative-list"), {"pagina": 2}).json()["previous"] is not None


def test_places_and_concepts_come_whole_without_pages(client):
    AreaFactory.create_batch(PER_PAGE)
    ConceptFactory.create_batch(PER_PAGE)

    areas = client.get(api("area-list")).json()
    concepts = client.get(api("concept-list")).json()

    assert len(areas) == Area.objects.filter(is_active=True).count() > PER_PAGE
    assert len(concepts) == Concept.objects.active().count() > PER_PAGE


def test_inactive_places_and_concepts_are_not_listed(client):
    AreaFactory(slug="opgeheven-wijk", is_active=False)
    Concept.objects.filter(slug="animo").update(is_active=False)

    assert "opgeheven-wijk" not in {area["slug"] for area in client.get(api("area-list")).json()}
    assert "animo" not in {concept["slug"] for concept in client.get(api("concept-list")).json()}


# --- Rate limit ---------------------------------------------------------------------------------------


@pytest.fixture
def limit_of_five(monkeypatch):
    # DRF reads the rates from the settings once, when rest_framework.throttling is imported.
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "5/minute"})


def test_an_anonymous_client_gets_a_429_after_the_limit(client, limit_of_five):
    url = api("initiative-list")

    answers = [client.get(url).status_code for _ in range(5)]
    over = client.get(url)

    assert answers == [200] * 5
    assert over.status_code == 429
    assert over["Content-Type"].startswith("application/json")
    assert "detail" in json.loads(over.content)
    assert int(over["Retry-After"]) > 0


def test_the_limit_counts_every_endpoint_together(client, limit_of_five):
    for name in ("initiative-list", "logentry-list", "article-list", "area-list", "concept-list"):
        assert client.get(api(name)).status_code == 200

    assert client.get(api("initiative-list")).status_code == 429


def test_the_limit_is_per_address_and_lifts_after_a_minute(client, limit_of_five):
    url = api("initiative-list")
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        for _ in range(5):
            client.get(url, REMOTE_ADDR="192.0.2.1")
        assert client.get(url, REMOTE_ADDR="192.0.2.1").status_code == 429
        assert client.get(url, REMOTE_ADDR="192.0.2.2").status_code == 200

        traveller.shift(datetime.timedelta(seconds=61))

        assert client.get(url, REMOTE_ADDR="192.0.2.1").status_code == 200


# --- Queries ------------------------------------------------------------------------------------------

# Measured on SQLite and PostgreSQL: initiatives 4 (count, page, themes, concepts), log entries 2 (count,
# page), articles 4 (count, page, themes, concepts), places 1, concepts 1; the same for 5 items or 100.
QUERIES_AT_MOST = {
    "initiative-list": 4,
    "logentry-list": 2,
    "article-list": 4,
    "area-list": 1,
    "concept-list": 1,
}


def full_initiatives(count):
    concept = Concept.objects.get(slug="draagvlak")
    for initiative in initiatives(count):
        initiative.tags.add("groen", "spelen")
        initiative.concepts.add(concept)
        SupportFactory(initiative=initiative)


def full_articles(count):
    concept = Concept.objects.get(slug="draagvlak")
    for article in articles(count):
        article.tags.add("groen")
        article.concepts.add(concept)
        article.initiative = InitiativeFactory()
        article.area = Area.objects.get(slug="wehl")
        article.save()


FULL = {
    "initiative-list": full_initiatives,
    "logentry-list": log_entries,
    "article-list": full_articles,
    "area-list": lambda count: AreaFactory.create_batch(count),
    "concept-list": lambda count: ConceptFactory.create_batch(
        count, flywheel=Concept.objects.first().flywheel
    ),
}


@pytest.mark.parametrize("name", list(FULL))
def test_a_list_costs_the_same_for_5_items_as_for_100(client, name, count_queries):
    FULL[name](5)
    few = count_queries(lambda: client.get(api(name)))

    FULL[name](95)
    many = count_queries(lambda: client.get(api(name)))

    assert many == few
    assert few <= QUERIES_AT_MOST[name]
