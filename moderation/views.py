"""The site's side of moderation: reporting an item, and appealing a decision about your own."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts.posting import always, posting
from core.ratelimit import posting_limited, too_many

from . import permissions, services
from .forms import AppealForm, ReportForm
from .models import ModerationAction
from .registry import item_for, kind_of


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
@posting("report", limited_in_view=True)
def report(request, kind, pk):
    item = item_for(kind, pk)
    # What the public cannot see cannot be reported, and its existence stays private.
    if item is None or not kind_of(item).is_public(item):
        raise Http404
    if not permissions.can_report(request.user, item):
        raise PermissionDenied
    item_kind = kind_of(item)
    form = ReportForm(request.POST or None)
    context = {"form": form, "item": item, "title": item_kind.title(item), "kind_label": item_kind.label}
    if request.method == "POST":
        if posting_limited(request, "report"):
            too_many(form)
            return render(request, "moderation/report.html", context, status=429)
        if form.is_valid():
            try:
                _report, created = services.report_create(
                    item=item,
                    by=request.user,
                    reason=form.cleaned_data["reason"],
                    text=form.cleaned_data["text"],
                )
            except ValidationError:
                raise Http404 from None  # it stopped being public in the meantime
            if created:
                messages.success(request, _("Thank you. A moderator will look at it."))
            else:
                messages.info(request, _("You had already reported this. A moderator will look at it."))
            item.refresh_from_db()  # enough reports hide it: then its page is gone
            return redirect(item_kind.public_url(item) if item_kind.is_public(item) else reverse("home"))
    return render(request, "moderation/report.html", context)


@login_required
# The appeal is how a person contests a decision, a block included: open to a blocked account.
@require_http_methods(["GET", "HEAD", "POST"])
@posting("appeal", limited_in_view=True, open_when_blocked=always)
def appeal(request, pk):
    action = get_object_or_404(ModerationAction, pk=pk)
    item = action.item
    if item is None or request.user not in kind_of(item).authors(item):
        raise Http404  # only the authors learn that a decision exists
    item_kind = kind_of(item)
    context = {"action": action, "title": item_kind.title(item), "kind_label": item_kind.label}
    if not permissions.can_appeal(request.user, action):
        return render(request, "moderation/appeal.html", {**context, "closed": True}, status=403)
    form = AppealForm(request.POST or None)
    context["form"] = form
    if request.method == "POST" and posting_limited(request, "appeal"):
        too_many(form)
        return render(request, "moderation/appeal.html", context, status=429)
    if request.method == "POST" and form.is_valid():
        try:
            services.appeal_create(action=action, by=request.user, message=form.cleaned_data["message"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("Your appeal has been received. Another moderator looks at it and emails you.")
            )
            return redirect("home")
    return render(request, "moderation/appeal.html", context)
