from allauth.account.adapter import get_adapter
from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import SingleLineFormField
from places.models import Area

from .models import User


class SignupForm(forms.Form):
    """Extra fields on allauth's signup form; allauth calls `signup` after creating the user."""

    display_name = SingleLineFormField(
        label=_("Display name"),
        max_length=80,
        help_text=_("The name others see next to what you share. A first name is fine."),
        widget=forms.TextInput(attrs={"autocomplete": "nickname"}),
    )

    def signup(self, request, user):
        user.display_name = self.cleaned_data["display_name"]
        user.save(update_fields=["display_name"])


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["display_name", "area"]
        widgets = {"display_name": forms.TextInput(attrs={"autocomplete": "nickname"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = Area.objects.filter(is_active=True)
        self.fields["area"].empty_label = _("(not given)")


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("To be sure it is you."),
    )

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        # Through allauth's adapter, like every password check: wrong ones count against the account.
        password = self.cleaned_data["password"]
        if not get_adapter().reauthenticate(self.user, password):
            raise forms.ValidationError(_("That is not your password."))
        return password
