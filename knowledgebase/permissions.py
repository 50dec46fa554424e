"""Who may do what in the knowledge base. Views and templates ask these; the querysets' `visible_to` and
`can_read_drafts` are their counterparts for lists."""

from django.http import Http404

from initiatives.permissions import can_post

from .models import Article, CaseAnalysis, can_read_drafts


def can_view_article(user, article: Article) -> bool:
    return article.is_published or can_read_drafts(user, Article)


def can_view_analysis(user, analysis: CaseAnalysis) -> bool:
    return analysis.is_published or can_read_drafts(user, CaseAnalysis)


def can_edit_article(user, article: Article | None = None) -> bool:
    """Editors write articles in the management site; the site links them there."""
    return (
        user.is_authenticated
        and user.is_active
        and user.is_staff
        and user.has_perm("knowledgebase.change_article")
    )


def can_suggest_example(user) -> bool:
    return can_post(user)


def get_visible_or_404(user, queryset, check, **lookup):
    """Fetch one object and check that `user` may see it; a draft is a 404 for the public, like a page
    that does not exist."""
    try:
        obj = queryset.get(**lookup)
    except queryset.model.DoesNotExist:
        raise Http404 from None
    if not check(user, obj):
        raise Http404
    return obj
