"""Writing the log: the team's dated experiences. Each change keeps the search text up to date."""

from django.db import transaction

from initiatives.choices import LogKind, NotificationKind
from initiatives.models import Initiative, LogEntry
from initiatives.services.notifications import followers_notify
from initiatives.services.search import initiative_reindex, initiative_touch

LOG_ENTRY_FIELDS = {"kind", "obstacle_category", "happened_on", "title", "text", "image", "image_alt"}


def _delete_file_on_commit(storage, name: str) -> None:
    """Remove an image that is no longer used, once the change that dropped it is saved for good."""
    if name:
        transaction.on_commit(lambda: storage.delete(name))


def _apply(entry: LogEntry, fields: dict) -> str:
    """Set `fields` on `entry`; returns the name of an image file the change leaves unused, or ""."""
    unknown = set(fields) - LOG_ENTRY_FIELDS
    if unknown:
        raise TypeError(f"Unknown log entry fields: {', '.join(sorted(unknown))}")
    # Asked from the database: a form may already have put a new upload on this very object.
    old_image = (
        LogEntry.objects.filter(pk=entry.pk).values_list("image", flat=True).first() if entry.pk else ""
    )
    old_image = old_image or ""
    fields = dict(fields)
    image = fields.pop("image", None)
    for name, value in fields.items():
        setattr(entry, name, value)
    if entry.kind != LogKind.OBSTACLE:
        entry.obstacle_category = ""
    # A form hands over None (no change), False (remove the photo), the stored file, or a new upload.
    if image is False:
        entry.image = ""
    elif image is not None and getattr(image, "name", None) != old_image:
        entry.image = image
    return old_image if old_image and entry.image.name != old_image else ""


@transaction.atomic
def log_entry_create(*, initiative: Initiative, author, **fields) -> LogEntry:
    entry = LogEntry(initiative=initiative, author=author)
    _apply(entry, fields)
    entry.full_clean()
    entry.save()
    initiative_reindex(initiative=initiative)
    initiative_touch(initiative=initiative)
    if initiative.is_published:
        followers_notify(
            initiative=initiative,
            kind=NotificationKind.LOG_ENTRY,
            title=entry.title,
            path=entry.get_absolute_url(),
        )
    return entry


@transaction.atomic
def log_entry_update(*, log_entry: LogEntry, **fields) -> LogEntry:
    unused_image = _apply(log_entry, fields)
    log_entry.full_clean()
    log_entry.save()
    if unused_image:
        _delete_file_on_commit(log_entry.image.storage, unused_image)
    initiative_reindex(initiative=log_entry.initiative)
    return log_entry


@transaction.atomic
def log_entry_delete(*, log_entry: LogEntry) -> None:
    initiative = log_entry.initiative
    image_name, storage = log_entry.image.name, log_entry.image.storage
    log_entry.delete()
    _delete_file_on_commit(storage, image_name)
    initiative_reindex(initiative=initiative)
