from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .fields import LongTextField, SingleLineField


class TimeStampedModel(models.Model):
    """When a row was made and last changed; most of what people post needs both."""

    created_at = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        abstract = True


class HiddenCause(models.TextChoices):
    """Why something is hidden: a moderator's decision, enough reports (pending review), or a blocked author."""

    MODERATOR = "moderator", _("hidden by a moderator")
    REPORTS = "reports", _("reported, waiting for a moderator")
    BLOCK = "block", _("the author is blocked")


class Hideable(models.Model):
    """What people post can be hidden by moderation: kept, never shown to the public, restorable."""

    hidden_at = models.DateTimeField(_("hidden"), null=True, blank=True, db_index=True, editable=False)
    hidden_cause = models.CharField(
        _("hidden because"), max_length=20, choices=HiddenCause.choices, blank=True, editable=False
    )
    hidden_reason = LongTextField(_("reason for hiding"), blank=True, max_length=2000, editable=False)

    class Meta:
        abstract = True

    @property
    def is_hidden(self):
        return self.hidden_at is not None


class TranslatedLabelMixin:
    """Reference data and pages kept in Dutch and English (`label_nl`, `label_en`, ...): show the one for
    the language, Dutch when the English is empty."""

    def _in_language(self, field):
        english = getattr(self, f"{field}_en", "")
        if get_language() == "en" and english:
            return english
        return getattr(self, f"{field}_nl")

    @property
    def label(self):
        return self._in_language("label")


class FailedTask(models.Model):
    """A dead letter: a background task that failed for good, after its last try or with an error that is
    not tried again (core.tasks). Staff with the permission see it in the management site and may try it
    again, once.

    What it keeps is what trying again needs (`arguments`: for an email, the message as it was rendered),
    and for staff a line that says what it was (`summary`: for an email, its subject) and to whom
    (`recipient`: one address). The list and the page show the summary, the recipient and the error, never
    the arguments. Kept `FAILED_TASK_RETENTION_DAYS` days; deleting an account deletes the dead letters
    addressed to it or naming it (accounts/failed_task_privacy.py).
    """

    task_name = SingleLineField(_("task"), max_length=200)
    task_id = SingleLineField(_("task number"), max_length=64, blank=True)
    arguments = models.JSONField(_("arguments"), default=dict, editable=False)
    summary = SingleLineField(_("about"), max_length=300, blank=True)
    recipient = models.EmailField(_("recipient"), blank=True, db_index=True)
    error = LongTextField(_("error"), blank=True)
    tries = models.PositiveIntegerField(_("tries"), default=1)
    failed_at = models.DateTimeField(_("failed"), default=timezone.now, db_index=True)
    retried_at = models.DateTimeField(_("tried again"), null=True, blank=True)

    class Meta:
        ordering = ["-failed_at", "-pk"]
        verbose_name = _("failed task")
        verbose_name_plural = _("failed tasks")
        permissions = [("retry_failedtask", _("Can try a failed task again"))]

    def __str__(self):
        return f"{self.task_name}: {self.summary}" if self.summary else self.task_name


class ScheduledMailSent(models.Model):
    """When a scheduled email (the council's monthly mail, a check-in) last went out, by a key of its own
    ("council-monthly:2026-11", "check-in:42"): a unique row, so the same one is not sent twice when the
    scheduler fires twice, and a moment, so a check-in waits its weeks."""

    key = SingleLineField(max_length=100, unique=True)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("scheduled email sent")
        verbose_name_plural = _("scheduled emails sent")

    def __str__(self):
        return self.key
