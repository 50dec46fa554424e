"""An initiative's page, and the pages of its three long lists (log, comments, named supporters).

The page shows the newest few of each list with their counts; each list has a page of its own, in pages,
that reads them in the same order with the same rules (hidden entries and comments on neither)."""

from django.conf import settings
from django.db.models import Prefetch
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from core.paging import get_page
from flywheels.models import Concept
from initiatives import permissions
from initiatives.choices import FollowFrequency
from initiatives.models import (
    Comment,
    HelpRequest,
    Initiative,
    LogEntry,
    MunicipalResponse,
    Support,
    TeamMembership,
    burgerinitiatief_progress,
)
from initiatives.sections import page_sections
from initiatives.shortcuts import get_initiative_for

# How many of each list the initiative's page shows, and how many a page of the list itself.
LOG_ENTRIES_SHOWN, LOG_ENTRIES_PER_PAGE = 10, 20
COMMENTS_SHOWN, COMMENTS_PER_PAGE = 10, 25
SUPPORTERS_SHOWN, SUPPORTERS_PER_PAGE = 24, 120


def _log_entries(initiative):
    return LogEntry.objects.visible().filter(initiative=initiative).select_related("author").newest_first()


def _comments(initiative):
    return Comment.objects.visible().filter(initiative=initiative).select_related("author").newest_first()


def _named_supports(initiative):
    return Support.objects.named().filter(initiative=initiative).select_related("user").newest_first()


def _listed_at(initiative, position, *, shown, per_page, list_name, anchor):
    """Where the item `position` places from the newest is listed: on the initiative's page, or on the
    page of its list that holds it."""
    if position < shown:
        return f"{initiative.get_absolute_url()}#{anchor}"
    url = reverse(f"initiatives:{list_name}", kwargs={"slug": initiative.slug})
    number = position // per_page + 1
    return f"{url}?pagina={number}#{anchor}" if number > 1 else f"{url}#{anchor}"


def log_entry_url(entry):
    """Where `entry` is shown (after writing or changing it: an entry dated back can be far down)."""
    position = _log_entries(entry.initiative).newer_than(entry).count()
    return _listed_at(
        entry.initiative,
        position,
        shown=LOG_ENTRIES_SHOWN,
        per_page=LOG_ENTRIES_PER_PAGE,
        list_name="initiative_log_entry_list",
        anchor=f"logboek-{entry.pk}",
    )


def comment_url(comment):
    """Where `comment` is shown (after changing it: an older one is on the comments page)."""
    position = _comments(comment.initiative).newer_than(comment).count()
    return _listed_at(
        comment.initiative,
        position,
        shown=COMMENTS_SHOWN,
        per_page=COMMENTS_PER_PAGE,
        list_name="comment_list",
        anchor=f"reactie-{comment.pk}",
    )


def _initiative(request, slug, queryset=None):
    """The initiative with its counts, if `request.user` may see it; its team answers the permission
    checks from memory instead of asking again."""
    queryset = (queryset if queryset is not None else Initiative.objects.all()).prefetch_related(
        Prefetch("memberships", queryset=TeamMembership.objects.select_related("user"))
    )
    initiative = get_initiative_for(request.user, slug, queryset=queryset.with_part_counts())
    initiative.team_user_ids = {membership.user_id for membership in initiative.memberships.all()}
    return initiative


def detail_queryset():
    """Everything the page shows, in a fixed number of queries however long the log or the team."""
    return Initiative.objects.select_related("area", "contact_person").prefetch_related(
        "tags",
        # The concepts with their flywheel in one query (a join), not one query for each.
        Prefetch("concepts", queryset=Concept.objects.select_related("flywheel")),
        Prefetch("help_requests", queryset=HelpRequest.objects.all()),
        Prefetch("municipal_responses", queryset=MunicipalResponse.objects.select_related("author")),
        *(section.prefetch() for section in page_sections()),
    )


@require_safe
def detail(request, slug):
    initiative = _initiative(request, slug, detail_queryset())
    user_support = user_follow = None
    if request.user.is_authenticated:
        user_support = Support.objects.filter(initiative=initiative, user=request.user).first()
        user_follow = initiative.follows.filter(user=request.user).first()
    return render(
        request,
        "initiatives/detail.html",
        {
            "initiative": initiative,
            "log_entries": list(_log_entries(initiative)[:LOG_ENTRIES_SHOWN]),
            "comments": list(_comments(initiative)[:COMMENTS_SHOWN]),
            "named_supports": list(_named_supports(initiative)[:SUPPORTERS_SHOWN]),
            "user_support": user_support,
            "user_follow": user_follow,
            "progress": burgerinitiatief_progress(
                local=initiative.local_named_support_count, everyone=initiative.named_support_count
            ),
            "burgerinitiatief_url": settings.BURGERINITIATIEF_URL,
            "is_team": permissions.is_team_member(request.user, initiative),
            "page_sections": [section.template for section in page_sections()],
            "follow_frequencies": FollowFrequency.choices,
            "default_frequency": FollowFrequency.IMMEDIATELY,
        },
    )


def _list_page(request, slug, *, template, items, per_page, count):
    initiative = _initiative(request, slug)
    page = get_page(request, items(initiative), per_page, count=getattr(initiative, count))
    context = {
        "initiative": initiative,
        "page_obj": page,
        "is_team": permissions.is_team_member(request.user, initiative),
    }
    return render(request, template, context)


@require_safe
def log_entries(request, slug):
    return _list_page(
        request,
        slug,
        template="initiatives/initiative_log.html",
        items=_log_entries,
        per_page=LOG_ENTRIES_PER_PAGE,
        count="visible_log_entry_count",
    )


@require_safe
def comments(request, slug):
    return _list_page(
        request,
        slug,
        template="initiatives/initiative_comments.html",
        items=_comments,
        per_page=COMMENTS_PER_PAGE,
        count="visible_comment_count",
    )


@require_safe
def supporters(request, slug):
    return _list_page(
        request,
        slug,
        template="initiatives/initiative_supporters.html",
        items=_named_supports,
        per_page=SUPPORTERS_PER_PAGE,
        count="named_support_count",
    )
