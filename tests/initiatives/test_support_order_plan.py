"""The list's "most supported" order reads the index that matches it (`initiative_most_supported_idx`),
not every published initiative with a count of its supports. The plan is PostgreSQL's: on SQLite there
is nothing to ask (CI runs the suite on PostgreSQL too)."""

import datetime
import random

import pytest
from django.db import connection
from django.utils import timezone

from initiatives.choices import PublicationState
from initiatives.filters import InitiativeFilter
from initiatives.models import Initiative
from places.models import Area

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="EXPLAIN plans are PostgreSQL's; CI runs it there"
    ),
]


def test_the_most_supported_page_reads_the_index_that_matches_its_order():
    rng, now = random.Random(16), timezone.now()
    areas = list(Area.objects.all())
    Initiative.objects.bulk_create(
        Initiative(
            title=f"Initiatief {number}",
            slug=f"initiatief-{number}",
            summary="Samen de buurt mooier maken.",
            story="Een verhaal.",
            area=rng.choice(areas),
            publication_state=PublicationState.PUBLISHED if number % 10 else PublicationState.DRAFT,
            published_at=now - datetime.timedelta(hours=number) if number % 10 else None,
            support_count=rng.randrange(200),
        )
        for number in range(4000)
    )
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {Initiative._meta.db_table}")
    listing = Initiative.objects.published().for_cards()
    page = InitiativeFilter({"sorteer": "steun"}, listing, offer_options=True).qs[:12]

    plan = page.explain()

    assert "initiative_most_supported_idx" in plan, plan
    assert f"Seq Scan on {Initiative._meta.db_table}" not in plan, plan
    assert [i.support_count for i in page] == sorted((i.support_count for i in page), reverse=True)
