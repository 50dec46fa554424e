from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import HoneypotFormMixin
from initiatives.models import Initiative

from .models import Signal, SignalMessage, SignalStatus


class SignalForm(HoneypotFormMixin, forms.ModelForm):
    class Meta:
        model = Signal
        fields = ["title", "description", "initiative"]
        help_texts = {
            "title": _("For example: no answer from the municipality for two months."),
            "description": _(
                "What happened, between whom, and what would help? Only you and the ombuds of the "
                "samenwerkingslab read this."
            ),
            "initiative": _("Optional: the initiative it is about."),
        }
        widgets = {"description": forms.Textarea(attrs={"rows": 8})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["initiative"].queryset = Initiative.objects.published().order_by("title")
        self.fields["initiative"].empty_label = _("(no particular initiative)")


class SignalReplyForm(HoneypotFormMixin, forms.ModelForm):
    ACTION = "reply"  # the signal's page has two forms; the posted `action` says which

    class Meta:
        model = SignalMessage
        fields = ["body"]
        labels = {"body": _("Your message")}
        widgets = {"body": forms.Textarea(attrs={"rows": 5})}


class SignalStatusForm(forms.Form):
    ACTION = "status"

    status = forms.ChoiceField(
        label=_("Status"),
        choices=[
            (SignalStatus.IN_PROGRESS, SignalStatus.IN_PROGRESS.label),
            (SignalStatus.RESOLVED, SignalStatus.RESOLVED.label),
            (SignalStatus.CLOSED, SignalStatus.CLOSED.label),
            (SignalStatus.NEW, SignalStatus.NEW.label),
        ],
    )
