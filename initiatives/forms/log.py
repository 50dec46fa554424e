"""The form the team writes a log entry with."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from core.forms import DateInput, HoneypotFormMixin, required_with_photo
from core.images import PhotoField
from initiatives.choices import LogKind, ObstacleCategory
from initiatives.models import LogEntry

EARLIEST_DATE = datetime.date(2000, 1, 1)

# One line per kind, shown under the choice so people pick the kind that fits what they tell.
KIND_EXPLANATIONS = {
    LogKind.UPDATE: _("news about how things are going."),
    LogKind.DILEMMA: _("a choice you are struggling with, where there is no easy answer."),
    LogKind.OBSTACLE: _("something that got in the way or held you up."),
    LogKind.WORKING_ELEMENT: _("something that worked, and that others can use for their own initiative."),
    LogKind.REFLECTION: _("looking back: what did you learn, what would you do differently?"),
    LogKind.MILESTONE: _("an important step you reached."),
}


def kind_help_text():
    items = format_html_join(
        "",
        "<li><strong>{}</strong>: {}</li>",
        ((capfirst(kind.label), KIND_EXPLANATIONS[kind]) for kind in LogKind),
    )
    return format_html("<ul>{}</ul>", items)


class LogEntryForm(HoneypotFormMixin, forms.ModelForm):
    image = PhotoField(
        label=_("Photo"),
        required=False,
        help_text=_(
            "A JPEG, PNG, WebP or GIF image. We remove hidden data from it, such as where it was taken."
        ),
    )

    class Meta:
        model = LogEntry
        fields = ["kind", "obstacle_category", "happened_on", "title", "text", "image", "image_alt"]
        widgets = {
            "kind": forms.RadioSelect,
            "obstacle_category": forms.RadioSelect,
            "happened_on": DateInput(),
            "text": forms.Textarea(attrs={"rows": 10}),
        }
        help_texts = {
            "happened_on": _("When did it happen?"),
            "image_alt": _(
                "Needed when you add a photo: what can be seen in it, for people who cannot see it."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [(kind.value, capfirst(kind.label)) for kind in LogKind]
        self.fields["kind"].help_text = kind_help_text()
        category = self.fields["obstacle_category"]
        # Radio buttons, so no empty "-----" choice: leaving them all unchecked means no category.
        category.choices = [(item.value, capfirst(item.label)) for item in ObstacleCategory]
        category.required = False
        category.help_text = _("Only for an obstacle: what kind of obstacle was it?")
        required_with_photo(self.fields["image_alt"])
        today = timezone.localdate()
        self.fields["happened_on"].widget.attrs.update(
            {"min": EARLIEST_DATE.isoformat(), "max": today.isoformat()}
        )

    def clean_happened_on(self):
        happened_on = self.cleaned_data["happened_on"]
        if happened_on > timezone.localdate():
            raise forms.ValidationError(_("The date cannot be in the future."), code="future")
        if happened_on < EARLIEST_DATE:
            raise forms.ValidationError(_("Choose a date from the year 2000 on."), code="too_early")
        return happened_on

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        if kind == LogKind.OBSTACLE:
            if not cleaned.get("obstacle_category") and "obstacle_category" not in self.errors:
                self.add_error(
                    "obstacle_category",
                    forms.ValidationError(_("Choose what kind of obstacle it was."), code="required"),
                )
        elif kind:
            # Only obstacles have a category (a database constraint says so too): drop it quietly.
            cleaned["obstacle_category"] = ""
        if cleaned.get("image") and not (cleaned.get("image_alt") or "").strip():
            self.add_error(
                "image_alt",
                forms.ValidationError(_("Describe what can be seen in the photo."), code="required"),
            )
        return cleaned
