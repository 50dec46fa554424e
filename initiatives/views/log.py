"""The team writes, corrects and removes entries in its initiative's log."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts.posting import posting
from core.ratelimit import posting_limited, too_many
from initiatives import permissions
from initiatives.forms.log import LogEntryForm
from initiatives.models import LogEntry
from initiatives.services import log_entries
from initiatives.shortcuts import get_initiative_for
from initiatives.views.detail import log_entry_url


def _entry_fields(form) -> dict:
    return {name: form.cleaned_data[name] for name in LogEntryForm.Meta.fields if name in form.cleaned_data}


def _get_entry(request, slug, pk):
    initiative = get_initiative_for(request.user, slug, check=permissions.can_edit_initiative)
    # A hidden entry waits for moderation (or an appeal): the team no longer changes it.
    entry = get_object_or_404(LogEntry.objects.visible(), pk=pk, initiative=initiative)
    entry.initiative = initiative
    return initiative, entry


def _render_form(request, form, initiative, entry=None, status=200):
    return render(
        request,
        "initiatives/log_form.html",
        {"form": form, "initiative": initiative, "entry": entry},
        status=status,
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
@posting("log_entry", limited_in_view=True)
def create(request, slug):
    initiative = get_initiative_for(request.user, slug, check=permissions.can_edit_initiative)
    if request.method != "POST":
        return _render_form(request, LogEntryForm(), initiative)
    form = LogEntryForm(request.POST, request.FILES)
    if posting_limited(request, "log_entry"):
        too_many(form)
        return _render_form(request, form, initiative, status=429)
    if not form.is_valid():
        return _render_form(request, form, initiative)
    entry = log_entries.log_entry_create(initiative=initiative, author=request.user, **_entry_fields(form))
    messages.success(request, _("Your log entry has been added."))
    return redirect(log_entry_url(entry))


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
@posting("log_entry", limited_in_view=True)
def edit(request, slug, pk):
    initiative, entry = _get_entry(request, slug, pk)
    if request.method != "POST":
        return _render_form(request, LogEntryForm(instance=entry), initiative, entry)
    form = LogEntryForm(request.POST, request.FILES, instance=entry)
    if posting_limited(request, "log_entry"):
        too_many(form)
        return _render_form(request, form, initiative, entry, status=429)
    if not form.is_valid():
        return _render_form(request, form, initiative, entry)
    log_entries.log_entry_update(log_entry=entry, **_entry_fields(form))
    messages.success(request, _("The log entry has been saved."))
    return redirect(log_entry_url(entry))


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
@posting("removal")
def delete(request, slug, pk):
    initiative, entry = _get_entry(request, slug, pk)
    if request.method == "POST":
        log_entries.log_entry_delete(log_entry=entry)
        messages.success(request, _("The log entry has been deleted."))
        return redirect(initiative.get_absolute_url() + "#logboek")
    return render(request, "initiatives/log_confirm_delete.html", {"initiative": initiative, "entry": entry})
