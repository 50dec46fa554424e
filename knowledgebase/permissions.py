"""Who may do what in the knowledge base. Views, templates (`{% may "knowledgebase.<action>" %}`) and the
querysets ask these: `PublishedQuerySet.visible_to` is `can_read_drafts` for a list."""

from django.http import Http404

from accounts.permissions import can_post, is_staff_with


def can_read_drafts(user, model) -> bool:
    """Staff who may view `model` in the management site may also read its drafts on the site (the
    editors' preview); everyone else reads what is published."""
    return is_staff_with(user, f"{model._meta.app_label}.view_{model._meta.model_name}")


def can_view_article(user, article) -> bool:
    return article.is_published or can_read_drafts(user, type(article))


def can_view_analysis(user, analysis) -> bool:
    return analysis.is_published or can_read_drafts(user, type(analysis))


def can_edit_article(user, article=None) -> bool:
    """Editors write articles in the management site; the site links them there."""
    return is_staff_with(user, "knowledgebase.change_article")


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
