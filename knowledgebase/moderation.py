"""What moderation may do with the knowledge base: residents' suggested examples can be reported and
rejected, and wait in the moderation queue. Registered with moderation in apps.py."""

from django.utils.translation import gettext_lazy as _

from moderation.queries import moderation_item_url
from moderation.registry import Decision, ItemKind, ReviewQueue

from .models import Article, PublicationState
from .services.suggestions import suggestion_reject


class SuggestedExampleKind(ItemKind):
    """An example a resident suggested for the knowledge base (an article with `suggested_by`)."""

    model = Article
    slug = "voorbeeld"
    label = _("suggested example")
    author_field = "suggested_by"
    admin_hint = _("Edit, tag and publish the suggested example as an article.")

    def queryset(self):
        return Article.objects.filter(suggested_by__isnull=False)

    def title(self, item):
        return item.title

    def text(self, item):
        return item.body

    def authors(self, item):
        return [item.suggested_by] if item.suggested_by_id else []

    def is_public(self, item):
        return item.is_published

    def decisions(self):
        return [
            Decision(
                name="reject_suggestion",
                heading=_("Reject the suggestion"),
                button=_("Reject and email the author"),
                done=_("The suggestion is rejected. Its author has been emailed the reason."),
                run=lambda *, item, by, reason: suggestion_reject(article=item, by=by, reason=reason),
                offered=lambda item: not self.is_hidden(item) and not item.is_published,
            )
        ]


SUGGESTED_EXAMPLE = SuggestedExampleKind()


def _suggestion_row(article):
    return (
        moderation_item_url(SUGGESTED_EXAMPLE, article.pk),
        article.title,
        article.suggested_by.display_name,
        article.created_at,
    )


SUGGESTIONS = ReviewQueue(
    key="suggestions",
    title=_("Suggested examples"),
    order=30,
    columns=(_("Example"), _("Suggested by"), _("Received")),
    waiting=lambda: (
        Article.objects.filter(
            suggested_by__isnull=False, state=PublicationState.DRAFT, hidden_at__isnull=True
        )
        .select_related("suggested_by")
        .order_by("created_at", "pk")
    ),
    row=_suggestion_row,
)
