"""What moderation may do with an initiative and what is posted on it: the kinds of items people can
report, and the queue of submitted initiatives. Registered with moderation in apps.py."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from moderation.registry import ItemKind, ReviewQueue

from .choices import PublicationState
from .models import Comment, Initiative, LogEntry
from .services.publication import publication_apply
from .services.search import initiative_reindex


class InitiativeKind(ItemKind):
    """An initiative is hidden by its publication state; it belongs to its team, not to one author."""

    model = Initiative
    slug = "initiatief"
    label = _("initiative")
    admin_hint = _("Publish or reject a submitted initiative on its page in the management site.")

    def title(self, item):
        return item.title

    def text(self, item):
        return f"{item.summary}\n\n{item.story}"

    def authors(self, item):
        return [membership.user for membership in item.memberships.select_related("user")]

    def concerning(self, user):
        return self.queryset().filter(memberships__user=user)

    def is_public(self, item):
        return item.publication_state == PublicationState.PUBLISHED

    def is_hidden(self, item):
        return item.publication_state == PublicationState.HIDDEN

    def hide(self, item, *, cause, reason):
        item.publication_state = PublicationState.HIDDEN
        item.hidden_cause = cause
        item.hidden_reason = reason
        item.save(update_fields=["publication_state", "hidden_cause", "hidden_reason", "updated_at"])

    def restore(self, item):
        # Back as it was: published, with its first publication date (the response time runs from it).
        item.publication_state = PublicationState.PUBLISHED
        item.hidden_cause = ""
        item.hidden_reason = ""
        item.save(update_fields=["publication_state", "hidden_cause", "hidden_reason", "updated_at"])

    def is_rejected(self, item):
        return item.publication_state == PublicationState.REJECTED

    def undo_rejection(self, item, *, by):
        """The rejection does not hold: the initiative is published as it was submitted."""
        publication_apply(item)


class LogEntryKind(ItemKind):
    model = LogEntry
    slug = "logboek"
    label = _("log entry")
    author_field = "author"

    def title(self, item):
        return item.title

    def text(self, item):
        return item.text

    def authors(self, item):
        return [item.author] if item.author_id else [m.user for m in item.initiative.memberships.all()]

    def is_public(self, item):
        return not self.is_hidden(item) and item.initiative.publication_state == PublicationState.PUBLISHED

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
    author_field = "author"

    def text(self, item):
        return item.body

    def authors(self, item):
        return [item.author]

    def is_public(self, item):
        return not self.is_hidden(item) and item.initiative.publication_state == PublicationState.PUBLISHED


def _submission_row(initiative):
    url = reverse("admin:initiatives_initiative_change", args=[initiative.pk])
    return (url, initiative.title, initiative.area.name, initiative.submitted_at)


SUBMISSIONS = ReviewQueue(
    key="submissions",
    title=_("Submitted initiatives"),
    order=10,
    columns=(_("Initiative"), _("Village or district"), _("Submitted")),
    waiting=lambda: (
        Initiative.objects.filter(publication_state=PublicationState.SUBMITTED)
        .select_related("area")
        .order_by("submitted_at", "pk")
    ),
    row=_submission_row,
)

KINDS = (InitiativeKind(), LogEntryKind(), CommentKind())
