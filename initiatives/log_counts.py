"""The counts on the log pages (/initiatieven/logboek/ and /initiatieven/obstakels/): how many visible entries
of published initiatives there are of each kind and of each kind of obstacle, and in how many initiatives.

Counting takes a pass over every entry (half a million at city scale), so the counts live in the cache
until the next write that changes them (initiatives/cached.py)."""

from django.db.models import Count

from .cached import cached
from .choices import LogKind
from .models import LogEntry


def log_counts():
    """{"total": n, "kinds": {kind: n}, "categories": {kind of obstacle: n}}: the entries the log page lists,
    from the cache if it has them. Counting anew takes one query."""
    return cached("log-counts", _count_log)


def obstacle_counts():
    """{"entries": n, "initiatives": n, "categories": {kind of obstacle: {"entries": n, "initiatives": n}}}:
    the obstacles and the initiatives that met them, in all and per kind of obstacle, from the cache if it
    has them. Counting anew takes two queries (an initiative with obstacles of two kinds counts once in
    all: not a sum of the kinds)."""
    return cached("obstacle-counts", _count_obstacles)


def _count_log():
    kinds = dict.fromkeys(LogKind.values, 0)
    categories = {}
    rows = (
        LogEntry.objects.published()
        .order_by()
        .values("kind", "obstacle_category")
        .annotate(entries=Count("pk"))
    )
    for row in rows:
        kinds[row["kind"]] = kinds.get(row["kind"], 0) + row["entries"]
        if row["obstacle_category"]:
            categories[row["obstacle_category"]] = row["entries"]
    return {"total": sum(kinds.values()), "kinds": kinds, "categories": categories}


def _count_obstacles():
    obstacles = LogEntry.objects.published().of_kind(LogKind.OBSTACLE).order_by()
    counts = obstacles.aggregate(entries=Count("pk"), initiatives=Count("initiative", distinct=True))
    rows = obstacles.values("obstacle_category").annotate(
        entries=Count("pk"), initiatives=Count("initiative", distinct=True)
    )
    counts["categories"] = {row.pop("obstacle_category"): row for row in rows}
    return counts
