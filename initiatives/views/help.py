"""Help requests of the team, offers of help by others, and the team's private page of offers."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from accounts.posting import posting
from core.ratelimit import posting_limited, too_many
from initiatives import permissions
from initiatives.forms.help import HelpRequestForm, OfferForm, ReplyForm
from initiatives.models import HelpOffer, HelpRequest
from initiatives.services import help_requests
from initiatives.shortcuts import get_initiative_for


def _get_help_request(request, slug, pk, *, check=None):
    initiative = get_initiative_for(request.user, slug, check=check)
    help_request = get_object_or_404(HelpRequest, pk=pk, initiative=initiative)
    help_request.initiative = initiative
    return initiative, help_request


def _request_fields(form) -> dict:
    return {name: form.cleaned_data[name] for name in HelpRequestForm.Meta.fields}


def _render_request_form(request, form, initiative, help_request=None, status=200):
    return render(
        request,
        "initiatives/help_form.html",
        {"form": form, "initiative": initiative, "help_request": help_request},
        status=status,
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
@posting("help_request", limited_in_view=True)
def request_create(request, slug):
    initiative = get_initiative_for(request.user, slug, check=permissions.can_edit_initiative)
    if request.method != "POST":
        return _render_request_form(request, HelpRequestForm(), initiative)
    form = HelpRequestForm(request.POST)
    if posting_limited(request, "help_request"):
        too_many(form)
        return _render_request_form(request, form, initiative, status=429)
    if not form.is_valid():
        return _render_request_form(request, form, initiative)
    help_request = help_requests.help_request_create(initiative=initiative, **_request_fields(form))
    messages.success(request, _("Your help request has been added."))
    return redirect(help_request.get_absolute_url())


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
@posting("help_request", limited_in_view=True)
def request_edit(request, slug, pk):
    initiative, help_request = _get_help_request(request, slug, pk, check=permissions.can_edit_initiative)
    if request.method != "POST":
        return _render_request_form(request, HelpRequestForm(instance=help_request), initiative, help_request)
    form = HelpRequestForm(request.POST, instance=help_request)
    if posting_limited(request, "help_request"):
        too_many(form)
        return _render_request_form(request, form, initiative, help_request, status=429)
    if not form.is_valid():
        return _render_request_form(request, form, initiative, help_request)
    help_requests.help_request_update(help_request=help_request, **_request_fields(form))
    messages.success(request, _("The help request has been saved."))
    return redirect(help_request.get_absolute_url())


@login_required
@require_POST
@posting("help_request")
def request_fulfilled(request, slug, pk):
    """Mark a help request fulfilled or open again. The button says which (`fulfilled` 1 or 0), so a
    double click does not undo itself; without it the state flips."""
    _initiative, help_request = _get_help_request(request, slug, pk, check=permissions.can_edit_initiative)
    wanted = request.POST.get("fulfilled")
    fulfilled = {"1": True, "0": False}.get(wanted, not help_request.is_fulfilled)
    help_requests.help_request_set_fulfilled(help_request=help_request, fulfilled=fulfilled)
    if fulfilled:
        messages.success(request, _("The help request is marked as fulfilled."))
    else:
        messages.success(request, _("The help request is open again."))
    return redirect(help_request.get_absolute_url())


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
@posting("offer", limited_in_view=True)
def offer_create(request, slug, pk):
    initiative, help_request = _get_help_request(request, slug, pk)
    if not permissions.can_offer_help(request.user, help_request):
        raise PermissionDenied
    context = {"initiative": initiative, "help_request": help_request}
    if request.method != "POST":
        return render(request, "initiatives/offer_form.html", {**context, "form": OfferForm()})
    form = OfferForm(request.POST)
    if posting_limited(request, "offer"):
        too_many(form)
        return render(request, "initiatives/offer_form.html", {**context, "form": form}, status=429)
    if not form.is_valid():
        return render(request, "initiatives/offer_form.html", {**context, "form": form})
    help_requests.help_offer_create(
        help_request=help_request, offered_by=request.user, message=form.cleaned_data["message"]
    )
    messages.success(
        request,
        _("Thank you! The team has received your offer. When they answer, we send it to you by email."),
    )
    return redirect(help_request.get_absolute_url())


@login_required
@require_safe
def offers(request, slug):
    initiative = get_initiative_for(request.user, slug, check=permissions.can_see_offers)
    help_requests = HelpRequest.objects.filter(initiative=initiative).prefetch_related(
        Prefetch("offers", queryset=HelpOffer.objects.select_related("offered_by", "replied_by"))
    )
    return render(
        request, "initiatives/offers.html", {"initiative": initiative, "help_requests": help_requests}
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
@posting("offer_reply", limited_in_view=True)
def offer_reply(request, slug, pk):
    initiative = get_initiative_for(request.user, slug, check=permissions.can_see_offers)
    offer = get_object_or_404(
        HelpOffer.objects.select_related("help_request", "offered_by", "replied_by"),
        pk=pk,
        help_request__initiative=initiative,
    )
    offer.help_request.initiative = initiative
    previous_reply = offer.reply
    form = ReplyForm(request.POST if request.method == "POST" else None, instance=offer)
    context = {"initiative": initiative, "offer": offer, "previous_reply": previous_reply, "form": form}
    if form.is_bound and posting_limited(request, "offer_reply"):
        too_many(form)
        return render(request, "initiatives/offer_reply.html", context, status=429)
    if form.is_bound and form.is_valid():
        help_requests.help_offer_reply(offer=offer, by=request.user, reply=form.cleaned_data["reply"])
        messages.success(request, _("Your answer has been sent."))
        return redirect(
            reverse("initiatives:help_offer_list", kwargs={"slug": initiative.slug}) + f"#aanbod-{offer.pk}"
        )
    return render(request, "initiatives/offer_reply.html", context)
