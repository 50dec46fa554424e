"""Forms of taking part: supporting, following and commenting on an initiative."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import HoneypotFormMixin
from initiatives.choices import FollowFrequency
from initiatives.models import Comment


class SupportForm(forms.Form):
    """Support an initiative, withdraw that support, or change whether your name is shown.

    No honeypot here: there is nothing to type, only a checkbox and a button, posting needs a confirmed
    email address and supports are rate limited per account.
    """

    SUPPORT = "support"
    WITHDRAW = "withdraw"
    UPDATE = "update"

    is_named = forms.BooleanField(
        label=_("Show my name publicly"),
        required=False,
        help_text=_("Your display name is shown with the supporters."),
    )
    action = forms.ChoiceField(
        choices=[(SUPPORT, SUPPORT), (WITHDRAW, WITHDRAW), (UPDATE, UPDATE)],
        required=False,
        widget=forms.HiddenInput,
    )

    def clean_action(self):
        return self.cleaned_data.get("action") or self.SUPPORT


class FollowForm(forms.Form):
    """How often a follower wants email about an initiative. Unfollowing is a separate button (its
    `action`), and so is stopping the emails from the unsubscribe page."""

    UNFOLLOW = "unfollow"
    STOP_EMAIL = "stop_email"

    frequency = forms.ChoiceField(
        label=_("Email me"),
        choices=FollowFrequency.choices,
        initial=FollowFrequency.IMMEDIATELY,
        widget=forms.RadioSelect,
        help_text=_("When the log, the help requests or the responses of the municipality change."),
    )


class CommentForm(HoneypotFormMixin, forms.ModelForm):
    class Meta:
        model = Comment
        fields = ["body"]
        labels = {"body": _("Your comment")}
        help_texts = {"body": _("Plain text, at most 3000 characters. Everyone can read it, with your name.")}
        widgets = {"body": forms.Textarea(attrs={"rows": 5})}
        error_messages = {"body": {"required": _("Write your comment first.")}}
