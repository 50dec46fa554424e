"""Who may do what with initiatives. Views, templates (through the `may` tag) and tests ask these same
functions; nothing else decides. `get_initiative_for` fetches and authorizes in one step."""

from allauth.account.models import EmailAddress
from django.core.exceptions import PermissionDenied
from django.http import Http404

from .choices import PublicationState
from .models import Initiative


def can_post(user) -> bool:
    """Posting (and supporting, following, offering) needs a confirmed address and an account that a
    moderator has not blocked. The address check is cached on the user object: asked often per request."""
    if not user.is_authenticated or not user.is_active or user.blocked_at is not None:
        return False
    if not hasattr(user, "_loket_verified"):
        user._loket_verified = EmailAddress.objects.filter(user=user, verified=True).exists()
    return user._loket_verified


def is_team_member(user, initiative: Initiative) -> bool:
    return user.is_authenticated and user.pk in initiative.team_user_ids


def is_moderator(user) -> bool:
    return (
        user.is_authenticated
        and user.is_active
        and user.is_staff
        and user.has_perm("initiatives.change_initiative")
    )


def can_view_initiative(user, initiative: Initiative) -> bool:
    """Published initiatives are public; the rest only for their team and the moderators."""
    if initiative.publication_state == PublicationState.PUBLISHED:
        return True
    if is_team_member(user, initiative):
        return True
    return (
        user.is_authenticated
        and user.is_active
        and user.is_staff
        and user.has_perm("initiatives.view_initiative")
    )


def can_register_initiative(user) -> bool:
    return can_post(user)


def can_edit_initiative(user, initiative: Initiative) -> bool:
    """The team edits its own initiative, its log and help requests; a hidden one is frozen."""
    return (
        can_post(user)
        and is_team_member(user, initiative)
        and initiative.publication_state != PublicationState.HIDDEN
    )


def can_submit_initiative(user, initiative: Initiative) -> bool:
    return (
        can_edit_initiative(user, initiative)
        and initiative.publication_state in PublicationState.submittable()
    )


def can_delete_initiative(user, initiative: Initiative) -> bool:
    """The team may delete what was never public. What was published belongs to the conversation in the
    village or district: a moderator hides it when it has to go."""
    return can_edit_initiative(user, initiative) and initiative.published_at is None


def can_see_offers(user, initiative: Initiative) -> bool:
    return is_team_member(user, initiative)


def _can_take_part(user, initiative: Initiative) -> bool:
    return initiative.publication_state == PublicationState.PUBLISHED and can_post(user)


def can_support(user, initiative: Initiative) -> bool:
    return _can_take_part(user, initiative)


def can_follow(user, initiative: Initiative) -> bool:
    return _can_take_part(user, initiative)


def can_comment(user, initiative: Initiative) -> bool:
    return _can_take_part(user, initiative)


def can_offer_help(user, help_request) -> bool:
    """Anyone signed in except the team itself, while the request is open."""
    initiative = help_request.initiative
    return (
        _can_take_part(user, initiative)
        and not help_request.is_fulfilled
        and not is_team_member(user, initiative)
    )


def can_change_comment(user, comment) -> bool:
    """Only its author, and not while it is hidden by moderation."""
    return user.is_authenticated and user.is_active and comment.author_id == user.pk and not comment.is_hidden


def can_respond_for_municipality(user) -> bool:
    return (
        user.is_authenticated
        and user.is_active
        and user.is_staff
        and user.has_perm("initiatives.add_municipalresponse")
    )


def can_see_response_queue(user) -> bool:
    return can_respond_for_municipality(user)


def get_initiative_for(user, slug, *, check=None, queryset=None) -> Initiative:
    """Fetch an initiative and authorize. 404 when `user` may not even see it (its existence stays
    private), 403 when they may see it but `check(user, initiative)` says no."""
    queryset = queryset if queryset is not None else Initiative.objects.all()
    try:
        initiative = queryset.get(slug=slug)
    except Initiative.DoesNotExist:
        raise Http404 from None
    if not can_view_initiative(user, initiative):
        raise Http404
    if check is not None and not check(user, initiative):
        raise PermissionDenied
    return initiative
