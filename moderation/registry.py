"""What can be moderated, told to moderation by the apps that own it.

Moderation sits below the apps whose content it moderates. Each of them registers, from its AppConfig's
ready(), the kinds of items people can report (an `ItemKind` per model: initiatives, log entries and
comments; the knowledge base's suggested examples) and the review queues a moderator works through (what
waits for a first look: submitted initiatives, suggested examples). The services, pages and the queue ask
this registry and never name a model of another app.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Model, QuerySet
from django.utils import timezone

from core.models import HiddenCause


@dataclass(frozen=True)
class Decision:
    """A decision a kind of item offers on its moderation page besides hide, restore and dismiss."""

    name: str
    heading: str
    button: str
    done: str  # the message once taken
    run: Callable[..., Any]  # run(item=..., by=..., reason=...), the service of the owning app
    offered: Callable[[Any], bool]  # offered(item): whether the page offers it for this item now


class ItemKind:
    """How one kind of item is named, attributed, shown, hidden and restored. A subclass per model, in
    the app the model belongs to; the defaults fit a model with `core.models.Hideable`."""

    model: type[Model]
    slug: str = ""  # the kind's name in web addresses: /moderatie/melden/<slug>/<id>/
    label: str = ""
    # The field that names who posted an item: a hard block hides what the blocked person posted. Empty
    # for what belongs to a team (initiatives), which a block leaves alone.
    author_field: str = ""
    # What else a moderator can do with it in the management site, said on its moderation page.
    admin_hint: str = ""

    def queryset(self) -> QuerySet:
        """The items of this kind that can be moderated at all."""
        return self.model.objects.all()

    def title(self, item) -> str:
        return str(item)

    def text(self, item) -> str:
        raise NotImplementedError

    def authors(self, item) -> list:
        """Who is told about a decision and may appeal it."""
        raise NotImplementedError

    def concerning(self, user) -> QuerySet:
        """The items whose decisions `user` is told about (see `authors`): for their data export."""
        if not self.author_field:
            return self.queryset().none()
        return self.queryset().filter(**{self.author_field: user})

    def public_url(self, item) -> str:
        return item.get_absolute_url()

    def is_public(self, item) -> bool:
        """Whether the public sees it now (only that can be reported)."""
        raise NotImplementedError

    def is_hidden(self, item) -> bool:
        return item.hidden_at is not None

    def is_hidden_for_review(self, item) -> bool:
        """Hidden because enough people reported it: a moderator still has to look."""
        return self.is_hidden(item) and item.hidden_cause == HiddenCause.REPORTS

    def hide(self, item, *, cause: HiddenCause, reason: str) -> None:
        item.hidden_at = timezone.now()
        item.hidden_cause = cause
        item.hidden_reason = reason
        item.save(update_fields=["hidden_at", "hidden_cause", "hidden_reason"])

    def restore(self, item) -> None:
        item.hidden_at = None
        item.hidden_cause = ""
        item.hidden_reason = ""
        item.save(update_fields=["hidden_at", "hidden_cause", "hidden_reason"])

    def is_rejected(self, item) -> bool:
        """Sent back without being hidden (an initiative's rejection): an appeal granted undoes it with
        `undo_rejection`, not by showing a hidden item again."""
        return False

    def undo_rejection(self, item, *, by) -> None:
        raise NotImplementedError

    def decisions(self) -> list[Decision]:
        """Decisions of this kind's own, offered on its moderation page."""
        return []

    def lock(self, item):
        """The item again, its row locked until the transaction ends: two moderators cannot both act on
        the same state."""
        return type(item).objects.select_for_update().get(pk=item.pk)


@dataclass(frozen=True)
class ReviewQueue:
    """Something that waits for a moderator's first look, as a section of the moderation queue and a line
    of the counts on the management site's front page."""

    key: str  # its name among the sections of the queue ("submissions")
    title: str
    order: int  # sections stand in this order; reports are 20 and appeals 40
    columns: tuple[str, ...]  # the headings; the first column names and links the item
    waiting: Callable[[], QuerySet]  # oldest first, with what `row` needs selected
    row: Callable[[Any], tuple]  # (url, name, *other cells)


_kinds: dict[str, ItemKind] = {}
_queues: list[ReviewQueue] = []


def register(kind: ItemKind) -> ItemKind:
    """Make a kind of item moderatable (from the owning app's ready(); registering twice is harmless)."""
    _kinds[kind.slug] = kind
    return kind


def register_queue(queue: ReviewQueue) -> ReviewQueue:
    if queue not in _queues:
        _queues.append(queue)
        _queues.sort(key=lambda q: q.order)
    return queue


def kinds() -> list[ItemKind]:
    return list(_kinds.values())


def review_queues() -> list[ReviewQueue]:
    return list(_queues)


def kind_for_slug(slug: str) -> ItemKind | None:
    return _kinds.get(slug)


def kind_of(item) -> ItemKind:
    for kind in _kinds.values():
        if type(item) is kind.model:
            return kind
    raise LookupError(f"{type(item).__name__} is not a registered kind of item")


def content_type_of(item) -> ContentType:
    return ContentType.objects.get_for_model(type(item))  # cached by Django after the first time


def kind_for_content_type(content_type_id) -> ItemKind | None:
    return next(
        (
            kind
            for kind in _kinds.values()
            if ContentType.objects.get_for_model(kind.model).pk == content_type_id
        ),
        None,
    )


def item_for(slug: str, pk) -> Model | None:
    """The item a web address names (`/moderatie/melden/<slug>/<pk>/`), or None."""
    kind = kind_for_slug(slug)
    return None if kind is None else kind.queryset().filter(pk=pk).first()


def posted_by(user) -> dict[ItemKind, QuerySet]:
    """What `user` posted themselves, per kind that has an author (a hard block hides it)."""
    return {
        kind: kind.queryset().filter(**{kind.author_field: user})
        for kind in _kinds.values()
        if kind.author_field
    }
