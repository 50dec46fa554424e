"""Check-ins (initiatives/services/check_ins.py, beat's `initiatives.send_check_ins`): the team of an
initiative under way whose log has been quiet for CHECK_IN_AFTER_WEEKS weeks gets one friendly email, at
most once in that time; people who follow it without email get none."""

import datetime

import pytest
from django.utils import timezone

from initiatives.choices import FollowFrequency, Stage
from initiatives.models import LogEntry
from initiatives.services.check_ins import check_ins_send, initiatives_due_for_check_in
from initiatives.tasks import send_check_ins
from tests.initiatives.factories import (
    FollowFactory,
    InitiativeFactory,
    LogEntryFactory,
    VerifiedUserFactory,
)

pytestmark = pytest.mark.django_db

NOW = timezone.now()


def weeks_ago(weeks: float):
    return NOW - datetime.timedelta(weeks=weeks)


def quiet_initiative(**kwargs):
    """Published ten weeks ago, its last log entry nine weeks old."""
    initiative = InitiativeFactory(published_at=weeks_ago(10), **kwargs)
    entry = LogEntryFactory(initiative=initiative)
    LogEntry.objects.filter(pk=entry.pk).update(created_at=weeks_ago(9))
    return initiative


@pytest.fixture(autouse=True)
def _eight_weeks(settings):
    settings.CHECK_IN_AFTER_WEEKS = 8


def test_only_published_initiatives_under_way_that_went_quiet_are_due():
    quiet = quiet_initiative()
    never_logged = InitiativeFactory(published_at=weeks_ago(12))
    quiet_initiative(stage=Stage.COMPLETED)
    quiet_initiative(stage=Stage.STOPPED)
    quiet_initiative(hidden=True)
    InitiativeFactory(draft=True)
    InitiativeFactory(published_at=weeks_ago(3))  # new: give it time
    lively = quiet_initiative()
    LogEntryFactory(initiative=lively)  # written just now

    due = set(initiatives_due_for_check_in(now=NOW))

    assert due == {quiet, never_logged}


def test_each_team_member_gets_one_friendly_email(mailoutbox, django_capture_on_commit_callbacks):
    co_initiator = VerifiedUserFactory(display_name="Co")
    initiative = quiet_initiative(team=[co_initiator], title="Moestuin Gaanderen")

    with django_capture_on_commit_callbacks(execute=True):
        sent = check_ins_send(now=NOW)

    assert sent == 2
    assert sorted(message.to[0] for message in mailoutbox) == sorted(
        [initiative.created_by.email, co_initiator.email]
    )
    message = mailoutbox[0]
    assert message.subject == 'Hoe gaat het met "Moestuin Gaanderen"?'
    assert f"/initiatieven/{initiative.slug}/logboek/nieuw/" in message.body
    assert f"/initiatieven/{initiative.slug}/hulpvragen/nieuw/" in message.body


def test_at_most_once_in_the_weeks_even_when_the_scheduler_fires_twice(
    mailoutbox, django_capture_on_commit_callbacks
):
    quiet_initiative()

    with django_capture_on_commit_callbacks(execute=True):
        assert check_ins_send(now=NOW) == 1
        assert check_ins_send(now=NOW) == 0
        assert check_ins_send(now=NOW + datetime.timedelta(weeks=7)) == 0
        assert check_ins_send(now=NOW + datetime.timedelta(weeks=8, days=1)) == 1  # still quiet: ask again

    assert len(mailoutbox) == 2


def test_who_follows_it_without_email_gets_none(mailoutbox, django_capture_on_commit_callbacks):
    co_initiator = VerifiedUserFactory()
    initiative = quiet_initiative(team=[co_initiator])
    FollowFactory(initiative=initiative, user=co_initiator, frequency=FollowFrequency.NEVER)
    FollowFactory(initiative=initiative, user=initiative.created_by, frequency=FollowFrequency.WEEKLY)

    with django_capture_on_commit_callbacks(execute=True):
        send_check_ins.delay()

    assert [message.to for message in mailoutbox] == [[initiative.created_by.email]]
