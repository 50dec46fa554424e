"""How every Django form on the site is rendered: NL Design System markup from templates/forms/.

`{{ form }}` renders templates/forms/form.html (an error summary, then each field) and
`{{ form.field.as_field_group }}` renders templates/forms/field.html (label, description, error, widget).
The templates come from the project's TEMPLATES setting, so they can use the site's own template tags.
"""

import datetime
import re

from django import forms
from django.forms.renderers import TemplatesSetting
from django.utils.translation import gettext_lazy as _

from .text import clean_line, clean_text


class LoketFormRenderer(TemplatesSetting):
    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"


def required_with_photo(field) -> None:
    """A photo's description: not required by itself, but required when there is a photo (the form's
    clean() says so). Its label says that instead of "optional" (templates/forms/includes/optional.html)."""
    field.required_when = _("required with a photo")


class SingleLineFormField(forms.CharField):
    """A title, a name, a place: one line, without bidirectional controls or invisible characters
    (core.text). They are removed before `required` and `max_length` are checked."""

    def to_python(self, value):
        return super().to_python(clean_line(value) if isinstance(value, str) else value)


class LongTextFormField(forms.CharField):
    """A story, a message, Markdown: without the bidirectional controls that reorder text (core.text)."""

    def to_python(self, value):
        return super().to_python(clean_text(value) if isinstance(value, str) else value)


class DateInput(forms.DateInput):
    """A day chosen with the browser's calendar: `<input type="date">`.

    Its value is a day as HTML writes it (2025-03-01), whatever the language's own format, or nothing. What
    someone sent that is no day (only a hand-made address can send it) is not written back into the field:
    HTML does not allow it there, and the browser would show an empty field anyway. The error says why.
    """

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")

    def format_value(self, value):
        value = super().format_value(value)
        if isinstance(value, str) and not _is_html_date(value):
            return None
        return value


def _is_html_date(text: str) -> bool:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return False
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return True


class HoneypotFormMixin:
    """A field people never see but simple bots fill in. A filled-in honeypot makes the form invalid.

    The field is hidden with CSS (class `loket-honeypot`), taken out of the tab order and labelled as
    something to leave empty, so a screen reader user who reaches it knows what to do.
    """

    honeypot_name = "website"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[self.honeypot_name] = forms.CharField(
            label=_("Leave this field empty"),
            required=False,
            widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
        )
        self.fields[self.honeypot_name].is_honeypot = True

    def clean(self):
        cleaned = super().clean()
        if self.cleaned_data.get(self.honeypot_name):
            raise forms.ValidationError(
                _("Your message could not be sent. Leave the last field empty and try again."),
                code="honeypot",
            )
        return cleaned
