"""The filters of the knowledge base's articles (/kennisbank/artikelen/) and their API (/api/artikelen/).
How the page is stricter than the API: core/filters.py."""

import django_filters
from django.utils.translation import gettext_lazy as _

from core.filters import (
    ListFilterSet,
    OptionFilter,
    SearchFilter,
    theme_choices,
)
from core.search import BEST_MATCH_FIRST, NEWEST_FIRST
from flywheels.models import concept_choices, flywheel_choices
from places.models import area_choices

from .models import Article, ArticleKind


class ArticleFilter(ListFilterSet):
    zoek = SearchFilter(label=_("Search"), help_text=_("Words from the title, the summary or the text."))
    soort = django_filters.ChoiceFilter(
        field_name="kind", label=_("Kind"), choices=ArticleKind.choices, empty_label=_("All kinds")
    )
    vliegwiel = OptionFilter(
        method="in_flywheel", label=_("Flywheel"), empty_label=_("Both flywheels"), options=flywheel_choices
    )
    begrip = OptionFilter(
        field_name="concepts__slug",
        label=_("Flywheel concept"),
        empty_label=_("All concepts"),
        options=concept_choices,
    )
    thema = OptionFilter(
        field_name="tags__slug",
        label=_("Theme"),
        empty_label=_("All themes"),
        options=lambda: theme_choices(Article.objects.published()),
    )
    plaats = OptionFilter(
        field_name="area__slug",
        label=_("Village or district"),
        empty_label=_("Everywhere"),
        options=area_choices,
    )

    class Meta:
        model = Article
        fields = []

    def in_flywheel(self, articles, name, slug):
        return articles.in_flywheel(slug)

    def ordering(self):
        return BEST_MATCH_FIRST if self.ranks_by_match else NEWEST_FIRST
