"""The page of one item in the management site (/beheer/): its open reports and the decisions a moderator
takes there (hide, show again, dismiss the reports, reject a suggested example, decide on an appeal), each
with a reason; a decision that no longer fits is refused without an error page. The page runs a fixed
number of queries."""

import pytest

from core.models import HiddenCause
from moderation.models import ActionKind, Appeal, AppealStatus, ModerationAction, Report, ReportStatus
from moderation.services import item_hide
from tests.initiatives.factories import CommentFactory
from tests.knowledgebase.factories import ArticleFactory

from .factories import (
    KINDS,
    ReportFactory,
    SuggestedExampleFactory,
    fresh,
    is_hidden,
    is_public,
    item_page,
    public_item,
)

pytestmark = pytest.mark.django_db


def decision_forms(response):
    """The forms of the decisions an item's moderation page offers, by name."""
    return {decision["name"]: decision["form"] for decision in response.context["decisions"]}


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
