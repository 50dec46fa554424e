"""Who may see and do what in the samenwerkingslab. Signals are confidential: the reporter and the members
of the ombuds group, nobody else on the site — not other staff, not moderators, not superusers."""

from django.http import Http404

from accounts.permissions import can_post, in_role
from accounts.roles import Role


def is_ombuds(user) -> bool:
    """Staff in the ombuds group itself, not a permission: a superuser has every permission but is not
    an ombuds."""
    return user.is_authenticated and user.is_staff and in_role(user, Role.OMBUDS)


def can_view_signal(user, signal) -> bool:
    return user.is_authenticated and (signal.reporter_id == user.pk or is_ombuds(user))


def can_raise_signal(user) -> bool:
    return can_post(user) or is_ombuds(user)


def can_withdraw_signal(user, signal) -> bool:
    return signal.reporter_id == user.pk and signal.is_open


def can_sign_up(user, session) -> bool:
    return can_post(user) and session.is_published and not session.is_past


def get_signal_for(user, pk, queryset):
    """The signal, or a 404 for anyone who may not see it: its existence stays confidential too."""
    signal = queryset.filter(pk=pk).first()
    if signal is None or not can_view_signal(user, signal):
        raise Http404
    return signal
