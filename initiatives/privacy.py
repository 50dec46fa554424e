"""What the initiatives app keeps about a person, for their data export and for erasing their account
(accounts/privacy.py; registered in apps.py). A fixed number of queries per section, however much the
person wrote.

What is the team's stays with the team when a person leaves it: an initiative that was public, its log,
its help requests and the team's answers to offers, without the person's name. What is only theirs goes:
comments, offers, supports, follows and their notifications, invitations sent to their address, and every
initiative nobody else could see.
"""

from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext

from accounts.privacy import Erasure, in_site_language
from core.mail import site_url

from .choices import NotificationKind
from .models import HelpOffer, HelpRequest, Notification, TeamInvitation
from .services.authoring import team_member_leave_site
from .services.participation import support_count_change


def _moment(value):
    return value.isoformat() if value else None


def _file_address(file) -> str | None:
    """Where an uploaded photo can be downloaded."""
    return site_url(file.url) if file else None


def _initiatives(user) -> list:
    """The initiatives the person is in the team of, with all they tell and what was decided about them."""
    memberships = (
        user.initiative_memberships.select_related("initiative__area")
        .prefetch_related("initiative__tags")
        .order_by("created_at")
    )
    return [
        {
            "title": initiative.title,
            "address": initiative.get_absolute_url(),
            "role": membership.role,
            "joined": _moment(membership.created_at),
            "summary": initiative.summary,
            "story": initiative.story,
            "links": initiative.links,
            "themes": sorted(tag.name for tag in initiative.tags.all()),
            "village_or_district": initiative.area.name,
            "origin": initiative.origin,
            "stage": initiative.stage,
            "cover_photo": _file_address(initiative.cover_image),
            "cover_photo_description": initiative.cover_alt,
            "publication_state": initiative.publication_state,
            "submitted": _moment(initiative.submitted_at),
            "published": _moment(initiative.published_at),
            "reason_for_rejection": initiative.rejection_reason,
            "reason_for_hiding": initiative.hidden_reason,
        }
        for membership in memberships
        for initiative in [membership.initiative]
    ]


def _log_entries(user) -> list:
    """The log entries they wrote."""
    return [
        {
            "initiative": entry.initiative.title,
            "kind": entry.kind,
            "kind_of_obstacle": entry.obstacle_category,
            "date": entry.happened_on.isoformat(),
            "title": entry.title,
            "text": entry.text,
            "photo": _file_address(entry.image),
            "photo_description": entry.image_alt,
            "hidden": entry.is_hidden,
            "created": _moment(entry.created_at),
        }
        for entry in user.log_entries.select_related("initiative").order_by("created_at")
    ]


def _help_requests(user) -> list:
    """The help requests of the initiatives they are in the team of."""
    requests = (
        HelpRequest.objects.filter(initiative__memberships__user=user)
        .select_related("initiative")
        .order_by("created_at", "pk")
    )
    return [
        {
            "initiative": help_request.initiative.title,
            "kind": help_request.kind,
            "title": help_request.title,
            "description": help_request.description,
            "fulfilled": _moment(help_request.fulfilled_at) if help_request.is_fulfilled else None,
            "created": _moment(help_request.created_at),
        }
        for help_request in requests
    ]


def _help_offers(user) -> list:
    """Their offers of help, with the answers the teams gave."""
    return [
        {
            "initiative": offer.help_request.initiative.title,
            "help_request": offer.help_request.title,
            "message": offer.message,
            "reply": offer.reply,
            "created": _moment(offer.created_at),
            "replied": _moment(offer.replied_at),
        }
        for offer in user.help_offers.select_related("help_request__initiative").order_by("created_at")
    ]


def _help_offer_replies(user) -> list:
    """The answers they gave, for their team, to offers of help (the offers are the offerers')."""
    replies = (
        HelpOffer.objects.filter(replied_by=user)
        .select_related("help_request__initiative")
        .order_by("replied_at", "pk")
    )
    return [
        {
            "initiative": offer.help_request.initiative.title,
            "help_request": offer.help_request.title,
            "reply": offer.reply,
            "replied": _moment(offer.replied_at),
        }
        for offer in replies
    ]


def _supports(user) -> list:
    """What they support."""
    return [
        {
            "initiative": support.initiative.title,
            "named": support.is_named,
            "created": _moment(support.created_at),
        }
        for support in user.supports.select_related("initiative").order_by("created_at")
    ]


def _follows(user) -> list:
    """What they follow, and how often they get email about it."""
    return [
        {
            "initiative": follow.initiative.title,
            "frequency": follow.frequency,
            "created": _moment(follow.created_at),
        }
        for follow in user.follows.select_related("initiative").order_by("created_at")
    ]


def _notifications(user) -> list:
    """What they were (or will be, in a digest) emailed about the initiatives they follow."""
    notifications = (
        Notification.objects.filter(follow__user=user)
        .select_related("follow__initiative")
        .order_by("created_at", "pk")
    )
    return [
        {
            "initiative": notification.follow.initiative.title,
            "kind": notification.kind,
            "title": notification.title,
            "created": _moment(notification.created_at),
            "sent": _moment(notification.sent_at),
        }
        for notification in notifications
    ]


def _comments(user) -> list:
    """Their comments."""
    return [
        {
            "initiative": comment.initiative.title,
            "text": comment.body,
            "hidden": comment.is_hidden,
            "created": _moment(comment.created_at),
            "updated": _moment(comment.updated_at),
        }
        for comment in user.comments.select_related("initiative").order_by("created_at")
    ]


def _invitations(invitations) -> list:
    return [
        {
            "initiative": invitation.initiative.title,
            "email": invitation.email,
            "invited": _moment(invitation.created_at),
            "accepted": _moment(invitation.accepted_at),
        }
        for invitation in invitations.select_related("initiative").order_by("created_at", "pk")
    ]


def _invitations_sent(user) -> list:
    """The invitations to join a team they sent, with the address they typed."""
    return _invitations(TeamInvitation.objects.filter(invited_by=user))


def _to_their_addresses(user) -> Q:
    """Invitations sent to one of the person's addresses, in any capitals."""
    known = user.emailaddress_set.filter(email__iexact=OuterRef("email"))
    return Q(email__iexact=user.email) | Q(Exists(known))


def _invitations_received(user) -> list:
    """The invitations to join a team sent to one of their addresses."""
    return _invitations(TeamInvitation.objects.filter(_to_their_addresses(user)))


def _municipal_responses(user) -> list:
    """For civil servants: the responses they wrote on behalf of the municipality."""
    responses = user.municipal_responses.select_related("initiative").order_by("created_at", "pk")
    return [
        {
            "initiative": response.initiative.title,
            "text": response.body,
            "created": _moment(response.created_at),
        }
        for response in responses
    ]


def _contact_for(user) -> list:
    """For civil servants: the initiatives they are the municipality's contact person of."""
    return list(user.initiatives_as_contact.order_by("title").values_list("title", flat=True))


EXPORT_SECTIONS = {
    "initiatives": _initiatives,
    "log_entries": _log_entries,
    "help_requests": _help_requests,
    "help_offers": _help_offers,
    "help_offer_replies": _help_offer_replies,
    "supports": _supports,
    "follows": _follows,
    "notifications": _notifications,
    "comments": _comments,
    "invitations_sent": _invitations_sent,
    "invitations_received": _invitations_received,
    "municipal_responses": _municipal_responses,
    "contact_person_for": _contact_for,
}


def erase(user) -> None:
    """Comments, offers, supports, follows and their notifications go with the account (they cascade);
    the initiatives only they could see go, the others stay without their name (see
    `team_member_leave_site`). Invitations sent to their addresses go, used or not. Followers' notices of
    a civil servant's responses no longer name them. Their supports leave the stored counts of the
    initiatives now, in the erasure's transaction: the cascade that deletes the rows counts nothing."""
    team_member_leave_site(user=user)
    support_count_change(initiative_ids=user.supports.values("initiative_id"), by=-1)
    TeamInvitation.objects.filter(_to_their_addresses(user)).delete()
    paths = [
        response.get_absolute_url() for response in user.municipal_responses.select_related("initiative")
    ]
    if paths:
        Notification.objects.filter(kind=NotificationKind.MUNICIPAL_RESPONSE, path__in=paths).update(
            title=in_site_language(lambda: gettext("A civil servant"))
        )


def forget(erasure: Erasure) -> None:
    """Notices copy titles; a title that named the person (a civil servant's role changed since, say)
    loses the name."""
    for notification in Notification.objects.filter(erasure.mentioned_in("title")):
        notification.title = erasure.scrub(notification.title)[:200]
        notification.save(update_fields=["title"])
