"""The knowledge base's forms: the filters of the article list, and a resident's suggestion of an example."""

from django import forms
from django.core.validators import URLValidator
from django.db.models import Subquery
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from core.forms import HoneypotFormMixin
from core.search import ranks_results
from flywheels.models import Concept, Flywheel
from places.models import Area

from .models import Article, ArticleKind

SEARCH_MAX_LENGTH = 200
NEWEST_FIRST = ["-published_at", "-pk"]
BEST_MATCH_FIRST = ["-rank", "-published_at", "-pk"]


def _used_tags():
    """Themes of published articles only: a theme only a draft carries is neither offered nor revealed."""
    published = Article.objects.published().values("pk")
    tagged = Tag.objects.filter(
        taggit_taggeditem_items__content_type__app_label="knowledgebase",
        taggit_taggeditem_items__content_type__model="article",
        taggit_taggeditem_items__object_id__in=Subquery(published),
    )
    return Tag.objects.filter(pk__in=tagged.values("pk")).order_by("name")


class ArticleFilterForm(forms.Form):
    """A GET form: a filtered list has its own address. A value the form does not offer is a 404 (see
    `has_unknown_filter`); only the search text can be wrong in a way a person fixes by typing."""

    zoek = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=SEARCH_MAX_LENGTH,
        widget=forms.SearchInput,
        help_text=_("Words from the title, the summary or the text."),
    )
    soort = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All kinds")), *ArticleKind.choices]
    )
    vliegwiel = forms.ChoiceField(label=_("Flywheel"), required=False)
    begrip = forms.ChoiceField(label=_("Flywheel concept"), required=False)
    thema = forms.ChoiceField(label=_("Theme"), required=False)
    plaats = forms.ChoiceField(label=_("Village or district"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.flywheels = {flywheel.slug: flywheel for flywheel in Flywheel.objects.all()}
        self.fields["vliegwiel"].choices = [("", _("Both flywheels"))] + [
            (flywheel.slug, flywheel.label) for flywheel in self.flywheels.values()
        ]
        concepts = Concept.objects.active().select_related("flywheel").order_by("flywheel__order", "order")
        self.concepts = {concept.slug: concept for concept in concepts}
        groups = {}
        for concept in self.concepts.values():
            groups.setdefault(concept.flywheel.label, []).append((concept.slug, concept.label))
        self.fields["begrip"].choices = [("", _("All concepts")), *groups.items()]
        self.tags = {tag.slug: tag for tag in _used_tags()}
        self.fields["thema"].choices = [("", _("All themes"))] + [
            (slug, tag.name) for slug, tag in self.tags.items()
        ]
        self.areas = {area.slug: area for area in Area.objects.filter(is_active=True)}
        self.fields["plaats"].choices = [("", _("Everywhere"))] + [
            (area.slug, area.name) for area in self.areas.values()
        ]

    @property
    def has_unknown_filter(self) -> bool:
        return any(name != "zoek" for name in self.errors)

    def clean_zoek(self):
        return " ".join(self.cleaned_data["zoek"].split())

    def clean_vliegwiel(self):
        return self.flywheels.get(self.cleaned_data["vliegwiel"])

    def clean_begrip(self):
        return self.concepts.get(self.cleaned_data["begrip"])

    def clean_thema(self):
        return self.tags.get(self.cleaned_data["thema"])

    def clean_plaats(self):
        return self.areas.get(self.cleaned_data["plaats"])

    def filter(self, articles):
        data = self.cleaned_data
        if data["soort"]:
            articles = articles.of_kind(data["soort"])
        if data["vliegwiel"]:
            articles = articles.in_flywheel(data["vliegwiel"])
        if data["begrip"]:
            articles = articles.with_concept(data["begrip"])
        if data["thema"]:
            articles = articles.tagged(data["thema"].slug)
        if data["plaats"]:
            articles = articles.filter(area=data["plaats"])
        if data["zoek"]:
            articles = articles.search(data["zoek"])
            if ranks_results():
                return articles.order_by(*BEST_MATCH_FIRST)
        return articles.order_by(*NEWEST_FIRST)

    def active_filters(self):
        """(name, label, value shown) of every filter in use."""
        data = self.cleaned_data
        shown = {
            "zoek": data["zoek"],
            "soort": data["soort"] and ArticleKind(data["soort"]).label,
            "vliegwiel": data["vliegwiel"] and data["vliegwiel"].label,
            "begrip": data["begrip"] and data["begrip"].label,
            "thema": data["thema"] and data["thema"].name,
            "plaats": data["plaats"] and data["plaats"].name,
        }
        return [(name, self.fields[name].label, value) for name, value in shown.items() if value]


class SuggestExampleForm(HoneypotFormMixin, forms.Form):
    title = forms.CharField(
        label=_("What is the example called?"),
        max_length=120,
        help_text=_("A short name, for example: Buurtkamer in de oude bibliotheek."),
    )
    story = forms.CharField(
        label=_("What happened, and what can others learn from it?"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("Tell it in your own words. An editor may shorten or rewrite it before it is published."),
    )
    area = forms.ModelChoiceField(
        label=_("Village or district"),
        queryset=Area.objects.filter(is_active=True),
        required=False,
        empty_label=_("(not in Doetinchem, or not sure)"),
    )
    place = forms.CharField(
        label=_("Other place"),
        max_length=120,
        required=False,
        help_text=_("Only when it happened somewhere else, for example in a neighbouring municipality."),
    )
    link = forms.URLField(
        label=_("Link"),
        required=False,
        max_length=500,
        assume_scheme="https",
        validators=[URLValidator(schemes=["http", "https"])],
        help_text=_("Optional: a web page about the example, starting with https://."),
    )
