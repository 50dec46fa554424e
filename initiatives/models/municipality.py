"""The municipality's responses to an initiative, each by a named civil servant."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.fields import LongTextField, MarkdownHTMLField
from core.models import TimeStampedModel
from core.text import shorten

from .initiative import Initiative, InitiativePartQuerySet


class MunicipalResponse(TimeStampedModel):
    """A response on behalf of the municipality, by a named civil servant."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="municipal_responses")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("civil servant"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="municipal_responses",
    )
    body = LongTextField(_("response"), max_length=5000, help_text=_("You can use Markdown."))
    body_html = MarkdownHTMLField(source="body")

    objects = InitiativePartQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("response of the municipality")
        verbose_name_plural = _("responses of the municipality")

    def __str__(self):
        return shorten(self.body, 60)

    def get_absolute_url(self):
        return self.initiative.get_absolute_url() + f"#gemeente-{self.pk}"
