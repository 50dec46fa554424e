"""Fetch an initiative and authorize in one step, for the views."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from .models import Initiative
from .permissions import can_view_initiative


def get_initiative_for(user, slug, *, check=None, queryset=None) -> Initiative:
    """The initiative at `slug` if `user` may see it: a 404 when they may not even see it (its existence
    stays private), a 403 when they may see it but `check(user, initiative)` says no."""
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
