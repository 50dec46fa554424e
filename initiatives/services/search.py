"""Keeping an initiative findable: the text search looks at, and on PostgreSQL its weighted vector."""

from django.contrib.postgres.search import SearchVector
from django.db import connection
from django.db.models import Value
from django.utils import timezone

from initiatives.models import Initiative


def initiative_reindex(*, initiative: Initiative) -> None:
    """Rebuild the search text from the title, summary, story, themes and log. Call after each change
    to any of them. Title weighs most, then summary and themes, then story and log."""
    tags = " ".join(initiative.tags.values_list("name", flat=True))
    log = " ".join(f"{title} {text}" for title, text in initiative.log_entries.values_list("title", "text"))
    parts = {"A": initiative.title, "B": f"{initiative.summary} {tags}", "C": f"{initiative.story} {log}"}
    document = " ".join(parts.values())
    updates = {"search_document": document}
    if connection.vendor == "postgresql":
        vector = None
        for weight, text in parts.items():
            part = SearchVector(Value(text), config="dutch", weight=weight)
            vector = part if vector is None else vector + part
        updates["search_vector"] = vector
    Initiative.objects.filter(pk=initiative.pk).update(**updates)
    initiative.search_document = document


def initiative_touch(*, initiative: Initiative) -> None:
    """Mark activity (log, help, responses): the list can sort by what moved recently."""
    now = timezone.now()
    Initiative.objects.filter(pk=initiative.pk).update(last_activity_at=now)
    initiative.last_activity_at = now
