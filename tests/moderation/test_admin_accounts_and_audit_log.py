"""The page of an account in the management site (/beheer/), where a moderator blocks and unblocks it; and the
audit log of every decision, which moderators read and search but nobody can change, like the reports and
appeals."""

import pytest
from django.urls import reverse

from accounts.roles import Role
from core.models import HiddenCause
from moderation.models import ActionKind, Appeal, ModerationAction, Report
from moderation.services import item_hide
from tests.accounts.factories import UserFactory, staff_in_role, verify_email
from tests.initiatives.factories import CommentFactory, VerifiedUserFactory

from .factories import AUDIT_LOG, ReportFactory, account_page, fresh, is_public, item_page

pytestmark = pytest.mark.django_db


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


def test_the_lists_of_reports_and_appeals_name_the_item_not_its_number(moderator_client):
    comment = CommentFactory(body="Een reactie die gemeld is")
    ReportFactory(item=comment)
    response = moderator_client.get(reverse("admin:moderation_report_changelist"))

    assert response.status_code == 200
    content = response.content.decode()
    assert "Een reactie die gemeld is" in content
    assert reverse("admin:moderation_item", kwargs={"kind": "reactie", "pk": comment.pk}) in content
