"""Each figure runs a fixed number of aggregate queries: the page and the CSV cost the same with a little
data and with a lot."""

import pytest
from django.core.cache import cache

from dashboard.figures import compute_all
from tests.dashboard.helpers import CSV, INDEX, scope_for
from tests.dashboard.world import build

pytestmark = pytest.mark.django_db

# Measured on SQLite and PostgreSQL: 25 for the page and 24 for the CSV (session, user, the council check,
# then each figure's aggregates); one more for "all time" (when the first initiative was registered), and
# one more when a village is chosen (looking it up). The same with 5 or 60 initiatives.
PAGE_QUERIES_AT_MOST = 27
CSV_QUERIES_AT_MOST = 26
PARAMS = [
    {},
    {"periode": "alles"},
    {"gebied": "centrum", "periode": "dit-jaar"},
    {"gebied": "centrum", "periode": "alles"},
]


def costs(client, count_queries) -> dict:
    """The queries of each page counted cold: without the figures cached (dashboard.cache)."""

    def cold(url, params):
        cache.clear()
        return count_queries(lambda: client.get(url, params))

    return {(url, str(params)): cold(url, params) for url in (INDEX, CSV) for params in PARAMS}


def test_page_and_csv_cost_the_same_with_5_or_60_initiatives(council_client, count_queries):
    build(5)
    little = costs(council_client, count_queries)

    build(55)
    a_lot = costs(council_client, count_queries)

    assert a_lot == little
    for (url, _params), count in a_lot.items():
        assert count <= (PAGE_QUERIES_AT_MOST if url == INDEX else CSV_QUERIES_AT_MOST)


def test_the_world_really_grew(council_client):
    """The comparison above means something only if 60 initiatives show up in the figures."""
    build(60)

    results = {item.key: result for item, result in compute_all(scope_for({"periode": "alles"}))}
    assert sum(results["initiatives_by_stage"].series[0].values) == 60
    assert results["samenwerkingslab"].numbers[0][1] == 60
