"""Writes in the knowledge base: keeping articles and analyses findable, their photos and files, deleting
and publishing. Residents' suggestions are in suggestions.py."""

from django.db import transaction
from django.utils import timezone

from core.images import make_thumbnail
from core.search import search_index_update
from knowledgebase.models import Article, CaseAnalysis, PublicationState


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


@transaction.atomic
def article_delete(*, article: Article) -> None:
    """Delete an article and, once that is committed, its photo and file."""
    files_delete_on_commit(
        article.cover_image.storage, [article.cover_image.name, article.cover_thumbnail.name]
    )
    files_delete_on_commit(article.attachment.storage, [article.attachment.name])
    article.delete()


@transaction.atomic
def publication_publish(*, items) -> int:
    """Publish the articles or case analyses in `items` that are not yet (the editors' list action): from
    now, unless a date was set. How many were published."""
    now = timezone.now()
    count = 0
    for item in items.exclude(state=PublicationState.PUBLISHED):
        item.state = PublicationState.PUBLISHED
        item.published_at = item.published_at or now
        item.save(update_fields=["state", "published_at", "updated_at"])
        count += 1
    return count


@transaction.atomic
def article_save(*, article: Article, by, cover_image=None, attachment_replaced: bool = False) -> Article:
    """Save an article as an editor wrote it in the management site (the form has set its fields):
    `cover_image` a new photo (already cleaned), False to remove it, None to keep it; the old file gone
    once a new one is saved; the editor named as its writer unless a resident suggested it. Themes and
    concepts are saved after it by the form, then `article_reindex`."""
    if cover_image is not None:
        article_cover_update(article=article, photo=cover_image)
    if attachment_replaced:
        article_attachment_replaced(article=article)
    if article.written_by_id is None and article.suggested_by_id is None:
        article.written_by = by
    article.save()
    return article


@transaction.atomic
def analysis_save(*, analysis: CaseAnalysis, by) -> CaseAnalysis:
    """Save a case analysis as written in the management site; whoever first saves it is named as its
    writer. Its findings are saved after it by the form, then `analysis_reindex`."""
    if analysis.written_by_id is None:
        analysis.written_by = by
    analysis.save()
    return analysis
