"""Writes and privacy requests for accounts (AVG/GDPR: a person can take their data and leave)."""

from django.db import transaction

from .models import User
from .privacy import Erasure, erasure_steps, export_sections, forget_steps


def user_profile_update(*, user: User, display_name: str, area) -> User:
    user.display_name = display_name
    user.area = area
    user.full_clean()
    user.save(update_fields=["display_name", "area"])
    return user


def user_export_data(*, user: User) -> dict:
    """Everything loket stores about a person, as plain data: the sections every app that keeps personal
    data registered (accounts/privacy.py), accounts' own first (accounts/personal_data.py). A fixed number
    of queries per section, however much the person wrote."""
    return {name: section(user) for name, section in export_sections().items()}


@transaction.atomic
def user_delete(*, user: User) -> Erasure:
    """Delete the account and every trace of the person (accounts/privacy.py): every app that keeps
    personal data takes its step first, then the account goes and what hangs on it cascades, and then the
    records that copied the person's name or the words of what went (audit log, admin history) forget
    them. What the erasure deleted is recorded on the way, cascades included."""
    erasure = Erasure.of(user)
    with erasure.recording():
        for step in erasure_steps():
            step(user)
        user.delete()
    for step in forget_steps():
        step(erasure)
    return erasure
