"""allauth's forms as loket adapts them (settings.ACCOUNT_FORMS and MFA_FORMS).

Apart from accounts/forms.py, which allauth itself imports (ACCOUNT_SIGNUP_FORM_CLASS) before its own
forms exist.
"""

from allauth.account.adapter import get_adapter
from allauth.account.forms import ChangePasswordForm as AllauthChangePasswordForm
from allauth.core import context
from allauth.mfa.totp.forms import ActivateTOTPForm as AllauthActivateTOTPForm
from django.utils.translation import gettext_lazy as _

from . import second_factor


class ChangePasswordForm(AllauthChangePasswordForm):
    """The current password checked by the adapter, so wrong ones count against the account like wrong
    logins (allauth itself only limits the page: 5 a minute)."""

    def clean_oldpassword(self):
        password = self.cleaned_data.get("oldpassword", "")
        if not get_adapter().reauthenticate(self.user, password):
            raise get_adapter().validation_error("enter_current_password")
        return password


class ActivateTOTPForm(AllauthActivateTOTPForm):
    """The code that sets up the app proves this session has it: its second step (accounts/second_factor.py),
    so staff go on to the management site without giving a code again."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].label = _("Code from the app")

    def clean_code(self):
        code = super().clean_code()
        second_factor.record_passed(context.request, self.user)
        return code
