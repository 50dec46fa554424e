"""Moderation: reports by residents, the moderators' actions (an audit log that cannot be changed) and
appeals by authors. What can be moderated, and how, is in content.py; every write is in services.py."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.fields import LongTextField, SingleLineField


class ReportReason(models.TextChoices):
    OFFENSIVE = "offensive", _("offensive, hurtful or discriminating")
    SPAM = "spam", _("advertising or spam")
    PERSONAL_DATA = "personal_data", _("shows personal data of someone else")
    UNTRUE = "untrue", _("untrue or misleading")
    OTHER = "other", _("something else")


class ReportStatus(models.TextChoices):
    OPEN = "open", _("open")
    UPHELD = "upheld", _("upheld: the item was hidden")
    DISMISSED = "dismissed", _("dismissed: the item stays")


class Report(models.Model):
    """A signed-in person says an item breaks the house rules. One report per person per item."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, verbose_name=_("kind of item"))
    object_id = models.PositiveBigIntegerField(_("item"))
    item = GenericForeignKey("content_type", "object_id")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reported by"),
        on_delete=models.CASCADE,
        related_name="reports",
    )
    reason = models.CharField(_("reason"), max_length=20, choices=ReportReason.choices)
    text = LongTextField(_("explanation"), blank=True, max_length=2000)
    status = models.CharField(
        _("status"), max_length=20, choices=ReportStatus.choices, default=ReportStatus.OPEN, db_index=True
    )
    created_at = models.DateTimeField(_("reported"), auto_now_add=True, db_index=True)
    closed_at = models.DateTimeField(_("handled"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "reporter"],
                name="report_once_per_person_per_item",
                violation_error_message=_("You have already reported this."),
            ),
        ]
        indexes = [models.Index(fields=["content_type", "object_id"], name="report_item_idx")]

    def __str__(self):
        return f"{self.get_reason_display()} ({self.content_type.name} {self.object_id})"


class ActionKind(models.TextChoices):
    PUBLISH = "publish", _("published")
    REJECT = "reject", _("rejected")
    HIDE = "hide", _("hidden")
    AUTO_HIDE = "auto_hide", _("hidden after reports, waiting for review")
    RESTORE = "restore", _("restored")
    DISMISS = "dismiss", _("reports dismissed")
    APPEAL = "appeal", _("appeal received")
    APPEAL_GRANTED = "appeal_granted", _("appeal granted")
    APPEAL_DENIED = "appeal_denied", _("appeal denied")
    BLOCK = "block", _("account blocked")
    UNBLOCK = "unblock", _("account unblocked")
    VIEW_SIGNAL = "view_signal", _("confidential signal viewed in the management site")


# Decisions an author may appeal (once per item).
APPEALABLE = {ActionKind.HIDE, ActionKind.REJECT, ActionKind.AUTO_HIDE}


class ModerationAction(models.Model):
    """One line in the audit log: who did what, when, to which item or account, and why. Written only by
    the services; never changed or deleted (the management site offers neither)."""

    kind = models.CharField(_("action"), max_length=20, choices=ActionKind.choices)
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="moderation_actions",
        help_text=_("Empty when the site did it itself (enough reports)."),
    )
    content_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("kind of item")
    )
    object_id = models.PositiveBigIntegerField(_("item"), null=True, blank=True)
    item = GenericForeignKey("content_type", "object_id")
    account = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="moderation_actions_about",
        help_text=_("The author of the item, or the blocked account."),
    )
    item_label = SingleLineField(_("item"), max_length=300, help_text=_("As it was called at the time."))
    reason = LongTextField(_("reason"), blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("moderation action")
        verbose_name_plural = _("audit log")
        indexes = [models.Index(fields=["content_type", "object_id"], name="action_item_idx")]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.item_label}"


class AppealStatus(models.TextChoices):
    OPEN = "open", _("open")
    GRANTED = "granted", _("granted")
    DENIED = "denied", _("denied")


class Appeal(models.Model):
    """The author asks another moderator to look again at a decision about their item. Once per item."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, verbose_name=_("kind of item"))
    object_id = models.PositiveBigIntegerField(_("item"))
    item = GenericForeignKey("content_type", "object_id")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.CASCADE, related_name="appeals"
    )
    decision = models.ForeignKey(
        ModerationAction,
        verbose_name=_("decision appealed"),
        on_delete=models.PROTECT,
        related_name="appeals",
    )
    message = LongTextField(_("message"), max_length=3000)
    status = models.CharField(
        _("status"), max_length=20, choices=AppealStatus.choices, default=AppealStatus.OPEN, db_index=True
    )
    created_at = models.DateTimeField(_("received"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("appeal")
        verbose_name_plural = _("appeals")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"],
                name="appeal_once_per_item",
                violation_error_message=_("This decision has already been appealed."),
            ),
            models.CheckConstraint(
                condition=Q(status=AppealStatus.OPEN) | Q(decided_at__isnull=False),
                name="appeal_decided_has_date",
            ),
        ]

    def __str__(self):
        return f"{self.author} ({self.get_status_display()})"
