"""Small template helpers for the site layout and for rendering form fields in NL Design System markup."""

import datetime

from django import template
from django.forms import widgets
from django.utils import timezone

register = template.Library()


@register.filter
def in_section(path, url):
    """Whether `path` (usually request.path) is the page at `url` or a page below it.

    The home page only matches itself: otherwise every page would be "in" it.
    """
    if not path or not url:
        return False
    if path == url:
        return True
    return url != "/" and url.endswith("/") and path.startswith(url)


# Widget type -> NL Design System classes. Checked in order: subclasses before their parents.
_WIDGET_CLASSES = [
    (widgets.CheckboxInput, "utrecht-checkbox utrecht-checkbox--html-input", "utrecht-checkbox--invalid"),
    (
        widgets.CheckboxSelectMultiple,
        "utrecht-checkbox utrecht-checkbox--html-input",
        "utrecht-checkbox--invalid",
    ),
    (
        widgets.RadioSelect,
        "utrecht-radio-button utrecht-radio-button--html-input",
        "utrecht-radio-button--invalid",
    ),
    (widgets.Select, "utrecht-select utrecht-select--html-select", "utrecht-select--invalid"),
    (widgets.Textarea, "utrecht-textarea utrecht-textarea--html-textarea", "utrecht-textarea--invalid"),
    (
        widgets.PasswordInput,
        "utrecht-textbox utrecht-textbox--html-input utrecht-textbox--password",
        "utrecht-textbox--invalid",
    ),
    (widgets.Input, "utrecht-textbox utrecht-textbox--html-input", "utrecht-textbox--invalid"),
]


def widget_classes(bound_field):
    widget = bound_field.field.widget
    for widget_type, classes, invalid in _WIDGET_CLASSES:
        if isinstance(widget, widget_type):
            return f"{classes} {invalid}" if bound_field.errors else classes
    return ""


@register.filter
def nlds_widget(bound_field):
    """Render a field's widget with NL Design System classes added to the classes it already has.

    Placeholders are dropped: a visible label and description say what to fill in, and a placeholder
    vanishes as soon as someone types (NL Design System advises against them).
    """
    existing = bound_field.field.widget.attrs.get("class", "")
    classes = " ".join(part for part in [existing, widget_classes(bound_field)] if part)
    attrs = {"placeholder": False}
    if classes:
        attrs["class"] = classes
    return bound_field.as_widget(attrs=attrs)


@register.filter
def is_checkbox(bound_field):
    return isinstance(bound_field.field.widget, widgets.CheckboxInput)


@register.filter
def html_datetime(value):
    """A moment or a day as the `datetime` attribute of <time> wants it: `2025-03-01T14:05:09+01:00`.

    `|date:"c"` writes Python's isoformat, with microseconds whenever the moment has them (every moment a
    live site records); HTML allows three digits of a second at most. Seconds are precise enough here.
    """
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.replace(microsecond=0).isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return ""
