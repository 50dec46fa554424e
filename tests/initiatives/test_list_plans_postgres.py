"""The list of initiatives reads a page of 12 from an index in the order asked for, and a search ranks a
bounded window of matches, not every published initiative (issue 16): the plans of the queries the page
runs on initiatives, with nothing cached yet, on a few thousand initiatives after ANALYZE. PostgreSQL
only: its planner is the one that matters at city scale, and CI runs the suite on it.

(The counts are cached until the next write, initiatives/listing.py. At scale they read an index only,
which needs the visibility map that VACUUM keeps; a test runs in a transaction, where VACUUM cannot, so
here the planner may rightly count a young table by reading it.)"""

import datetime
import random

import pytest
from django.contrib.postgres.search import SearchVector
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.search import MATCHES_COUNTED
from initiatives.choices import GovernmentRole, Origin, ParticipationStep, PublicationState, Stage
from initiatives.models import Initiative
from places.models import Area
from tests.initiatives.browse_helpers import INDEX

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="query plans of PostgreSQL"),
]

INITIATIVES = 4000
TABLE = Initiative._meta.db_table
STATES = [PublicationState.PUBLISHED] * 9 + [PublicationState.DRAFT]
WORDS = ["moestuin", "buurtfeest", "bankje", "zonnepanelen", "repaircafé", "speeltuin", "bloemenweide"]


@pytest.fixture
def many_initiatives():
    rng, now = random.Random(16), timezone.now()
    areas = list(Area.objects.filter(is_active=True))
    rows = []
    for number in range(INITIATIVES):
        state = rng.choice(STATES)
        origin = rng.choice(Origin.values)
        rows.append(
            Initiative(
                title=f"Initiatief {number}: {rng.choice(WORDS)}",
                slug=f"initiatief-{number}",
                summary="Samen de buurt mooier maken.",
                story="Een verhaal over de straat. " * rng.randrange(1, 40),
                area=rng.choice(areas),
                stage=rng.choice(Stage.values),
                origin=origin,
                government_role=rng.choice(GovernmentRole.values) if origin == Origin.SOCIETY else "",
                participation_step=rng.choice(ParticipationStep.values)
                if origin == Origin.MUNICIPALITY
                else "",
                publication_state=state,
                published_at=now - datetime.timedelta(hours=number)
                if state == PublicationState.PUBLISHED
                else None,
                last_activity_at=now - datetime.timedelta(minutes=rng.randrange(10**6)),
                support_count=rng.randrange(200),
            )
        )
    Initiative.objects.bulk_create(rows, batch_size=1000)
    # The vectors as the app fills them (core.search): the title weighs most.
    Initiative.objects.update(
        search_vector=SearchVector("title", config="dutch", weight="A")
        + SearchVector("story", config="dutch", weight="C")
    )
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {TABLE}")


def initiative_plans(client, params):
    """(SQL, plan) of each query on initiatives that the list runs for `params`, nothing cached yet: the
    options, the count, the page (the last)."""
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(INDEX, params)
    assert response.status_code == 200
    assert len(response.context["page_obj"].object_list) == 12
    plans = []
    with connection.cursor() as cursor:
        for query in captured.captured_queries:
            if f'"{TABLE}"' in query["sql"]:
                cursor.execute("EXPLAIN " + query["sql"])
                plans.append((query["sql"], "\n".join(row[0] for row in cursor.fetchall())))
    assert plans, "the list ran no query on initiatives"
    return plans


def assert_no_seq_scan(plan):
    assert f"Seq Scan on {TABLE}" not in plan, plan


# Each case: the filters, and the index the page of 12 must be read from ("initiative_": one of the list's,
# the planner's choice between the order and the filter).
@pytest.mark.parametrize(
    ("params", "index"),
    [
        ({}, "initiative_newest_idx"),
        ({"pagina": 5}, "initiative_newest_idx"),
        ({"sorteer": "steun"}, "initiative_most_supported_idx"),
        ({"sorteer": "actief"}, "initiative_active_idx"),
        ({"gebied": "wehl"}, "initiative_"),
        ({"gebied": "wehl", "sorteer": "steun"}, "initiative_"),
        ({"fase": Stage.IDEA}, "initiative_"),
        ({"herkomst": Origin.MUNICIPALITY}, "initiative_newest_idx"),
        ({"rol": GovernmentRole.FACILITATE}, "initiative_newest_idx"),
    ],
    ids=[
        "newest",
        "page 5",
        "most supported",
        "recently active",
        "one village",
        "one village, most supported",
        "one stage",
        "one origin",
        "one role",
    ],
)
def test_the_list_reads_its_page_and_count_from_indexes(client, many_initiatives, params, index):
    plans = initiative_plans(client, params)

    _sql, page = plans[-1]
    assert index in page, page
    assert_no_seq_scan(page)
    if index != "initiative_":  # a whole order: read in it, nothing sorted
        assert "Sort" not in page, page
    assert len([sql for sql, _plan in plans if "COUNT(" in sql]) == 1


def test_a_search_ranks_a_bounded_window_of_the_newest_matches_and_counts_it(client, many_initiatives):
    plans = initiative_plans(client, {"zoek": "speeltuin"})

    (ranked_sql, ranked), (_sql, page) = plans[-2:]
    assert_no_seq_scan(ranked)
    assert_no_seq_scan(page)
    assert f"LIMIT {MATCHES_COUNTED + 1}" in ranked_sql, ranked_sql
    assert "ts_rank" in ranked_sql, "the window is ranked"
    assert "initiatives_initiative_pkey" in page, "the page is read by its keys"
    assert not [sql for sql, _plan in plans if "COUNT(" in sql], "the window is the count"


def test_a_search_in_another_order_counts_up_to_the_bound(client, many_initiatives):
    plans = initiative_plans(client, {"zoek": "speeltuin", "sorteer": "steun"})

    (count_sql, _count), (page_sql, page) = plans[-2:]
    assert_no_seq_scan(page)
    assert "COUNT(" in count_sql, count_sql
    assert f"LIMIT {MATCHES_COUNTED + 1}" in count_sql, count_sql
    assert "ts_rank" not in page_sql, "no rank is worked out for an order that does not use it"
