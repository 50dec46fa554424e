"""The filters of the lists, for the site and the API at once: each app declares one django-filter FilterSet
per model (initiatives/filters.py, knowledgebase/filters.py). The page's GET form is the filterset's form,
and the API's viewsets use the same class as their `filterset_class`, so a filter is added once and both
read `?gebied=wehl` alike.

Both check the same values, but a page and an API are strict about different things. The filterset is
made for one or the other, and `offer_options` is the one place that decides:

- For the API (`offer_options=False`, how DRF's filter backend makes it) a value must be well formed: a
  malformed slug, a choice that does not exist or a search text over 200 characters is an error, a 400
  naming the parameter. A well-formed slug is filtered on as it is, so a village nothing lies in gives an
  empty list. No query is spent on options, and the OpenAPI schema gives the patterns (the annotations
  below).
- For a page (`offer_options=True`) the form also offers options, and `offer()` narrows each field to
  what the page shows: an `OptionFilter` becomes a choice of its options (the active villages, the
  themes of published items only, one query each), and a filterset may narrow more (the log offers
  kinds of obstacle only for obstacles). A value outside the options is then a form error like any
  other, and `has_unknown_filter` says the page asked for does not exist: the view answers 404 (an
  unknown village, a retired concept, a made-up stage, a theme only drafts carry). Only the search text
  can be wrong in a way a person fixes by typing: the form shows its error, and no list.
"""

import django_filters
from django import forms
from django.db.models import OuterRef, Subquery
from django.http import Http404
from django.utils.choices import flatten_choices
from drf_spectacular.utils import extend_schema_field
from taggit.models import Tag, TaggedItem

from core.paging import get_page, url_without
from core.search import BEST_MATCH_FIRST, best_first, in_order, ranked_pks, ranks_results

SLUG_PATTERN = r"^[-a-zA-Z0-9_]+$"
SEARCH_MAX_LENGTH = 200


class SearchField(forms.CharField):
    widget = forms.SearchInput

    def clean(self, value):
        # Runs of spaces count as one, after the length check on what was typed.
        return " ".join(super().clean(value).split())


@extend_schema_field({"type": "string", "maxLength": SEARCH_MAX_LENGTH, "pattern": "^[^\\u0000]*$"})
class SearchFilter(django_filters.CharFilter):
    """`?zoek=`: full-text search through the queryset's `search()` (core.search)."""

    field_class = SearchField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", SEARCH_MAX_LENGTH)
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        return qs.search(value) if value else qs


@extend_schema_field({"type": "string", "pattern": SLUG_PATTERN})
class SlugFilter(django_filters.CharFilter):
    """Something named by its slug (`field_name` is the lookup, e.g. `area__slug`)."""

    field_class = forms.SlugField


class OptionFilter(SlugFilter):
    """A slug that a page offers as one of its options. `options` gives them (a callable, so they are
    read only when a page asks): a select's choices, [(slug, label)] or grouped."""

    def __init__(self, *args, options, empty_label, **kwargs):
        super().__init__(*args, **kwargs)
        self.options = options
        self.empty_label = empty_label

    def offered_field(self):
        return forms.ChoiceField(
            label=self.label, required=False, choices=[("", self.empty_label), *self.options()]
        )


class SortFilter(django_filters.ChoiceFilter):
    """`?sorteer=`: the order of the list, not a filter; the filterset orders by it (`ordering()`)."""

    def filter(self, qs, value):
        return qs


class ListFilterSet(django_filters.FilterSet):
    """A list's filters; `offer_options=True` for a page (see the module's docstring)."""

    def __init__(self, data=None, queryset=None, *, offer_options=False, **kwargs):
        super().__init__(data, queryset, **kwargs)
        self.offer_options = offer_options

    @property
    def form(self):
        if not hasattr(self, "_form"):
            form = super().form
            if self.offer_options:
                self.offer(form)
        return self._form

    def offer(self, form):
        """Narrow the page's form to the options it shows; what it does not offer is then an error."""
        for name, filter_ in self.filters.items():
            if isinstance(filter_, OptionFilter):
                form.fields[name] = filter_.offered_field()

    @property
    def has_unknown_filter(self) -> bool:
        """For a page: a value it does not offer, so the page asked for does not exist. (A wrong search
        text is not one: the form shows what to fix.)"""
        return any(not isinstance(self.filters.get(name), SearchFilter) for name in self.errors)

    @property
    def searching(self) -> bool:
        """Whether the (valid) filters include a search text."""
        data = self.form.cleaned_data
        return any(isinstance(f, SearchFilter) and data.get(name) for name, f in self.filters.items())

    @property
    def ranks_by_match(self) -> bool:
        """Whether search results can come best match first: while searching, on PostgreSQL."""
        return self.searching and ranks_results()

    def ordering(self):
        """The order of the results (a list of `order_by` fields), or None to keep the queryset's."""
        return None

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        ordering = self.ordering()
        if ordering == BEST_MATCH_FIRST:
            return best_first(queryset)  # ranks a bounded number of matches, not all (core.search)
        return queryset.order_by(*ordering) if ordering else queryset

    def active_filters(self):
        """(name, label, value shown) of every filter in use, in the form's order; the order is not one."""
        data = self.form.cleaned_data
        return [
            (name, self.form.fields[name].label, _shown(self.form.fields[name], data[name]))
            for name, filter_ in self.filters.items()
            if data.get(name) and not isinstance(filter_, SortFilter)
        ]


def _shown(field, value):
    """The label of the chosen option (of a page's form), or the text as typed."""
    choices = getattr(field, "choices", None)
    return dict(flatten_choices(choices)).get(value, value) if choices is not None else value


def filtered_page(request, filterset, per_page, count=None):
    """The page of a filtered list and its "you filtered on" list (each with the address without it).

    A value the page does not offer is a 404; a search text that is wrong (too long) gives no page, and
    the form says why. `count`, if given, tells the number of items from the valid filterset without a
    COUNT(*) of the list (a list whose counts are known already). Results best match first are counted
    and ordered by one query over a bounded window of matches (core.search), `count` not asked."""
    if filterset.is_valid():
        active = [
            {"label": label, "value": value, "remove_url": url_without(request, name)}
            for name, label, value in filterset.active_filters()
        ]
        if filterset.ordering() == BEST_MATCH_FIRST:
            # Ranked: the window of matches (core.search) read once, for the count and the order; then
            # the rows of this page by their keys.
            page = get_page(request, ranked_pks(filterset.qs), per_page)
            page.object_list = in_order(filterset.queryset, page.object_list)
            return page, active
        return get_page(request, filterset.qs, per_page, count(filterset) if count else None), active
    if filterset.has_unknown_filter:
        raise Http404
    return None, []


def theme_choices(items):
    """The themes (tags) of `items` as (slug, name), by name. Pass published items only: a theme only
    drafts carry is then neither offered nor revealed.

    Per theme one look for the first such item that carries it (a subquery with LIMIT 1): with a few dozen
    themes and a hundred thousand items each look stops at its first hit, where asking which themes any
    item carries would join every tagged item."""
    meta = items.model._meta
    first_item = TaggedItem.objects.filter(
        tag=OuterRef("pk"),
        content_type__app_label=meta.app_label,
        content_type__model=meta.model_name,
        object_id__in=items.order_by().values("pk"),
    ).values("pk")[:1]
    tags = Tag.objects.alias(first_item=Subquery(first_item)).filter(first_item__isnull=False)
    return [(tag.slug, tag.name) for tag in tags.order_by("name")]
