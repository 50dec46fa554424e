"""The period and the place: this year, the last 12 months (the default), all time, or dates of one's own
(the second included). A wrong choice gives a form error on the page and the default figures, never a 500."""

import datetime

import pytest

from dashboard.periods import Scope, ScopeForm
from places.models import Area
from tests.dashboard.helpers import AMSTERDAM, CSV, DEFAULT_START, INDEX, local, numbers
from tests.html import by_id, elements, links, parse
from tests.initiatives.factories import InitiativeFactory
from tests.initiatives.log_help_helpers import HOSTILE_STRINGS
from tests.streams import body

pytestmark = pytest.mark.django_db

TOMORROW = datetime.datetime(2025, 6, 16, tzinfo=AMSTERDAM)
DEFAULT = Scope(start=DEFAULT_START, end=TOMORROW, area=None)


def midnight(year, month, day):
    return datetime.datetime(year, month, day, tzinfo=AMSTERDAM)


# --- The scope each choice gives ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "start", "end"),
    [
        ({}, DEFAULT_START, TOMORROW),
        ({"periode": "12-maanden"}, DEFAULT_START, TOMORROW),
        ({"periode": "dit-jaar"}, midnight(2025, 1, 1), TOMORROW),
        ({"periode": "alles"}, None, TOMORROW),
        (
            {"periode": "eigen", "van": "2025-02-01", "tot": "2025-02-28"},
            midnight(2025, 2, 1),
            midnight(2025, 3, 1),
        ),
        (
            {"periode": "eigen", "van": "2025-03-01", "tot": "2025-03-01"},
            midnight(2025, 3, 1),
            midnight(2025, 3, 2),
        ),
        # dates without the custom period are not used
        ({"periode": "dit-jaar", "van": "2020-01-01", "tot": "2020-12-31"}, midnight(2025, 1, 1), TOMORROW),
    ],
    ids=["nothing", "12-maanden", "dit-jaar", "alles", "eigen", "eigen-one-day", "dates-ignored"],
)
def test_each_period_has_its_bounds(params, start, end):
    scope = ScopeForm(params).scope()

    assert scope == Scope(start=start, end=end, area=None)


def test_a_village_narrows_the_scope():
    assert ScopeForm({"gebied": "wehl"}).scope().area == Area.objects.get(slug="wehl")


# --- Which initiatives each period counts (through the page) ------------------------------------------


@pytest.fixture
def published_over_the_years():
    for when in (
        local(2025, 2, 28, 23, 30),
        local(2025, 3, 1, 0, 0),
        local(2024, 9, 10),
        local(2024, 5, 1),
        local(2019, 1, 1),
    ):
        InitiativeFactory(published_at=when)


def published_count(client, params) -> int:
    """The headline "initiatives published" of the page for `params`."""
    response = client.get(INDEX, params)
    assert response.status_code == 200
    _label, value, _unit, key = response.context["headlines"][0]
    assert key == "initiatives_by_origin"
    return value


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, 3),
        ({"periode": "12-maanden"}, 3),
        ({"periode": "dit-jaar"}, 2),
        ({"periode": "alles"}, 5),
        ({"periode": "eigen", "van": "2025-02-01", "tot": "2025-02-28"}, 1),
        ({"periode": "eigen", "van": "2025-03-01", "tot": "2025-03-01"}, 1),
        ({"periode": "eigen", "van": "2024-01-01", "tot": "2024-12-31"}, 2),
        ({"periode": "eigen", "van": "2025-02-28", "tot": "2025-03-01"}, 2),
    ],
)
def test_the_page_counts_what_the_period_holds(council_client, published_over_the_years, params, expected):
    assert published_count(council_client, params) == expected


def test_custom_months_are_the_chosen_ones(council_client):
    response = council_client.get(INDEX, {"periode": "eigen", "van": "2025-02-01", "tot": "2025-04-30"})

    results = {item["figure"].key: item["result"] for item in response.context["figures"]}
    assert len(results["initiatives_over_time"].categories) == 3
    assert len(results["analyses_published"].categories) == 2  # Q1 and Q2


# --- Wrong choices ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"periode": "eigen"}, "__all__"),
        ({"periode": "eigen", "van": "2025-02-01"}, "__all__"),
        ({"periode": "eigen", "tot": "2025-02-01"}, "__all__"),
        ({"periode": "eigen", "van": "2025-03-01", "tot": "2025-02-01"}, "__all__"),
        ({"periode": "eigen", "van": "gisteren", "tot": "2025-02-01"}, "van"),
        ({"periode": "vorige-eeuw"}, "periode"),
        ({"gebied": "atlantis"}, "gebied"),
        ({"gebied": "wehl", "periode": "eigen"}, "__all__"),
    ],
)
def test_a_wrong_choice_is_a_form_error_and_the_default_figures(
    council_client, published_over_the_years, params, field
):
    response = council_client.get(INDEX, params)

    assert response.status_code == 200
    form = response.context["form"]
    assert field in form.errors
    assert response.context["scope"] == DEFAULT
    assert published_count(council_client, params) == published_count(council_client, {})
    [summary] = elements(parse(response), cls="loket-error-summary")
    assert summary.get("role") == "alert"


def test_the_form_keeps_a_valid_choice_without_errors(council_client):
    response = council_client.get(INDEX, {"periode": "eigen", "van": "2025-02-01", "tot": "2025-02-01"})

    assert not response.context["form"].errors
    assert elements(parse(response), cls="loket-error-summary") == []


def test_the_csv_of_a_wrong_choice_has_the_default_numbers(council_client, published_over_the_years):
    wrong = council_client.get(CSV, {"periode": "eigen", "van": "2025-03-01", "tot": "2025-02-01"})
    default = council_client.get(CSV)

    assert wrong.status_code == 200
    assert body(wrong) == body(default)


@pytest.mark.parametrize("parameter", ["periode", "van", "tot", "gebied"])
@pytest.mark.parametrize("url", [INDEX, CSV], ids=["page", "csv"])
def test_hostile_input_in_any_parameter_is_never_a_server_error(council_client, url, parameter):
    InitiativeFactory()
    for hostile in HOSTILE_STRINGS:
        params = {"periode": "eigen", "van": "2025-01-01", "tot": "2025-02-01", parameter: hostile}

        response = council_client.get(url, params)

        assert response.status_code == 200, repr(hostile[:40])
        assert b"<script>alert(1)" not in body(response)


@pytest.mark.parametrize(
    ("van", "tot"),
    [("0001-01-01", "2025-01-01"), ("2025-01-01", "9999-12-31"), ("0001-01-01", "9999-12-31")],
)
@pytest.mark.parametrize("url", [INDEX, CSV], ids=["page", "csv"])
def test_dates_at_the_ends_of_the_calendar_are_never_a_server_error(council_client, url, van, tot):
    InitiativeFactory()

    response = council_client.get(url, {"periode": "eigen", "van": van, "tot": tot})

    assert response.status_code == 200


@pytest.mark.parametrize(
    ("van", "tot", "field"),
    [("1999-12-31", "2025-01-01", "van"), ("2025-01-01", "2027-01-01", "tot")],
)
def test_a_date_out_of_reach_is_a_dutch_form_error_that_keeps_what_was_typed(council_client, van, tot, field):
    response = council_client.get(INDEX, {"periode": "eigen", "van": van, "tot": tot})

    assert response.context["form"].errors[field] == [
        "Kies een datum van 1 januari 2000 tot en met 31 december 2026."
    ]
    assert response.context["scope"] == DEFAULT
    page = parse(response)
    [typed_van] = elements(page, "input", name="van")
    [typed_tot] = elements(page, "input", name="tot")
    assert typed_van["value"] == van
    assert typed_tot["value"] == tot


def test_the_last_days_within_reach_are_accepted(council_client):
    response = council_client.get(INDEX, {"periode": "eigen", "van": "2000-01-01", "tot": "2026-12-31"})

    assert not response.context["form"].errors
    assert response.context["scope"].last_day == datetime.date(2026, 12, 31)


def test_the_headline_numbers_match_their_figures(council_client, published_over_the_years):
    response = council_client.get(INDEX)

    results = {item["figure"].key: item["result"] for item in response.context["figures"]}
    headlines = {key: value for _label, value, _unit, key in response.context["headlines"][:2]}
    assert headlines["initiatives_by_origin"] == sum(results["initiatives_by_origin"].series[0].values)
    assert headlines["support"] == numbers(results["support"])[0]
    page = parse(response)
    [block] = elements(page, cls="loket-headlines")
    targets = set(links(block))
    assert targets == {f"#figure-{key}" for _label, _value, _unit, key in response.context["headlines"]}
    for target in targets:
        assert by_id(page, target[1:]) is not None
