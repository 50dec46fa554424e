"""Background work (core/tasks.py, core/mail.py, core/dead_letters.py): an email travels to the queue as
plain data, is tried again while the mail server is down, and becomes a dead letter when it cannot be
sent; staff see dead letters in the management site and try them again. Without a broker (as here) every
task runs in-process, the way `make run` has it."""

import datetime
import json
import smtplib

import pytest
from django.contrib.auth.models import Permission
from django.core import mail as django_mail
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.core.mail.backends.base import BaseEmailBackend
from django.urls import reverse
from django.utils import timezone

from core import dead_letters
from core.mail import message_data, message_from_data, send_templated_mail
from core.models import FailedTask
from core.tasks import prune_failed_tasks, retry_countdown, send_email
from tests.accounts.factories import UserFactory, verify_email

pytestmark = pytest.mark.django_db


class FlakyBackend(BaseEmailBackend):
    """A mail server that fails `failures` times (with `error`), then accepts into django's outbox."""

    failures = 0
    error: Exception = smtplib.SMTPServerDisconnected("the mail server went away")
    calls = 0

    def send_messages(self, messages):
        FlakyBackend.calls += 1
        if FlakyBackend.calls <= FlakyBackend.failures:
            raise FlakyBackend.error
        django_mail.outbox.extend(messages)
        return len(messages)


@pytest.fixture
def flaky(settings):
    settings.EMAIL_BACKEND = "tests.core.test_tasks.FlakyBackend"
    settings.EMAIL_RETRY_IN_PROCESS = True  # the tries a worker makes, here in-process
    FlakyBackend.calls = 0
    FlakyBackend.failures = 0
    FlakyBackend.error = smtplib.SMTPServerDisconnected("the mail server went away")
    return FlakyBackend


def _data(**overrides):
    message = EmailMessage(
        subject="Je initiatief is gepubliceerd", body="Hallo Bea,\n\nGoed nieuws.", to=["bea@example.org"]
    )
    return {**message_data(message), **overrides}


def test_a_message_travels_as_json_and_comes_back_whole():
    message = EmailMultiAlternatives(
        subject="Labsessie",
        body="Tot dan!",
        to=["bea@example.org"],
        headers={"List-Unsubscribe": "<https://x/>"},
    )
    message.attach_alternative("<p>Tot dan!</p>", "text/html")
    message.attach("sessie.ics", b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "text/calendar")
    message.attach("foto.png", b"\x89PNG\x00\xff", "image/png")

    data = json.loads(json.dumps(message_data(message)))
    again = message_from_data(data)

    assert (again.subject, again.body, again.to, again.from_email) == (
        message.subject,
        message.body,
        message.to,
        message.from_email,
    )
    assert again.extra_headers == {"List-Unsubscribe": "<https://x/>"}
    assert again.alternatives[0][0] == "<p>Tot dan!</p>"
    names = [attachment[0] for attachment in again.attachments]
    assert names == ["sessie.ics", "foto.png"]
    assert again.attachments[1][1] == b"\x89PNG\x00\xff"
    assert "BEGIN:VCALENDAR" in again.message().as_string()


def test_a_mail_server_that_is_down_is_tried_again_until_it_answers(flaky, mailoutbox):
    flaky.failures = 2

    send_email.delay(_data())

    assert flaky.calls == 3
    assert [message.subject for message in mailoutbox] == ["Je initiatief is gepubliceerd"]
    assert not FailedTask.objects.exists()


def test_after_the_last_try_the_email_becomes_a_dead_letter(flaky, settings, mailoutbox):
    settings.EMAIL_SEND_TRIES = 5
    flaky.failures = 99

    send_email.delay(_data())

    assert flaky.calls == 5
    assert mailoutbox == []
    failed = FailedTask.objects.get()
    assert failed.task_name == "core.send_email"
    assert failed.tries == 5
    assert failed.recipient == "bea@example.org"
    assert failed.summary == "Je initiatief is gepubliceerd"
    assert "SMTPServerDisconnected" in failed.error
    assert failed.arguments["args"][0]["body"] == "Hallo Bea,\n\nGoed nieuws."


def test_an_address_the_server_refuses_for_good_is_not_tried_again(flaky):
    flaky.failures = 99
    flaky.error = smtplib.SMTPRecipientsRefused({"bea@example.org": (550, b"no such user")})

    send_email.delay(_data())

    assert flaky.calls == 1
    assert FailedTask.objects.get().tries == 1


def test_without_a_broker_a_failed_email_is_tried_once_and_kept(flaky, settings):
    """`make run`, or a small site without Redis: the request does not wait for the mail server again."""
    settings.EMAIL_RETRY_IN_PROCESS = False
    flaky.failures = 99

    send_email.delay(_data())

    assert flaky.calls == 1
    assert FailedTask.objects.get().tries == 1


def test_the_wait_between_tries_doubles(settings):
    settings.EMAIL_RETRY_SECONDS = 60
    assert [retry_countdown(tries) for tries in range(4)] == [60, 120, 240, 480]


def test_the_sites_emails_go_through_the_queue(flaky, mailoutbox, django_capture_on_commit_callbacks):
    flaky.failures = 1
    with django_capture_on_commit_callbacks(execute=True):
        send_templated_mail(
            to=["bea@example.org"],
            template="dashboard/email/monthly",
            context={"user": UserFactory(display_name="Bea"), "month": "november 2026", "numbers": []},
        )

    assert flaky.calls == 2  # the first try failed, the task tried again
    assert mailoutbox[0].subject == "Het loket in november 2026"


def test_allauths_emails_go_through_the_same_queue(client, flaky):
    """A password reset (allauth renders it) with the mail server down ends as a dead letter too."""
    flaky.failures = 99
    person = UserFactory(email="vergeten@example.org")
    verify_email(person)

    client.post(reverse("account_reset_password"), {"email": "vergeten@example.org"})

    failed = FailedTask.objects.get()
    assert failed.recipient == "vergeten@example.org"
    assert "[Samenwerken in Doetinchem]" in failed.summary


def test_old_dead_letters_are_deleted(settings):
    settings.FAILED_TASK_RETENTION_DAYS = 30
    now = timezone.now()
    old = FailedTask.objects.create(task_name="core.send_email", failed_at=now - datetime.timedelta(days=31))
    recent = FailedTask.objects.create(
        task_name="core.send_email", failed_at=now - datetime.timedelta(days=29)
    )

    prune_failed_tasks.delay()

    assert list(FailedTask.objects.all()) == [recent]
    assert not FailedTask.objects.filter(pk=old.pk).exists()


# --- the management site --------------------------------------------------------------------------------


def _staff(*codenames):
    person = UserFactory(is_staff=True)
    verify_email(person)
    person.user_permissions.add(
        *Permission.objects.filter(content_type__app_label="core", codename__in=codenames)
    )
    return person


@pytest.fixture
def dead_letter(flaky):
    flaky.failures = 99
    send_email.delay(_data())
    flaky.calls = 0
    flaky.failures = 0
    return FailedTask.objects.get()


def test_staff_with_the_permission_see_what_failed_but_not_the_emails_text(client, dead_letter):
    client.force_login(_staff("view_failedtask"))

    listing = client.get(reverse("admin:core_failedtask_changelist"))
    page = client.get(reverse("admin:core_failedtask_change", args=[dead_letter.pk]))

    assert listing.status_code == page.status_code == 200
    for response in (listing, page):
        text = response.content.decode()
        assert "Je initiatief is gepubliceerd" in text
        assert "bea@example.org" in text
        assert "Goed nieuws" not in text
    assert "e-mail versturen" in listing.content.decode().lower()
    assert "try_again" not in listing.content.decode()  # the action needs its own permission


def test_staff_without_the_permission_do_not_see_dead_letters(client, dead_letter):
    client.force_login(_staff())
    assert client.get(reverse("admin:core_failedtask_changelist")).status_code == 403


def test_trying_again_sends_it_once(client, dead_letter, mailoutbox, django_capture_on_commit_callbacks):
    client.force_login(_staff("view_failedtask", "retry_failedtask"))
    listing = reverse("admin:core_failedtask_changelist")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            listing, {"action": "try_again", "_selected_action": [dead_letter.pk]}, follow=True
        )

    assert [message.subject for message in mailoutbox] == ["Je initiatief is gepubliceerd"]
    assert "opnieuw in de wachtrij" in response.content.decode()
    dead_letter.refresh_from_db()
    assert dead_letter.retried_at is not None

    with django_capture_on_commit_callbacks(execute=True):
        client.post(listing, {"action": "try_again", "_selected_action": [dead_letter.pk]})
    assert len(mailoutbox) == 1  # not twice


def test_a_dead_letter_that_fails_again_makes_a_new_one(
    flaky, dead_letter, django_capture_on_commit_callbacks
):
    flaky.failures = 99
    with django_capture_on_commit_callbacks(execute=True):
        assert dead_letters.failed_task_retry(failed_task=dead_letter)
    assert FailedTask.objects.count() == 2
