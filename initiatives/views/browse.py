"""Browsing without an account: the list of published initiatives with filters and search, the log of all
initiatives together, and the obstacles that recur. Each page runs a fixed number of queries."""

from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from core.filters import filtered_page
from core.search import MATCHES_COUNTED, more_than_counted
from initiatives.choices import LogKind, ObstacleCategory
from initiatives.filters import InitiativeFilter, LogEntryFilter
from initiatives.listing import filters_html, initiatives_found
from initiatives.log_counts import log_counts, obstacle_counts
from initiatives.models import Initiative, LogEntry

INITIATIVES_PER_PAGE = 12
FILTERS_TEMPLATE = "initiatives/includes/filters.html"
LOG_ENTRIES_PER_PAGE = 20
RECENT_OBSTACLES_PER_CATEGORY = 5

# The heading of a list of one kind of log entry.
KIND_TITLES = {
    LogKind.UPDATE: _("Updates"),
    LogKind.DILEMMA: _("Dilemmas"),
    LogKind.OBSTACLE: _("Obstacles"),
    LogKind.WORKING_ELEMENT: _("Working elements"),
    LogKind.REFLECTION: _("Reflections"),
    LogKind.MILESTONE: _("Milestones"),
}
NEWEST_ENTRIES_FIRST = ["-happened_on", "-created_at", "-pk"]


@require_safe
def index(request):
    """The published initiatives, a page of cards at a time. The options of the filters, the number found
    and the filter form as HTML come from initiatives/listing.py (cached until the next write; a search
    counted up to a bound), the page from an index in the order asked for."""
    filterset = InitiativeFilter(request.GET, Initiative.objects.published().for_cards(), offer_options=True)
    page, active_filters = filtered_page(request, filterset, INITIATIVES_PER_PAGE, count=initiatives_found)
    filters = None
    if page is not None:  # valid filters: the form as drawn for them before, or drawn now
        filters = filters_html(
            filterset, lambda: render_to_string(FILTERS_TEMPLATE, {"form": filterset.form}, request)
        )
    return render(
        request,
        "initiatives/index.html",
        {
            "form": filterset.form,
            "filters_html": filters,
            "page_obj": page,
            "active_filters": active_filters,
            "more_than_counted": page is not None
            and filterset.searching
            and more_than_counted(page.paginator.count),
            "matches_counted": number_format(MATCHES_COUNTED, force_grouping=True),
        },
    )


@require_safe
def log_entries(request):
    """All log entries of published initiatives, of one kind or all: where initiatives learn from each
    other. `?soort=` picks the kind, `?categorie=` (obstacles only) the kind of obstacle. The counts come
    from initiatives/log_counts.py (cached until the next write), the page from an index in this order."""
    counts = log_counts()
    filterset = LogEntryFilter(
        request.GET,
        LogEntry.objects.published().for_listing().order_by(*NEWEST_ENTRIES_FIRST),
        offer_options=True,
    )
    page, _active = filtered_page(
        request, filterset, LOG_ENTRIES_PER_PAGE, count=lambda f: _listed(f, counts)
    )
    kind, category = filterset.kind, filterset.form.cleaned_data["categorie"]

    kinds = [
        {
            "value": value,
            "title": KIND_TITLES[value],
            "count": counts["kinds"][value],
            "url": f"{request.path}?{urlencode({'soort': value})}",
            "current": value == kind and not category,
        }
        for value in LogKind.values
    ]
    return render(
        request,
        "initiatives/log_entries.html",
        {
            "page_obj": page,
            "kinds": kinds,
            "total": counts["total"],
            "kind": kind,
            "kind_title": KIND_TITLES.get(kind, ""),
            "category_label": ObstacleCategory(category).label if category else "",
        },
    )


def _listed(filterset, counts):
    """How many entries the log page lists with these filters, from the counts."""
    kind, category = filterset.kind, filterset.form.cleaned_data["categorie"]
    if category:
        return counts["categories"].get(category, 0)
    return counts["kinds"][kind] if kind else counts["total"]


@require_safe
def obstacles(request):
    """The kinds of obstacles, the most frequent first, each with its latest entries. The counts come from
    initiatives/log_counts.py (cached until the next write); the latest few of each kind one query per
    kind, each read from an index in date order: a fixed number of queries, each reading a few rows,
    however many obstacles there are."""
    counts = obstacle_counts()
    entries = (
        LogEntry.objects.published().of_kind(LogKind.OBSTACLE).for_listing().order_by(*NEWEST_ENTRIES_FIRST)
    )
    stats = counts["categories"]
    totals = {"entries": counts["entries"], "initiatives": counts["initiatives"]}
    latest_by_category = {
        category: list(entries.filter(obstacle_category=category)[:RECENT_OBSTACLES_PER_CATEGORY])
        for category in ObstacleCategory.values
    }

    log_url = reverse("initiatives:log_entry_list")
    categories = []
    for order, category in enumerate(ObstacleCategory):
        row = stats.get(category.value, {})
        categories.append(
            {
                "value": category.value,
                "label": category.label,
                "entries": row.get("entries", 0),
                "initiatives": row.get("initiatives", 0),
                "latest": latest_by_category[category.value],
                "url": f"{log_url}?{urlencode({'soort': LogKind.OBSTACLE, 'categorie': category.value})}",
                "order": order,
            }
        )
    categories.sort(key=lambda c: (-c["entries"], -c["initiatives"], c["order"]))
    return render(
        request,
        "initiatives/obstacles.html",
        {
            "categories": categories,
            "totals": totals,
            "log_url": f"{log_url}?{urlencode({'soort': LogKind.OBSTACLE})}",
        },
    )
