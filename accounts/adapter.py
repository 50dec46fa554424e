"""loket's adapters for django-allauth (settings.ACCOUNT_ADAPTER, settings.MFA_ADAPTER).

Every password check of the site passes `AccountAdapter.authenticate`: the login, allauth's
reauthentication, and the project's own forms that ask for the password (accounts/forms.py). That is
where wrong passwords are counted (accounts/login_throttle.py).
"""

import time

from allauth.account import app_settings as account_settings
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.authentication import get_authentication_records
from allauth.core import context
from allauth.mfa.adapter import DefaultMFAAdapter
from django.contrib.sites.shortcuts import get_current_site
from django.utils.translation import gettext_lazy as _

from core.mail import send_soon

from . import known_devices, login_throttle
from .permissions import can_use_management_site


class AccountAdapter(DefaultAccountAdapter):
    def pre_authenticate(self, request, **credentials):
        login = credentials.get("email") or credentials.get("username") or ""
        self._attempt = login_throttle.attempt_start(request, login=login, adapter=self)
        if self._attempt is None:
            raise self.validation_error("too_many_login_attempts")

    def authenticate(self, request, **credentials):
        user = super().authenticate(request, **credentials)  # calls pre_authenticate first
        if user is not None:
            self._attempt.give_back()
        return user

    def is_reauthentication_required(self, *, app, **kwargs):
        """allauth asks the password again before two-step verification changes, unless it was asked for
        that in the last minutes. A login in the last minutes counts too: staff are sent to set up the app
        straight from the login, and then see their recovery codes."""
        if app == "allauth.mfa" and _logged_in_recently(context.request):
            return False
        return super().is_reauthentication_required(app=app, **kwargs)

    def send_mail(self, template_prefix, email, context):
        """allauth's emails (confirming an address, a password reset, the notices of a changed password)
        are rendered here as allauth renders them, and go through the site's task queue like every other
        email, tried again when the mail server is down (core/mail.py). They are queued at once, as allauth
        sent them at once: their links are signed, not stored, so there is no commit to wait for."""
        request = globals()["context"].request
        message = self.render_mail(
            template_prefix,
            email,
            {"request": request, "email": email, "current_site": get_current_site(request), **context},
        )
        send_soon(message)

    def post_login(self, request, user, **kwargs):
        """After a full login (the code too, when the account has an app): remember this device."""
        response = super().post_login(request, user, **kwargs)
        known_devices.remember(request, response, user)
        return response


def _logged_in_recently(request) -> bool:
    user = request.user
    if not user.is_authenticated:
        return False
    since = time.time() - account_settings.REAUTHENTICATION_TIMEOUT
    return any(record.get("at", 0) > since for record in get_authentication_records(request, user))


class MFAAdapter(DefaultMFAAdapter):
    error_messages = {
        **DefaultMFAAdapter.error_messages,
        "incorrect_code": _(
            "That code is not right. Look at the app again: the code changes every 30 seconds."
        ),
        "cannot_delete_authenticator": _(
            "Staff cannot turn off two-step verification: the management site needs it."
        ),
    }

    def can_delete_authenticator(self, authenticator):
        return not can_use_management_site(authenticator.user)
