from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .fields import LongTextField


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
