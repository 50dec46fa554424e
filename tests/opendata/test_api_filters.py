"""The API's filters behave like the lists on the site: the same names (?gebied=, ?fase=, ...), the same
results in the same order (one FilterSet per model serves both). A malformed slug or a choice that does not
exist is a 400 in JSON; a well-formed slug nothing has is an empty list."""

import datetime
import json

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from flywheels.models import Concept
from initiatives.choices import GovernmentRole, LogKind, ObstacleCategory, Origin, ParticipationStep, Stage
from knowledgebase.models import ArticleKind
from places.models import Area
from tests.initiatives.factories import InitiativeFactory, LogEntryFactory, SupportFactory
from tests.initiatives.log_help_helpers import HOSTILE_STRINGS
from tests.knowledgebase.factories import ArticleFactory
from tests.opendata.world import api

pytestmark = pytest.mark.django_db

INITIATIVES, LOG, ARTICLES = api("initiative-list"), api("logentry-list"), api("article-list")


def area(slug):
    return Area.objects.get(slug=slug)


def concept(slug):
    return Concept.objects.get(slug=slug)


def from_api(client, url, params) -> list[dict]:
    response = client.get(url, params)
    assert response.status_code == 200, response.content
    return response.json()["results"]


def api_slugs(client, url, params) -> set[str]:
    return {item["slug"] for item in from_api(client, url, params)}


def site_slugs(client, url, params) -> set[str]:
    response = client.get(url, params)
    assert response.status_code == 200
    return {item.slug for item in response.context["page_obj"].object_list}


def api_order(client, url, params) -> list[str]:
    return [item["slug"] for item in from_api(client, url, params)]


def site_order(client, url, params) -> list[str]:
    response = client.get(url, params)
    assert response.status_code == 200
    return [item.slug for item in response.context["page_obj"].object_list]


# --- Initiatives --------------------------------------------------------------------------------------


@pytest.fixture
def initiatives():
    speeltuin = InitiativeFactory(
        slug="speeltuin",
        title="Speeltuin aan de Dorpsstraat",
        area=area("wehl"),
        stage=Stage.RUNNING,
        government_role=GovernmentRole.FACILITATE,
        tags=["spelen"],
    )
    speeltuin.concepts.add(concept("draagvlak"))
    plein = InitiativeFactory(
        slug="schoolplein",
        title="Groen plein bij de basisschool",
        area=area("gaanderen"),
        stage=Stage.IDEA,
        from_municipality=True,
        participation_step=ParticipationStep.COPRODUCE,
        tags=["groen"],
    )
    plein.concepts.add(concept("rolkeuze"))
    InitiativeFactory(
        slug="moestuin",
        title="Moestuin voor de buurt",
        area=area("wehl"),
        stage=Stage.COMPLETED,
        tags=["groen", "spelen"],
    )
    draft = InitiativeFactory(
        slug="geheime-speeltuin",
        title="Speeltuin moestuin groen",
        area=area("wehl"),
        stage=Stage.RUNNING,
        draft=True,
        tags=["groen"],
    )
    draft.concepts.add(concept("draagvlak"))


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, {"speeltuin", "schoolplein", "moestuin"}),
        ({"gebied": "wehl"}, {"speeltuin", "moestuin"}),
        ({"fase": Stage.RUNNING}, {"speeltuin"}),
        ({"herkomst": Origin.MUNICIPALITY}, {"schoolplein"}),
        ({"begrip": "draagvlak"}, {"speeltuin"}),
        ({"thema": "groen"}, {"schoolplein", "moestuin"}),
        ({"zoek": "moestuin"}, {"moestuin"}),
        ({"zoek": "speeltuin"}, {"speeltuin"}),
        ({"gebied": "wehl", "thema": "groen"}, {"moestuin"}),
        ({"gebied": "wehl", "fase": Stage.IDEA}, set()),
        ({"fase": ""}, {"speeltuin", "schoolplein", "moestuin"}),
        ({"rol": GovernmentRole.FACILITATE}, {"speeltuin"}),
        ({"rol": ParticipationStep.COPRODUCE}, {"schoolplein"}),
        ({"rol": GovernmentRole.LET_GO}, set()),
        ({"sorteer": "steun", "thema": "groen"}, {"schoolplein", "moestuin"}),
    ],
)
def test_initiative_filters_give_what_the_site_gives(client, initiatives, params, expected):
    assert api_slugs(client, INITIATIVES, params) == expected
    assert site_slugs(client, reverse("initiatives:initiative_list"), params) == expected


def test_initiatives_come_newest_first(client):
    now = timezone.now()
    for days, slug in ((3, "oud"), (1, "nieuw"), (2, "midden")):
        InitiativeFactory(slug=slug, published_at=now - datetime.timedelta(days=days))

    assert [item["slug"] for item in from_api(client, INITIATIVES, {})] == ["nieuw", "midden", "oud"]


@pytest.fixture
def to_order():
    """Initiatives whose order differs by every sort, and by best match (PostgreSQL) or newest (SQLite)."""
    now = timezone.now()
    old = InitiativeFactory(
        slug="natuur",
        title="Natuurspeelplaats bij school",
        story="Een plek om te spelen.",
        published_at=now - datetime.timedelta(days=30),
        last_activity_at=now - datetime.timedelta(days=1),
    )
    new = InitiativeFactory(
        slug="buurtfeest",
        title="Buurtfeest",
        story="Daarna bouwen we een natuurspeelplaats.",
        published_at=now - datetime.timedelta(days=1),
        last_activity_at=now - datetime.timedelta(days=20),
    )
    InitiativeFactory(
        slug="markt",
        title="Markt",
        published_at=now - datetime.timedelta(days=10),
        last_activity_at=now - datetime.timedelta(days=5),
    )
    SupportFactory.create_batch(2, initiative=old)
    SupportFactory(initiative=new)


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"sorteer": "steun"},
        {"sorteer": "actief"},
        {"zoek": "natuurspeelplaats"},
        {"zoek": "natuurspeelplaats", "sorteer": "nieuw"},
        {"zoek": "natuurspeelplaats", "sorteer": "actief"},
    ],
)
def test_initiatives_come_in_the_order_of_the_site(client, to_order, params):
    assert api_order(client, INITIATIVES, params) == site_order(
        client, reverse("initiatives:initiative_list"), params
    )


def test_search_results_come_best_match_first_on_postgresql(client, to_order):
    ranked = ["natuur", "buurtfeest"] if connection.vendor == "postgresql" else ["buurtfeest", "natuur"]

    assert api_order(client, INITIATIVES, {"zoek": "natuurspeelplaats"}) == ranked


# --- Articles -----------------------------------------------------------------------------------------


@pytest.fixture
def articles():
    ArticleFactory(
        slug="keukentafel",
        title="Keukentafelgesprekken in Wehl",
        kind=ArticleKind.EXAMPLE,
        concepts=[concept("draagvlak")],
        tags=["spelen"],
        area=area("wehl"),
    )
    ArticleFactory(
        slug="groene-straat",
        title="Tip voor een groene straat",
        kind=ArticleKind.TIP,
        concepts=[concept("rolkeuze")],
        tags=["groen"],
    )
    ArticleFactory(
        slug="buurtschouw",
        title="Werkvorm buurtschouw",
        kind=ArticleKind.WORK_FORM,
        tags=["groen"],
        area=area("gaanderen"),
    )
    ArticleFactory(
        slug="geheim-concept",
        title="Buurtschouw keukentafelgesprekken tip",
        kind=ArticleKind.TIP,
        concepts=[concept("draagvlak")],
        tags=["groen"],
        area=area("gaanderen"),
        draft=True,
    )


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, {"keukentafel", "groene-straat", "buurtschouw"}),
        ({"soort": ArticleKind.TIP}, {"groene-straat"}),
        ({"begrip": "draagvlak"}, {"keukentafel"}),
        ({"thema": "groen"}, {"groene-straat", "buurtschouw"}),
        ({"plaats": "gaanderen"}, {"buurtschouw"}),
        ({"zoek": "buurtschouw"}, {"buurtschouw"}),
        ({"soort": ArticleKind.WORK_FORM, "thema": "groen"}, {"buurtschouw"}),
        ({"vliegwiel": "samenleving"}, {"keukentafel"}),
        ({"vliegwiel": "gemeente", "thema": "groen"}, {"groene-straat"}),
    ],
)
def test_article_filters_give_what_the_site_gives(client, articles, params, expected):
    assert api_slugs(client, ARTICLES, params) == expected
    assert site_slugs(client, reverse("knowledgebase:article_list"), params) == expected


@pytest.mark.parametrize("params", [{}, {"zoek": "natuurspeelplaats"}])
def test_articles_come_in_the_order_of_the_site(client, params):
    now = timezone.now()
    ArticleFactory(slug="natuur", title="Natuurspeelplaats", published_at=now - datetime.timedelta(days=30))
    ArticleFactory(
        slug="feest",
        body="Daarna bouwen we een natuurspeelplaats.",
        published_at=now - datetime.timedelta(days=1),
    )
    ArticleFactory(slug="markt", published_at=now - datetime.timedelta(days=10))

    assert api_order(client, ARTICLES, params) == site_order(
        client, reverse("knowledgebase:article_list"), params
    )


# --- Log entries --------------------------------------------------------------------------------------


@pytest.fixture
def log_entries():
    speeltuin = InitiativeFactory(slug="speeltuin", area=area("wehl"))
    plein = InitiativeFactory(slug="schoolplein", area=area("gaanderen"))
    draft = InitiativeFactory(slug="geheim", area=area("wehl"), draft=True)
    entries = {
        "update-wehl": LogEntryFactory(initiative=speeltuin, kind=LogKind.UPDATE),
        "rules-wehl": LogEntryFactory(
            initiative=speeltuin, kind=LogKind.OBSTACLE, obstacle_category=ObstacleCategory.RULES
        ),
        "money-gaanderen": LogEntryFactory(
            initiative=plein, kind=LogKind.OBSTACLE, obstacle_category=ObstacleCategory.MONEY
        ),
        "milestone-gaanderen": LogEntryFactory(initiative=plein, kind=LogKind.MILESTONE),
    }
    LogEntryFactory(initiative=draft, kind=LogKind.OBSTACLE, obstacle_category=ObstacleCategory.RULES)
    LogEntryFactory(initiative=draft, kind=LogKind.UPDATE)
    return {name: entry.pk for name, entry in entries.items()}


def entry_ids(client, params) -> set[int]:
    return {item["id"] for item in from_api(client, LOG, params)}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, {"update-wehl", "rules-wehl", "money-gaanderen", "milestone-gaanderen"}),
        ({"soort": LogKind.OBSTACLE}, {"rules-wehl", "money-gaanderen"}),
        ({"soort": LogKind.OBSTACLE, "categorie": ObstacleCategory.MONEY}, {"money-gaanderen"}),
        ({"categorie": ObstacleCategory.RULES}, {"rules-wehl"}),
        ({"gebied": "wehl"}, {"update-wehl", "rules-wehl"}),
        ({"initiatief": "schoolplein"}, {"money-gaanderen", "milestone-gaanderen"}),
        ({"initiatief": "geheim"}, set()),
        # The log page has no such address (404); the API just finds nothing.
        ({"soort": LogKind.DILEMMA, "categorie": ObstacleCategory.MONEY}, set()),
    ],
)
def test_log_filters_pick_the_entries(client, log_entries, params, expected):
    assert entry_ids(client, params) == {log_entries[name] for name in expected}


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"soort": LogKind.OBSTACLE},
        {"soort": LogKind.OBSTACLE, "categorie": ObstacleCategory.MONEY},
        {"soort": LogKind.MILESTONE},
    ],
)
def test_log_filters_give_what_the_sites_log_gives(client, log_entries, params):
    response = client.get(reverse("initiatives:log_entry_list"), params)
    on_site = {entry.pk for entry in response.context["page_obj"].object_list}

    assert entry_ids(client, params) == on_site


# --- Wrong values -------------------------------------------------------------------------------------


MALFORMED = [
    (INITIATIVES, "gebied", "wehl!"),
    (INITIATIVES, "gebied", "we hl"),
    (INITIATIVES, "begrip", "draag/vlak"),
    (INITIATIVES, "thema", "<groen>"),
    (INITIATIVES, "fase", "bijna-klaar"),
    (INITIATIVES, "herkomst", "elders"),
    (INITIATIVES, "zoek", "a" * 201),
    (INITIATIVES, "rol", "dictate"),
    (INITIATIVES, "sorteer", "willekeurig"),
    (ARTICLES, "soort", "roman"),
    (ARTICLES, "begrip", "draag vlak"),
    (ARTICLES, "thema", "groen;"),
    (ARTICLES, "plaats", "wehl!"),
    (ARTICLES, "zoek", "a" * 201),
    (ARTICLES, "vliegwiel", "beide wielen"),
    (LOG, "soort", "roddel"),
    (LOG, "categorie", "weer"),
    (LOG, "gebied", "wehl!"),
    (LOG, "initiatief", "speel tuin"),
]


@pytest.mark.parametrize(("url", "name", "value"), MALFORMED)
def test_a_malformed_slug_or_an_unknown_choice_is_a_json_400(client, url, name, value):
    response = client.get(url, {name: value})

    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert name in json.loads(response.content)


UNKNOWN = [
    (INITIATIVES, "gebied", "atlantis"),
    (INITIATIVES, "begrip", "bestaat-niet"),
    (INITIATIVES, "thema", "bestaat-niet"),
    (ARTICLES, "begrip", "bestaat-niet"),
    (ARTICLES, "thema", "bestaat-niet"),
    (ARTICLES, "plaats", "atlantis"),
    (ARTICLES, "vliegwiel", "bestaat-niet"),
    (LOG, "gebied", "atlantis"),
    (LOG, "initiatief", "bestaat-niet"),
]


@pytest.mark.parametrize(("url", "name", "value"), UNKNOWN)
def test_a_well_formed_slug_nothing_has_is_an_empty_list(client, url, name, value):
    InitiativeFactory(area=area("wehl"), tags=["groen"])
    LogEntryFactory()
    ArticleFactory(area=area("wehl"))
    assert client.get(url).json()["count"] >= 1

    response = client.get(url, {name: value})

    assert response.status_code == 200
    assert response.json()["count"] == 0
    assert response.json()["results"] == []


FILTERS = (
    [
        (INITIATIVES, name)
        for name in ("gebied", "fase", "herkomst", "rol", "begrip", "thema", "zoek", "sorteer", "pagina")
    ]
    + [(ARTICLES, name) for name in ("soort", "vliegwiel", "begrip", "thema", "plaats", "zoek")]
    + [(LOG, name) for name in ("soort", "categorie", "gebied", "initiatief")]
)


@pytest.mark.parametrize(("url", "name"), FILTERS)
def test_hostile_input_in_a_filter_is_never_a_server_error(client, url, name):
    InitiativeFactory(title="Speeltuin")
    for hostile in HOSTILE_STRINGS:
        response = client.get(url, {name: hostile})

        assert response.status_code in (200, 400, 404), repr(hostile[:40])
        assert response["Content-Type"].startswith("application/json")
