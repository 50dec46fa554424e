"""An author asks another moderator to look again at a decision about their item
(/moderatie/bezwaar/<action pk>/), once per item, while the decision stands. The moderator who decided
does not decide on the appeal."""

import re
from urllib.parse import urlsplit

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from initiatives.choices import PublicationState
from initiatives.services.publication import initiative_reject
from knowledgebase.moderation import SUGGESTIONS
from knowledgebase.services.suggestions import suggestion_reject
from moderation import queries
from moderation.models import ActionKind, Appeal, AppealStatus, ModerationAction, ReportReason, ReportStatus
from moderation.services import (
    appeal_create,
    appeal_decide,
    item_hide,
    item_restore,
    report_create,
    reports_dismiss,
    user_block,
)
from tests.accounts.factories import staff_in_role
from tests.initiatives.factories import CommentFactory, InitiativeFactory, VerifiedUserFactory
from tests.initiatives.log_help_helpers import HOSTILE_STRINGS

from .factories import (
    KINDS,
    ReportFactory,
    SuggestedExampleFactory,
    appeal_url,
    author_of,
    fresh,
    is_hidden,
    public_item,
)

pytestmark = pytest.mark.django_db

MESSAGE = "Ik noemde geen naam, alleen de straat. Wilt u nog eens kijken?"


@pytest.fixture
def hidden_comment(moderator):
    comment = CommentFactory(body="De buurman op nummer 12 is een oplichter.")
    action = item_hide(item=comment, by=moderator, reason="Beschuldiging van een herkenbaar persoon.")
    return comment, action


@pytest.fixture
def author_client(client, hidden_comment):
    comment, _action = hidden_comment
    client.force_login(comment.author)
    return client


def appeal_data(**overrides):
    return {"message": MESSAGE, "website": "", **overrides}


# --- Who sees the appeal page ----------------------------------------------------------------------------


def test_the_author_opens_the_appeal_page_from_the_link_in_the_email(
    client, moderator, mailoutbox, django_capture_on_commit_callbacks
):
    comment = CommentFactory()
    with django_capture_on_commit_callbacks(execute=True):
        action = item_hide(item=comment, by=moderator, reason="Niet netjes.")
    link = re.search(r"https?://\S+/moderatie/bezwaar/\d+/", mailoutbox[0].body).group(0)
    client.force_login(comment.author)

    response = client.get(urlsplit(link).path)

    assert response.status_code == 200
    assert response.context["action"] == action
    assert "form" in response.context


@pytest.mark.parametrize("who", ["other resident", "moderator who decided", "another moderator"])
def test_only_an_author_of_the_item_sees_the_appeal_page(client, hidden_comment, second_moderator, who):
    _comment, action = hidden_comment
    client.force_login(
        {
            "other resident": VerifiedUserFactory(),
            "moderator who decided": action.moderator,
            "another moderator": second_moderator,
        }[who]
    )

    assert client.get(appeal_url(action)).status_code == 404
    assert client.post(appeal_url(action), appeal_data()).status_code == 404
    assert not Appeal.objects.exists()


def test_anonymous_visitor_is_sent_to_login(client, hidden_comment):
    _comment, action = hidden_comment

    response = client.get(appeal_url(action))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_an_appeal_about_an_account_or_nothing_is_not_found(client, user, moderator):
    block = user_block(user=user, by=moderator, hard=False, reason="Spam.")
    client.force_login(user)

    assert client.get(appeal_url(block)).status_code == 404
    assert client.get("/moderatie/bezwaar/999999/").status_code == 404


# --- Appealing -------------------------------------------------------------------------------------------


def test_the_author_appeals_and_it_waits_for_another_moderator(author_client, hidden_comment):
    comment, action = hidden_comment

    response = author_client.post(appeal_url(action), appeal_data())

    assert response.status_code == 302
    assert response["Location"] == reverse("home")
    appeal = Appeal.objects.get()
    assert (appeal.author, appeal.decision, appeal.status) == (comment.author, action, AppealStatus.OPEN)
    assert appeal.item == comment
    assert appeal.message == MESSAGE
    logged = ModerationAction.objects.get(kind=ActionKind.APPEAL)
    assert logged.account == comment.author
    assert logged.reason == MESSAGE
    assert list(queries.open_appeals()) == [appeal]


@pytest.mark.parametrize("kind", KINDS)
def test_an_author_may_appeal_a_hide_of_any_kind_of_item(kind, moderator):
    item = public_item(kind)
    action = item_hide(item=item, by=moderator, reason="Weg ermee.")

    appeal = appeal_create(action=action, by=author_of(item), message=MESSAGE)

    assert appeal.item == fresh(item)


def test_a_message_is_required(author_client, hidden_comment):
    _comment, action = hidden_comment

    response = author_client.post(appeal_url(action), appeal_data(message="  "))

    assert response.status_code == 200
    assert response.context["form"].errors["message"]
    assert not Appeal.objects.exists()


def test_a_filled_in_honeypot_makes_no_appeal(author_client, hidden_comment):
    _comment, action = hidden_comment

    response = author_client.post(appeal_url(action), appeal_data(website="https://spam.example"))

    assert response.status_code == 200
    assert not Appeal.objects.exists()


@pytest.mark.parametrize("message", HOSTILE_STRINGS, ids=range(len(HOSTILE_STRINGS)))
def test_hostile_text_in_an_appeal_never_breaks_the_page(client, moderator, message):
    comment = CommentFactory()
    action = item_hide(item=comment, by=moderator, reason="Niet netjes.")
    client.force_login(comment.author)

    response = client.post(appeal_url(action), appeal_data(message=message))

    assert response.status_code in (200, 302)
    assert Appeal.objects.count() == (1 if response.status_code == 302 else 0)


def test_an_author_appeals_only_once(author_client, hidden_comment):
    comment, action = hidden_comment
    author_client.post(appeal_url(action), appeal_data())

    assert author_client.get(appeal_url(action)).status_code == 403
    assert author_client.post(appeal_url(action), appeal_data(message="Nog een keer")).status_code == 403
    with pytest.raises(ValidationError):
        appeal_create(action=action, by=comment.author, message="Nog een keer")
    assert Appeal.objects.count() == 1


def test_a_second_team_member_cannot_appeal_a_decision_already_under_appeal(moderator):
    co_initiator = VerifiedUserFactory()
    initiative = InitiativeFactory(team=[co_initiator])
    action = item_hide(item=initiative, by=moderator, reason="Beledigend.")
    appeal_create(action=action, by=initiative.created_by, message=MESSAGE)

    with pytest.raises(ValidationError):
        appeal_create(action=action, by=co_initiator, message="Ik ben het ook niet eens.")

    assert Appeal.objects.count() == 1


def test_a_decision_that_changed_can_no_longer_be_appealed(author_client, hidden_comment, second_moderator):
    comment, action = hidden_comment
    item_restore(item=fresh(comment), by=second_moderator)

    assert author_client.get(appeal_url(action)).status_code == 403
    assert author_client.post(appeal_url(action), appeal_data()).status_code == 403
    assert not Appeal.objects.exists()


@pytest.mark.parametrize("undo", ["restore", "dismiss"])
def test_only_decisions_against_the_author_can_be_appealed(client, moderator, threshold_of_two, undo):
    comment = CommentFactory()
    if undo == "restore":
        item_hide(item=comment, by=moderator, reason="Niet netjes.")
        action = item_restore(item=fresh(comment), by=moderator)
    else:
        ReportFactory(item=comment)
        action = reports_dismiss(item=comment, by=moderator)
    client.force_login(comment.author)

    assert client.post(appeal_url(action), appeal_data()).status_code == 403
    assert not Appeal.objects.exists()


def test_a_blocked_author_may_still_appeal(client, moderator, hidden_comment):
    comment, action = hidden_comment
    user_block(user=comment.author, by=moderator, hard=False, reason="Herhaaldelijk.")
    client.force_login(comment.author)

    assert client.post(appeal_url(action), appeal_data()).status_code == 302
    assert Appeal.objects.count() == 1


# --- Deciding on an appeal -------------------------------------------------------------------------------


@pytest.fixture
def open_appeal(hidden_comment):
    comment, action = hidden_comment
    ReportFactory(item=comment, status=ReportStatus.UPHELD, closed_at=timezone.now())
    return appeal_create(action=action, by=comment.author, message=MESSAGE)


def test_the_moderator_who_decided_cannot_decide_on_the_appeal(open_appeal, moderator, mailoutbox):
    with pytest.raises(PermissionDenied):
        appeal_decide(appeal=open_appeal, by=moderator, grant=True, reason="Ik was te streng.")

    open_appeal.refresh_from_db()
    assert open_appeal.status == AppealStatus.OPEN
    assert is_hidden(open_appeal.item)
    assert not ModerationAction.objects.filter(kind=ActionKind.APPEAL_GRANTED).exists()


def test_another_moderator_grants_the_appeal_and_the_item_is_shown_again(
    open_appeal, second_moderator, mailoutbox, django_capture_on_commit_callbacks
):
    comment = open_appeal.item

    with django_capture_on_commit_callbacks(execute=True):
        action = appeal_decide(
            appeal=open_appeal, by=second_moderator, grant=True, reason="Geen naam genoemd."
        )

    assert not is_hidden(comment)
    open_appeal.refresh_from_db()
    assert open_appeal.status == AppealStatus.GRANTED
    assert open_appeal.decided_by == second_moderator
    assert open_appeal.decided_at is not None
    assert (action.kind, action.moderator, action.reason) == (
        ActionKind.APPEAL_GRANTED,
        second_moderator,
        "Geen naam genoemd.",
    )
    assert [message.to for message in mailoutbox] == [[comment.author.email]]
    assert "Geen naam genoemd." in mailoutbox[0].body
    assert list(queries.open_appeals()) == []


def test_another_moderator_denies_the_appeal_and_the_item_stays_hidden(
    open_appeal, second_moderator, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        action = appeal_decide(
            appeal=open_appeal, by=second_moderator, grant=False, reason="Het adres is herkenbaar."
        )

    assert is_hidden(open_appeal.item)
    open_appeal.refresh_from_db()
    assert open_appeal.status == AppealStatus.DENIED
    assert action.kind == ActionKind.APPEAL_DENIED
    assert [message.to for message in mailoutbox] == [[open_appeal.author.email]]
    assert "Het adres is herkenbaar." in mailoutbox[0].body


@pytest.mark.parametrize("grant", [True, False])
def test_a_decided_appeal_cannot_be_decided_again(open_appeal, second_moderator, grant):
    third = staff_in_role(Role.MODERATOR, display_name="Derde Moderator")
    appeal_decide(appeal=open_appeal, by=second_moderator, grant=grant, reason="Besloten.")

    with pytest.raises(ValidationError):
        appeal_decide(appeal=open_appeal, by=third, grant=not grant, reason="Toch anders.")

    open_appeal.refresh_from_db()
    assert open_appeal.decided_by == second_moderator
    assert (
        ModerationAction.objects.filter(
            kind__in=[ActionKind.APPEAL_GRANTED, ActionKind.APPEAL_DENIED]
        ).count()
        == 1
    )


def test_deciding_on_an_appeal_needs_a_reason(open_appeal, second_moderator):
    with pytest.raises(ValidationError):
        appeal_decide(appeal=open_appeal, by=second_moderator, grant=True, reason="")

    open_appeal.refresh_from_db()
    assert open_appeal.status == AppealStatus.OPEN


def test_a_granted_appeal_against_a_rejection_publishes_the_initiative(
    moderator, second_moderator, mailoutbox, django_capture_on_commit_callbacks
):
    initiative = InitiativeFactory(submitted=True, title="Bankjes langs de Oude IJssel")
    rejection = initiative_reject(initiative=initiative, by=moderator, reason="Te weinig uitleg.")
    appeal = appeal_create(action=rejection, by=initiative.created_by, message="Alles staat in het verhaal.")

    with django_capture_on_commit_callbacks(execute=True):
        appeal_decide(appeal=appeal, by=second_moderator, grant=True, reason="Het verhaal is duidelijk.")

    initiative = fresh(initiative)
    assert initiative.publication_state == PublicationState.PUBLISHED
    assert initiative.published_at is not None
    assert {message.to[0] for message in mailoutbox} == {initiative.created_by.email}
    assert any("Het verhaal is duidelijk." in message.body for message in mailoutbox)


def test_any_moderator_decides_on_an_appeal_against_hiding_by_reports(threshold_of_two, moderator):
    comment = CommentFactory()
    for reporter in VerifiedUserFactory.create_batch(2):
        report_create(item=comment, by=reporter, reason=ReportReason.SPAM)
    auto_hide = ModerationAction.objects.get(kind=ActionKind.AUTO_HIDE)
    appeal = appeal_create(action=auto_hide, by=comment.author, message=MESSAGE)

    appeal_decide(appeal=appeal, by=moderator, grant=True, reason="Geen spam.")

    assert not is_hidden(comment)
    assert fresh(comment).hidden_cause == ""


def test_a_granted_appeal_puts_a_rejected_suggestion_back_in_the_queue(moderator, second_moderator):
    suggestion = SuggestedExampleFactory(draft=True)
    rejection = suggestion_reject(article=suggestion, by=moderator, reason="Reclame.")
    appeal = appeal_create(action=rejection, by=suggestion.suggested_by, message="Het is een vereniging.")

    appeal_decide(appeal=appeal, by=second_moderator, grant=True, reason="Klopt, geen bedrijf.")

    assert fresh(suggestion).hidden_at is None
    assert fresh(suggestion).hidden_cause == ""
    assert list(SUGGESTIONS.waiting()) == [suggestion]


def test_the_moderator_who_confirmed_a_hide_by_reports_does_not_decide_the_appeal_against_it(
    threshold_of_two, moderator, second_moderator
):
    comment = CommentFactory()
    for reporter in VerifiedUserFactory.create_batch(2):
        report_create(item=comment, by=reporter, reason=ReportReason.SPAM)
    auto_hide = ModerationAction.objects.get(kind=ActionKind.AUTO_HIDE)
    appeal = appeal_create(action=auto_hide, by=comment.author, message=MESSAGE)
    item_hide(item=fresh(comment), by=moderator, reason="Het blijft weg: reclame.")

    with pytest.raises(PermissionDenied):
        appeal_decide(appeal=appeal, by=moderator, grant=False, reason="Ik blijf erbij.")

    appeal_decide(appeal=appeal, by=second_moderator, grant=False, reason="Terecht verborgen.")
    assert Appeal.objects.get().decided_by == second_moderator
