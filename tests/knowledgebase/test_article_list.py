"""The list of articles (/kennisbank/artikelen/): who is listed, in which order, on which page, how a card
shows an article, and search. Filters have their own module (test_article_filters.py), one article its own
(test_article_page.py), files to download theirs (test_downloads.py)."""

import datetime

import pytest
from django.utils import timezone

from accounts.roles import Role
from core.filters import SEARCH_MAX_LENGTH
from knowledgebase.models import Article
from knowledgebase.views.articles import ARTICLES_PER_PAGE
from tests.accounts.factories import staff_in_role
from tests.initiatives.log_help_helpers import HOSTILE_STRINGS, SCRIPT_MARKERS
from tests.knowledgebase.article_helpers import ARTICLES, add_articles, days_ago, titles
from tests.knowledgebase.factories import ArticleFactory

pytestmark = pytest.mark.django_db

# Measured on SQLite and PostgreSQL: the list runs 6 queries (flywheels, concepts, themes, places, count,
# page).
LIST_QUERIES_AT_MOST = 6


# --- Who is listed ------------------------------------------------------------------------------------


def test_visitor_sees_only_published_articles_not_drafts_or_scheduled_ones(client):
    ArticleFactory(title="Gepubliceerd")
    ArticleFactory(title="Concept", draft=True)
    ArticleFactory(title="Volgende week", scheduled=True)

    assert titles(client) == ["Gepubliceerd"]


@pytest.mark.parametrize("role", [Role.EDITOR, Role.MODERATOR])
def test_staff_who_may_preview_drafts_still_get_the_public_list(client, role):
    """The preview is per article; the list is the same for everyone."""
    ArticleFactory(title="Gepubliceerd")
    ArticleFactory(title="Concept", draft=True)
    ArticleFactory(title="Volgende week", scheduled=True)
    client.force_login(staff_in_role(role))

    assert titles(client) == ["Gepubliceerd"]


def test_an_article_is_listed_from_the_moment_its_date_has_passed(client):
    article = ArticleFactory(title="Net op tijd", scheduled=True)
    assert titles(client) == []

    Article.objects.filter(pk=article.pk).update(published_at=timezone.now() - datetime.timedelta(seconds=1))

    assert titles(client) == ["Net op tijd"]


def test_newest_article_comes_first(client):
    ArticleFactory(title="Vorige maand", published_at=days_ago(30))
    ArticleFactory(title="Gisteren", published_at=days_ago(1))
    ArticleFactory(title="Vorige week", published_at=days_ago(7))

    assert titles(client) == ["Gisteren", "Vorige week", "Vorige maand"]


def test_twelve_articles_per_page_and_the_rest_on_the_next(client):
    for day in range(ARTICLES_PER_PAGE + 1):
        ArticleFactory(title=f"Dag {day}", published_at=days_ago(day + 1))

    first, second = titles(client), titles(client, {"pagina": 2})

    assert ARTICLES_PER_PAGE == 12
    assert first == [f"Dag {day}" for day in range(12)]
    assert second == ["Dag 12"]


def test_empty_list_is_a_page_not_an_error(client):
    ArticleFactory(draft=True)

    response = client.get(ARTICLES)

    assert response.status_code == 200
    assert response.context["page_obj"].paginator.count == 0


@pytest.mark.parametrize("page", ["3", "0", "-1", "twee", "1.5", "99999999999999999999"])
def test_page_that_does_not_exist_is_404(client, page):
    ArticleFactory.create_batch(ARTICLES_PER_PAGE + 1)

    assert client.get(ARTICLES, {"pagina": page}).status_code == 404


def test_a_card_links_to_the_article_and_shows_its_data_escaped(client):
    article = ArticleFactory(title="<b>Buurtkamer</b> & co", summary="<i>Samen</i> koffie", slug="buurtkamer")

    content = client.get(ARTICLES).content.decode()

    assert f'href="{article.get_absolute_url()}"' in content
    assert "&lt;b&gt;Buurtkamer&lt;/b&gt; &amp; co" in content
    assert "&lt;i&gt;Samen&lt;/i&gt; koffie" in content
    assert "<b>Buurtkamer</b>" not in content


# --- Search -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "text", "query"),
    [
        ("title", "Jeu de boules op het dorpsplein", "boules"),
        ("summary", "Een repaircafe in de oude bibliotheek.", "repaircafe"),
        ("body", "De buurt bouwde samen twee speeltuinen.", "speeltuin"),
    ],
)
def test_search_finds_words_of_title_summary_and_text(client, field, text, query):
    ArticleFactory(**{"title": "Gevonden", field: text})
    ArticleFactory(title="Iets anders", summary="Over koffie.", body="Over de koffieochtend.")

    assert titles(client, {"zoek": query}) == [text if field == "title" else "Gevonden"]


def test_search_finds_a_word_with_a_different_ending(client):
    ArticleFactory(title="Spelen in De Huet", body="Ouders en kinderen ontwierpen samen twee speeltuinen.")
    ArticleFactory(title="Koffie", body="Elke dinsdag koffie in het buurthuis.")

    assert titles(client, {"zoek": "speeltuin"}) == ["Spelen in De Huet"]


def test_search_never_finds_a_draft_or_a_scheduled_article(client):
    ArticleFactory(title="Openbaar", body="Een speeltuin.")
    ArticleFactory(title="Concept", body="Een speeltuin.", draft=True)
    ArticleFactory(title="Volgende week", body="Een speeltuin.", scheduled=True)

    assert titles(client, {"zoek": "speeltuin"}) == ["Openbaar"]


def test_search_without_results_is_an_empty_list(client):
    ArticleFactory(title="Koffie")

    response = client.get(ARTICLES, {"zoek": "olifantenpaadje"})

    assert response.status_code == 200
    assert response.context["page_obj"].paginator.count == 0


def test_too_long_search_text_is_a_form_error_without_a_list(client):
    ArticleFactory(title="Koffie in het buurthuis")

    response = client.get(ARTICLES, {"zoek": "koffie " * (SEARCH_MAX_LENGTH // 6 + 1)})

    assert response.status_code == 200
    assert response.context["page_obj"] is None
    assert response.context["form"].has_error("zoek", "max_length")
    assert "Koffie in het buurthuis" not in response.content.decode()


@pytest.mark.parametrize("text", HOSTILE_STRINGS, ids=range(len(HOSTILE_STRINGS)))
def test_hostile_search_text_never_breaks_the_list(client, text):
    ArticleFactory(title="Koffie in het buurthuis", body="<script>alert(1)</script> koffie")

    response = client.get(ARTICLES, {"zoek": text})

    assert response.status_code == 200
    content = response.content.decode()
    for marker in SCRIPT_MARKERS:
        assert marker not in content


# --- Queries ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"vliegwiel": "samenleving", "thema": "groen"},
        {"soort": "example", "plaats": "wehl", "zoek": "buren"},
    ],
    ids=["plain", "flywheel+theme", "kind+place+search"],
)
def test_list_runs_the_same_queries_for_5_and_for_200_articles(client, params, count_queries):
    add_articles(5)
    small = count_queries(lambda: client.get(ARTICLES, params))
    add_articles(195)
    large = count_queries(lambda: client.get(ARTICLES, params))

    assert small == large, f"{small} queries with 5 articles, {large} with 200"
    assert small <= LIST_QUERIES_AT_MOST
