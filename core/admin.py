"""What the apps' management pages share beyond Django's admin: names for the inputs in a table, and a
search-as-you-type choice that is valid HTML. Each fills a gap in Django's admin that the accessibility and
HTML checks (tests/e2e/test_accessibility_management.py, tests/e2e/test_valid_html.py) found.

- A list with editable columns (`list_editable`) and a table of related rows (`TabularInline`) show each
  input under a column heading, without a <label>: a screen reader announces "edit text" and nothing more.
  `LabelledTableInputs` and `TabularInline` give every input the name of its column and its row
  ("Volgorde: Wehl").
- Django's `AutocompleteSelect` leaves out the empty first option that a required single choice needs, and
  gives the one it adds to an optional choice no text: `AutocompleteFields` uses one that has both.

It also holds the management page of core's own model: the dead letters of the task queue (FailedTask).
"""

from django.contrib import admin, messages
from django.contrib.admin import widgets
from django.db.models.fields import BLANK_CHOICE_DASH
from django.forms.models import BaseInlineFormSet, BaseModelFormSet
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import dead_letters
from .models import FailedTask


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


# --- Dead letters (core.FailedTask) ---------------------------------------------------------------------


class _TriedAgain(admin.SimpleListFilter):
    title = _("tried again")
    parameter_name = "opnieuw"

    def lookups(self, request, model_admin):
        return [("nee", _("not yet")), ("ja", _("yes"))]

    def queryset(self, request, queryset):
        if self.value() == "nee":
            return queryset.filter(retried_at__isnull=True)
        if self.value() == "ja":
            return queryset.filter(retried_at__isnull=False)
        return queryset


@admin.register(FailedTask)
class FailedTaskAdmin(admin.ModelAdmin):
    """Read-only: what failed, to whom, why and how often. Staff with the permission "can try a failed task
    again" queue a task again from the list; the arguments (an email's text) are never shown."""

    list_display = ["failed_at", "kind", "summary", "recipient", "tries", "retried_at"]
    list_filter = [_TriedAgain, "task_name"]
    search_fields = ["recipient", "summary", "task_name"]
    date_hierarchy = "failed_at"
    fields = ["kind", "task_name", "summary", "recipient", "error", "tries", "failed_at", "retried_at"]
    readonly_fields = fields
    actions = ["try_again"]

    @admin.display(description=_("kind"))
    def kind(self, failed_task):
        return dead_letters.task_label(failed_task.task_name)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_retry_permission(self, request):
        return request.user.has_perm("core.retry_failedtask")

    @admin.action(description=_("Try again"), permissions=["retry"])
    def try_again(self, request, queryset):
        queued = skipped = 0
        for failed_task in queryset:
            try:
                if dead_letters.failed_task_retry(failed_task=failed_task):
                    queued += 1
                else:
                    skipped += 1
            except KeyError:  # a task that no longer exists under that name
                skipped += 1
        if queued:
            self.message_user(
                request,
                ngettext("%(count)d task queued again.", "%(count)d tasks queued again.", queued)
                % {"count": queued},
                messages.SUCCESS,
            )
        if skipped:
            self.message_user(
                request,
                ngettext(
                    "%(count)d task was not queued: it was tried again before, or no longer exists.",
                    "%(count)d tasks were not queued: they were tried again before, or no longer exist.",
                    skipped,
                )
                % {"count": skipped},
                messages.WARNING,
            )
