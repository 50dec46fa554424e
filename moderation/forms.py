"""Forms on the site (reporting, appealing) and in the management site (the moderators' decisions)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import HoneypotFormMixin, LongTextFormField

from .models import Report, ReportReason
from .services import REASON_MAX_LENGTH


class ReportForm(HoneypotFormMixin, forms.ModelForm):
    class Meta:
        model = Report
        fields = ["reason", "text"]
        labels = {"reason": _("What is wrong with it?"), "text": _("Explanation")}
        help_texts = {"text": _("Only the moderators read this.")}
        widgets = {"reason": forms.RadioSelect, "text": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].choices = ReportReason.choices  # no empty choice among the radio buttons


class AppealForm(HoneypotFormMixin, forms.Form):
    message = LongTextFormField(
        label=_("Why should another moderator look again?"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Another moderator than the one who decided reads this, and answers you by email."),
    )


class ReasonForm(forms.Form):
    """A decision in the management site, with the reason the author gets by email."""

    reason = LongTextFormField(
        label=_("Reason"),
        max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4, "cols": 60}),
        help_text=_("The author gets this by email. Plain words, kindly put."),
    )


class OptionalReasonForm(ReasonForm):
    reason = LongTextFormField(
        label=_("Note"),
        required=False,
        max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
    )


class AppealDecisionForm(ReasonForm):
    grant = forms.TypedChoiceField(
        label=_("Decision"),
        choices=[("1", _("Grant: undo the decision")), ("0", _("Deny: the decision stays"))],
        coerce=lambda value: value == "1",
        widget=forms.RadioSelect,
    )


class BlockForm(ReasonForm):
    hard = forms.TypedChoiceField(
        label=_("Kind of block"),
        choices=[
            ("0", _("Soft: no more posting; earlier posts stay visible")),
            ("1", _("Hard: no more posting; earlier comments, log entries and examples are hidden")),
        ],
        coerce=lambda value: value == "1",
        widget=forms.RadioSelect,
    )
