"""What waits for a moderator, read in a fixed number of queries: the queue page and the counts on the
management site's front page use the same functions. The apps' own review queues (submitted initiatives,
suggested examples) come from the registry; reports and appeals are moderation's own."""

import datetime
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Min
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from .models import Appeal, AppealStatus, Report, ReportStatus
from .registry import kind_for_content_type, kinds, review_queues

# Moderation's own sections of the queue, between the apps' review queues (submissions 10, suggestions 30).
REPORTED, APPEALS = "reported", "appeals"
REPORTS_ORDER, APPEALS_ORDER = 20, 40
NOBODY = "\u2013"  # an en dash: the site decided itself (enough reports)


@dataclass(frozen=True)
class Row:
    item: object  # what the row is about
    url: str
    name: str
    cells: list


def _row(item, url, name, *cells) -> Row:
    """A row of a section; moments are written out as the rest of the management site writes them."""
    return Row(item, url, str(name), [_cell(value) for value in cells])


def _cell(value):
    if isinstance(value, datetime.datetime):
        return formats.date_format(timezone.localtime(value), "j F Y H:i")
    return value


@dataclass
class Section:
    """One part of the queue: a title, column headings and rows (url, name, *cells); or only a count."""

    key: str
    order: int
    title: str
    count: int = 0
    columns: tuple = ()
    rows: list = field(default_factory=list)


def moderation_item_url(kind, pk) -> str:
    return reverse("admin:moderation_item", kwargs={"kind": kind.slug, "pk": pk})


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
    for kind in kinds():
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


def reported_count() -> int:
    return (
        Report.objects.filter(status=ReportStatus.OPEN).values("content_type", "object_id").distinct().count()
    )


def _appeal_row(appeal):
    kind = kind_for_content_type(appeal.content_type_id)
    url = moderation_item_url(kind, appeal.object_id) if kind else ""
    decided_by = appeal.decision.moderator.display_name if appeal.decision.moderator else NOBODY
    return (url, appeal.decision.item_label, appeal.author.display_name, decided_by, appeal.created_at)


def queue_sections() -> list[Section]:
    """Everything waiting, section by section, for the queue page."""
    sections = [
        Section(
            queue.key,
            queue.order,
            queue.title,
            columns=queue.columns,
            rows=[_row(obj, *queue.row(obj)) for obj in queue.waiting()],
        )
        for queue in review_queues()
    ]
    sections.append(
        Section(
            REPORTED,
            REPORTS_ORDER,
            _("Reported"),
            columns=(_("Item"), _("Kind"), _("Reports"), _("First report")),
            rows=[
                _row(
                    row["item"],
                    moderation_item_url(row["kind"], row["item"].pk),
                    row["item"],
                    row["kind"].label,
                    row["count"],
                    row["since"],
                )
                for row in reported_items()
            ],
        )
    )
    sections.append(
        Section(
            APPEALS,
            APPEALS_ORDER,
            _("Appeals"),
            columns=(_("About"), _("Author"), _("Decided by"), _("Received")),
            rows=[_row(appeal, *_appeal_row(appeal)) for appeal in open_appeals()],
        )
    )
    for section in sections:
        section.count = len(section.rows)
    return sorted(sections, key=lambda section: section.order)


def waiting_counts() -> list[Section]:
    """How many wait in each section, for the management site's front page: one count query each."""
    sections = [
        Section(queue.key, queue.order, queue.title, count=queue.waiting().count())
        for queue in review_queues()
    ]
    sections.append(Section(REPORTED, REPORTS_ORDER, _("Reported"), count=reported_count()))
    sections.append(
        Section(
            APPEALS,
            APPEALS_ORDER,
            _("Appeals"),
            count=Appeal.objects.filter(status=AppealStatus.OPEN).count(),
        )
    )
    return sorted(sections, key=lambda section: section.order)
