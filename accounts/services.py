"""Writes and privacy requests for accounts (AVG/GDPR: a person can take their data and leave)."""

from django.db import transaction

from .models import User


def user_profile_update(*, user: User, display_name: str, area) -> User:
    user.display_name = display_name
    user.area = area
    user.full_clean()
    user.save(update_fields=["display_name", "area"])
    return user


def user_export_data(*, user: User) -> dict:
    """Everything loket stores about a person, as plain data. Later apps add their own sections.

    One query per section (two for signals and their messages), however much the person wrote.
    """
    return {
        "account": {
            "email": user.email,
            "display_name": user.display_name,
            "area": user.area.name if user.area else None,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
        },
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in user.emailaddress_set.all()
        ],
        "initiatives": [
            {
                "title": membership.initiative.title,
                "address": membership.initiative.get_absolute_url(),
                "role": membership.role,
                "publication_state": membership.initiative.publication_state,
                "joined": membership.created_at.isoformat(),
            }
            for membership in user.initiative_memberships.select_related("initiative").order_by("created_at")
        ],
        "log_entries": [
            {
                "initiative": entry.initiative.title,
                "kind": entry.kind,
                "date": entry.happened_on.isoformat(),
                "title": entry.title,
                "text": entry.text,
                "created": entry.created_at.isoformat(),
            }
            for entry in user.log_entries.select_related("initiative").order_by("created_at")
        ],
        "help_offers": [
            {
                "initiative": offer.help_request.initiative.title,
                "help_request": offer.help_request.title,
                "message": offer.message,
                "reply": offer.reply,
                "created": offer.created_at.isoformat(),
                "replied": offer.replied_at.isoformat() if offer.replied_at else None,
            }
            for offer in user.help_offers.select_related("help_request__initiative").order_by("created_at")
        ],
        "supports": [
            {
                "initiative": support.initiative.title,
                "named": support.is_named,
                "created": support.created_at.isoformat(),
            }
            for support in user.supports.select_related("initiative").order_by("created_at")
        ],
        "follows": [
            {
                "initiative": follow.initiative.title,
                "frequency": follow.frequency,
                "created": follow.created_at.isoformat(),
            }
            for follow in user.follows.select_related("initiative").order_by("created_at")
        ],
        "comments": [
            {
                "initiative": comment.initiative.title,
                "text": comment.body,
                "created": comment.created_at.isoformat(),
                "updated": comment.updated_at.isoformat(),
            }
            for comment in user.comments.select_related("initiative").order_by("created_at")
        ],
        "suggested_examples": [
            {
                "title": article.title,
                "text": article.body,
                "state": article.state,
                "created": article.created_at.isoformat(),
            }
            for article in user.articles_suggested.order_by("created_at")
        ],
        "reports": [
            {
                "reason": report.reason,
                "text": report.text,
                "status": report.status,
                "created": report.created_at.isoformat(),
            }
            for report in user.reports.order_by("created_at")
        ],
        "appeals": [
            {"message": appeal.message, "status": appeal.status, "created": appeal.created_at.isoformat()}
            for appeal in user.appeals.order_by("created_at")
        ],
        "lab_sessions": [
            {
                "topic": registration.session.topic,
                "starts": registration.session.starts_at.isoformat(),
                "status": registration.status,
            }
            for registration in user.lab_registrations.select_related("session").order_by("requested_at")
        ],
        "signals": [
            {
                "title": signal.title,
                "text": signal.description,
                "status": signal.status,
                "created": signal.created_at.isoformat(),
                "messages": [
                    {
                        "from_ombuds": message.from_ombuds,
                        "text": message.body,
                        "sent": message.created_at.isoformat(),
                    }
                    for message in signal.messages.all()
                ],
            }
            for signal in user.signals.prefetch_related("messages").order_by("created_at")
        ],
    }


@transaction.atomic
def user_delete(*, user: User) -> None:
    """Delete the account and what is only theirs: comments, offers, supports, follows cascade with it;
    their initiatives go or stay as `team_member_leave_site` decides, and examples they suggested that
    were never published go too."""
    # Imported here: those apps build on accounts, not the other way round.
    from initiatives.services.authoring import team_member_leave_site
    from knowledgebase.services.articles import suggestions_withdraw

    team_member_leave_site(user=user)
    suggestions_withdraw(by=user)
    user.delete()
