"""The site-wide search box (/zoeken/)."""

from django import forms
from django.utils.translation import gettext_lazy as _


class SiteSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search the loket"),
        required=False,
        max_length=200,
        widget=forms.SearchInput,
        help_text=_("Initiatives, articles and case analyses."),
    )

    def clean_q(self):
        return " ".join(self.cleaned_data["q"].split())
