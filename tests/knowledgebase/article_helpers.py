"""Shared by the tests of the articles on the site: the list and what it shows, and a library of articles
big enough to count the queries of a page against."""

import datetime

from django.urls import reverse
from django.utils import timezone

from flywheels.models import Concept
from knowledgebase.models import Article
from places.models import Area
from tests.knowledgebase.factories import ArticleFactory

ARTICLES = reverse("knowledgebase:article_list")


def listed(client, params=None) -> list[Article]:
    """The articles the list shows for `params`, in order (this page only)."""
    response = client.get(ARTICLES, params or {})
    assert response.status_code == 200
    return list(response.context["page_obj"].object_list)


def titles(client, params=None) -> list[str]:
    return [article.title for article in listed(client, params)]


def days_ago(days) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=days)


def concepts_of(flywheel_slug) -> list[Concept]:
    return list(Concept.objects.filter(flywheel__slug=flywheel_slug).order_by("order"))


def add_articles(count, *, draft_every=0):
    """`count` published articles with a place, concepts and themes; some drafts in between."""
    areas = list(Area.objects.filter(slug__in=["wehl", "de-huet", "gaanderen"]))
    concepts = concepts_of("samenleving")
    for number in range(count):
        ArticleFactory(
            area=areas[number % len(areas)],
            concepts=concepts[number % 5 : number % 5 + 3],
            tags=[f"thema-{number % 4}", "groen"],
            cover_image="articles/covers/2025/01/foto.jpg",
            cover_thumbnail="articles/thumbnails/2025/01/klein.jpg",
            cover_alt="Een foto",
            published_at=days_ago(number + 1),
        )
    ArticleFactory.create_batch(count // 10 + 1, draft=True, tags=["geheim"], concepts=concepts[:2])
