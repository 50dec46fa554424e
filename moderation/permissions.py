"""Who may moderate, report and appeal. Views and templates ask these."""

from initiatives.permissions import can_post

from .content import kind_of


def can_moderate(user) -> bool:
    return (
        user.is_authenticated
        and user.is_active
        and user.is_staff
        and user.has_perm("moderation.change_report")
    )


def can_report(user, item) -> bool:
    """Anyone who may post reports what the public sees, except their own work."""
    kind = kind_of(item)
    return can_post(user) and kind.is_public(item) and user not in kind.authors(item)
