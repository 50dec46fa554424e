"""Settings of the Celery worker that tests/core/test_tasks_worker_e2e.py starts: the project's own, with
the emails written as files into LOKET_TEST_OUTBOX (Django's file-based backend), and mail to any address
at unreachable.example failing as a mail server that does not answer, so that the email is tried again
and ends as a dead letter."""

import os
import smtplib

from django.core.mail.backends.filebased import EmailBackend

from loket.settings import *  # noqa: F403

EMAIL_BACKEND = "tests.worker_settings.OutboxWithAnUnreachableDomain"
EMAIL_FILE_PATH = os.environ["LOKET_TEST_OUTBOX"]
UNREACHABLE = "@unreachable.example"


class OutboxWithAnUnreachableDomain(EmailBackend):
    def send_messages(self, email_messages):
        for message in email_messages:
            if any(address.endswith(UNREACHABLE) for address in message.recipients()):
                raise smtplib.SMTPServerDisconnected("unreachable.example does not answer")
        return super().send_messages(email_messages)
