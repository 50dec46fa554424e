"""The filters of the public list of initiatives (/initiatieven/): a GET form, so a filtered list has its
own web address that people can share.

A filter value is valid exactly when the form offers it. Anything else (an unknown village, a concept
that was retired, a made-up stage) is a web address that does not exist: the view answers 404. Only the
search text can be wrong in a way a person fixes by typing, so only it gives a form error.
"""

from django import forms
from django.db.models import Subquery
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from core.search import ranks_results
from flywheels.models import Concept
from initiatives.choices import GovernmentRole, Origin, ParticipationStep, Stage
from initiatives.models import Initiative
from places.models import Area

SEARCH_MAX_LENGTH = 200

NEWEST, MOST_SUPPORTED, RECENTLY_ACTIVE = "nieuw", "steun", "actief"
SORTS = [
    (NEWEST, _("Newest first")),
    (MOST_SUPPORTED, _("Most supported")),
    (RECENTLY_ACTIVE, _("Recently active")),
]
# A stable order within each sort, so no initiative shows up on two pages or on none.
ORDERINGS = {
    NEWEST: ["-published_at", "-pk"],
    MOST_SUPPORTED: ["-support_count", "-published_at", "-pk"],
    RECENTLY_ACTIVE: ["-last_activity_at", "-pk"],
}
BEST_MATCH_ORDERING = ["-rank", "-published_at", "-pk"]


def _used_tags():
    """Themes of published initiatives: a theme only drafts carry is not offered (nor revealed)."""
    published = Initiative.objects.published().values("pk")
    tagged = Tag.objects.filter(
        taggit_taggeditem_items__content_type__app_label="initiatives",
        taggit_taggeditem_items__content_type__model="initiative",
        taggit_taggeditem_items__object_id__in=Subquery(published),
    )
    # One row per tag without DISTINCT: ask for the tags that have such an item.
    return Tag.objects.filter(pk__in=tagged.values("pk")).order_by("name")


class InitiativeFilterForm(forms.Form):
    zoek = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=SEARCH_MAX_LENGTH,
        widget=forms.SearchInput,
        help_text=_("Words from the title, the story, the log or the themes."),
    )
    gebied = forms.ChoiceField(label=_("Village or district"), required=False)
    fase = forms.ChoiceField(
        label=_("Stage"), required=False, choices=[("", _("All stages")), *Stage.choices]
    )
    herkomst = forms.ChoiceField(
        label=_("Comes from"),
        required=False,
        choices=[("", _("Any origin")), *Origin.choices],
    )
    rol = forms.ChoiceField(
        label=_("Role of the municipality"),
        required=False,
        choices=[
            ("", _("All roles")),
            (_("Role of the municipality in an initiative from society"), GovernmentRole.choices),
            (_("Participation of residents in a plan of the municipality"), ParticipationStep.choices),
        ],
    )
    begrip = forms.ChoiceField(label=_("Flywheel concept"), required=False)
    thema = forms.ChoiceField(label=_("Theme"), required=False)
    sorteer = forms.ChoiceField(label=_("Sort by"), required=False, choices=SORTS)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # One query each, whatever is chosen: the options are also what a value is checked against.
        self.areas = {area.slug: area for area in Area.objects.filter(is_active=True)}
        self.fields["gebied"].choices = [("", _("All villages and districts"))] + [
            (area.slug, area.name) for area in self.areas.values()
        ]
        concepts = Concept.objects.filter(is_active=True).select_related("flywheel")
        self.concepts = {concept.slug: concept for concept in concepts.order_by("flywheel__order", "order")}
        groups = {}
        for concept in self.concepts.values():
            groups.setdefault(concept.flywheel.label, []).append((concept.slug, concept.label))
        self.fields["begrip"].choices = [("", _("All concepts")), *groups.items()]
        self.tags = {tag.slug: tag for tag in _used_tags()}
        self.fields["thema"].choices = [("", _("All themes"))] + [
            (tag.slug, tag.name) for tag in self.tags.values()
        ]
        self._offer_best_match()

    def _offer_best_match(self):
        """On PostgreSQL search results come best match first unless someone picks another order. The
        choice "newest first" then needs its own option; without search text it is what no choice means."""
        searching = bool(self.data.get("zoek", "").strip()) if self.is_bound else False
        if searching and ranks_results():
            self.fields["sorteer"].choices = [("", _("Best match")), *SORTS]
        else:
            # `sorteer=nieuw` stays valid (shared links), it just is not a separate option here.
            self.fields["sorteer"].widget.choices = [("", _("Newest first")), *SORTS[1:]]

    @property
    def has_unknown_filter(self) -> bool:
        """A value no option matches: the page asked for does not exist."""
        return any(name != "zoek" for name in self.errors)

    def clean_zoek(self):
        return " ".join(self.cleaned_data["zoek"].split())

    def clean_gebied(self):
        return self.areas.get(self.cleaned_data["gebied"])

    def clean_begrip(self):
        return self.concepts.get(self.cleaned_data["begrip"])

    def clean_thema(self):
        return self.tags.get(self.cleaned_data["thema"])

    @property
    def is_searching(self) -> bool:
        return bool(self.cleaned_data.get("zoek"))

    def filter(self, initiatives):
        """The initiatives that match, in the chosen order. Each filter matches an initiative at most once
        (one area, one concept row, one theme row per initiative), so no DISTINCT is needed."""
        data = self.cleaned_data
        if data["gebied"]:
            initiatives = initiatives.in_area(data["gebied"])
        if data["fase"]:
            initiatives = initiatives.filter(stage=data["fase"])
        if data["herkomst"]:
            initiatives = initiatives.filter(origin=data["herkomst"])
        if data["rol"] in GovernmentRole.values:
            initiatives = initiatives.filter(government_role=data["rol"])
        elif data["rol"] in ParticipationStep.values:
            initiatives = initiatives.filter(participation_step=data["rol"])
        if data["begrip"]:
            initiatives = initiatives.with_concept(data["begrip"])
        if data["thema"]:
            initiatives = initiatives.tagged(data["thema"].slug)
        if data["zoek"]:
            initiatives = initiatives.search(data["zoek"])
        return initiatives.order_by(*self.ordering())

    def ordering(self):
        sort = self.cleaned_data.get("sorteer")
        if not sort and self.is_searching and ranks_results():
            return BEST_MATCH_ORDERING
        return ORDERINGS[sort or NEWEST]

    def active_filters(self):
        """(name, label, value shown) of every filter in use, for the "you filtered on" list."""
        data = self.cleaned_data
        shown = {
            "zoek": data["zoek"],
            "gebied": data["gebied"] and data["gebied"].name,
            "fase": data["fase"] and Stage(data["fase"]).label,
            "herkomst": data["herkomst"] and Origin(data["herkomst"]).label,
            "rol": data["rol"] and _role_label(data["rol"]),
            "begrip": data["begrip"] and data["begrip"].label,
            "thema": data["thema"] and data["thema"].name,
        }
        return [(name, self.fields[name].label, value) for name, value in shown.items() if value]


def _role_label(value):
    if value in GovernmentRole.values:
        return GovernmentRole(value).label
    return ParticipationStep(value).label
