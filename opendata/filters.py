"""The API's filters, named like the lists on the site (?gebied=, ?fase=, ...). A slug that is well
formed but unknown (a village that does not exist) gives an empty list; a malformed one, a choice that
does not exist, or a search text over 200 characters is a 400. The schema says the same (patterns)."""

import django_filters
from django import forms
from drf_spectacular.utils import extend_schema_field

from initiatives.choices import LogKind, ObstacleCategory, Origin, Stage
from initiatives.models import Initiative, LogEntry
from knowledgebase.models import Article, ArticleKind

SLUG_PATTERN = r"^[-a-zA-Z0-9_]+$"
SEARCH_MAX_LENGTH = 200


@extend_schema_field({"type": "string", "pattern": SLUG_PATTERN})
class SlugFilter(django_filters.CharFilter):
    field_class = forms.SlugField


@extend_schema_field({"type": "string", "maxLength": SEARCH_MAX_LENGTH, "pattern": "^[^\\u0000]*$"})
class SearchFilter(django_filters.CharFilter):
    pass


class _Search(django_filters.FilterSet):
    """`?zoek=`: the lists' search, as on the site."""

    zoek = SearchFilter(
        method="search", max_length=SEARCH_MAX_LENGTH, label="Words from the title, the text or the themes."
    )

    def search(self, queryset, name, value):
        return queryset.search(value)


class InitiativeFilter(_Search):
    gebied = SlugFilter(field_name="area__slug", label="Village or district (slug).")
    fase = django_filters.ChoiceFilter(field_name="stage", choices=Stage.choices, label="Stage.")
    herkomst = django_filters.ChoiceFilter(field_name="origin", choices=Origin.choices, label="Origin.")
    begrip = SlugFilter(field_name="concepts__slug", label="Flywheel concept (slug).")
    thema = SlugFilter(field_name="tags__slug", label="Theme (slug).")

    class Meta:
        model = Initiative
        fields = []


class LogEntryFilter(django_filters.FilterSet):
    soort = django_filters.ChoiceFilter(field_name="kind", choices=LogKind.choices, label="Kind of entry.")
    categorie = django_filters.ChoiceFilter(
        field_name="obstacle_category", choices=ObstacleCategory.choices, label="Kind of obstacle."
    )
    gebied = SlugFilter(field_name="initiative__area__slug", label="Village or district (slug).")
    initiatief = SlugFilter(field_name="initiative__slug", label="Initiative (slug).")

    class Meta:
        model = LogEntry
        fields = []


class ArticleFilter(_Search):
    soort = django_filters.ChoiceFilter(
        field_name="kind", choices=ArticleKind.choices, label="Kind of article."
    )
    begrip = SlugFilter(field_name="concepts__slug", label="Flywheel concept (slug).")
    thema = SlugFilter(field_name="tags__slug", label="Theme (slug).")
    plaats = SlugFilter(field_name="area__slug", label="Village or district (slug).")

    class Meta:
        model = Article
        fields = []
