"""The moderators' pages in the management site (/beheer/): the queue of everything waiting, a page per
item with its decisions, a page per account to block and unblock, and the audit log that nobody can change.
Other staff and residents are kept out; every page runs a fixed number of queries."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from core.models import HiddenCause
from knowledgebase.services.suggestions import suggestion_reject
from moderation.models import ActionKind, Appeal, AppealStatus, ModerationAction, Report, ReportStatus
from moderation.registry import kind_of
from moderation.services import appeal_create, item_hide
from tests.accounts.factories import UserFactory, staff_in_role, verify_email
from tests.html import by_id, elements, parse, text_of
from tests.initiatives.factories import (
    CommentFactory,
    InitiativeFactory,
    LogEntryFactory,
    VerifiedUserFactory,
)
from tests.knowledgebase.factories import ArticleFactory

from .factories import (
    KINDS,
    ReportFactory,
    SuggestedExampleFactory,
    account_page,
    fresh,
    is_hidden,
    is_public,
    item_page,
    public_item,
)

pytestmark = pytest.mark.django_db

QUEUE = reverse("admin:moderation_queue")
AUDIT_LOG = reverse("admin:moderation_moderationaction_changelist")


def section(response, key):
    """A section of the moderation queue page ("submissions", "reported", "suggestions", "appeals")."""
    return next(section for section in response.context["sections"] if section.key == key)


def listed(response, key):
    return [row.item for row in section(response, key).rows]


def decision_forms(response):
    """The forms of the decisions an item's moderation page offers, by name."""
    return {decision["name"]: decision["form"] for decision in response.context["decisions"]}


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


# --- The page of one item --------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_moderator_opens_the_page_of_a_reported_item(moderator_client, kind):
    item = public_item(kind)
    ReportFactory.create_batch(2, item=item)

    response = moderator_client.get(item_page(item))

    assert response.status_code == 200
    assert response.context["item"] == item
    assert len(response.context["open_reports"]) == 2
    assert {"hide", "dismiss"} <= set(decision_forms(response))


def test_an_unknown_item_or_an_article_nobody_suggested_is_not_found(moderator_client):
    assert moderator_client.get("/beheer/moderation/report/item/reactie/999999/").status_code == 404
    assert moderator_client.get("/beheer/moderation/report/item/gebruiker/1/").status_code == 404
    article = ArticleFactory()
    assert moderator_client.get(f"/beheer/moderation/report/item/voorbeeld/{article.pk}/").status_code == 404


def post_action(client, item, action, **fields):
    data = {"action": action, **{f"{action}-{name}": value for name, value in fields.items()}}
    return client.post(item_page(item), data)


def test_moderator_hides_an_item_from_its_page(
    moderator, moderator_client, mailoutbox, django_capture_on_commit_callbacks
):
    comment = CommentFactory()
    ReportFactory(item=comment)

    with django_capture_on_commit_callbacks(execute=True):
        response = post_action(moderator_client, comment, "hide", reason="Persoonsgegevens van de buren.")

    assert response.status_code == 302
    assert response["Location"] == item_page(comment)
    assert fresh(comment).hidden_cause == HiddenCause.MODERATOR
    assert ModerationAction.objects.get().moderator == moderator
    assert [message.to for message in mailoutbox] == [[comment.author.email]]


@pytest.mark.parametrize("action", ["hide", "reject_suggestion"])
@pytest.mark.parametrize("reason", ["", "   "])
def test_a_decision_without_a_reason_shows_the_form_again(moderator_client, action, reason):
    item = SuggestedExampleFactory(draft=True) if action == "reject_suggestion" else CommentFactory()

    response = post_action(moderator_client, item, action, reason=reason)

    assert response.status_code == 200
    assert decision_forms(response)[action].errors["reason"]
    assert not is_hidden(item)
    assert not ModerationAction.objects.exists()


def test_moderator_shows_a_hidden_item_again_from_its_page(moderator, moderator_client):
    comment = CommentFactory()
    item_hide(item=comment, by=moderator, reason="Weg.")

    response = post_action(moderator_client, comment, "restore", reason="")

    assert response.status_code == 302
    assert is_public(comment)
    assert ModerationAction.objects.filter(kind=ActionKind.RESTORE).count() == 1


def test_moderator_dismisses_the_reports_from_the_items_page(moderator_client):
    comment = CommentFactory()
    ReportFactory.create_batch(2, item=comment)

    response = post_action(moderator_client, comment, "dismiss", reason="Binnen de regels.")

    assert response.status_code == 302
    assert not Report.objects.filter(status=ReportStatus.OPEN).exists()
    assert is_public(comment)


def test_moderator_rejects_a_suggested_example_from_its_page(
    moderator_client, mailoutbox, django_capture_on_commit_callbacks
):
    suggestion = SuggestedExampleFactory(draft=True)
    assert "reject_suggestion" in decision_forms(moderator_client.get(item_page(suggestion)))

    with django_capture_on_commit_callbacks(execute=True):
        response = post_action(moderator_client, suggestion, "reject_suggestion", reason="Dit is reclame.")

    assert response.status_code == 302
    assert fresh(suggestion).hidden_cause == HiddenCause.MODERATOR
    assert [message.to for message in mailoutbox] == [[suggestion.suggested_by.email]]


def test_a_decision_that_no_longer_fits_is_refused_without_an_error_page(moderator, moderator_client):
    comment = CommentFactory()
    item_hide(item=comment, by=moderator, reason="Al verborgen.")

    response = post_action(moderator_client, comment, "hide", reason="Nog eens.")

    assert response.status_code == 302
    assert ModerationAction.objects.filter(kind=ActionKind.HIDE).count() == 1
    assert moderator_client.get(response["Location"]).status_code == 200


def test_an_unknown_decision_is_not_found(moderator_client):
    comment = CommentFactory()

    assert post_action(moderator_client, comment, "delete_everything", reason="x").status_code == 404
    assert post_action(moderator_client, comment, "appeal", reason="x").status_code == 404  # no appeal open


@pytest.mark.parametrize("kind", ["initiatief", "logboek", "reactie"])
def test_rejecting_as_a_suggestion_what_is_no_suggestion_is_refused_without_an_error_page(
    moderator_client, kind, mailoutbox, django_capture_on_commit_callbacks
):
    item = public_item(kind)
    assert "reject_suggestion" not in decision_forms(moderator_client.get(item_page(item)))

    with django_capture_on_commit_callbacks(execute=True):
        response = post_action(moderator_client, item, "reject_suggestion", reason="Geen voorbeeld.")

    assert response.status_code in (302, 400, 403, 404)
    assert is_public(item)
    assert not ModerationAction.objects.exists()
    assert mailoutbox == []


@pytest.fixture
def appealed(moderator):
    comment = CommentFactory()
    action = item_hide(item=comment, by=moderator, reason="Niet netjes.")
    appeal_create(action=action, by=comment.author, message="Ik bedoelde het grappig.")
    return comment


def test_another_moderator_decides_on_an_appeal_from_the_items_page(
    client, appealed, second_moderator, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(second_moderator)
    page = client.get(item_page(appealed))
    assert page.context["may_decide_appeal"] is True

    with django_capture_on_commit_callbacks(execute=True):
        response = post_action(client, appealed, "appeal", grant="1", reason="Inderdaad een grap.")

    assert response.status_code == 302
    assert Appeal.objects.get().status == AppealStatus.GRANTED
    assert is_public(appealed)
    assert [message.to for message in mailoutbox] == [[appealed.author.email]]


def test_the_moderator_who_decided_cannot_decide_on_the_appeal_from_the_items_page(
    moderator_client, appealed
):
    page = moderator_client.get(item_page(appealed))
    assert page.context["may_decide_appeal"] is False

    response = post_action(moderator_client, appealed, "appeal", grant="1", reason="Ik was te streng.")

    assert response.status_code == 302
    assert Appeal.objects.get().status == AppealStatus.OPEN
    assert is_hidden(appealed)


def test_deciding_on_an_appeal_without_a_reason_shows_the_form_again(client, appealed, second_moderator):
    client.force_login(second_moderator)

    response = post_action(client, appealed, "appeal", grant="0", reason="")

    assert response.status_code == 200
    assert response.context["appeal_form"].errors["reason"]
    assert Appeal.objects.get().status == AppealStatus.OPEN


# --- The page of an account ------------------------------------------------------------------------------


def test_moderator_blocks_and_unblocks_an_account_from_its_page(
    moderator_client, mailoutbox, django_capture_on_commit_callbacks
):
    person = VerifiedUserFactory()
    comment = CommentFactory(author=person)
    assert moderator_client.get(account_page(person)).status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        response = moderator_client.post(account_page(person), {"reason": "Blijft schelden.", "hard": "1"})

    assert response.status_code == 302
    assert fresh(person).block_kind == "hard"
    assert fresh(comment).hidden_cause == HiddenCause.BLOCK
    assert [message.to for message in mailoutbox] == [[person.email]]

    response = moderator_client.post(account_page(person), {"reason": ""})

    assert response.status_code == 302
    assert fresh(person).blocked_at is None
    assert is_public(comment)


def test_blocking_without_a_reason_or_kind_shows_the_form_again(moderator_client):
    person = VerifiedUserFactory()

    for data in ({"reason": "", "hard": "0"}, {"reason": "Spam.", "hard": ""}):
        response = moderator_client.post(account_page(person), data)
        assert response.status_code == 200
        assert response.context["form"].errors
    assert fresh(person).blocked_at is None


def test_a_staff_account_is_not_blocked_from_its_page(moderator_client):
    colleague = staff_in_role(Role.COUNCIL)

    page = moderator_client.get(account_page(colleague))
    response = moderator_client.post(account_page(colleague), {"reason": "Ruzie.", "hard": "0"})

    assert page.context["may_block"] is False
    assert response.status_code == 302
    assert fresh(colleague).blocked_at is None


def test_an_unknown_account_is_not_found(moderator_client):
    assert moderator_client.get(reverse("admin:moderation_account", args=[999999])).status_code == 404


# --- The audit log ---------------------------------------------------------------------------------------


@pytest.fixture
def logged_action(moderator):
    return item_hide(item=CommentFactory(), by=moderator, reason="Oorspronkelijke reden.")


@pytest.fixture
def superuser():
    person = UserFactory(is_staff=True, is_superuser=True)
    verify_email(person)
    return person


@pytest.mark.parametrize("who", ["moderator", "superuser"])
def test_nobody_adds_changes_or_deletes_a_line_in_the_audit_log(
    client, logged_action, moderator, superuser, who
):
    client.force_login({"moderator": moderator, "superuser": superuser}[who])
    pk = logged_action.pk
    change = reverse("admin:moderation_moderationaction_change", args=[pk])
    delete = reverse("admin:moderation_moderationaction_delete", args=[pk])

    assert client.get(AUDIT_LOG).status_code == 200
    assert client.get(reverse("admin:moderation_moderationaction_add")).status_code == 403
    assert client.post(reverse("admin:moderation_moderationaction_add"), {"kind": "hide"}).status_code == 403
    assert client.post(change, {"kind": ActionKind.RESTORE, "reason": "Vervalst."}).status_code == 403
    assert client.get(delete).status_code == 403
    assert client.post(delete, {"post": "yes"}).status_code == 403
    client.post(AUDIT_LOG, {"action": "delete_selected", "_selected_action": [pk], "post": "yes"})

    logged_action.refresh_from_db()
    assert (logged_action.kind, logged_action.reason) == (ActionKind.HIDE, "Oorspronkelijke reden.")
    assert ModerationAction.objects.count() == 1


@pytest.mark.parametrize("query", ["", "Oorspronkelijke", "<script>alert(1)</script>", "' OR 1=1; --"])
def test_moderator_reads_and_searches_the_audit_log(moderator_client, logged_action, query):
    response = moderator_client.get(AUDIT_LOG, {"q": query})

    assert response.status_code == 200
    listed = list(response.context["cl"].result_list)
    assert listed == ([logged_action] if query in ("", "Oorspronkelijke") else [])


def test_the_audit_log_links_each_line_to_the_items_page(moderator_client, logged_action):
    page = moderator_client.get(AUDIT_LOG).content.decode()

    assert item_page(logged_action.item) in page


@pytest.mark.parametrize("model", ["report", "appeal", "moderationaction"])
def test_moderator_opens_the_lists_of_reports_appeals_and_actions(moderator_client, appealed, model):
    ReportFactory()

    assert moderator_client.get(reverse(f"admin:moderation_{model}_changelist")).status_code == 200


def test_reports_and_appeals_are_not_changed_in_the_management_site_either(moderator_client, appealed):
    report = ReportFactory()
    appeal = Appeal.objects.get()

    for model, obj in (("report", report), ("appeal", appeal)):
        assert moderator_client.get(reverse(f"admin:moderation_{model}_add")).status_code == 403
        assert (
            moderator_client.post(
                reverse(f"admin:moderation_{model}_delete", args=[obj.pk]), {"post": "yes"}
            ).status_code
            == 403
        )
    assert Report.objects.filter(pk=report.pk).exists()
    assert Appeal.objects.filter(pk=appeal.pk).exists()


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


@pytest.mark.parametrize("kind", KINDS)
def test_the_item_page_runs_the_same_number_of_queries_with_few_and_many_reports(
    moderator, moderator_client, kind, count_queries
):
    few_item, many_item = public_item(kind), public_item(kind)
    ReportFactory(item=few_item)
    ReportFactory.create_batch(40, item=many_item)
    count_queries(lambda: moderator_client.get(item_page(few_item)))  # warm the content type cache

    few, many = (
        count_queries(lambda: moderator_client.get(item_page(few_item))),
        count_queries(lambda: moderator_client.get(item_page(many_item))),
    )

    assert few == many, f"{few} queries with one report, {many} with forty"


def test_the_lists_of_reports_and_appeals_name_the_item_not_its_number(moderator_client):
    comment = CommentFactory(body="Een reactie die gemeld is")
    ReportFactory(item=comment)
    response = moderator_client.get(reverse("admin:moderation_report_changelist"))

    assert response.status_code == 200
    content = response.content.decode()
    assert "Een reactie die gemeld is" in content
    assert reverse("admin:moderation_item", kwargs={"kind": "reactie", "pk": comment.pk}) in content
