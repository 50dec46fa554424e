"""The figures of a scope are counted once and then read from the cache, until a write to what they count
(dashboard.cache): a second look costs no counting, and never shows numbers from before a write."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from dashboard.cache import forget_figures
from tests.dashboard.helpers import CSV, INDEX
from tests.dashboard.world import build
from tests.initiatives.factories import InitiativeFactory, LogEntryFactory, SupportFactory

pytestmark = pytest.mark.django_db


def headline(response, key):
    return {item: value for _label, value, _unit, item in response.context["headlines"]}[key]


@pytest.mark.figures_html_kept
def test_a_second_look_counts_nothing(council_client, count_queries):
    build(3)
    first = count_queries(lambda: council_client.get(INDEX, {"periode": "alles"}))
    again = count_queries(lambda: council_client.get(INDEX, {"periode": "alles"}))
    the_csv = count_queries(lambda: council_client.get(CSV, {"periode": "alles"}))

    assert first > 15
    assert again <= 5  # the session, the person and their roles: no figure
    assert the_csv <= 5


def test_every_kind_of_write_shows_at_once(council_client):
    build(2)
    assert headline(council_client.get(INDEX), "support") == 2

    initiative = InitiativeFactory()
    assert headline(council_client.get(INDEX), "initiatives_by_origin") == 3

    SupportFactory(initiative=initiative)
    assert headline(council_client.get(INDEX), "support") == 3

    LogEntryFactory(initiative=initiative)
    initiative.delete()
    response = council_client.get(INDEX)
    assert headline(response, "initiatives_by_origin") == 2
    assert headline(response, "support") == 2


def test_each_period_and_place_has_its_own_figures(council_client):
    build(4)
    everything = headline(council_client.get(INDEX, {"periode": "alles"}), "initiatives_by_origin")
    june = {"periode": "eigen", "van": "2025-06-01", "tot": "2025-06-14"}
    this_year = headline(council_client.get(INDEX, june), "initiatives_by_origin")
    centrum = headline(
        council_client.get(INDEX, {"periode": "alles", "gebied": "centrum"}), "initiatives_by_origin"
    )

    assert everything == 4
    assert this_year == 2  # published 3 and 10 days before mid-June
    assert centrum < everything


def test_forgetting_makes_a_new_version(council_client, count_queries):
    build(1)
    council_client.get(INDEX)
    forget_figures()

    assert count_queries(lambda: council_client.get(INDEX)) > 15


@pytest.mark.figures_html_kept
def test_while_the_drawn_figures_are_kept_the_figures_are_not_even_read(council_client, monkeypatch):
    build(2)
    first = council_client.get(INDEX)
    read = []
    monkeypatch.setattr("dashboard.views.figures_for", lambda scope: read.append(scope))

    again = council_client.get(INDEX)

    assert again.status_code == 200 and read == []
    assert again.content.count(b"<svg") == first.content.count(b"<svg") > 0


@pytest.mark.figures_html_kept
def test_the_kept_figures_are_the_same_page(council_client):
    build(3)
    first = council_client.get(INDEX, {"periode": "alles"}).content.decode()
    again = council_client.get(INDEX, {"periode": "alles"}).content.decode()

    token = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"')
    assert token.sub("", again) == token.sub("", first)
    assert "<svg" in again and "&lt;svg" not in again


@pytest.mark.figures_html_kept
def test_a_second_look_draws_no_form_and_reads_no_village_or_district(council_client):
    build(2)
    asked = {"periode": "alles", "gebied": "centrum"}
    with CaptureQueriesContext(connection) as once:
        first = council_client.get(INDEX, asked)
    with CaptureQueriesContext(connection) as again:
        second = council_client.get(INDEX, asked)

    def areas_read(queries):
        return [query["sql"] for query in queries if '"places_area"' in query["sql"]]

    # The first look reads the chosen place, the places its figures count and all of them to draw the
    # form; the second only the chosen one (without the kept form it would read them all again).
    assert len(areas_read(again)) == 1 < len(areas_read(once))
    assert "WHERE" in areas_read(again)[0]
    assert (
        second.content.count(b'value="centrum" selected')
        == first.content.count(b'value="centrum" selected')
        == 1
    )


@pytest.mark.figures_html_kept
def test_a_form_with_errors_is_drawn_each_time_with_its_errors(council_client):
    wrong = {"periode": "eigen", "van": "2025-06-14", "tot": "2025-06-01"}
    council_client.get(INDEX, {"periode": "eigen", "van": "2025-06-01", "tot": "2025-06-14"})

    for _ in range(2):
        response = council_client.get(INDEX, wrong)
        assert "De eerste datum moet vóór de tweede liggen." in response.content.decode()
