"""Full-text search in the list of initiatives (`?zoek=`). CI runs this module on SQLite and on PostgreSQL:
where the two differ (stemming and ranking on PostgreSQL, plain word matching on SQLite) each branch
asserts what that database promises."""

import datetime

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from core.filters import SEARCH_MAX_LENGTH
from initiatives.choices import LogKind, Stage
from initiatives.models import Initiative
from initiatives.services.search import initiative_reindex
from tests.initiatives.factories import InitiativeFactory, LogEntryFactory

pytestmark = pytest.mark.django_db

INDEX = reverse("initiatives:initiative_list")
POSTGRESQL = "postgresql"


def found(client, text, **params):
    response = client.get(INDEX, {"zoek": text, **params})
    assert response.status_code == 200
    assert not response.context["form"].errors
    return [initiative.title for initiative in response.context["page_obj"].object_list]


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


# --- What is searched ---------------------------------------------------------------------------------


def test_searching_speeltuin_finds_speeltuinen(client):
    InitiativeFactory(title="Nieuwe speeltuinen voor De Huet")
    InitiativeFactory(title="Buurtfeest")

    assert found(client, "speeltuin") == ["Nieuwe speeltuinen voor De Huet"]


def test_title_matches(client):
    InitiativeFactory(title="Natuurspeelplaats Gaanderen")
    InitiativeFactory(title="Repair café")

    assert found(client, "natuurspeelplaats") == ["Natuurspeelplaats Gaanderen"]


def test_summary_matches(client):
    InitiativeFactory(title="Met samenvatting", summary="Wij planten fruitbomen langs de dijk.")
    InitiativeFactory(title="Zonder")

    assert found(client, "fruitbomen") == ["Met samenvatting"]


def test_story_matches(client):
    InitiativeFactory(title="Met verhaal", story="Het begon met een **moestuin** achter het dorpshuis.")
    InitiativeFactory(title="Zonder")

    assert found(client, "moestuin") == ["Met verhaal"]


def test_log_entry_text_matches_after_reindex(client):
    initiative = InitiativeFactory(title="Met logboek")
    InitiativeFactory(title="Zonder")
    LogEntryFactory(initiative=initiative, kind=LogKind.DILEMMA, text="De vergunning voor het zonnepaneel.")
    initiative_reindex(initiative=initiative)

    assert found(client, "zonnepaneel") == ["Met logboek"]


def test_log_entry_title_matches_after_reindex(client):
    initiative = InitiativeFactory(title="Met logboek")
    LogEntryFactory(initiative=initiative, title="Eerste snoeiochtend")
    initiative_reindex(initiative=initiative)

    assert found(client, "snoeiochtend") == ["Met logboek"]


def test_theme_name_matches_after_reindex(client):
    initiative = InitiativeFactory(title="Met thema")
    InitiativeFactory(title="Zonder")
    initiative.tags.add("biodiversiteit")
    initiative_reindex(initiative=initiative)

    assert found(client, "biodiversiteit") == ["Met thema"]


def test_every_word_must_match(client):
    InitiativeFactory(title="Moestuin in Wehl")
    InitiativeFactory(title="Moestuin in Gaanderen")

    assert found(client, "moestuin wehl") == ["Moestuin in Wehl"]


def test_search_is_case_insensitive(client):
    InitiativeFactory(title="Repair Café Noord")

    assert found(client, "REPAIR") == ["Repair Café Noord"]


def test_search_finds_nothing_for_an_unknown_word(client):
    InitiativeFactory(title="Moestuin")

    response = client.get(INDEX, {"zoek": "xylofoonorkest"})

    assert response.status_code == 200
    assert response.context["page_obj"].paginator.count == 0
    assert "loket-empty" in response.content.decode()


@pytest.mark.parametrize("state", ["draft", "submitted", "rejected", "hidden"])
def test_unpublished_initiative_is_never_found(client, state):
    InitiativeFactory(title="Geheime moestuin", **{state: True})
    InitiativeFactory(title="Openbare moestuin")

    assert found(client, "moestuin") == ["Openbare moestuin"]


def test_search_combines_with_filters(client):
    InitiativeFactory(title="Moestuin idee", stage=Stage.IDEA)
    InitiativeFactory(title="Moestuin loopt", stage=Stage.RUNNING)
    InitiativeFactory(title="Buurtfeest idee", stage=Stage.IDEA)

    assert found(client, "moestuin", fase=Stage.IDEA) == ["Moestuin idee"]


def test_search_text_is_shown_as_an_active_filter_and_kept_in_the_box(client):
    InitiativeFactory(title="Moestuin")

    response = client.get(INDEX, {"zoek": "  moestuin   wehl "})

    assert response.context["form"].cleaned_data["zoek"] == "moestuin wehl"
    assert [f["value"] for f in response.context["active_filters"]] == ["moestuin wehl"]
    assert 'value="  moestuin   wehl "' in response.content.decode()


# --- Order of the results -----------------------------------------------------------------------------


def test_order_of_results_by_database(client):
    """PostgreSQL ranks a title match above a story match, even when the story match is newer; SQLite has
    no ranking and shows the newest first."""
    InitiativeFactory(
        title="Natuurspeelplaats bij school", story="Een plek om te spelen.", published_at=days_ago(30)
    )
    InitiativeFactory(
        title="Buurtfeest", story="Daarna bouwen we een natuurspeelplaats.", published_at=days_ago(1)
    )

    results = found(client, "natuurspeelplaats")

    if connection.vendor == POSTGRESQL:
        assert results == ["Natuurspeelplaats bij school", "Buurtfeest"]
    else:
        assert results == ["Buurtfeest", "Natuurspeelplaats bij school"]


def test_chosen_order_wins_over_best_match(client):
    InitiativeFactory(title="Natuurspeelplaats bij school", published_at=days_ago(30))
    InitiativeFactory(title="Buurtfeest", story="Ook een natuurspeelplaats.", published_at=days_ago(1))

    assert found(client, "natuurspeelplaats", sorteer="nieuw") == [
        "Buurtfeest",
        "Natuurspeelplaats bij school",
    ]


def test_sort_options_by_database_while_searching(client):
    """On PostgreSQL "best match" is the default order while searching and "newest first" a choice of its
    own; on SQLite no choice means newest first."""
    InitiativeFactory(title="Moestuin")

    form = client.get(INDEX, {"zoek": "moestuin"}).context["form"]
    values = [value for value, _label in form.fields["sorteer"].widget.choices]

    if connection.vendor == POSTGRESQL:
        assert values == ["", "nieuw", "steun", "actief"]
    else:
        assert values == ["", "steun", "actief"]


# --- The index behind it ------------------------------------------------------------------------------


def test_search_index_by_database():
    """PostgreSQL: the GIN index on the search vector exists. SQLite: no such index, and the query works."""
    InitiativeFactory(title="Speeltuinen")

    if connection.vendor == POSTGRESQL:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT indexdef FROM pg_indexes WHERE tablename = %s AND indexname = %s",
                ["initiatives_initiative", "initiative_search_vector_gin"],
            )
            [(definition,)] = cursor.fetchall()
        assert "gin" in definition.lower()
        assert "search_vector" in definition
        assert Initiative.objects.filter(search_vector__isnull=False).count() == 1
    else:
        assert Initiative.objects.published().search("speeltuin").count() == 1
        assert Initiative.objects.get().search_vector is None


# --- Hostile input never breaks the page --------------------------------------------------------------

HOSTILE_SEARCHES = [
    '"',
    "'",
    "\"moestuin' OR 1=1 --",
    "&|!:*()",
    "moestuin & | ! : * ( )",
    "!!!",
    "-",
    "- -moestuin",
    "or",
    '"" ""',
    "(((",
    "<script>alert('x')</script>",
    "%",
    "_",
    "\\",
    "moe%tuin",
    "🌳🌻",
    "Schöneveld café naïef",
    "ﬁets",  # a ligature
    "\u202emoestuin",  # right-to-left override
    "de het een",  # only stop words
    " ",
    "a" * SEARCH_MAX_LENGTH,
    "woord " * 33,
    "$$ SELECT pg_sleep(1) $$",
    "{{ request }}",
]


@pytest.mark.parametrize("text", HOSTILE_SEARCHES)
def test_hostile_search_text_never_breaks_the_page(client, text):
    InitiativeFactory(title="Moestuin <b>vet</b>")

    response = client.get(INDEX, {"zoek": text})

    assert response.status_code == 200
    assert response.context["page_obj"] is not None
    assert "<script>alert" not in response.content.decode()


@pytest.mark.parametrize("text", HOSTILE_SEARCHES)
def test_hostile_search_text_with_filters_and_sorting_never_breaks_the_page(client, text):
    InitiativeFactory(title="Moestuin")

    for sort in ["", "nieuw", "steun", "actief"]:
        assert client.get(INDEX, {"zoek": text, "sorteer": sort, "fase": Stage.RUNNING}).status_code == 200


@pytest.mark.parametrize("length", [SEARCH_MAX_LENGTH + 1, 10_000])
def test_too_long_search_text_gives_a_form_error_and_no_list(client, length):
    InitiativeFactory(title="Moestuin")

    response = client.get(INDEX, {"zoek": "a" * length})

    assert response.status_code == 200
    assert "zoek" in response.context["form"].errors
    assert response.context["page_obj"] is None
    content = response.content.decode()
    assert 'aria-invalid="true"' in content
    assert 'id="id_zoek_error"' in content


def test_null_character_in_search_text_gives_a_form_error(client):
    response = client.get(INDEX, {"zoek": "moes\x00tuin"})

    assert response.status_code == 200
    assert "zoek" in response.context["form"].errors


def test_too_long_search_text_with_an_unknown_filter_is_404(client):
    assert client.get(INDEX, {"zoek": "a" * 10_000, "fase": "bedacht"}).status_code == 404


def test_search_keeps_pagination_parameters(client):
    InitiativeFactory.create_batch(13, title="Moestuin")

    content = client.get(INDEX, {"zoek": "moestuin"}).content.decode()

    assert 'href="?zoek=moestuin&amp;pagina=2"' in content


# --- At city scale: a bounded count and a bounded window ---------------------------------------------


@pytest.fixture
def counted_up_to_3(monkeypatch):
    """A search counts (and ranks) its matches up to a bound, 1,000 on the site; 3 here."""
    monkeypatch.setattr("core.search.MATCHES_COUNTED", 3)


def test_more_matches_than_the_bound_show_as_more_than_it(client, counted_up_to_3):
    InitiativeFactory.create_batch(6, title="Buurtbarbecue")

    response = client.get(INDEX, {"zoek": "buurtbarbecue"})

    assert response.context["page_obj"].paginator.count == 4, "counted up to one past the bound"
    assert response.context["more_than_counted"]
    assert "Meer dan 1.000 initiatieven" in response.content.decode()


def test_as_many_matches_as_the_bound_are_counted_exactly(client, counted_up_to_3):
    InitiativeFactory.create_batch(3, title="Buurtbarbecue")

    response = client.get(INDEX, {"zoek": "buurtbarbecue"})

    assert response.context["page_obj"].paginator.count == 3
    assert not response.context["more_than_counted"]
    assert "3 initiatieven" in response.content.decode()


def test_without_search_text_a_long_list_is_counted_exactly(client, counted_up_to_3):
    InitiativeFactory.create_batch(6)

    response = client.get(INDEX)

    assert response.context["page_obj"].paginator.count == 6
    assert not response.context["more_than_counted"]


def test_best_match_first_ranks_the_newest_matches_within_the_bound(client, counted_up_to_3):
    """On PostgreSQL the best of the newest 4 matches (the bound and one) come first: a title match older
    than those is not ranked. On SQLite the newest come first."""
    InitiativeFactory(title="Natuurspeelplaats", published_at=days_ago(30))
    for day in range(1, 5):
        InitiativeFactory(
            title=f"Buurtfeest {day}", story="Een natuurspeelplaats.", published_at=days_ago(day)
        )
    InitiativeFactory(title="Natuurspeelplaats aan de beek", published_at=days_ago(5))

    results = found(client, "natuurspeelplaats")

    if connection.vendor == POSTGRESQL:
        assert results == ["Buurtfeest 1", "Buurtfeest 2", "Buurtfeest 3", "Buurtfeest 4"]
    else:
        assert results[:4] == ["Buurtfeest 1", "Buurtfeest 2", "Buurtfeest 3", "Buurtfeest 4"]


def test_best_match_first_ranks_within_the_window(client, counted_up_to_3):
    InitiativeFactory(title="Buurtfeest", story="Een natuurspeelplaats.", published_at=days_ago(1))
    InitiativeFactory(title="Natuurspeelplaats bij school", published_at=days_ago(2))

    results = found(client, "natuurspeelplaats")

    if connection.vendor == POSTGRESQL:
        assert results == ["Natuurspeelplaats bij school", "Buurtfeest"]
    else:
        assert results == ["Buurtfeest", "Natuurspeelplaats bij school"]
