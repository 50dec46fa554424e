"""One article (/kennisbank/artikelen/<slug>/): who reads it in which state, the editors' preview of drafts,
and what it shows: its text without anything that runs, related articles, its initiative, themes, concepts
and place."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from accounts.roles import Role
from flywheels.models import Concept
from knowledgebase import permissions
from knowledgebase.models import Article
from knowledgebase.views.articles import RELATED_ARTICLES
from places.models import Area
from tests.accounts.factories import UserFactory, staff_in_role, verify_email
from tests.initiatives.factories import InitiativeFactory
from tests.initiatives.log_help_helpers import SCRIPT_MARKERS
from tests.knowledgebase.article_helpers import ARTICLES, add_articles, concepts_of, days_ago
from tests.knowledgebase.factories import ArticleFactory

pytestmark = pytest.mark.django_db

# Measured on SQLite and PostgreSQL: an article runs 4 queries for a visitor (the article, its themes, its
# concepts, related articles) and 8 for a signed-in editor (session, user, permissions, email check).
DETAIL_QUERIES_AT_MOST = {"visitor": 4, "editor": 8}


# --- One article: who reads what ----------------------------------------------------------------------

ACTORS = [
    "anonymous",
    "resident",
    "unverified",
    "staff_without_role",
    "editor",
    "moderator",
    "council",
    "superuser",
]
EVERYONE = frozenset(ACTORS)
# Who works on the knowledge base previews drafts; the council reads what is published (README, "Roles").
DRAFT_READERS = frozenset({"editor", "moderator", "superuser"})
STATES = {"published": {}, "draft": {"draft": True}, "scheduled": {"scheduled": True}}
READERS = {"published": EVERYONE, "draft": DRAFT_READERS, "scheduled": DRAFT_READERS}


@pytest.fixture
def actors():
    staff_member = UserFactory(is_staff=True)
    verify_email(staff_member)
    superuser = UserFactory(is_staff=True, is_superuser=True)
    verify_email(superuser)
    resident = UserFactory()
    verify_email(resident)
    return {
        "anonymous": None,
        "resident": resident,
        "unverified": UserFactory(),
        "staff_without_role": staff_member,
        "editor": staff_in_role(Role.EDITOR),
        "moderator": staff_in_role(Role.MODERATOR),
        "council": staff_in_role(Role.COUNCIL),
        "superuser": superuser,
    }


def as_actor(client, actor):
    client.logout()
    if actor is not None:
        client.force_login(actor)
    return client


@pytest.mark.parametrize("state", list(STATES))
def test_who_reads_an_article_in_each_state(client, actors, state):
    article = ArticleFactory(**STATES[state])
    may_read = set()

    for name, actor in actors.items():
        response = as_actor(client, actor).get(article.get_absolute_url())
        assert response.status_code in (200, 404), name
        if response.status_code == 200:
            may_read.add(name)

    assert may_read == READERS[state]


@pytest.mark.parametrize("state", list(STATES))
def test_can_view_article_and_visible_to_agree_with_the_table(actors, state):
    article = ArticleFactory(**STATES[state])

    for name, actor in actors.items():
        person = actor or AnonymousUser()
        assert permissions.can_view_article(person, article) == (name in READERS[state]), name
        listed = Article.objects.visible_to(person).filter(pk=article.pk).exists()
        assert listed == (name in READERS[state]), name


@pytest.mark.parametrize("role", [Role.EDITOR, Role.MODERATOR])
@pytest.mark.parametrize("state", ["draft", "scheduled"])
def test_staff_preview_of_an_unpublished_article_is_marked_and_never_cached(client, role, state):
    article = ArticleFactory(title="Nog niet openbaar", **STATES[state])
    client.force_login(staff_in_role(role))

    response = client.get(article.get_absolute_url())

    assert response.status_code == 200
    assert response.context["article"] == article
    assert response.context["is_preview"] is True
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    assert "noindex" in response["X-Robots-Tag"]
    assert "Nog niet openbaar" in response.content.decode()


@pytest.mark.parametrize("state", ["draft", "scheduled"])
@pytest.mark.parametrize("who", ["anonymous", "resident"])
def test_unpublished_article_is_404_for_the_public(client, user, who, state):
    article = ArticleFactory(title="Nog niet openbaar", **STATES[state])
    if who == "resident":
        client.force_login(user)

    response = client.get(article.get_absolute_url())

    assert response.status_code == 404
    assert "Nog niet openbaar" not in response.content.decode()


def test_published_article_is_no_preview(client):
    article = ArticleFactory(title="Openbaar")

    response = client.get(article.get_absolute_url())

    assert response.status_code == 200
    assert response.context["is_preview"] is False
    assert "no-store" not in response.get("Cache-Control", "")
    assert "X-Robots-Tag" not in response


def test_unknown_article_is_404(client):
    assert (
        client.get(reverse("knowledgebase:article_detail", kwargs={"slug": "bestaat-niet"})).status_code
        == 404
    )


@pytest.mark.parametrize(("role", "can_edit"), [(Role.EDITOR, True), (Role.MODERATOR, False), (None, False)])
def test_only_editors_get_the_link_to_the_management_site(client, user, role, can_edit):
    article = ArticleFactory()
    client.force_login(staff_in_role(role) if role else user)

    response = client.get(article.get_absolute_url())

    assert response.context["can_edit"] is can_edit
    change_url = reverse("admin:knowledgebase_article_change", args=[article.pk])
    assert (f'href="{change_url}"' in response.content.decode()) is can_edit


# --- One article: what it shows -----------------------------------------------------------------------


def test_markdown_text_is_shown_as_html_without_anything_that_runs(client):
    article = ArticleFactory(
        title="Veilig",
        body=(
            "## Zo deden we het\n\n**Samen** beginnen.\n\n<script>alert(1)</script>\n\n"
            '<img src=x onerror=alert(1)>\n\n[klik](javascript:alert(1))\n\n<a href="javascript:alert(1)">x</a>\n\n'
            "[de gemeente](https://www.doetinchem.nl/)"
        ),
    )

    content = client.get(article.get_absolute_url()).content.decode()

    assert "<h2>Zo deden we het</h2>" in content
    assert "<strong>Samen</strong>" in content
    assert 'href="https://www.doetinchem.nl/"' in content
    for marker in [*SCRIPT_MARKERS, "<script>alert", "onerror="]:
        assert marker not in content


def test_title_and_summary_of_an_article_are_escaped(client):
    article = ArticleFactory(title="<script>alert(1)</script>", summary='"><img src=x onerror=alert(1)>')

    content = client.get(article.get_absolute_url()).content.decode()

    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content
    for marker in SCRIPT_MARKERS:
        assert marker not in content


def test_related_articles_share_a_concept_and_never_include_the_article_itself(client):
    animo, network, trust = (Concept.objects.get(slug=slug) for slug in ["animo", "netwerk", "vertrouwen"])
    article = ArticleFactory(title="Dit artikel", concepts=[animo, network])
    ArticleFactory(title="Beide begrippen", concepts=[animo, network], published_at=days_ago(20))
    ArticleFactory(title="Eén begrip", concepts=[network], published_at=days_ago(1))
    ArticleFactory(title="Ander begrip", concepts=[trust])
    ArticleFactory(title="Zonder begrippen")
    ArticleFactory(title="Concept met begrip", concepts=[animo], draft=True)
    ArticleFactory(title="Gepland met begrip", concepts=[animo], scheduled=True)

    response = client.get(article.get_absolute_url())

    # Most concepts in common first, then the newest.
    assert [related.title for related in response.context["related"]] == ["Beide begrippen", "Eén begrip"]
    content = response.content.decode()
    assert "Concept met begrip" not in content
    assert "Gepland met begrip" not in content


def test_at_most_three_related_articles(client):
    animo = Concept.objects.get(slug="animo")
    article = ArticleFactory(concepts=[animo])
    ArticleFactory.create_batch(RELATED_ARTICLES + 2, concepts=[animo])

    response = client.get(article.get_absolute_url())

    assert RELATED_ARTICLES == 3
    assert len(response.context["related"]) == 3
    assert article not in response.context["related"]


def test_article_without_concepts_has_no_related_articles(client):
    article = ArticleFactory()
    ArticleFactory(concepts=[Concept.objects.get(slug="animo")])

    assert client.get(article.get_absolute_url()).context["related"] == []


def test_link_to_the_initiative_shows_when_the_initiative_is_published(client):
    initiative = InitiativeFactory(title="Natuurspeelplaats De Huet", slug="natuurspeelplaats")
    article = ArticleFactory(initiative=initiative)

    content = client.get(article.get_absolute_url()).content.decode()

    assert f'href="{initiative.get_absolute_url()}"' in content


@pytest.mark.parametrize("state", ["draft", "submitted", "rejected", "hidden"])
def test_link_to_the_initiative_is_left_out_while_the_initiative_is_not_public(client, state):
    initiative = InitiativeFactory(title="Geheim initiatief", slug="geheim-initiatief", **{state: True})
    article = ArticleFactory(initiative=initiative)

    content = client.get(article.get_absolute_url()).content.decode()

    assert initiative.get_absolute_url() not in content
    assert "Geheim initiatief" not in content


def test_article_shows_its_themes_concepts_and_place_as_links_to_the_filtered_list(client):
    animo = Concept.objects.get(slug="animo")
    article = ArticleFactory(concepts=[animo], tags=["groen"], area=Area.objects.get(slug="wehl"))

    content = client.get(article.get_absolute_url()).content.decode()

    assert f'href="{animo.get_absolute_url()}"' in content
    assert f'href="{ARTICLES}?thema=groen"' in content
    assert f'href="{ARTICLES}?plaats=wehl"' in content


# --- Queries ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["visitor", "editor"])
def test_article_page_runs_the_same_queries_for_5_and_for_200_articles(client, who, count_queries):
    concepts = concepts_of("samenleving")
    tags = [f"thema-{number}" for number in range(6)]
    small, large = (
        ArticleFactory(
            concepts=concepts[:5],
            tags=tags,
            area=Area.objects.get(slug="wehl"),
            initiative=InitiativeFactory(),
        )
        for _ in range(2)
    )
    if who == "editor":
        client.force_login(staff_in_role(Role.EDITOR))
    add_articles(5)
    small_count = count_queries(lambda: client.get(small.get_absolute_url()))
    add_articles(195)
    large_count = count_queries(lambda: client.get(large.get_absolute_url()))

    assert small_count == large_count, f"{small_count} queries with 5 articles, {large_count} with 200"
    assert small_count <= DETAIL_QUERIES_AT_MOST[who]
