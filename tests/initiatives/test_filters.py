"""One FilterSet for the list of initiatives, made for the page (`offer_options=True`) or for the API: the
same values, but the page accepts only what its form offers (core/filters.py). The pages and the API
themselves are tested in test_browse_filters.py, test_browse_log.py and tests/opendata/."""

import pytest
from django.http import QueryDict

from core.filters import SEARCH_MAX_LENGTH
from initiatives.choices import LogKind, ObstacleCategory, Stage
from initiatives.filters import InitiativeFilter, LogEntryFilter
from initiatives.models import Initiative, LogEntry
from tests.initiatives.factories import InitiativeFactory

pytestmark = pytest.mark.django_db


def made(query, *, for_page, filterset=InitiativeFilter, model=Initiative):
    return filterset(QueryDict(query), model.objects.published(), offer_options=for_page)


@pytest.mark.parametrize("query", ["gebied=atlantis", "begrip=bestaat-niet", "thema=geheim-plan"])
def test_a_well_formed_slug_nothing_has_is_unknown_to_the_page_and_nothing_for_the_api(query):
    InitiativeFactory(tags=["groen"])
    InitiativeFactory(draft=True, tags=["geheim-plan"])

    for_api, for_page = made(query, for_page=False), made(query, for_page=True)

    assert for_api.is_valid()
    assert list(for_api.qs) == []
    assert not for_page.is_valid()
    assert for_page.has_unknown_filter


@pytest.mark.parametrize("query", ["gebied=wehl!", "fase=bedacht", "rol=dictate", "sorteer=willekeurig"])
def test_a_malformed_slug_or_unknown_choice_is_wrong_for_both(query):
    assert not made(query, for_page=False).is_valid()
    assert made(query, for_page=True).has_unknown_filter


def test_a_too_long_search_text_is_wrong_for_both_but_not_an_unknown_page():
    query = f"zoek={'a' * (SEARCH_MAX_LENGTH + 1)}"

    assert not made(query, for_page=False).is_valid()
    for_page = made(query, for_page=True)
    assert not for_page.is_valid()
    assert not for_page.has_unknown_filter


def test_search_text_is_measured_as_typed_and_then_its_spaces_made_one():
    assert made(f"zoek=a{' ' * SEARCH_MAX_LENGTH}b", for_page=True).errors["zoek"]

    filterset = made("zoek=  moestuin   wehl ", for_page=True)
    assert filterset.is_valid()
    assert filterset.form.cleaned_data["zoek"] == "moestuin wehl"


def test_the_api_spends_no_query_on_options(django_assert_num_queries):
    with django_assert_num_queries(0):
        filterset = made("gebied=wehl&begrip=draagvlak&thema=groen&zoek=speeltuin", for_page=False)
        assert filterset.is_valid()
        assert "slug" in str(filterset.qs.query)  # built, not run


def test_the_page_reads_each_list_of_options_once(django_assert_num_queries):
    with django_assert_num_queries(3):  # villages, concepts, themes
        filterset = made("gebied=wehl&begrip=draagvlak", for_page=True)
        assert filterset.is_valid()
        filterset.active_filters()


def test_active_filters_show_the_labels_of_the_options_and_not_the_order():
    filterset = made(f"fase={Stage.IDEA}&gebied=wehl&sorteer=steun&zoek=moestuin", for_page=True)

    assert filterset.is_valid()
    assert [(name, str(shown)) for name, _label, shown in filterset.active_filters()] == [
        ("zoek", "moestuin"),
        ("gebied", "Wehl"),
        ("fase", str(Stage.IDEA.label)),
    ]


@pytest.mark.parametrize(
    ("query", "page_accepts"),
    [
        (f"categorie={ObstacleCategory.MONEY}", True),
        (f"soort={LogKind.OBSTACLE}&categorie={ObstacleCategory.MONEY}", True),
        (f"soort={LogKind.DILEMMA}&categorie={ObstacleCategory.MONEY}", False),
    ],
)
def test_the_log_page_offers_kinds_of_obstacle_only_with_obstacles(query, page_accepts):
    for_api = made(query, for_page=False, filterset=LogEntryFilter, model=LogEntry)
    for_page = made(query, for_page=True, filterset=LogEntryFilter, model=LogEntry)

    assert for_api.is_valid()
    assert for_page.is_valid() is page_accepts
    if page_accepts:
        assert for_page.kind == LogKind.OBSTACLE
