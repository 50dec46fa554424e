from django.conf import settings
from django.db.models import Prefetch
from django.shortcuts import render
from django.views.decorators.http import require_safe

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


def detail_queryset():
    """Everything the page shows, in a fixed number of queries however long the log or the team."""
    return Initiative.objects.select_related("area", "contact_person").prefetch_related(
        "tags",
        "concepts__flywheel",
        Prefetch("memberships", queryset=TeamMembership.objects.select_related("user")),
        Prefetch("log_entries", queryset=LogEntry.objects.visible().select_related("author")),
        Prefetch("help_requests", queryset=HelpRequest.objects.all()),
        Prefetch("municipal_responses", queryset=MunicipalResponse.objects.select_related("author")),
        Prefetch("comments", queryset=Comment.objects.visible().select_related("author")),
        Prefetch(
            "supports",
            queryset=Support.objects.filter(is_named=True).select_related("user"),
            to_attr="named_supports",
        ),
        *(section.prefetch() for section in page_sections()),
    )


@require_safe
def detail(request, slug):
    initiative = get_initiative_for(request.user, slug, queryset=detail_queryset())
    # The team is prefetched: answer the permission checks from it instead of asking again.
    initiative.team_user_ids = {membership.user_id for membership in initiative.memberships.all()}
    user_support = user_follow = None
    if request.user.is_authenticated:
        user_support = Support.objects.filter(initiative=initiative, user=request.user).first()
        user_follow = initiative.follows.filter(user=request.user).first()
    return render(
        request,
        "initiatives/detail.html",
        {
            "initiative": initiative,
            "user_support": user_support,
            "user_follow": user_follow,
            "progress": burgerinitiatief_progress(initiative, initiative.named_supports),
            "burgerinitiatief_url": settings.BURGERINITIATIEF_URL,
            "is_team": permissions.is_team_member(request.user, initiative),
            "page_sections": [section.template for section in page_sections()],
            "follow_frequencies": FollowFrequency.choices,
            "default_frequency": FollowFrequency.IMMEDIATELY,
        },
    )
