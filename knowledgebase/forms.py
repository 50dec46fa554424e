"""The knowledge base's forms: a resident's suggestion of an example. (The article list's filters: filters.py.)"""

from django import forms
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from core.forms import HoneypotFormMixin, LongTextFormField, SingleLineFormField
from places.models import Area


class SuggestExampleForm(HoneypotFormMixin, forms.Form):
    title = SingleLineFormField(
        label=_("What is the example called?"),
        max_length=120,
        help_text=_("A short name, for example: Buurtkamer in de oude bibliotheek."),
    )
    story = LongTextFormField(
        label=_("What happened, and what can others learn from it?"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("Tell it in your own words. An editor may shorten or rewrite it before it is published."),
    )
    area = forms.ModelChoiceField(
        label=_("Village or district"),
        queryset=Area.objects.filter(is_active=True),
        required=False,
        empty_label=_("(not in Doetinchem, or not sure)"),
    )
    place = SingleLineFormField(
        label=_("Other place"),
        max_length=120,
        required=False,
        help_text=_("Only when it happened somewhere else, for example in a neighbouring municipality."),
    )
    link = forms.URLField(
        label=_("Link"),
        required=False,
        max_length=500,
        assume_scheme="https",
        validators=[URLValidator(schemes=["http", "https"])],
        help_text=_("Optional: a web page about the example, starting with https://."),
    )
