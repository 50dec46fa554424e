"""Browsing without an account: the list of published initiatives with filters and search, the log of all
initiatives together, and the obstacles that recur. Each page runs a fixed number of queries."""

from collections import defaultdict

from django.db.models import Count, F, Q, Window
from django.db.models.functions import RowNumber
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from core.filters import filtered_page
from initiatives.choices import LogKind, ObstacleCategory
from initiatives.filters import InitiativeFilter, LogEntryFilter
from initiatives.models import Initiative, LogEntry

INITIATIVES_PER_PAGE = 12
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
    filterset = InitiativeFilter(request.GET, Initiative.objects.published().for_cards(), offer_options=True)
    page, active_filters = filtered_page(request, filterset, INITIATIVES_PER_PAGE)
    return render(
        request,
        "initiatives/index.html",
        {"form": filterset.form, "page_obj": page, "active_filters": active_filters},
    )


@require_safe
def log_entries(request):
    """All log entries of published initiatives, of one kind or all: where initiatives learn from each
    other. `?soort=` picks the kind, `?categorie=` (obstacles only) the kind of obstacle."""
    published = LogEntry.objects.published()
    filterset = LogEntryFilter(
        request.GET, published.for_listing().order_by(*NEWEST_ENTRIES_FIRST), offer_options=True
    )
    page, _active = filtered_page(request, filterset, LOG_ENTRIES_PER_PAGE)
    kind, category = filterset.kind, filterset.form.cleaned_data["categorie"]

    counts = published.aggregate(
        total=Count("pk"), **{f"n_{value}": Count("pk", filter=Q(kind=value)) for value in LogKind.values}
    )
    kinds = [
        {
            "value": value,
            "title": KIND_TITLES[value],
            "count": counts[f"n_{value}"],
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


@require_safe
def obstacles(request):
    """The kinds of obstacles, the most frequent first, each with its latest entries. Three queries: the
    totals, the counts per kind, and the latest few of every kind at once (numbered per kind by a window
    function), however many obstacles there are."""
    entries = LogEntry.objects.published().of_kind(LogKind.OBSTACLE)
    totals = entries.aggregate(entries=Count("pk"), initiatives=Count("initiative", distinct=True))
    stats = {
        row["obstacle_category"]: row
        for row in entries.order_by()
        .values("obstacle_category")
        .annotate(entries=Count("pk"), initiatives=Count("initiative", distinct=True))
    }
    latest = (
        entries.for_listing()
        .annotate(
            position=Window(
                RowNumber(),
                partition_by=F("obstacle_category"),
                order_by=[F("happened_on").desc(), F("created_at").desc(), F("pk").desc()],
            )
        )
        .filter(position__lte=RECENT_OBSTACLES_PER_CATEGORY)
        .order_by(*NEWEST_ENTRIES_FIRST)
    )
    latest_by_category = defaultdict(list)
    for entry in latest:
        latest_by_category[entry.obstacle_category].append(entry)

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
