"""How a comment is named where there is no room for all of it: in the audit log and in the subject of
the email its author gets. The name ends with a whole word and "…", never in the middle of a word."""

import pytest

from moderation.models import ActionKind, ModerationAction
from moderation.services import action_record, item_hide
from tests.initiatives.factories import CommentFactory

pytestmark = pytest.mark.django_db

LONG_COMMENT = (
    "Ik woon al dertig jaar naast het veldje en vind het plan voor de natuurspeelplaats geweldig, "
    "maar denk wel aan de parkeerplaatsen."
)


def ends_after_a_whole_word(label: str, text: str) -> bool:
    shown = label.removesuffix("…")
    return label.endswith("…") and text.startswith(shown) and text[len(shown)] in " ,."


def test_the_audit_log_names_a_long_comment_up_to_a_whole_word(moderator):
    comment = CommentFactory(body=LONG_COMMENT)

    action = item_hide(item=comment, by=moderator, reason="Dit hoort hier niet.")

    assert len(action.item_label) <= 60
    assert ends_after_a_whole_word(action.item_label, LONG_COMMENT)


def test_the_authors_email_subject_names_a_long_comment_up_to_a_whole_word(
    moderator, mailoutbox, django_capture_on_commit_callbacks
):
    comment = CommentFactory(body=LONG_COMMENT)

    with django_capture_on_commit_callbacks(execute=True):
        item_hide(item=comment, by=moderator, reason="Dit hoort hier niet.")

    [message] = mailoutbox
    named = message.subject.split(": ", 1)[1]
    assert ends_after_a_whole_word(named, LONG_COMMENT)


def test_a_label_too_long_for_the_audit_log_ends_with_an_ellipsis(moderator):
    label = " ".join(["woord"] * 80)  # 479 characters; the log keeps 300

    action = action_record(ActionKind.HIDE, by=moderator, label=label)

    action = ModerationAction.objects.get(pk=action.pk)
    assert len(action.item_label) <= 300
    assert ends_after_a_whole_word(action.item_label, label)
