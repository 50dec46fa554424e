"""Two people acting at the same moment: each service locks what it changes, so the second one sees the
first one's result instead of doing the same thing again. Each test runs its calls in threads with their
own database connections, on committed data."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from accounts.roles import Role, sync_role_groups
from core.models import HiddenCause
from flywheels.reference_data import load_concept_questions, load_flywheels
from initiatives.models import Comment
from knowledgebase.reference_data import load_pages
from moderation.models import ActionKind, Appeal, AppealStatus, ModerationAction, Report, ReportReason
from moderation.services import appeal_create, appeal_decide, item_hide, report_create, user_block
from places.reference_data import load_areas
from tests.accounts.factories import staff_in_role
from tests.initiatives.factories import CommentFactory, VerifiedUserFactory

from .factories import fresh

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="row locks are PostgreSQL's; CI runs the suite on PostgreSQL too",
    ),
]


def load_reference_data():
    """What the data migrations load, by the same idempotent loaders."""
    load_areas()
    load_flywheels()
    load_concept_questions()
    load_pages()
    sync_role_groups()


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


def at_the_same_moment(*calls):
    """Run each call in its own thread (its own connection), released together; their results, or the
    exceptions they raised, in order."""
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait(timeout=10)
            results[index] = call()
        except Exception as error:  # the test looks at what each call raised
            results[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(index, call)) for index, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not any(thread.is_alive() for thread in threads), "a call did not finish: a deadlock?"
    return results


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
