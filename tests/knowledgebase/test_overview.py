"""The knowledge base's front page (/kennisbank/): each flywheel drawn as a wheel beside a numbered list of
its concepts, and what is new (featured and latest articles, latest analyses). Also the home page's
featured articles. test_index.py covers the concept labels and languages."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from flywheels.models import Concept, Flywheel
from knowledgebase.views.overview import FEATURED_ARTICLES, LATEST_ANALYSES, LATEST_ARTICLES
from places.models import Area
from tests.flywheels.factories import ConceptFactory
from tests.html import elements, parse, text_of
from tests.initiatives.factories import InitiativeFactory
from tests.knowledgebase.factories import ArticleFactory, CaseAnalysisFactory

pytestmark = pytest.mark.django_db

KNOWLEDGEBASE = reverse("knowledgebase:index")
HOME = reverse("home")


# --- Reading the page ---------------------------------------------------------------------------------


def flywheel_section(client, slug):
    document = parse(client.get(KNOWLEDGEBASE))
    [section] = elements(document, "section", id=f"flywheel-{slug}")
    return section


def wheel_order(slug) -> list[Concept]:
    return list(Concept.objects.active().filter(flywheel__slug=slug).order_by("order"))


FLYWHEELS = ["samenleving", "gemeente"]


# --- The wheels ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("slug", FLYWHEELS)
def test_visitor_sees_each_flywheel_drawn_as_an_inline_svg_hidden_from_screen_readers(client, slug):
    section = flywheel_section(client, slug)

    [drawing] = elements(section, "svg")
    assert drawing["aria-hidden"] == "true"
    assert drawing.get("focusable") == "false"


@pytest.mark.parametrize("slug", FLYWHEELS)
def test_keyboard_user_does_not_reach_the_links_in_the_drawing(client, slug):
    [drawing] = elements(flywheel_section(client, slug), "svg")

    links = elements(drawing, "a")
    assert len(links) == len(wheel_order(slug)) == 11
    assert [link.get("tabindex") for link in links] == ["-1"] * 11


@pytest.mark.parametrize("slug", FLYWHEELS)
def test_drawing_numbers_the_concepts_1_to_n_in_the_wheels_order_and_links_each_to_its_page(client, slug):
    [drawing] = elements(flywheel_section(client, slug), "svg")

    spokes = [
        (link["href"], text_of(elements(link, "text", "loket-wheel__number")[0]))
        for link in elements(drawing, "a")
    ]
    expected = [
        (concept.get_absolute_url(), str(number)) for number, concept in enumerate(wheel_order(slug), 1)
    ]
    assert spokes == expected


@pytest.mark.parametrize("slug", FLYWHEELS)
def test_beside_the_drawing_an_ordered_list_has_the_same_concept_links(client, slug):
    section = flywheel_section(client, slug)
    [drawing] = elements(section, "svg")
    [numbered] = elements(section, "ol")

    listed = [link["href"] for link in elements(numbered, "a")]
    drawn = [link["href"] for link in elements(drawing, "a")]
    assert listed == drawn == [concept.get_absolute_url() for concept in wheel_order(slug)]
    assert all(not link.has_attr("tabindex") for link in elements(numbered, "a"))


def test_wheel_follows_the_order_staff_set_not_the_order_of_creation(client):
    # Move the first concept to the end of the wheel: 1 -> 50 (free), the others move up a place.
    Concept.objects.filter(slug="animo").update(order=50)

    [drawing] = elements(flywheel_section(client, "samenleving"), "svg")

    hrefs = [link["href"] for link in elements(drawing, "a")]
    assert hrefs[0] == Concept.objects.get(slug="eigenaarschap").get_absolute_url()
    assert hrefs[-1] == Concept.objects.get(slug="animo").get_absolute_url()
    numbers = [text_of(node) for node in elements(drawing, "text", "loket-wheel__number")]
    assert numbers == [str(n) for n in range(1, 12)]


def test_new_concept_joins_the_wheel_and_the_list_at_its_place(client):
    added = ConceptFactory(flywheel=Flywheel.objects.get(slug="gemeente"), slug="nieuw-begrip")

    section = flywheel_section(client, "gemeente")

    [drawing], [numbered] = elements(section, "svg"), elements(section, "ol")
    assert elements(drawing, "a")[-1]["href"] == added.get_absolute_url()
    assert text_of(elements(drawing, "text", "loket-wheel__number")[-1]) == "12"
    assert elements(numbered, "a")[-1]["href"] == added.get_absolute_url()


def test_retired_concept_is_left_out_of_the_drawing_and_the_list_and_the_rest_is_renumbered(client):
    retired = Concept.objects.get(slug="draagvlak")
    retired.is_active = False
    retired.save()

    section = flywheel_section(client, "samenleving")

    [drawing], [numbered] = elements(section, "svg"), elements(section, "ol")
    drawn = [link["href"] for link in elements(drawing, "a")]
    listed = [link["href"] for link in elements(numbered, "a")]
    assert retired.get_absolute_url() not in drawn
    assert retired.get_absolute_url() not in listed
    assert len(drawn) == len(listed) == 10
    numbers = [text_of(node) for node in elements(drawing, "text", "loket-wheel__number")]
    assert numbers == [str(n) for n in range(1, 11)]


def test_retired_concept_is_not_in_the_context_spokes_either(client):
    Concept.objects.filter(slug="vertrouwen").update(is_active=False)

    flywheels = {flywheel.slug: flywheel for flywheel in client.get(KNOWLEDGEBASE).context["flywheels"]}

    slugs = [spoke.concept.slug for spoke in flywheels["gemeente"].spokes]
    assert "vertrouwen" not in slugs
    assert [spoke.number for spoke in flywheels["gemeente"].spokes] == list(range(1, 11))


# --- What is new --------------------------------------------------------------------------------------


def test_visitor_sees_featured_articles_but_not_featured_drafts_or_scheduled_ones(client):
    featured = ArticleFactory(title="Het buurthuis van Wijnbergen", is_featured=True)
    ArticleFactory(title="Geheim concept van de redactie", is_featured=True, draft=True)
    ArticleFactory(title="Komt volgende week", is_featured=True, scheduled=True)

    response = client.get(KNOWLEDGEBASE)

    assert response.context["featured"] == [featured]
    content = response.content.decode()
    assert featured.get_absolute_url() in content
    assert "Geheim concept van de redactie" not in content
    assert "Komt volgende week" not in content


def test_an_article_that_is_not_featured_is_not_among_the_featured(client):
    ArticleFactory(is_featured=False)

    assert client.get(KNOWLEDGEBASE).context["featured"] == []


def test_visitor_sees_the_latest_published_articles_newest_first(client):
    now = timezone.now()
    articles = [
        ArticleFactory(published_at=now - datetime.timedelta(days=days))
        for days in range(1, LATEST_ARTICLES + 2)
    ]
    ArticleFactory(title="Nog niet af", draft=True)
    ArticleFactory(title="Pas later", scheduled=True)

    response = client.get(KNOWLEDGEBASE)

    assert response.context["latest"] == articles[:LATEST_ARTICLES]
    content = response.content.decode()
    assert articles[0].get_absolute_url() in content
    assert articles[-1].get_absolute_url() not in content
    assert "Nog niet af" not in content
    assert "Pas later" not in content


def test_visitor_sees_the_latest_published_analyses_but_no_drafts_or_analyses_of_hidden_initiatives(client):
    published = CaseAnalysisFactory(title="Analyse van de speeltuin")
    CaseAnalysisFactory(title="Analyse in de maak", draft=True)
    CaseAnalysisFactory(
        title="Analyse van een verborgen initiatief", initiative=InitiativeFactory(hidden=True)
    )
    CaseAnalysisFactory(title="Analyse van een concept", initiative=InitiativeFactory(draft=True))

    response = client.get(KNOWLEDGEBASE)

    assert response.context["analyses"] == [published]
    content = response.content.decode()
    assert published.get_absolute_url() in content
    for title in ["Analyse in de maak", "Analyse van een verborgen initiatief", "Analyse van een concept"]:
        assert title not in content


def test_at_most_the_latest_few_analyses_show_newest_first(client):
    now = timezone.now()
    analyses = [
        CaseAnalysisFactory(published_at=now - datetime.timedelta(days=days))
        for days in range(1, LATEST_ANALYSES + 2)
    ]

    assert client.get(KNOWLEDGEBASE).context["analyses"] == analyses[:LATEST_ANALYSES]


def test_at_most_the_first_few_featured_articles_show(client):
    ArticleFactory.create_batch(FEATURED_ARTICLES + 2, is_featured=True)

    assert len(client.get(KNOWLEDGEBASE).context["featured"]) == FEATURED_ARTICLES


# --- The home page ------------------------------------------------------------------------------------


def test_home_page_shows_featured_published_articles_only(client):
    featured = ArticleFactory(title="Samen de dorpstuin in", is_featured=True)
    ArticleFactory(title="Gewoon een artikel")
    ArticleFactory(title="Uitgelicht maar nog concept", is_featured=True, draft=True)
    ArticleFactory(title="Uitgelicht maar pas later", is_featured=True, scheduled=True)

    response = client.get(HOME)

    assert list(response.context["featured_articles"]) == [featured]
    content = response.content.decode()
    assert featured.get_absolute_url() in content
    for title in ["Gewoon een artikel", "Uitgelicht maar nog concept", "Uitgelicht maar pas later"]:
        assert title not in content


# --- Queries ------------------------------------------------------------------------------------------


def _articles_and_analyses(articles, analyses):
    for index in range(articles):
        ArticleFactory(
            is_featured=index % 3 == 0, area=None if index % 2 else Area.objects.order_by("pk").first()
        )
    for _ in range(analyses):
        CaseAnalysisFactory()


@pytest.mark.parametrize("url", [KNOWLEDGEBASE, HOME], ids=["knowledgebase", "home"])
def test_page_runs_the_same_queries_with_5_and_with_200_articles(client, url, count_queries):
    _articles_and_analyses(5, 2)
    few = count_queries(lambda: client.get(url))

    _articles_and_analyses(195, 8)
    many = count_queries(lambda: client.get(url))

    assert few == many, f"{few} queries with 5 articles, {many} with 200"
    assert few <= 8, few
