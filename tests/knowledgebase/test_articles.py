"""The articles of the knowledge base on the site: the list (/kennisbank/artikelen/) with its filters,
search and pages, and one article (/kennisbank/artikelen/<slug>/) with the editors' preview of drafts.
Files to download have their own module (test_downloads.py)."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from core.filters import SEARCH_MAX_LENGTH
from flywheels.models import Concept
from knowledgebase import permissions
from knowledgebase.models import Article, ArticleKind
from knowledgebase.views.articles import ARTICLES_PER_PAGE, RELATED_ARTICLES
from places.models import Area
from tests.accounts.factories import UserFactory, staff_in_role, verify_email
from tests.initiatives.factories import InitiativeFactory
from tests.initiatives.log_help_helpers import HOSTILE_STRINGS, SCRIPT_MARKERS
from tests.knowledgebase.factories import ArticleFactory

pytestmark = pytest.mark.django_db

ARTICLES = reverse("knowledgebase:article_list")

# Measured on SQLite and PostgreSQL: the list runs 6 queries (flywheels, concepts, themes, places, count,
# page); an article 4 for a visitor (the article, its themes, its concepts, related articles) and 8 for a
# signed-in editor (session, user, permissions, email check).
LIST_QUERIES_AT_MOST = 6
DETAIL_QUERIES_AT_MOST = {"visitor": 4, "editor": 8}


def listed(client, params=None) -> list[Article]:
    """The articles the list shows for `params`, in order (this page only)."""
    response = client.get(ARTICLES, params or {})
    assert response.status_code == 200
    return list(response.context["page_obj"].object_list)


def titles(client, params=None) -> list[str]:
    return [article.title for article in listed(client, params)]


def count_queries(client, url, params=None) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url, params or {}).status_code == 200
    return len(queries)


def days_ago(days) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=days)


def concepts_of(flywheel_slug) -> list[Concept]:
    return list(Concept.objects.filter(flywheel__slug=flywheel_slug).order_by("order"))


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


# --- Filters, each alone ------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", list(ArticleKind))
def test_filter_on_kind(client, kind):
    for each in ArticleKind:
        ArticleFactory(title=f"Een {each.value}", kind=each)

    assert titles(client, {"soort": kind.value}) == [f"Een {kind.value}"]


def test_filter_on_flywheel_lists_an_article_with_several_of_its_concepts_once(client):
    community, municipal = concepts_of("samenleving"), concepts_of("gemeente")
    ArticleFactory(title="Twee samenlevingsbegrippen", concepts=community[:2])
    ArticleFactory(title="Van beide vliegwielen", concepts=[community[3], municipal[0]])
    ArticleFactory(title="Alleen gemeente", concepts=municipal[1:4])
    ArticleFactory(title="Zonder begrippen")

    response = client.get(ARTICLES, {"vliegwiel": "samenleving"})

    assert [article.title for article in response.context["page_obj"].object_list] == [
        "Van beide vliegwielen",
        "Twee samenlevingsbegrippen",
    ]
    assert response.context["page_obj"].paginator.count == 2
    assert titles(client, {"vliegwiel": "gemeente"}) == ["Alleen gemeente", "Van beide vliegwielen"]


def test_filter_on_flywheel_counts_each_article_once_across_pages(client):
    community = concepts_of("samenleving")
    for number in range(ARTICLES_PER_PAGE + 1):
        ArticleFactory(title=f"Artikel {number}", concepts=community[:3], published_at=days_ago(number + 1))

    response = client.get(ARTICLES, {"vliegwiel": "samenleving"})

    assert response.context["page_obj"].paginator.count == ARTICLES_PER_PAGE + 1
    assert titles(client, {"vliegwiel": "samenleving", "pagina": 2}) == [f"Artikel {ARTICLES_PER_PAGE}"]


def test_filter_on_concept(client):
    animo, network = Concept.objects.get(slug="animo"), Concept.objects.get(slug="netwerk")
    ArticleFactory(title="Over animo", concepts=[animo, network])
    ArticleFactory(title="Over netwerk", concepts=[network])

    assert titles(client, {"begrip": "animo"}) == ["Over animo"]


def test_filter_on_theme(client):
    ArticleFactory(title="Groen", tags=["groen", "spelen"])
    ArticleFactory(title="Cultuur", tags=["cultuur"])

    assert titles(client, {"thema": "groen"}) == ["Groen"]


def test_only_themes_of_published_articles_are_offered(client):
    ArticleFactory(tags=["groen"])
    ArticleFactory(draft=True, tags=["geheim-plan"])
    ArticleFactory(scheduled=True, tags=["toekomstmuziek"])

    response = client.get(ARTICLES)

    offered = [value for value, _label in response.context["form"].fields["thema"].choices if value]
    assert offered == ["groen"]
    assert "geheim-plan" not in response.content.decode()
    assert "toekomstmuziek" not in response.content.decode()


@pytest.mark.parametrize("trait", ["draft", "scheduled"])
def test_filtering_on_a_theme_only_an_unpublished_article_has_is_404(client, trait):
    ArticleFactory(tags=["groen"])
    ArticleFactory(tags=["geheim-plan"], **{trait: True})

    assert client.get(ARTICLES, {"thema": "geheim-plan"}).status_code == 404


def test_filter_on_village_or_district(client):
    ArticleFactory(title="In Wehl", area=Area.objects.get(slug="wehl"))
    ArticleFactory(title="In De Huet", area=Area.objects.get(slug="de-huet"))
    ArticleFactory(title="In Aa en Hunze", place="Aa en Hunze")

    assert titles(client, {"plaats": "wehl"}) == ["In Wehl"]


# --- Filters together ---------------------------------------------------------------------------------


@pytest.fixture
def library():
    """Articles that differ in one respect each, for the combinations below."""
    wehl, huet = Area.objects.get(slug="wehl"), Area.objects.get(slug="de-huet")
    animo, trust = Concept.objects.get(slug="animo"), Concept.objects.get(slug="vertrouwen")
    ArticleFactory(title="Tip uit Wehl", kind=ArticleKind.TIP, area=wehl, concepts=[animo], tags=["groen"])
    ArticleFactory(title="Voorbeeld uit Wehl", area=wehl, concepts=[trust], tags=["groen"])
    ArticleFactory(title="Tip uit De Huet", kind=ArticleKind.TIP, area=huet, concepts=[animo], tags=["zorg"])
    ArticleFactory(
        title="Speeltuin in Wehl",
        kind=ArticleKind.TIP,
        area=wehl,
        concepts=[trust],
        tags=["groen"],
        body="De buurt bouwde twee speeltuinen.",
    )


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"soort": "tip", "plaats": "wehl"}, {"Tip uit Wehl", "Speeltuin in Wehl"}),
        ({"soort": "tip", "vliegwiel": "samenleving"}, {"Tip uit Wehl", "Tip uit De Huet"}),
        ({"begrip": "animo", "plaats": "de-huet"}, {"Tip uit De Huet"}),
        ({"thema": "groen", "vliegwiel": "gemeente"}, {"Voorbeeld uit Wehl", "Speeltuin in Wehl"}),
        ({"thema": "groen", "zoek": "speeltuin"}, {"Speeltuin in Wehl"}),
        ({"soort": "example", "begrip": "animo"}, set()),
        (
            {
                "soort": "tip",
                "vliegwiel": "gemeente",
                "thema": "groen",
                "plaats": "wehl",
                "zoek": "speeltuin",
            },
            {"Speeltuin in Wehl"},
        ),
    ],
    ids=["kind+place", "kind+flywheel", "concept+place", "theme+flywheel", "theme+search", "none", "all"],
)
def test_filters_combine(client, library, params, expected):
    assert set(titles(client, params)) == expected


def test_each_active_filter_has_an_address_without_it(client, library):
    response = client.get(ARTICLES, {"soort": "tip", "plaats": "wehl", "pagina": "1"})

    removals = [active["remove_url"] for active in response.context["active_filters"]]
    assert removals == [f"{ARTICLES}?plaats=wehl", f"{ARTICLES}?soort=tip"]


# --- Addresses that do not exist ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "params",
    [
        {"soort": "nieuws"},
        {"vliegwiel": "onbekend"},
        {"begrip": "bestaat-niet"},
        {"begrip": "borging", "soort": "tip"},  # retired below
        {"thema": "bestaat-niet"},
        {"plaats": "atlantis"},
        {"plaats": "<script>alert(1)</script>"},
        {"soort": "tip", "plaats": "wehl", "vliegwiel": "gemeente", "begrip": "animo "},
    ],
)
def test_filter_value_the_form_does_not_offer_is_404(client, params):
    Concept.objects.filter(slug="borging").update(is_active=False)
    ArticleFactory(tags=["groen"])

    assert client.get(ARTICLES, params).status_code == 404


def test_retired_concept_is_not_offered(client):
    Concept.objects.filter(slug="borging").update(is_active=False)

    response = client.get(ARTICLES)

    offered = {
        value
        for _group, options in response.context["form"].fields["begrip"].choices[1:]
        for value, _ in options
    }
    assert "borging" not in offered
    assert "animo" in offered
    assert len(offered) == 21


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
# Everyone whose role may view articles in the management site (accounts/roles.py) previews drafts.
DRAFT_READERS = frozenset({"editor", "moderator", "council", "superuser"})
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


def _articles(count, *, draft_every=0):
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


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"vliegwiel": "samenleving", "thema": "groen"},
        {"soort": "example", "plaats": "wehl", "zoek": "buren"},
    ],
    ids=["plain", "flywheel+theme", "kind+place+search"],
)
def test_list_runs_the_same_queries_for_5_and_for_200_articles(client, params):
    _articles(5)
    small = count_queries(client, ARTICLES, params)
    _articles(195)
    large = count_queries(client, ARTICLES, params)

    assert small == large, f"{small} queries with 5 articles, {large} with 200"
    assert small <= LIST_QUERIES_AT_MOST


@pytest.mark.parametrize("who", ["visitor", "editor"])
def test_article_page_runs_the_same_queries_for_5_and_for_200_articles(client, who):
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
    _articles(5)
    small_count = count_queries(client, small.get_absolute_url())
    _articles(195)
    large_count = count_queries(client, large.get_absolute_url())

    assert small_count == large_count, f"{small_count} queries with 5 articles, {large_count} with 200"
    assert small_count <= DETAIL_QUERIES_AT_MOST[who]
