"""The counts on the log pages live in the cache (initiatives/log_counts.py): every kind of write that changes
them makes the next page count anew, so a page never shows counts from before a write."""

import pytest
from django.urls import reverse

from initiatives.choices import LogKind, ObstacleCategory
from initiatives.services.authoring import initiative_delete
from initiatives.services.log_entries import log_entry_create, log_entry_delete, log_entry_update
from initiatives.services.publication import initiative_publish
from moderation.services import item_hide, item_restore
from tests.accounts.factories import staff_in_role
from tests.initiatives.factories import InitiativeFactory, LogEntryFactory

pytestmark = pytest.mark.django_db

LOG = reverse("initiatives:log_entry_list")
OBSTACLES = reverse("initiatives:obstacle_list")


def log_counts(client):
    """The total and the count of each kind as the log page shows them."""
    context = client.get(LOG).context
    return context["total"], {row["value"]: row["count"] for row in context["kinds"]}


def obstacle_counts(client):
    context = client.get(OBSTACLES).context
    totals = context["totals"]
    per_category = {row["value"]: (row["entries"], row["initiatives"]) for row in context["categories"]}
    return (totals["entries"], totals["initiatives"]), per_category


def test_counts_are_cached_between_writes(client, count_queries):
    LogEntryFactory.create_batch(2, kind=LogKind.DILEMMA)
    first = count_queries(lambda: client.get(LOG))
    again = count_queries(lambda: client.get(LOG))

    assert again == first - 1, "the second visit counts nothing: the counting query is saved"
    assert log_counts(client)[0] == 2


def moderator():
    return staff_in_role("moderators")


def create(entry):
    log_entry_create(
        initiative=entry.initiative, author=entry.author, kind=LogKind.DILEMMA, title="Nog een", text="Tekst."
    )


def change_kind(entry):
    log_entry_update(log_entry=entry, kind=LogKind.DILEMMA)


def delete(entry):
    log_entry_delete(log_entry=entry)


def hide(entry):
    item_hide(item=entry, by=moderator(), reason="Niet netjes.")


def hide_initiative(entry):
    item_hide(item=entry.initiative, by=moderator(), reason="Niet netjes.")


def delete_initiative(entry):
    initiative_delete(initiative=entry.initiative)


@pytest.mark.parametrize(
    ("write", "total", "dilemmas"),
    [
        (create, 3, 2),
        (change_kind, 2, 2),
        (delete, 1, 1),
        (hide, 1, 1),
        (hide_initiative, 1, 1),
        (delete_initiative, 1, 1),
    ],
    ids=[
        "new entry",
        "kind changed",
        "entry removed",
        "entry hidden",
        "initiative hidden",
        "initiative removed",
    ],
)
def test_each_write_that_changes_the_log_counts_shows_at_once(client, write, total, dilemmas):
    entry = LogEntryFactory(kind=LogKind.UPDATE)
    LogEntryFactory(kind=LogKind.DILEMMA)  # of another initiative
    assert log_counts(client) == (2, {**dict.fromkeys(LogKind.values, 0), "update": 1, "dilemma": 1})

    write(entry)

    shown_total, kinds = log_counts(client)
    assert (shown_total, kinds["dilemma"]) == (total, dilemmas)


def test_an_entry_shown_again_counts_again(client):
    entry = LogEntryFactory(kind=LogKind.DILEMMA)
    hide(entry)
    assert log_counts(client)[0] == 0

    item_restore(item=entry, by=moderator(), reason="Toch netjes.")

    assert log_counts(client)[0] == 1


def test_an_initiative_published_brings_its_entries_into_the_counts(client):
    initiative = InitiativeFactory(submitted=True)
    LogEntryFactory.create_batch(2, initiative=initiative, kind=LogKind.DILEMMA)
    assert log_counts(client)[0] == 0

    initiative_publish(initiative=initiative, by=moderator())

    assert log_counts(client) == (2, {**dict.fromkeys(LogKind.values, 0), "dilemma": 2})


def test_obstacle_counts_follow_a_new_obstacle_and_a_changed_kind_of_obstacle(client):
    entry = LogEntryFactory(kind=LogKind.OBSTACLE, obstacle_category=ObstacleCategory.RULES)
    assert obstacle_counts(client)[0] == (1, 1)

    log_entry_create(
        initiative=entry.initiative,
        author=entry.author,
        kind=LogKind.OBSTACLE,
        obstacle_category=ObstacleCategory.MONEY,
        title="Geen geld",
        text="Tekst.",
    )
    totals, per_category = obstacle_counts(client)
    assert totals == (2, 1), "two obstacles, one initiative"
    assert per_category[ObstacleCategory.MONEY] == (1, 1)

    log_entry_update(log_entry=entry, obstacle_category=ObstacleCategory.MONEY)
    totals, per_category = obstacle_counts(client)
    assert (per_category[ObstacleCategory.MONEY], per_category[ObstacleCategory.RULES]) == ((2, 1), (0, 0))


def test_the_log_pages_by_the_cached_count(client):
    LogEntryFactory.create_batch(21, kind=LogKind.REFLECTION)
    page = client.get(LOG, {"soort": LogKind.REFLECTION}).context["page_obj"]
    assert (page.paginator.count, page.paginator.num_pages) == (21, 2)

    LogEntryFactory(kind=LogKind.REFLECTION)

    second = client.get(LOG, {"soort": LogKind.REFLECTION, "pagina": 2}).context["page_obj"]
    assert len(second.object_list) == 2, "the new entry counts: the last page holds two"
