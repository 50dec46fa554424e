"""Writes and privacy requests for accounts (AVG/GDPR: a person can take their data and leave)."""

from django.db import transaction

from .models import User
from .privacy import erasure_steps, export_sections


def user_profile_update(*, user: User, display_name: str, area) -> User:
    user.display_name = display_name
    user.area = area
    user.full_clean()
    user.save(update_fields=["display_name", "area"])
    return user


def user_export_data(*, user: User) -> dict:
    """Everything loket stores about a person, as plain data: the account here, and the sections the apps
    that keep personal data registered (accounts/privacy.py). One query per section (two for signals
    and their messages), however much the person wrote."""
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
        **{name: section(user) for name, section in export_sections().items()},
    }


@transaction.atomic
def user_delete(*, user: User) -> None:
    """Delete the account and what is only theirs: every app that keeps personal data takes its step first
    (accounts/privacy.py), then the account goes and what hangs on it cascades."""
    for step in erasure_steps():
        step(user)
    user.delete()
