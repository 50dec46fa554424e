"""Blocking an account after repeated abuse: a soft block stops posting, a hard block also hides what the
account posted. A blocked person can still log in, read and export their data. Unblocking gives back
exactly what the block took."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from accounts.permissions import can_post
from accounts.roles import Role
from core.models import HiddenCause
from initiatives.choices import FollowFrequency, LogKind, PublicationState
from initiatives.models import Comment, Follow, LogEntry, Support
from knowledgebase.models import Article
from moderation.models import ActionKind, ModerationAction, Report, ReportReason
from moderation.services import item_hide, report_create, user_block, user_unblock
from tests.accounts.factories import PASSWORD, UserFactory, staff_in_role, verify_email
from tests.initiatives.factories import (
    CommentFactory,
    InitiativeFactory,
    LogEntryFactory,
    VerifiedUserFactory,
)

from .factories import SuggestedExampleFactory, fresh, is_hidden, report_url

pytestmark = pytest.mark.django_db

REASON = "Drie keer gewaarschuwd voor schelden."


@pytest.fixture
def troll(db):
    """A resident who posted a comment, a log entry (in their own initiative) and a suggested example."""
    person = VerifiedUserFactory(display_name="Trol")
    initiative = InitiativeFactory(created_by=person, title="Initiatief van Trol")
    return {
        "user": person,
        "initiative": initiative,
        "comment": CommentFactory(author=person, body="Scheldpartij"),
        "log entry": LogEntryFactory(initiative=initiative, author=person),
        "example": SuggestedExampleFactory(suggested_by=person),
    }


def posted(troll):
    return [troll["comment"], troll["log entry"], troll["example"]]


# --- Blocking --------------------------------------------------------------------------------------------


def test_soft_block_stops_posting_and_keeps_earlier_posts_visible(
    troll, moderator, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        action = user_block(user=troll["user"], by=moderator, hard=False, reason=REASON)

    person = fresh(troll["user"])
    assert person.blocked_at is not None
    assert person.block_kind == "soft"
    assert person.block_reason == REASON
    assert not can_post(person)
    assert not any(is_hidden(item) for item in posted(troll))
    assert (action.kind, action.moderator, action.account, action.reason) == (
        ActionKind.BLOCK,
        moderator,
        person,
        REASON,
    )
    assert [message.to for message in mailoutbox] == [[person.email]]
    assert REASON in mailoutbox[0].body


def test_hard_block_hides_the_accounts_comments_log_entries_and_examples(troll, moderator):
    others = [CommentFactory(), LogEntryFactory(), SuggestedExampleFactory()]

    user_block(user=troll["user"], by=moderator, hard=True, reason=REASON)

    assert fresh(troll["user"]).block_kind == "hard"
    for item in posted(troll):
        assert is_hidden(item)
        assert fresh(item).hidden_cause == HiddenCause.BLOCK
    assert not any(is_hidden(item) for item in others)
    # An initiative belongs to its team: it stays.
    assert fresh(troll["initiative"]).publication_state == PublicationState.PUBLISHED


def test_hard_block_leaves_what_was_already_hidden_as_it_was(troll, moderator):
    item_hide(item=troll["comment"], by=moderator, reason="Eerder al verborgen.")

    user_block(user=troll["user"], by=moderator, hard=True, reason=REASON)

    assert fresh(troll["comment"]).hidden_cause == HiddenCause.MODERATOR
    assert fresh(troll["comment"]).hidden_reason == "Eerder al verborgen."


def test_a_block_needs_a_reason(troll, moderator):
    with pytest.raises(ValidationError):
        user_block(user=troll["user"], by=moderator, hard=True, reason="  ")

    assert fresh(troll["user"]).blocked_at is None
    assert not any(is_hidden(item) for item in posted(troll))


def test_a_blocked_account_is_not_blocked_twice(troll, moderator):
    user_block(user=troll["user"], by=moderator, hard=False, reason=REASON)

    with pytest.raises(ValidationError):
        user_block(user=fresh(troll["user"]), by=moderator, hard=True, reason="Nu hard.")

    assert fresh(troll["user"]).block_kind == "soft"
    assert ModerationAction.objects.filter(kind=ActionKind.BLOCK).count() == 1


@pytest.mark.parametrize("who", ["moderator", "council", "editor", "superuser", "staff without role", "self"])
def test_staff_accounts_cannot_be_blocked(moderator, who):
    target = {
        "moderator": lambda: staff_in_role(Role.MODERATOR),
        "council": lambda: staff_in_role(Role.COUNCIL),
        "editor": lambda: staff_in_role(Role.EDITOR),
        "superuser": lambda: VerifiedUserFactory(is_staff=True, is_superuser=True),
        "staff without role": lambda: VerifiedUserFactory(is_staff=True),
        "self": lambda: moderator,
    }[who]()

    with pytest.raises(ValidationError):
        user_block(user=target, by=moderator, hard=True, reason=REASON)

    assert fresh(target).blocked_at is None
    assert not ModerationAction.objects.exists()


# --- What a blocked person can and cannot do --------------------------------------------------------------


def _support(client, initiative, person):
    response = client.post(
        reverse("initiatives:support_toggle", args=[initiative.slug]), {"action": "support"}
    )
    return response, Support.objects.filter(user=person).exists()


def _follow(client, initiative, person):
    response = client.post(
        reverse("initiatives:follow_toggle", args=[initiative.slug]), {"frequency": FollowFrequency.WEEKLY}
    )
    return response, Follow.objects.filter(user=person).exists()


def _comment(client, initiative, person):
    response = client.post(
        reverse("initiatives:comment_create", args=[initiative.slug]), {"body": "Nog een reactie"}
    )
    return response, Comment.objects.filter(author=person, body="Nog een reactie").exists()


def _log(client, initiative, person):
    # The person's own initiative: only the team writes its log.
    own = InitiativeFactory(created_by=person)
    data = {
        "kind": LogKind.UPDATE,
        "obstacle_category": "",
        "happened_on": timezone.localdate().isoformat(),
        "title": "Nieuw logboekbericht",
        "text": "Het gaat goed.",
        "image_alt": "",
        "website": "",
    }
    response = client.post(reverse("initiatives:log_entry_create", args=[own.slug]), data)
    return response, LogEntry.objects.filter(title="Nieuw logboekbericht").exists()


def _suggest(client, initiative, person):
    data = {
        "title": "Buurtkamer in de oude bibliotheek",
        "story": "In de oude bibliotheek stond een zaal leeg. Nu is er elke dinsdag koffie. " * 3,
        "area": "",
        "place": "",
        "link": "",
        "website": "",
    }
    response = client.post(reverse("knowledgebase:example_suggest"), data)
    return response, Article.objects.filter(suggested_by=person).exists()


def _report(client, initiative, person):
    response = client.post(report_url(initiative), {"reason": ReportReason.SPAM, "text": "", "website": ""})
    return response, Report.objects.filter(reporter=person).exists()


POSTING = {
    "support": _support,
    "follow": _follow,
    "comment": _comment,
    "log entry": _log,
    "suggest an example": _suggest,
    "report": _report,
}


@pytest.mark.parametrize("post", POSTING.values(), ids=POSTING.keys())
@pytest.mark.parametrize("blocked", [False, True], ids=["not blocked", "blocked"])
def test_a_blocked_account_cannot_post_anything(
    client, user, moderator, post, blocked, django_capture_on_commit_callbacks
):
    if blocked:
        user_block(user=user, by=moderator, hard=False, reason=REASON)
    client.force_login(fresh(user))
    initiative = InitiativeFactory()

    with django_capture_on_commit_callbacks(execute=True):
        response, created = post(client, initiative, user)

    if blocked:
        assert response.status_code == 403
        assert not created
    else:
        assert response.status_code == 302
        assert created


def test_a_blocked_person_can_still_log_in(client, moderator):
    person = UserFactory()
    verify_email(person)
    user_block(user=person, by=moderator, hard=True, reason=REASON)

    response = client.post(reverse("account_login"), {"login": person.email, "password": PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:profile_edit")
    assert client.get(reverse("accounts:profile_edit")).status_code == 200


def test_a_blocked_person_can_still_download_their_data_including_what_was_hidden(client, troll, moderator):
    user_block(user=troll["user"], by=moderator, hard=True, reason=REASON)
    client.force_login(fresh(troll["user"]))

    response = client.get(reverse("accounts:data_export"))

    assert response.status_code == 200
    exported = json.loads(response.content)
    assert "Scheldpartij" in json.dumps(exported, ensure_ascii=False)


# --- Unblocking ------------------------------------------------------------------------------------------


def test_unblocking_shows_again_only_what_the_block_hid(threshold_of_two, troll, moderator):
    hidden_by_moderator = CommentFactory(author=troll["user"], body="Apart verborgen")
    item_hide(item=hidden_by_moderator, by=moderator, reason="Los hiervan verborgen.")
    hidden_by_reports = CommentFactory(author=troll["user"], body="Gemeld")
    for reporter in VerifiedUserFactory.create_batch(2):
        report_create(item=hidden_by_reports, by=reporter, reason=ReportReason.OFFENSIVE)
    user_block(user=troll["user"], by=moderator, hard=True, reason=REASON)

    action = user_unblock(user=fresh(troll["user"]), by=moderator, reason="Beterschap beloofd.")

    assert not any(is_hidden(item) for item in posted(troll))
    assert fresh(hidden_by_moderator).hidden_cause == HiddenCause.MODERATOR
    assert fresh(hidden_by_reports).hidden_cause == HiddenCause.REPORTS
    person = fresh(troll["user"])
    assert (person.blocked_at, person.block_kind, person.block_reason) == (None, "", "")
    assert can_post(User.objects.get(pk=person.pk))
    assert (action.kind, action.account, action.reason) == (ActionKind.UNBLOCK, person, "Beterschap beloofd.")


def test_an_account_that_is_not_blocked_cannot_be_unblocked(user, moderator):
    with pytest.raises(ValidationError):
        user_unblock(user=user, by=moderator)

    assert not ModerationAction.objects.exists()
