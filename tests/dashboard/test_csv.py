"""The dashboard's numbers as CSV: a header, then one row per number (figure, title, series, category,
value), the same numbers as the page shows for the same filters."""

import csv
import io

import pytest

from dashboard.figures import FIGURES, compute_all
from places.models import Area
from tests.dashboard.helpers import CSV, INDEX, scope_for
from tests.dashboard.world import build
from tests.html import links, parse
from tests.initiatives.factories import InitiativeFactory, SupportFactory
from tests.streams import text

pytestmark = pytest.mark.django_db

HEADER = ["figure", "title", "series", "category", "value"]
PARAMS = [
    {},
    {"periode": "alles"},
    {"periode": "dit-jaar", "gebied": "centrum"},
    {"periode": "eigen", "van": "2025-01-01", "tot": "2025-03-31"},
]
IDS = ["default", "alles", "dit-jaar-centrum", "eigen"]


def read_csv(client, params=None) -> list[list[str]]:
    response = client.get(CSV, params or {})
    assert response.status_code == 200
    assert response.streaming
    return list(csv.reader(io.StringIO(text(response))))


def as_cell(value) -> str:
    return "" if value is None else str(value)


def expected_rows(results) -> list[list[str]]:
    """Each key number, then each value of each series per category (heat maps: per group)."""
    rows = []
    for item, result in results:
        for label, value, unit in result.numbers:
            rows.append([item.key, str(item.title), str(label), str(unit), as_cell(value)])
        for group, categories, series in result.groups or [("", result.categories, result.series)]:
            for row in series:
                for category, value in zip(categories, row.values, strict=True):
                    rows.append(
                        [
                            item.key,
                            str(item.title),
                            f"{group} {row.name}".strip(),
                            str(category),
                            as_cell(value),
                        ]
                    )
    return rows


@pytest.fixture
def world():
    build(12)


def test_the_csv_starts_with_its_header(council_client):
    assert read_csv(council_client)[0] == HEADER


@pytest.mark.parametrize("params", PARAMS, ids=IDS)
def test_one_row_per_number_the_same_as_computed_for_the_same_scope(council_client, world, params):
    rows = read_csv(council_client, params)

    assert rows[1:] == expected_rows(compute_all(scope_for(params)))


@pytest.mark.parametrize("params", PARAMS, ids=IDS)
def test_every_figure_is_in_the_csv_with_as_many_rows_as_it_has_numbers(council_client, world, params):
    rows = read_csv(council_client, params)[1:]

    for item, result in compute_all(scope_for(params)):
        count = len(result.numbers) + sum(
            len(categories) * len(series)
            for _group, categories, series in (result.groups or [("", result.categories, result.series)])
        )
        assert sum(1 for row in rows if row[0] == item.key) == count, item.key
    assert {row[0] for row in rows} == {item.key for item in FIGURES}
    for row in rows:
        assert len(row) == len(HEADER)
        assert row[4] == "" or float(row[4]) >= 0


@pytest.mark.parametrize("params", PARAMS, ids=IDS)
def test_the_page_and_the_csv_show_the_same_numbers(council_client, world, params):
    page = council_client.get(INDEX, params)

    on_page = [(item["figure"], item["result"]) for item in page.context["figures"]]
    assert read_csv(council_client, params)[1:] == expected_rows(on_page)


def test_the_csv_link_on_the_page_carries_the_filters(council_client):
    params = {"periode": "alles", "gebied": "wehl"}
    page = parse(council_client.get(INDEX, params))

    hrefs = [href for href in links(page) if href.startswith(CSV)]
    assert hrefs == [f"{CSV}?periode=alles&gebied=wehl"]


def test_the_csv_counts_hand_made_data(council_client):
    """Not only equal to the page: right. Two supporters of a published initiative, none of a draft."""
    SupportFactory.create_batch(2, initiative=InitiativeFactory())
    SupportFactory.create_batch(3, initiative=InitiativeFactory(draft=True))

    support = [row for row in read_csv(council_client)[1:] if row[0] == "support"]
    assert [row[4] for row in support[:3]] == ["2", "0", "0"]  # supporters, offers, help requests


def test_names_a_spreadsheet_would_run_are_written_as_text(council_client):
    """An editor may name a village anything: in the council's spreadsheet it stays a name, not a formula."""
    area = Area.objects.get(slug="wehl")
    area.name = '=HYPERLINK("http://evil.example","Wehl")'
    area.save()
    InitiativeFactory(area=area)

    rows = [
        row for row in read_csv(council_client, {"periode": "alles"})[1:] if row[0] == "initiatives_by_area"
    ]

    assert [row[3] for row in rows] == ["'" + area.name]
    assert [row[4] for row in rows] == ["1"]
