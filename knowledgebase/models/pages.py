"""The site's pages of prose ("Zo zijn onze manieren", the guides, about, privacy, ...): editors keep them
up to date in the management site, in Dutch and English."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.fields import LongTextField, MarkdownHTMLField, SingleLineField
from core.models import TranslatedLabelMixin

# Every page has its own address: slug -> (path, URL name), routed in loket/urls.py. Editors change pages,
# they do not add them.
PAGES = {
    "over-het-loket": ("over-het-loket", "about"),
    "zo-zijn-onze-manieren": ("zo-zijn-onze-manieren", "our_ways"),
    "gids-initiatiefnemers": ("gids/initiatiefnemers", "guide_initiators"),
    "gids-ambtenaren": ("gids/ambtenaren", "guide_civil_servants"),
    "samenwerkingslab": ("samenwerkingslab", "lab:index"),  # the lab app's front page shows it
    "privacy": ("privacy", "privacy"),
    "toegankelijkheid": ("toegankelijkheid", "accessibility"),
    "contact": ("contact", "contact"),
}


class Page(TranslatedLabelMixin, models.Model):
    slug = models.SlugField(_("page"), max_length=60, unique=True, editable=False)
    title_nl = SingleLineField(_("title (Dutch)"), max_length=120)
    title_en = SingleLineField(_("title (English)"), max_length=120, blank=True)
    description_nl = SingleLineField(
        _("description (Dutch)"), max_length=300, blank=True, help_text=_("One sentence, for search engines.")
    )
    description_en = SingleLineField(_("description (English)"), max_length=300, blank=True)
    lead_nl = LongTextField(_("introduction (Dutch)"), max_length=1000, blank=True)
    lead_en = LongTextField(_("introduction (English)"), max_length=1000, blank=True)
    body_nl = LongTextField(_("text (Dutch)"), max_length=50000, help_text=_("Markdown."))
    body_en = LongTextField(_("text (English)"), max_length=50000, blank=True, help_text=_("Markdown."))
    body_html_nl = MarkdownHTMLField(source="body_nl")
    body_html_en = MarkdownHTMLField(source="body_en")
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        ordering = ["title_nl"]
        verbose_name = _("page")
        verbose_name_plural = _("pages")

    def __str__(self):
        return self.title_nl

    def get_absolute_url(self):
        return reverse(PAGES[self.slug][1])

    @property
    def title(self):
        return self._in_language("title")

    @property
    def description(self):
        return self._in_language("description")

    @property
    def lead(self):
        return self._in_language("lead")

    @property
    def body(self):
        return self._in_language("body")

    @property
    def body_html(self):
        return self._in_language("body_html")
