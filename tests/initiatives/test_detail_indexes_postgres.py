"""An initiative's page and the pages of its lists read the newest log entries, comments and named
supporters of that one initiative from an index in their order, never by scanning or sorting the whole
table (issue 16). PostgreSQL only: its planner is the one that matters at city scale; CI runs it there."""

import datetime
import random

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from initiatives.models import Comment, LogEntry, Support
from tests.initiatives.factories import InitiativeFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="query plans of PostgreSQL"),
]

BUSY, OTHERS, ROWS = 2000, 20, 100  # rows of the busy initiative; 20 others with 100 each


@pytest.fixture
def busy():
    """One initiative with 2,000 log entries, comments and supports (some hidden, half unnamed), beside
    twenty with a hundred each: a page of 20 of the busy one is worth reading from an index in order."""
    rng = random.Random(16)
    initiatives = InitiativeFactory.create_batch(OTHERS + 1)
    users = User.objects.bulk_create(
        User(email=f"steun{n}@example.org", display_name=f"Steun {n}") for n in range(BUSY)
    )
    now, today = timezone.now(), timezone.localdate()
    entries, comments, supports = [], [], []
    for number, initiative in enumerate(initiatives):
        for n, user in enumerate(users if number == 0 else users[:ROWS]):
            hidden = now if rng.random() < 0.05 else None
            entries.append(
                LogEntry(
                    initiative=initiative,
                    title=f"Bericht {n}",
                    text="Wat we leerden.",
                    happened_on=today - datetime.timedelta(days=rng.randrange(900)),
                    hidden_at=hidden,
                )
            )
            comments.append(Comment(initiative=initiative, author=user, body="Mooi!", hidden_at=hidden))
            supports.append(Support(initiative=initiative, user=user, is_named=rng.random() < 0.5))
    LogEntry.objects.bulk_create(entries, batch_size=2000)
    Comment.objects.bulk_create(comments, batch_size=2000)
    Support.objects.bulk_create(supports, batch_size=2000)
    with connection.cursor() as cursor:
        for table in ("logentry", "comment", "support", "initiative"):
            cursor.execute(f"ANALYZE initiatives_{table}")
        cursor.execute("ANALYZE accounts_user")
    return initiatives[0]


def plans_of(client, url, table):
    """The plans of the queries `url` runs that read `table`."""
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    plans = []
    with connection.cursor() as cursor:
        for query in captured.captured_queries:
            if f'FROM "{table}"' in query["sql"]:
                cursor.execute("EXPLAIN " + query["sql"])
                plans.append("\n".join(row[0] for row in cursor.fetchall()))
    assert plans, f"{url} read nothing from {table}"
    return plans


@pytest.mark.parametrize(
    ("table", "index", "list_name"),
    [
        ("initiatives_logentry", "logentry_initiative_newest", "initiative_log_entry_list"),
        ("initiatives_comment", "comment_initiative_newest", "comment_list"),
        ("initiatives_support", "support_named_newest", "supporter_list"),
    ],
    ids=["log", "comments", "supporters"],
)
def test_the_page_and_its_list_pages_read_the_newest_from_the_index(client, busy, table, index, list_name):
    pages = [busy.get_absolute_url()] + [
        reverse(f"initiatives:{list_name}", kwargs={"slug": busy.slug}) + suffix
        for suffix in ("", "?pagina=2")
    ]
    for url in pages:
        plans = plans_of(client, url, table)
        assert any(index in plan and "Sort" not in plan for plan in plans), (url, plans)
        for plan in plans:
            assert f"Seq Scan on {table}" not in plan, (url, plan)
