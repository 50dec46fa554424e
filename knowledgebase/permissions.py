"""Who may do what in the knowledge base. Views, templates (`{% may "knowledgebase.<action>" %}`), the
management site and the querysets (`visible_to`) ask these.

Who sees what is not published, on the site (the preview) and in the management site alike: those who
work on it. Drafts and articles with a date ahead: the editors, the moderators (they write case analyses
and judge residents' suggested examples) and superusers. A suggested example hidden by moderation: only
the moderators. A case analysis of an initiative that is not public tells about that initiative, so it is
seen only by who may also see the initiative (initiatives.permissions). Council members read what is
published, like everyone: their view permission in the management site gives no more."""

from django.http import Http404

from accounts.permissions import can_post, is_staff_with
from initiatives.permissions import can_view_initiative, initiatives_visible_to
from moderation.permissions import can_moderate


def can_read_drafts(user, model) -> bool:
    """Whether `user` reads drafts of `model` (articles or analyses): the staff who may change them
    (editors; moderators for analyses) and the moderators."""
    return can_moderate(user) or is_staff_with(
        user, f"{model._meta.app_label}.change_{model._meta.model_name}"
    )


def can_read_hidden_articles(user) -> bool:
    """What moderation hid (a suggested example reported or of a blocked author): the moderators decide."""
    return can_moderate(user)


def can_view_article(user, article) -> bool:
    if article.is_hidden:
        return can_read_hidden_articles(user)
    return article.is_published or can_read_drafts(user, type(article))


def articles_visible_to(user, articles):
    """The same rule as `can_view_article`, for a queryset of articles."""
    if can_read_hidden_articles(user):
        return articles
    if can_read_drafts(user, articles.model):
        return articles.filter(hidden_at__isnull=True)
    return articles.published()


def can_view_analysis(user, analysis) -> bool:
    return analysis.is_published or (
        can_read_drafts(user, type(analysis)) and can_view_initiative(user, analysis.initiative)
    )


def analyses_visible_to(user, analyses):
    """The same rule as `can_view_analysis`, for a queryset of case analyses."""
    if not can_read_drafts(user, analyses.model):
        return analyses.published()
    visible = initiatives_visible_to(user, via="initiative__")
    return analyses if visible is None else analyses.filter(visible)


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
