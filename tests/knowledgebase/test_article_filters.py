"""The filters of the list of articles (/kennisbank/artikelen/): kind, flywheel, concept, theme and place,
each alone and together, and filter values the form does not offer, which are addresses that do not exist."""

import pytest

from flywheels.models import Concept
from knowledgebase.models import ArticleKind
from knowledgebase.views.articles import ARTICLES_PER_PAGE
from places.models import Area
from tests.knowledgebase.article_helpers import ARTICLES, concepts_of, days_ago, titles
from tests.knowledgebase.factories import ArticleFactory

pytestmark = pytest.mark.django_db


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
