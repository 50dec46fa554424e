"""Two people acting at the same moment: each service locks what it changes, so the second one sees the
first one's result instead of doing the same thing again. Each test runs its calls in threads with their
own database connections, on committed data."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from accounts.roles import Role
from core.models import HiddenCause
from initiatives.models import Comment
from moderation.models import ActionKind, Appeal, AppealStatus, ModerationAction, Report, ReportReason
from moderation.services import appeal_create, appeal_decide, item_hide, report_create, user_block
from tests.accounts.factories import staff_in_role
from tests.concurrency import at_the_same_moment, load_reference_data
from tests.initiatives.factories import CommentFactory, VerifiedUserFactory

from .factories import fresh

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="row locks are PostgreSQL's; CI runs the suite on PostgreSQL too",
    ),
]


@pytest.fixture(scope="module", autouse=True)
def _reference_data_back_afterwards(django_db_setup, django_db_blocker):
    """A transactional test ends by emptying every table, the rows the migrations loaded included. Load
    them again once the last test here has been emptied away, so the tests after these find them."""
    yield
    with django_db_blocker.unblock():
        load_reference_data()


@pytest.fixture(autouse=True)
def _reference_data():
    load_reference_data()


def test_two_moderators_hiding_the_same_comment_at_once_hide_it_once(mailoutbox):
    first, second = staff_in_role(Role.MODERATOR), staff_in_role(Role.MODERATOR)
    comment = CommentFactory()

    results = at_the_same_moment(
        lambda: item_hide(item=Comment.objects.get(pk=comment.pk), by=first, reason="Eén."),
        lambda: item_hide(item=Comment.objects.get(pk=comment.pk), by=second, reason="Twee."),
    )

    assert sorted(type(result).__name__ for result in results) == ["ModerationAction", "ValidationError"]
    assert ModerationAction.objects.filter(kind=ActionKind.HIDE).count() == 1
    assert fresh(comment).hidden_cause == HiddenCause.MODERATOR
    assert [message.to for message in mailoutbox] == [[comment.author.email]]


def test_the_same_person_reporting_twice_at_once_leaves_one_report():
    reporter = VerifiedUserFactory()
    comment = CommentFactory()

    results = at_the_same_moment(
        lambda: report_create(item=comment, by=reporter, reason=ReportReason.SPAM),
        lambda: report_create(item=comment, by=reporter, reason=ReportReason.OFFENSIVE),
    )

    assert not [result for result in results if isinstance(result, Exception)], results
    assert sorted(created for _report, created in results) == [False, True]
    assert Report.objects.count() == 1


def test_two_reports_reaching_the_threshold_at_once_hide_the_item_once(settings, mailoutbox):
    settings.MODERATION_REPORT_THRESHOLD = 2
    comment = CommentFactory()
    reporters = VerifiedUserFactory.create_batch(2)

    results = at_the_same_moment(
        *(
            lambda person=person: report_create(item=comment, by=person, reason=ReportReason.SPAM)
            for person in reporters
        )
    )

    assert not [result for result in results if isinstance(result, Exception)], results
    assert fresh(comment).hidden_cause == HiddenCause.REPORTS
    assert ModerationAction.objects.filter(kind=ActionKind.AUTO_HIDE).count() == 1
    assert [message.to for message in mailoutbox] == [[comment.author.email]]


def test_two_moderators_deciding_the_same_appeal_at_once_decide_it_once(mailoutbox):
    decided_by = staff_in_role(Role.MODERATOR)
    first, second = staff_in_role(Role.MODERATOR), staff_in_role(Role.MODERATOR)
    comment = CommentFactory()
    action = item_hide(item=comment, by=decided_by, reason="Niet netjes.")
    appeal = appeal_create(action=action, by=comment.author, message="Kijk nog eens.")
    mailoutbox.clear()

    results = at_the_same_moment(
        lambda: appeal_decide(appeal=appeal, by=first, grant=True, reason="Toegekend."),
        lambda: appeal_decide(appeal=appeal, by=second, grant=False, reason="Afgewezen."),
    )

    assert sum(isinstance(result, ValidationError) for result in results) == 1
    assert Appeal.objects.get().status in (AppealStatus.GRANTED, AppealStatus.DENIED)
    assert (
        ModerationAction.objects.filter(
            kind__in=[ActionKind.APPEAL_GRANTED, ActionKind.APPEAL_DENIED]
        ).count()
        == 1
    )
    assert len(mailoutbox) == 1


def test_two_moderators_blocking_the_same_account_at_once_block_it_once(mailoutbox):
    first, second = staff_in_role(Role.MODERATOR), staff_in_role(Role.MODERATOR)
    person = VerifiedUserFactory()

    results = at_the_same_moment(
        lambda: user_block(user=person, by=first, hard=True, reason="Hard."),
        lambda: user_block(user=person, by=second, hard=False, reason="Zacht."),
    )

    assert sum(isinstance(result, ValidationError) for result in results) == 1
    assert ModerationAction.objects.filter(kind=ActionKind.BLOCK).count() == 1
    assert [message.to for message in mailoutbox] == [[person.email]]
