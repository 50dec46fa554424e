"""The moderators' queue in the management site (/beheer/): everything that waits (submitted initiatives,
reported items, suggested examples, appeals), longest waiting first, and the counts of it on the management
site's front page. Other staff and residents are kept out of the moderation pages; the queue runs a fixed
number of queries."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from knowledgebase.services.suggestions import suggestion_reject
from moderation.models import Appeal, ModerationAction, Report, ReportStatus
from moderation.registry import kind_of
from moderation.services import appeal_create, item_hide
from tests.accounts.factories import staff_in_role
from tests.html import by_id, elements, parse, text_of
from tests.initiatives.factories import CommentFactory, InitiativeFactory, LogEntryFactory

from .factories import (
    AUDIT_LOG,
    KINDS,
    QUEUE,
    ReportFactory,
    SuggestedExampleFactory,
    account_page,
    is_hidden,
    item_page,
    public_item,
)

pytestmark = pytest.mark.django_db


def section(response, key):
    """A section of the moderation queue page ("submissions", "reported", "suggestions", "appeals")."""
    return next(section for section in response.context["sections"] if section.key == key)


def listed(response, key):
    return [row.item for row in section(response, key).rows]


def ago(hours):
    return timezone.now() - datetime.timedelta(hours=hours)


def reported(item, count, *, first_hours_ago):
    """`count` open reports about `item`, the first one `first_hours_ago` old."""
    reports = ReportFactory.create_batch(count, item=item)
    Report.objects.filter(pk=reports[0].pk).update(created_at=ago(first_hours_ago))
    return reports


# --- The queue -------------------------------------------------------------------------------------------


def test_the_queue_lists_submitted_initiatives_oldest_submission_first(moderator_client):
    newer = InitiativeFactory(submitted=True, submitted_at=ago(1))
    older = InitiativeFactory(submitted=True, submitted_at=ago(30))
    InitiativeFactory(draft=True)
    InitiativeFactory()

    response = moderator_client.get(QUEUE)

    assert response.status_code == 200
    assert listed(response, "submissions") == [older, newer]


def test_the_queue_lists_reported_items_with_their_counts_longest_waiting_first(moderator_client):
    comment = CommentFactory(body="Gemelde reactie")
    entry = LogEntryFactory(title="Gemeld logboekbericht")
    initiative = InitiativeFactory(title="Gemeld initiatief")
    example = SuggestedExampleFactory(title="Gemeld voorbeeld")
    reported(comment, 3, first_hours_ago=2)
    reported(entry, 1, first_hours_ago=50)
    reported(initiative, 2, first_hours_ago=10)
    reported(example, 1, first_hours_ago=5)
    ReportFactory(item=CommentFactory(), status=ReportStatus.DISMISSED, closed_at=timezone.now())

    response = moderator_client.get(QUEUE)

    rows = [(kind_of(row.item).slug, row.item, row.cells[1]) for row in section(response, "reported").rows]
    assert rows == [
        ("logboek", entry, 1),
        ("initiatief", initiative, 2),
        ("voorbeeld", example, 1),
        ("reactie", comment, 3),
    ]
    page = response.content.decode()
    for item in (comment, entry, initiative, example):
        assert item_page(item) in page


def test_the_queue_lists_suggested_examples_waiting_oldest_first(moderator, moderator_client):
    newer = SuggestedExampleFactory(draft=True)
    older = SuggestedExampleFactory(draft=True)
    type(older).objects.filter(pk=older.pk).update(created_at=ago(48))
    rejected = SuggestedExampleFactory(draft=True)
    suggestion_reject(article=rejected, by=moderator, reason="Geen voorbeeld.")
    SuggestedExampleFactory()  # published already

    response = moderator_client.get(QUEUE)

    assert listed(response, "suggestions") == [older, newer]
    assert item_page(older) in response.content.decode()


def test_the_queue_lists_open_appeals_oldest_first(moderator, second_moderator, moderator_client):
    appeals = []
    for hours in (3, 20):
        comment = CommentFactory()
        action = item_hide(item=comment, by=moderator, reason="Niet netjes.")
        appeal = appeal_create(action=action, by=comment.author, message="Kijk nog eens.")
        Appeal.objects.filter(pk=appeal.pk).update(created_at=ago(hours))
        appeals.append(appeal)

    response = moderator_client.get(QUEUE)

    assert listed(response, "appeals") == [appeals[1], appeals[0]]
    assert section(response, "appeals").rows[0].url == item_page(appeals[1].item)


def test_the_queue_shows_the_apps_review_queues_and_its_own_sections_in_one_order(moderator_client):
    """Submitted initiatives (registered by initiatives), reports, suggested examples (registered by the
    knowledge base), appeals: each section once, with its heading, also when nothing waits."""
    page = moderator_client.get(QUEUE)

    assert [section.key for section in page.context["sections"]] == [
        "submissions",
        "reported",
        "suggestions",
        "appeals",
    ]
    headings = [text_of(heading) for heading in elements(parse(page), "h2")]
    assert headings == [
        "Ingediende initiatieven (0)",
        "Gemeld (0)",
        "Voorgestelde voorbeelden (0)",
        "Bezwaren (0)",
    ]


def waiting_numbers(response):
    """The numbers in the block of what waits, on the management site's front page; None without it."""
    block = by_id(parse(response), "moderation-waiting")
    return None if block is None else [int(text_of(cell)) for cell in elements(block, "td")]


def test_the_front_page_of_the_management_site_counts_what_waits_for_moderators(moderator, moderator_client):
    InitiativeFactory(submitted=True)
    comment = CommentFactory()
    ReportFactory.create_batch(2, item=comment)
    ReportFactory(item=LogEntryFactory())
    SuggestedExampleFactory(draft=True)
    hidden = CommentFactory()
    action = item_hide(item=hidden, by=moderator, reason="Weg.")
    appeal_create(action=action, by=hidden.author, message="Waarom?")

    response = moderator_client.get(reverse("admin:index"))

    assert response.status_code == 200
    assert waiting_numbers(response) == [1, 2, 1, 1]
    assert QUEUE in response.content.decode()


@pytest.mark.parametrize("role", [Role.COUNCIL, Role.EDITOR, Role.OMBUDS])
def test_other_staff_do_not_see_the_moderation_counts(client, role):
    InitiativeFactory(submitted=True)
    client.force_login(staff_in_role(role))

    response = client.get(reverse("admin:index"))

    assert response.status_code == 200
    assert waiting_numbers(response) is None
    assert QUEUE not in response.content.decode()


# --- Who gets in -----------------------------------------------------------------------------------------


def moderation_pages():
    comment = CommentFactory()
    ReportFactory(item=comment)
    return [QUEUE, item_page(comment), account_page(comment.author)]


def test_residents_are_sent_to_log_in(client_logged_in):
    for url in [*moderation_pages(), AUDIT_LOG]:
        response = client_logged_in.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("admin:login")), url


@pytest.mark.parametrize("role", [Role.COUNCIL, Role.EDITOR, Role.OMBUDS])
def test_other_staff_are_refused_the_moderation_pages(client, role):
    client.force_login(staff_in_role(role))

    for url in moderation_pages():
        assert client.get(url).status_code == 403, url
        assert (
            client.post(url, {"action": "hide", "hide-reason": "x", "reason": "x", "hard": "1"}).status_code
            == 403
        )
    assert not ModerationAction.objects.exists()
    assert not is_hidden(Report.objects.get().item)


# --- Queries ---------------------------------------------------------------------------------------------


def fill_the_queue(moderator, size):
    for _ in range(size):
        for kind in KINDS:
            ReportFactory.create_batch(2, item=public_item(kind))
        InitiativeFactory(submitted=True)
        SuggestedExampleFactory(draft=True)
        comment = CommentFactory()
        action = item_hide(item=comment, by=moderator, reason="Weg.")
        appeal_create(action=action, by=comment.author, message="Waarom?")


def test_the_queue_runs_the_same_number_of_queries_with_few_and_many_items(
    moderator, moderator_client, count_queries
):
    fill_the_queue(moderator, 1)
    count_queries(lambda: moderator_client.get(QUEUE))  # warm the content type cache
    few = count_queries(lambda: moderator_client.get(QUEUE))

    fill_the_queue(moderator, 12)
    many = count_queries(lambda: moderator_client.get(QUEUE))

    assert len(section(moderator_client.get(QUEUE), "reported").rows) == 13 * len(KINDS)
    assert few == many, f"{few} queries with few items, {many} with many"
