"""What the apps' management pages share beyond Django's admin: names for the inputs in a table, and a
search-as-you-type choice that is valid HTML. Each fills a gap in Django's admin that the accessibility and
HTML checks (tests/e2e/test_accessibility_management.py, tests/e2e/test_valid_html.py) found.

- A list with editable columns (`list_editable`) and a table of related rows (`TabularInline`) show each
  input under a column heading, without a <label>: a screen reader announces "edit text" and nothing more.
  `LabelledTableInputs` and `TabularInline` give every input the name of its column and its row
  ("Volgorde: Wehl").
- Django's `AutocompleteSelect` leaves out the empty first option that a required single choice needs, and
  gives the one it adds to an optional choice no text: `AutocompleteFields` uses one that has both.
"""

from django.contrib import admin
from django.contrib.admin import widgets
from django.db.models.fields import BLANK_CHOICE_DASH
from django.forms.models import BaseInlineFormSet, BaseModelFormSet
from django.utils.text import capfirst


def name_inputs_by_column_and_row(form):
    """Give each visible input of `form`, one row of a table, an accessible name: its column, its row."""
    row = str(form.instance) if form.instance.pk is not None else ""
    for field in form.fields.values():
        if field.widget.is_hidden:
            continue
        column = capfirst(field.label or "")
        field.widget.attrs.setdefault("aria-label", f"{column}: {row}" if row else column)


class _NamedInputsMixin:
    def add_fields(self, form, index):
        super().add_fields(form, index)  # adds the "delete" box, which needs its name too
        name_inputs_by_column_and_row(form)


class NamedInputsModelFormSet(_NamedInputsMixin, BaseModelFormSet):
    pass


class NamedInputsInlineFormSet(_NamedInputsMixin, BaseInlineFormSet):
    pass


class TabularInline(admin.TabularInline):
    """Django's table of related rows, with a name for every input. A formset of its own should extend
    `NamedInputsInlineFormSet`."""

    formset = NamedInputsInlineFormSet


class LabelledTableInputs:
    """For a ModelAdmin with `list_editable`: every input in its list has a name."""

    def get_changelist_formset(self, request, **kwargs):
        kwargs.setdefault("formset", NamedInputsModelFormSet)
        return super().get_changelist_formset(request, **kwargs)


class AutocompleteSelect(widgets.AutocompleteSelect):
    """Django's search-as-you-type choice of one, always with an empty first option that has text.

    Select2 shows its (empty) placeholder for that option, as it did for Django's, so nothing changes on
    screen; the <select> underneath is valid HTML, required or not.
    """

    def optgroups(self, name, value, attr=None):
        groups = super().optgroups(name, value, attr)
        options = [option for option in groups[0][1] if option["value"] != ""]
        blank = self.create_option(name, "", BLANK_CHOICE_DASH[0][1], not options, 0)
        groups[0][1][:] = [blank, *options]
        for index, option in enumerate(groups[0][1]):
            option["index"] = str(index)
        return groups


class AutocompleteFields:
    """For a ModelAdmin with `autocomplete_fields`: its choices of one use the `AutocompleteSelect` above."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = AutocompleteSelect(db_field, self.admin_site, using=kwargs.get("using"))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
