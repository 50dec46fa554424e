"""Two-step verification as loket asks it of staff: an authenticator app (allauth.mfa's TOTP) and its
recovery codes.

Anyone may turn it on. Staff (everyone who can use the management site) must have it, and a session of
theirs counts as staff only after the second step: allauth's login asks for the code, and notes it in the
session (its authentication records, method "mfa"); setting up the app in this session counts too. Until
then every page but the ones on the way in (accounts/middleware.py) and the management site
(accounts/management_site.py) send them to the step that is missing: setting up the app, or giving a code.
"""

from allauth.account.authentication import get_authentication_records
from allauth.mfa.models import Authenticator
from django.contrib import messages
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from .permissions import can_use_management_site

# Set when the app was set up in this session: the code that set it up was the second step
# (accounts/auth_forms.py).
SESSION_KEY = "loket_second_factor_user"


def has_authenticator_app(user) -> bool:
    return Authenticator.objects.filter(user_id=user.pk, type=Authenticator.Type.TOTP).exists()


def passed(request) -> bool:
    """Whether this session's person gave a second step: a code at login or later, or set up the app."""
    user = request.user
    if not user.is_authenticated:
        return False
    if request.session.get(SESSION_KEY) == str(user.pk):
        return True
    return any(record.get("method") == "mfa" for record in get_authentication_records(request, user))


def record_passed(request, user) -> None:
    request.session[SESSION_KEY] = str(user.pk)


def missing_step(request, next_url: str):
    """For staff whose session has not had its second step: a redirect to that step (setting up the app,
    with a word why, or giving a code), then on to `next_url`. None for everyone else."""
    user = request.user
    if not can_use_management_site(user) or passed(request):
        return None
    if has_authenticator_app(user):
        return HttpResponseRedirect(f"{reverse('mfa_reauthenticate')}?{urlencode({'next': next_url})}")
    messages.info(
        request,
        _(
            "You work for the loket as staff. For that you need two-step verification: an app on your "
            "phone gives you a code each time you log in. Set it up now."
        ),
    )
    return HttpResponseRedirect(reverse("mfa_activate_totp"))
