"""What the initiatives app keeps about a person, for their data export and for erasing their account
(accounts/privacy.py; registered in apps.py). One query per section, however much the person wrote."""

from .services.authoring import team_member_leave_site


def _initiatives(user) -> list:
    """The initiatives the person is in the team of."""
    return [
        {
            "title": membership.initiative.title,
            "address": membership.initiative.get_absolute_url(),
            "role": membership.role,
            "publication_state": membership.initiative.publication_state,
            "joined": membership.created_at.isoformat(),
        }
        for membership in user.initiative_memberships.select_related("initiative").order_by("created_at")
    ]


def _log_entries(user) -> list:
    """The log entries they wrote."""
    return [
        {
            "initiative": entry.initiative.title,
            "kind": entry.kind,
            "date": entry.happened_on.isoformat(),
            "title": entry.title,
            "text": entry.text,
            "created": entry.created_at.isoformat(),
        }
        for entry in user.log_entries.select_related("initiative").order_by("created_at")
    ]


def _help_offers(user) -> list:
    """Their offers of help, with the answers the teams gave."""
    return [
        {
            "initiative": offer.help_request.initiative.title,
            "help_request": offer.help_request.title,
            "message": offer.message,
            "reply": offer.reply,
            "created": offer.created_at.isoformat(),
            "replied": offer.replied_at.isoformat() if offer.replied_at else None,
        }
        for offer in user.help_offers.select_related("help_request__initiative").order_by("created_at")
    ]


def _supports(user) -> list:
    """What they support."""
    return [
        {
            "initiative": support.initiative.title,
            "named": support.is_named,
            "created": support.created_at.isoformat(),
        }
        for support in user.supports.select_related("initiative").order_by("created_at")
    ]


def _follows(user) -> list:
    """What they follow, and how often they get email about it."""
    return [
        {
            "initiative": follow.initiative.title,
            "frequency": follow.frequency,
            "created": follow.created_at.isoformat(),
        }
        for follow in user.follows.select_related("initiative").order_by("created_at")
    ]


def _comments(user) -> list:
    """Their comments."""
    return [
        {
            "initiative": comment.initiative.title,
            "text": comment.body,
            "created": comment.created_at.isoformat(),
            "updated": comment.updated_at.isoformat(),
        }
        for comment in user.comments.select_related("initiative").order_by("created_at")
    ]


EXPORT_SECTIONS = {
    "initiatives": _initiatives,
    "log_entries": _log_entries,
    "help_offers": _help_offers,
    "supports": _supports,
    "follows": _follows,
    "comments": _comments,
}


def erase(user) -> None:
    """Comments, offers, supports and follows go with the account (they cascade); the initiatives only
    they could see go, the others stay without their name (see `team_member_leave_site`)."""
    team_member_leave_site(user=user)
