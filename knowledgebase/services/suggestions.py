"""Residents' suggestions of local examples: a suggestion arrives as a draft article for the editors, a
moderator may reject it (moderation's item page offers it, see knowledgebase/moderation.py), and it goes
with its author's account while it was never published."""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from accounts.roles import Role
from core.mail import send_templated_mail, site_url
from core.models import HiddenCause
from core.slugs import unique_slug
from knowledgebase.models import Article, ArticleKind, PublicationState
from moderation import services as moderation
from moderation.models import ActionKind, ModerationAction
from moderation.registry import kind_of

from .articles import article_delete, article_reindex

SUMMARY_LENGTH = 280


def _editors():
    users = get_user_model().objects.filter(is_active=True, is_staff=True).exclude(email="")
    return users.filter(groups__name=Role.EDITOR).distinct()


@transaction.atomic
def example_suggest(*, by, title: str, story: str, area=None, place: str = "", link: str = "") -> Article:
    """A resident suggests a local example. It arrives as a draft article for the editors, who are told
    by email; they rewrite, tag and publish it, or leave it."""
    article = Article(
        kind=ArticleKind.EXAMPLE,
        title=title,
        slug=unique_slug(Article, title, fallback="voorbeeld"),
        summary=Truncator(" ".join(story.split())).chars(SUMMARY_LENGTH),
        body=story,
        area=area,
        place=place,
        source_url=link,
        state=PublicationState.DRAFT,
        suggested_by=by,
    )
    article.full_clean()
    article.save()
    article_reindex(article=article)
    review_url = site_url(reverse("admin:knowledgebase_article_change", args=[article.pk]))
    for editor in _editors():
        send_templated_mail(
            to=[editor.email],
            template="knowledgebase/email/example_suggested",
            context={"article": article, "suggested_by": by, "editor": editor, "review_url": review_url},
        )
    return article


@transaction.atomic
def suggestion_reject(*, article: Article, by, reason: str) -> ModerationAction:
    """An example a resident suggested is not taken into the knowledge base: hidden, with the reason,
    which its author gets by email (and may appeal)."""
    moderation.moderator_check(by)
    reason = moderation.reason_clean(reason)
    if not isinstance(article, Article) or article.suggested_by_id is None:
        raise ValidationError(_("Only a suggested example can be rejected here."), code="not_a_suggestion")
    kind = kind_of(article)
    article = kind.lock(article)
    if kind.is_hidden(article):
        raise ValidationError(_("This is already hidden."), code="wrong_state")
    kind.hide(article, cause=HiddenCause.MODERATOR, reason=reason)
    action = moderation.action_record(ActionKind.REJECT, item=article, by=by, reason=reason)
    moderation.authors_tell(article, action)
    return action


@transaction.atomic
def suggestions_withdraw(*, by) -> int:
    """Delete the examples `by` suggested that were never published (their account is being deleted);
    published ones stay, without their name."""
    drafts = list(Article.objects.filter(suggested_by=by, published_at__isnull=True))
    for article in drafts:
        article_delete(article=article)
    return len(drafts)
