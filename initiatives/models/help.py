"""What an initiative asks for, and the offers people make in answer (private to the team)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.fields import LongTextField, SingleLineField
from core.models import TimeStampedModel

from ..choices import HelpKind
from .initiative import Initiative, InitiativePartQuerySet


class HelpRequest(TimeStampedModel):
    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="help_requests")
    kind = models.CharField(_("what is needed"), max_length=20, choices=HelpKind.choices)
    title = SingleLineField(_("title"), max_length=120)
    description = LongTextField(_("description"), max_length=2000)
    is_fulfilled = models.BooleanField(_("fulfilled"), default=False)
    fulfilled_at = models.DateTimeField(_("fulfilled on"), null=True, blank=True)

    objects = InitiativePartQuerySet.as_manager()

    class Meta:
        ordering = ["is_fulfilled", "-created_at"]
        verbose_name = _("help request")
        verbose_name_plural = _("help requests")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return self.initiative.get_absolute_url() + f"#hulpvraag-{self.pk}"


class HelpOffer(TimeStampedModel):
    """Someone's answer to a help request. Never public: only the team (and the person) sees it."""

    help_request = models.ForeignKey(HelpRequest, on_delete=models.CASCADE, related_name="offers")
    offered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="help_offers"
    )
    message = LongTextField(_("message"), max_length=2000)
    reply = LongTextField(_("answer of the team"), max_length=2000, blank=True)
    replied_at = models.DateTimeField(_("answered"), null=True, blank=True)
    replied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("offer of help")
        verbose_name_plural = _("offers of help")

    def __str__(self):
        return f"{self.offered_by} → {self.help_request}"
