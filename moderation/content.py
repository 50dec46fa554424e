"""What can be moderated, and how each kind of item is hidden, restored, named and attributed.

One small class per kind: the services and pages ask these instead of knowing every model. The slugs
are the kinds' names in web addresses.
"""

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from initiatives.choices import PublicationState as InitiativeState
from initiatives.models import Comment, Initiative, LogEntry
from initiatives.services.search import initiative_reindex
from knowledgebase.models import Article


class ItemKind:
    model = None
    slug = ""
    label = ""

    def title(self, item) -> str:
        raise NotImplementedError

    def text(self, item) -> str:
        raise NotImplementedError

    def authors(self, item) -> list:
        """Who is told about a decision and may appeal it."""
        raise NotImplementedError

    def public_url(self, item) -> str:
        return item.get_absolute_url()

    def is_public(self, item) -> bool:
        """Whether the public sees it now (only that can be reported)."""
        raise NotImplementedError

    def is_hidden(self, item) -> bool:
        return item.hidden_at is not None

    def hide(self, item, *, cause, reason) -> None:
        item.hidden_at = timezone.now()
        item.hidden_cause = cause
        item.hidden_reason = reason
        item.save(update_fields=["hidden_at", "hidden_cause", "hidden_reason"])

    def restore(self, item) -> None:
        item.hidden_at = None
        item.hidden_cause = ""
        item.hidden_reason = ""
        item.save(update_fields=["hidden_at", "hidden_cause", "hidden_reason"])

    def lock(self, item):
        """The item again, its row locked until the transaction ends: two moderators cannot both act on
        the same state."""
        return type(item).objects.select_for_update().get(pk=item.pk)


class InitiativeKind(ItemKind):
    model = Initiative
    slug = "initiatief"
    label = _("initiative")

    def title(self, item):
        return item.title

    def text(self, item):
        return f"{item.summary}\n\n{item.story}"

    def authors(self, item):
        return [membership.user for membership in item.memberships.select_related("user")]

    def is_public(self, item):
        return item.publication_state == InitiativeState.PUBLISHED

    def is_hidden(self, item):
        return item.publication_state == InitiativeState.HIDDEN

    def hide(self, item, *, cause, reason):
        item.publication_state = InitiativeState.HIDDEN
        item.hidden_cause = cause
        item.hidden_reason = reason
        item.save(update_fields=["publication_state", "hidden_cause", "hidden_reason", "updated_at"])

    def restore(self, item):
        # Back as it was: published, with its first publication date (the response time runs from it).
        item.publication_state = InitiativeState.PUBLISHED
        item.hidden_cause = ""
        item.hidden_reason = ""
        item.save(update_fields=["publication_state", "hidden_cause", "hidden_reason", "updated_at"])


class LogEntryKind(ItemKind):
    model = LogEntry
    slug = "logboek"
    label = _("log entry")

    def title(self, item):
        return item.title

    def text(self, item):
        return item.text

    def authors(self, item):
        return [item.author] if item.author_id else [m.user for m in item.initiative.memberships.all()]

    def is_public(self, item):
        return not self.is_hidden(item) and item.initiative.publication_state == InitiativeState.PUBLISHED

    def public_url(self, item):
        return item.get_absolute_url()

    def hide(self, item, *, cause, reason):
        super().hide(item, cause=cause, reason=reason)
        initiative_reindex(initiative=item.initiative)  # a hidden entry is not found by search either

    def restore(self, item):
        super().restore(item)
        initiative_reindex(initiative=item.initiative)


class CommentKind(ItemKind):
    model = Comment
    slug = "reactie"
    label = _("comment")

    def title(self, item):
        return str(item)

    def text(self, item):
        return item.body

    def authors(self, item):
        return [item.author]

    def is_public(self, item):
        return not self.is_hidden(item) and item.initiative.publication_state == InitiativeState.PUBLISHED


class SuggestedExampleKind(ItemKind):
    """An example a resident suggested for the knowledge base (an article with `suggested_by`)."""

    model = Article
    slug = "voorbeeld"
    label = _("suggested example")

    def title(self, item):
        return item.title

    def text(self, item):
        return item.body

    def authors(self, item):
        return [item.suggested_by] if item.suggested_by_id else []

    def is_public(self, item):
        return item.is_published


KINDS = {
    kind.slug: kind for kind in (InitiativeKind(), LogEntryKind(), CommentKind(), SuggestedExampleKind())
}
_BY_MODEL = {kind.model: kind for kind in KINDS.values()}


def kind_of(item) -> ItemKind:
    return _BY_MODEL[type(item)]


def kind_for_content_type(content_type_id) -> ItemKind | None:
    return next(
        (
            kind
            for kind in KINDS.values()
            if ContentType.objects.get_for_model(kind.model).pk == content_type_id
        ),
        None,
    )


def content_type_of(item) -> ContentType:
    return ContentType.objects.get_for_model(type(item))


def item_for(slug: str, pk) -> object | None:
    """The item a web address names, or None. A suggested example must have been suggested."""
    kind = KINDS.get(slug)
    if kind is None:
        return None
    queryset = kind.model.objects.all()
    if kind.model is Article:
        queryset = queryset.filter(suggested_by__isnull=False)
    return queryset.filter(pk=pk).first()


# What a person posted themselves, per kind: a hard block hides it. Initiatives belong to their team.
AUTHOR_FIELDS = {"logboek": "author", "reactie": "author", "voorbeeld": "suggested_by"}


def posted_by(user) -> dict:
    return {
        KINDS[slug]: KINDS[slug].model.objects.filter(**{field: user})
        for slug, field in AUTHOR_FIELDS.items()
    }
