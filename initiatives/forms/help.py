"""Forms for help requests, offers of help and the team's answer to an offer."""

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from core.forms import HoneypotFormMixin
from initiatives.choices import HelpKind
from initiatives.models import HelpOffer, HelpRequest


class HelpRequestForm(HoneypotFormMixin, forms.ModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [(kind.value, capfirst(kind.label)) for kind in HelpKind]

    class Meta:
        model = HelpRequest
        fields = ["kind", "title", "description"]
        widgets = {
            "kind": forms.RadioSelect,
            "description": forms.Textarea(attrs={"rows": 6}),
        }
        help_texts = {
            "title": _("In a few words, for example: Hands needed for planting day."),
            "description": _("What exactly do you need, when, and for how long?"),
        }


class OfferForm(HoneypotFormMixin, forms.ModelForm):
    class Meta:
        model = HelpOffer
        fields = ["message"]
        widgets = {"message": forms.Textarea(attrs={"rows": 6})}
        labels = {"message": _("What can you offer?")}
        help_texts = {
            "message": _(
                "Tell the team what you can do and when. Only the team reads this; it is never shown on the site."
            ),
        }


class ReplyForm(HoneypotFormMixin, forms.ModelForm):
    class Meta:
        model = HelpOffer
        fields = ["reply"]
        widgets = {"reply": forms.Textarea(attrs={"rows": 6})}
        labels = {"reply": _("Your answer")}
        help_texts = {
            "reply": _(
                "We email your answer to this person, with a link to your initiative. Your email address is "
                "not shared: if you want them to contact you directly, write how in your answer."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reply"].required = True
