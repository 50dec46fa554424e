"""Pages that list what a feed carries offer that feed in their <head> with <link rel="alternate"> (RSS and
Atom), filtered like the page, so browsers and feed readers find it."""

import pytest
from django.urls import reverse

from flywheels.models import Concept
from places.models import Area
from tests.html import elements, parse

pytestmark = pytest.mark.django_db

FEED = {
    "initiatives": ("/feeds/initiatieven/", "/feeds/initiatieven/atom/"),
    "log": ("/feeds/logboek/", "/feeds/logboek/atom/"),
    "knowledgebase": ("/feeds/kennisbank/", "/feeds/kennisbank/atom/"),
}
TYPES = ["application/rss+xml", "application/atom+xml"]


def offered_feeds(client, url) -> list:
    """The feeds a page offers in its head: (type, address) of each, and each has a title."""
    response = client.get(url)
    assert response.status_code == 200, url
    head = parse(response).head
    alternates = elements(head, "link", rel="alternate")
    assert all(link.get("title") for link in alternates)
    return [(link["type"], link["href"]) for link in alternates]


def feed(which, query=""):
    rss, atom = FEED[which]
    return [(TYPES[0], rss + query), (TYPES[1], atom + query)]


@pytest.mark.parametrize(
    ("page", "feeds"),
    [
        ("home", ["initiatives", "knowledgebase"]),
        ("initiatives:initiative_list", ["initiatives"]),
        ("initiatives:log_entry_list", ["log"]),
        ("knowledgebase:index", ["knowledgebase"]),
        ("knowledgebase:article_list", ["knowledgebase"]),
        ("opendata:index", ["initiatives", "log", "knowledgebase"]),
    ],
)
def test_a_page_offers_the_feeds_of_what_it_lists(client, page, feeds):
    offered = offered_feeds(client, reverse(page))

    assert offered == [link for which in feeds for link in feed(which)]
    for _type, address in offered:
        assert client.get(address).status_code == 200


def test_a_filtered_list_of_initiatives_offers_its_feed_filtered_alike(client):
    area = Area.objects.first()
    concept = Concept.objects.active().first()

    offered = offered_feeds(
        client, reverse("initiatives:initiative_list") + f"?gebied={area.slug}&begrip={concept.slug}"
    )

    assert offered == feed("initiatives", f"?gebied={area.slug}&begrip={concept.slug}")


def test_the_articles_of_a_village_offer_the_knowledge_base_feed_of_that_village(client):
    area = Area.objects.first()

    offered = offered_feeds(client, reverse("knowledgebase:article_list") + f"?plaats={area.slug}")

    assert offered == feed("knowledgebase", f"?gebied={area.slug}")
    assert client.get(offered[0][1]).status_code == 200


def test_a_concept_page_offers_the_knowledge_base_feed_of_that_concept(client):
    concept = Concept.objects.active().first()

    offered = offered_feeds(client, concept.get_absolute_url())

    assert offered == feed("knowledgebase", f"?begrip={concept.slug}")
    assert client.get(offered[1][1]).status_code == 200


def test_the_open_data_page_of_a_village_offers_its_feeds(client):
    area = Area.objects.first()

    offered = offered_feeds(client, reverse("opendata:index") + f"?gebied={area.slug}")

    assert offered == [
        *feed("initiatives", f"?gebied={area.slug}"),
        *feed("log", f"?gebied={area.slug}"),
        *feed("knowledgebase"),
    ]


def test_a_page_without_a_feed_offers_none(client):
    assert offered_feeds(client, reverse("site_search")) == []
