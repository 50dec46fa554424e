"""The filters of the list of initiatives (/initiatieven/), the log (/initiatieven/logboek/) and their API
(/api/initiatieven/, /api/logboek/). How the page is stricter than the API: core/filters.py."""

import django_filters
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field

from core.filters import ListFilterSet, OptionFilter, SearchFilter, SortFilter
from core.search import BEST_MATCH_FIRST, NEWEST_FIRST, ranks_results

from .choices import GovernmentRole, LogKind, ObstacleCategory, Origin, ParticipationStep, Stage
from .listing import list_options
from .models import Initiative, LogEntry

NEWEST, MOST_SUPPORTED, RECENTLY_ACTIVE = "nieuw", "steun", "actief"
SORTS = [
    (NEWEST, _("Newest first")),
    (MOST_SUPPORTED, _("Most supported")),
    (RECENTLY_ACTIVE, _("Recently active")),
]
# A stable order within each sort, so no initiative shows up on two pages or on none.
ORDERINGS = {
    NEWEST: NEWEST_FIRST,
    MOST_SUPPORTED: ["-support_count", "-published_at", "-pk"],
    RECENTLY_ACTIVE: ["-last_activity_at", "-pk"],
}


class InitiativeFilter(ListFilterSet):
    """Each filter matches an initiative at most once (one area, one concept row, one theme row per
    initiative), so no DISTINCT is needed."""

    zoek = SearchFilter(
        label=_("Search"), help_text=_("Words from the title, the story, the log or the themes.")
    )
    gebied = OptionFilter(
        field_name="area__slug",
        label=_("Village or district"),
        empty_label=_("All villages and districts"),
        options=lambda: list_options()["areas"],
    )
    fase = django_filters.ChoiceFilter(
        field_name="stage", label=_("Stage"), choices=Stage.choices, empty_label=_("All stages")
    )
    herkomst = django_filters.ChoiceFilter(
        field_name="origin", label=_("Comes from"), choices=Origin.choices, empty_label=_("Any origin")
    )
    rol = django_filters.ChoiceFilter(
        method="in_role",
        label=_("Role of the municipality"),
        choices=[
            (_("Role of the municipality in an initiative from society"), GovernmentRole.choices),
            (_("Participation of residents in a plan of the municipality"), ParticipationStep.choices),
        ],
        empty_label=_("All roles"),
    )
    begrip = OptionFilter(
        field_name="concepts__slug",
        label=_("Flywheel concept"),
        empty_label=_("All concepts"),
        options=lambda: list_options()["concepts"],
    )
    thema = OptionFilter(
        method="with_theme",
        label=_("Theme"),
        empty_label=_("All themes"),
        options=lambda: list_options()["themes"],
    )
    sorteer = SortFilter(label=_("Sort by"), choices=SORTS, empty_label=None)

    class Meta:
        model = Initiative
        fields = []

    @extend_schema_field({"type": "string", "enum": [*GovernmentRole.values, *ParticipationStep.values]})
    def in_role(self, initiatives, name, role):
        return initiatives.in_role(role)

    def with_theme(self, initiatives, name, slug):
        return initiatives.with_theme(slug)

    def offer(self, form):
        """On PostgreSQL search results come best match first unless someone picks another order. The
        choice "newest first" then needs its own option; without search text it is what no choice means."""
        super().offer(form)
        if self.data.get("zoek", "").strip() and ranks_results():
            form.fields["sorteer"].choices = [("", _("Best match")), *SORTS]
        else:
            # `sorteer=nieuw` stays valid (shared links), it just is not a separate option here.
            form.fields["sorteer"].widget.choices = [("", _("Newest first")), *SORTS[1:]]

    def ordering(self):
        sort = self.form.cleaned_data.get("sorteer")
        if not sort and self.ranks_by_match:
            return BEST_MATCH_FIRST
        return ORDERINGS[sort or NEWEST]


class LogEntryFilter(ListFilterSet):
    """The log page has no form of its own: its links carry these parameters. The API adds filters on
    place and initiative (opendata/filters.py)."""

    soort = django_filters.ChoiceFilter(field_name="kind", choices=LogKind.choices)
    categorie = django_filters.ChoiceFilter(field_name="obstacle_category", choices=ObstacleCategory.choices)

    class Meta:
        model = LogEntry
        fields = []

    def offer(self, form):
        """Kinds of obstacle go with obstacles: with another kind `?categorie=` is not a page."""
        super().offer(form)
        if self.data.get("soort", "") not in ("", LogKind.OBSTACLE):
            form.fields["categorie"].choices = []

    @property
    def kind(self):
        """The kind of entry asked for; a kind of obstacle alone means obstacles."""
        data = self.form.cleaned_data
        return data["soort"] or (LogKind.OBSTACLE if data["categorie"] else "")
