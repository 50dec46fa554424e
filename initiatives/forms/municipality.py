"""Forms of the municipality: a response on its behalf, and the reason a moderator gives for rejecting."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import HoneypotFormMixin, LongTextFormField
from initiatives.models import MunicipalResponse
from moderation.services import REASON_MAX_LENGTH


class MunicipalResponseForm(HoneypotFormMixin, forms.ModelForm):
    class Meta:
        model = MunicipalResponse
        fields = ["body"]
        labels = {"body": _("Response of the municipality")}
        help_texts = {
            "body": _(
                "Shown on the initiative's page with your name and your role at the municipality. "
                "You can use Markdown."
            )
        }
        widgets = {"body": forms.Textarea(attrs={"rows": 10})}
        error_messages = {"body": {"required": _("Write a response first.")}}


class RejectForm(forms.Form):
    """Used in the management site: the reason goes to the team by email."""

    reason = LongTextFormField(
        label=_("Reason for rejection"),
        max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6, "cols": 60}),
        help_text=_(
            "The team receives this by email. Say kindly what needs to change; they can edit the "
            "initiative and submit it again."
        ),
        error_messages={"required": _("Say why, so the team knows what to change.")},
    )


class HideForm(forms.Form):
    """Used in the management site: the reason goes to the team by email, with the way to appeal."""

    reason = LongTextFormField(
        label=_("Reason for hiding"),
        max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6, "cols": 60}),
        help_text=_("The team receives this by email, and may ask another moderator to look again."),
        error_messages={"required": _("Say why, so the team knows what happened.")},
    )
