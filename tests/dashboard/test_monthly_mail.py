"""The council's monthly mail (dashboard/monthly_mail.py, beat's `dashboard.send_council_monthly_mail`):
on the first of the month every active council member gets last month's headline numbers, once."""

import pytest

from accounts.roles import Role
from dashboard.monthly_mail import council_monthly_mail_send, last_month
from dashboard.tasks import send_council_monthly_mail
from tests.accounts.factories import UserFactory, staff_in_role
from tests.dashboard.helpers import local
from tests.initiatives.factories import InitiativeFactory

pytestmark = pytest.mark.django_db

FIRST_OF_JULY = local(2025, 7, 1, 8, 0)


def test_last_month_is_the_whole_calendar_month_before():
    scope = last_month(FIRST_OF_JULY)
    assert (scope.start, scope.end, scope.area) == (local(2025, 6, 1, 0, 0), local(2025, 7, 1, 0, 0), None)


def test_each_council_member_gets_last_months_numbers_with_a_link(
    council_member, mailoutbox, django_capture_on_commit_callbacks
):
    other_member = staff_in_role(Role.COUNCIL, display_name="Raadslid Roos")
    staff_in_role(Role.COUNCIL, display_name="Oud-raadslid", is_active=False)
    UserFactory(display_name="Bewoner")
    InitiativeFactory(published_at=local(2025, 6, 10))
    InitiativeFactory(published_at=local(2025, 5, 10))  # the month before: not counted
    InitiativeFactory(published_at=local(2025, 7, 1, 0, 30))  # this month: not counted

    with django_capture_on_commit_callbacks(execute=True):
        sent = council_monthly_mail_send(now=FIRST_OF_JULY)

    assert sent == 2
    assert sorted(message.to[0] for message in mailoutbox) == sorted(
        [council_member.email, other_member.email]
    )
    message = next(message for message in mailoutbox if message.to == [council_member.email])
    assert message.subject == "Het loket in juni 2025"
    assert "Hallo Raadslid Rian," in message.body
    assert "- Gepubliceerde initiatieven: 1\n" in message.body
    assert "- Mediaan aantal dagen tot een eerste reactie: -\n" in message.body  # none yet: no "None"
    assert "/dashboard/" in message.body


def test_a_month_is_sent_once_however_often_the_scheduler_fires(
    council_member, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assert council_monthly_mail_send(now=FIRST_OF_JULY) == 1
        assert council_monthly_mail_send(now=FIRST_OF_JULY) == 0
        assert council_monthly_mail_send(now=local(2025, 7, 2)) == 0
    assert len(mailoutbox) == 1

    with django_capture_on_commit_callbacks(execute=True):
        assert council_monthly_mail_send(now=local(2025, 8, 1, 8, 0)) == 1  # the next month
    assert len(mailoutbox) == 2


def test_the_task_sends_it(council_member, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        send_council_monthly_mail.delay()
    assert [message.to for message in mailoutbox] == [[council_member.email]]
