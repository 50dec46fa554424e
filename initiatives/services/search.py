"""Keeping an initiative findable: the text search looks at (core.search), weighted by where it stands."""

from django.utils import timezone

from core.search import search_index_update
from initiatives.models import Initiative


def initiative_reindex(*, initiative: Initiative) -> None:
    """Rebuild the search text from the title, summary, story, themes and log. Call after each change
    to any of them. Title weighs most, then summary and themes, then story and log."""
    tags = " ".join(initiative.tags.values_list("name", flat=True))
    entries = initiative.log_entries.visible().values_list("title", "text")
    log = " ".join(f"{title} {text}" for title, text in entries)
    search_index_update(
        initiative,
        {"A": initiative.title, "B": f"{initiative.summary} {tags}", "C": f"{initiative.story} {log}"},
    )


def initiative_touch(*, initiative: Initiative) -> None:
    """Mark activity (log, help, responses): the list can sort by what moved recently."""
    now = timezone.now()
    Initiative.objects.filter(pk=initiative.pk).update(last_activity_at=now)
    initiative.last_activity_at = now
