"""The site's emails go out after the change that caused them is saved, and a mail server that is down
does not turn that saved change into an error page."""

import pytest
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction

from core import content_version
from core.mail import send_templated_mail
from initiatives.models import LogEntry
from initiatives.services.log_entries import log_entry_create
from tests.initiatives.factories import FollowFactory, InitiativeFactory


class BrokenBackend(BaseEmailBackend):
    def send_messages(self, messages):
        raise ConnectionRefusedError("the mail server is down")


@pytest.mark.django_db
def test_nothing_is_sent_when_the_change_is_rolled_back(mailoutbox, django_capture_on_commit_callbacks):
    initiative = InitiativeFactory()
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        send_templated_mail(
            to=["iemand@example.org"],
            template="initiatives/email/submitted",
            context={"initiative": initiative, "submitted_by": initiative.created_by},
        )
        raise RuntimeError("the change fails")

    assert mailoutbox == []


@pytest.mark.django_db
def test_a_mail_server_that_is_down_is_logged_and_the_change_stays(
    settings, caplog, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.core.test_mail.BrokenBackend"
    initiative = InitiativeFactory()
    FollowFactory(initiative=initiative)  # a new log entry emails this follower at once

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        entry = log_entry_create(
            initiative=initiative, author=initiative.created_by, title="Eerste klusdag", text="Het was druk."
        )

    # (Every write also replaces the version of the public content at the commit: core/content_version.py.)
    own = [
        callback
        for callback in callbacks
        if getattr(callback, "func", callback) is not content_version._replace
    ]
    assert own, "the email waits for the commit"
    assert LogEntry.objects.filter(pk=entry.pk).exists()
    assert "the mail server is down" in caplog.text
