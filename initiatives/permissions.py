"""Who may do what with initiatives. Views, services, templates (`{% may "initiatives.<action>" %}`) and
tests ask these same functions; nothing else decides. Who may see an initiative is one rule in two forms:
`initiatives_visible_to` filters a queryset (InitiativeQuerySet.visible_to), `can_view_initiative`
answers for one initiative in memory; a test holds them to each other."""

from django.db.models import Q

from accounts.permissions import can_post, is_signed_in, is_staff_with

from .choices import PublicationState


def is_team_member(user, initiative) -> bool:
    return user.is_authenticated and user.pk in initiative.team_user_ids


def can_view_every_initiative(user) -> bool:
    """Staff who may view initiatives in the management site see them on the site in every state."""
    return is_staff_with(user, "initiatives.view_initiative")


def initiatives_visible_to(user) -> Q | None:
    """The initiatives `user` may read, as a filter (None: all of them): everything published, plus their
    own team's initiatives in any state."""
    if can_view_every_initiative(user):
        return None
    published = Q(publication_state=PublicationState.PUBLISHED)
    if not user.is_authenticated:
        return published
    return published | Q(memberships__user=user)


def can_view_initiative(user, initiative) -> bool:
    """The same rule as `initiatives_visible_to`, for one initiative."""
    return (
        initiative.publication_state == PublicationState.PUBLISHED
        or is_team_member(user, initiative)
        or can_view_every_initiative(user)
    )


def can_register_initiative(user) -> bool:
    return can_post(user)


def can_edit_initiative(user, initiative) -> bool:
    """The team edits its own initiative, its log and help requests; a hidden one is frozen."""
    return (
        can_post(user)
        and is_team_member(user, initiative)
        and initiative.publication_state != PublicationState.HIDDEN
    )


def can_submit_initiative(user, initiative) -> bool:
    return (
        can_edit_initiative(user, initiative)
        and initiative.publication_state in PublicationState.submittable()
    )


def can_delete_initiative(user, initiative) -> bool:
    """The team may delete what was never public. What was published belongs to the conversation in the
    village or district: a moderator hides it when it has to go."""
    return can_edit_initiative(user, initiative) and initiative.published_at is None


def can_see_offers(user, initiative) -> bool:
    return is_team_member(user, initiative)


def _can_take_part(user, initiative) -> bool:
    return initiative.publication_state == PublicationState.PUBLISHED and can_post(user)


def can_support(user, initiative) -> bool:
    return _can_take_part(user, initiative)


def can_follow(user, initiative) -> bool:
    return _can_take_part(user, initiative)


def can_comment(user, initiative) -> bool:
    return _can_take_part(user, initiative)


def can_offer_help(user, help_request) -> bool:
    """Anyone signed in except the team itself, while the request is open and a team is there to answer."""
    initiative = help_request.initiative
    return (
        _can_take_part(user, initiative)
        and not help_request.is_fulfilled
        and initiative.has_team
        and not is_team_member(user, initiative)
    )


def can_change_comment(user, comment) -> bool:
    """Only its author, and not while it is hidden by moderation."""
    return is_signed_in(user) and comment.author_id == user.pk and not comment.is_hidden


def can_respond_for_municipality(user) -> bool:
    return is_staff_with(user, "initiatives.add_municipalresponse")


def can_see_response_queue(user) -> bool:
    return can_respond_for_municipality(user)
