"""Who may do what with initiatives. Views, services, templates (`{% may "initiatives.<action>" %}`), the
management site and tests ask these same functions; nothing else decides.

Who may see an initiative is one rule, whatever the way in (the site, the management site; the API and the
feeds show only what everyone may see): a published initiative is for everyone; a draft, submitted,
rejected or hidden one only for its own team and for the moderators (and superusers), who decide on it.
Other staff (editors, council members, the ombuds) see what the public sees: the view permission their
role has in the management site gives no more. What belongs to an initiative (log entries, help requests,
responses of the municipality, comments) is seen with it; a log entry or comment hidden by moderation only
by the moderators, in the management site.

The rule comes in two forms: `initiatives_visible_to` (and `initiative_parts_visible_to`) filter a
queryset (`visible_to` on the querysets), `can_view_initiative` (and `can_view_initiative_part`) answer
for one object in memory; a test holds them to each other."""

from django.db.models import Q

from accounts.permissions import can_post, is_signed_in, is_staff_with
from moderation.permissions import can_moderate

from .choices import PublicationState
from .models import TeamMembership


def is_team_member(user, initiative) -> bool:
    return user.is_authenticated and user.pk in initiative.team_user_ids


def can_view_every_initiative(user) -> bool:
    """Moderators (and superusers) see initiatives in every state: they publish, reject and hide them."""
    return can_moderate(user)


def initiatives_visible_to(user, *, via: str = "") -> Q | None:
    """The initiatives `user` may read, as a filter (None: all of them): everything published, plus their
    own team's initiatives in any state. With `via` ("initiative__") it filters another model by its
    initiative. The team is a subquery, not a join, so no row comes twice."""
    if can_view_every_initiative(user):
        return None
    published = Q(**{f"{via}publication_state": PublicationState.PUBLISHED})
    if not user.is_authenticated:
        return published
    own = TeamMembership.objects.filter(user=user).values("initiative")
    return published | Q(**{f"{via}pk__in": own})


def can_view_initiative(user, initiative) -> bool:
    """The same rule as `initiatives_visible_to`, for one initiative."""
    return (
        initiative.publication_state == PublicationState.PUBLISHED
        or is_team_member(user, initiative)
        or can_view_every_initiative(user)
    )


def _is_hideable(model) -> bool:
    return any(field.name == "hidden_at" for field in model._meta.get_fields())


def initiative_parts_visible_to(user, model) -> Q | None:
    """The log entries, help requests, responses or comments (`model`) `user` may read, as a filter (None:
    all of them): those of the initiatives they may see, and of what moderation can hide only what is not
    hidden — except for the moderators."""
    if can_view_every_initiative(user):
        return None
    visible = initiatives_visible_to(user, via="initiative__")
    if _is_hideable(model):
        visible &= Q(hidden_at__isnull=True)
    return visible


def can_view_initiative_part(user, part) -> bool:
    """The same rule as `initiative_parts_visible_to`, for one log entry, help request, response or comment.
    The site's pages show a hidden one to nobody; moderators find it in the management site."""
    if getattr(part, "is_hidden", False):
        return can_view_every_initiative(user)
    return can_view_initiative(user, part.initiative)


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
