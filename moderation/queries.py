"""What waits for a moderator, read in a fixed number of queries: the queue page and the counts on the
management site's front page use the same functions."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Min

from initiatives.choices import PublicationState as InitiativeState
from initiatives.models import Initiative
from knowledgebase.models import Article, PublicationState

from .content import KINDS
from .models import Appeal, AppealStatus, Report, ReportStatus


def submitted_initiatives():
    return (
        Initiative.objects.filter(publication_state=InitiativeState.SUBMITTED)
        .select_related("area")
        .order_by("submitted_at", "pk")
    )


def suggestions_waiting():
    return (
        Article.objects.filter(
            suggested_by__isnull=False, state=PublicationState.DRAFT, hidden_at__isnull=True
        )
        .select_related("suggested_by")
        .order_by("created_at", "pk")
    )


def open_appeals():
    return (
        Appeal.objects.filter(status=AppealStatus.OPEN)
        .select_related("author", "decision__moderator", "content_type")
        .order_by("created_at", "pk")
    )


def reported_items():
    """Every item with open reports, the longest waiting first, with its count: one query for the
    counts and one per kind of item."""
    rows = list(
        Report.objects.filter(status=ReportStatus.OPEN)
        .values("content_type", "object_id")
        .annotate(count=Count("pk"), since=Min("created_at"))
        .order_by("since")
    )
    by_kind = {}
    for kind in KINDS.values():
        type_id = ContentType.objects.get_for_model(kind.model).pk  # cached after the first time
        ids = [row["object_id"] for row in rows if row["content_type"] == type_id]
        items = kind.model.objects.in_bulk(ids) if ids else {}
        by_kind[type_id] = (kind, items)
    result = []
    for row in rows:
        kind, items = by_kind.get(row["content_type"], (None, {}))
        item = items.get(row["object_id"])
        if item is not None:
            result.append({"kind": kind, "item": item, "count": row["count"], "since": row["since"]})
    return result


def waiting_counts() -> dict:
    return {
        "submissions": submitted_initiatives().count(),
        "reported": Report.objects.filter(status=ReportStatus.OPEN)
        .values("content_type", "object_id")
        .distinct()
        .count(),
        "suggestions": suggestions_waiting().count(),
        "appeals": Appeal.objects.filter(status=AppealStatus.OPEN).count(),
    }
