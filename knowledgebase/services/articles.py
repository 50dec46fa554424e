"""Writes in the knowledge base: keeping articles and analyses findable, their photos, and residents'
suggestions of local examples."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils.text import Truncator

from accounts.roles import Role
from core.images import make_thumbnail
from core.mail import send_templated_mail, site_url
from core.search import search_index_update
from core.slugs import unique_slug
from knowledgebase.models import Article, ArticleKind, CaseAnalysis, PublicationState

SUMMARY_LENGTH = 280


def article_reindex(*, article: Article) -> None:
    """Rebuild what an article is found by: title first, then summary, themes and concepts, then text."""
    tags = " ".join(article.tags.values_list("name", flat=True))
    concepts = " ".join(article.concepts.values_list("label_nl", flat=True))
    search_index_update(
        article, {"A": article.title, "B": f"{article.summary} {tags} {concepts}", "C": article.body}
    )


def analysis_reindex(*, analysis: CaseAnalysis) -> None:
    findings = " ".join(
        " ".join(row)
        for row in analysis.findings.values_list(
            "concept__label_nl", "happened", "helped", "hindered", "lessons"
        )
    )
    search_index_update(
        analysis,
        {
            "A": f"{analysis.title} {analysis.initiative.title}",
            "B": analysis.summary,
            "C": f"{analysis.lessons} {analysis.working_elements} {findings}",
        },
    )


def article_cover_update(*, article: Article, photo) -> None:
    """Before saving `article`: put a cleaned photo (core.images) and its thumbnail on it, or remove
    both when `photo` is False. The files no longer used go once the save is committed."""
    old = Article.objects.filter(pk=article.pk).values_list("cover_image", "cover_thumbnail").first() or ()
    if photo is False:
        article.cover_image = ""
        article.cover_thumbnail = ""
    else:
        article.cover_thumbnail = make_thumbnail(photo)
        photo.seek(0)
        article.cover_image = photo
    files_delete_on_commit(article.cover_image.storage, old)


def article_attachment_replaced(*, article: Article) -> None:
    """Before saving `article` with another file (or none): the old file goes once the save is committed."""
    old = Article.objects.filter(pk=article.pk).values_list("attachment", flat=True).first()
    if old:
        files_delete_on_commit(article.attachment.storage, [old])


def files_delete_on_commit(storage, names) -> None:
    names = [name for name in names if name]
    if names:
        transaction.on_commit(lambda: [storage.delete(name) for name in names], robust=True)


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
def article_delete(*, article: Article) -> None:
    """Delete an article and, once that is committed, its photo and file."""
    files_delete_on_commit(
        article.cover_image.storage, [article.cover_image.name, article.cover_thumbnail.name]
    )
    files_delete_on_commit(article.attachment.storage, [article.attachment.name])
    article.delete()


@transaction.atomic
def suggestions_withdraw(*, by) -> int:
    """Delete the examples `by` suggested that were never published (their account is being deleted);
    published ones stay, without their name."""
    drafts = list(Article.objects.filter(suggested_by=by, published_at__isnull=True))
    for article in drafts:
        article_delete(article=article)
    return len(drafts)
