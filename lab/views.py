"""The samenwerkingslab on the site: what it is, its sessions (sign up, cancel, add to your calendar), and
signals with their private conversation."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from accounts.posting import always, posting
from core.ratelimit import posting_limited, too_many
from knowledgebase.models import Page

from . import permissions, services
from .calendar import session_ics
from .forms import SignalForm, SignalReplyForm, SignalStatusForm
from .models import LabSession, Registration, RegistrationStatus, Signal

PAST_SESSIONS_SHOWN = 6


@require_safe
def index(request):
    sessions = LabSession.objects.published().with_counts()
    return render(
        request,
        "lab/index.html",
        {
            "page": Page.objects.filter(slug="samenwerkingslab").first(),
            "upcoming": list(sessions.upcoming()),
            "past": list(sessions.past()[:PAST_SESSIONS_SHOWN]),
            "is_ombuds": permissions.is_ombuds(request.user),
        },
    )


def _published_session(slug):
    return get_object_or_404(LabSession.objects.published().with_counts(), slug=slug)


@require_safe
def session(request, slug):
    lab_session = _published_session(slug)
    registration = None
    if request.user.is_authenticated:
        registration = (
            Registration.objects.filter(session=lab_session, user=request.user)
            .exclude(status=RegistrationStatus.CANCELLED)
            .first()
        )
    return render(
        request,
        "lab/session.html",
        {
            "session": lab_session,
            "registration": registration,
            "places_left": max(0, lab_session.capacity - lab_session.registered_count),
            "can_sign_up": permissions.can_sign_up(request.user, lab_session),
        },
    )


@login_required
@require_POST
@posting("lab_signup", limited_in_view=True)
def signup(request, slug):
    lab_session = _published_session(slug)
    if not permissions.can_sign_up(request.user, lab_session):
        raise PermissionDenied
    if posting_limited(request, "lab_signup"):
        messages.error(
            request, _("You have done this a lot in a short time. Please wait a while and try again.")
        )
        return redirect(lab_session)
    registration = services.registration_signup(session=lab_session, user=request.user)
    if registration.status == RegistrationStatus.REGISTERED:
        messages.success(
            request, _("You are signed up. We have emailed you the appointment for your calendar.")
        )
    else:
        messages.info(
            request,
            _("The session is full: you are on the waiting list. We email you when a place comes free."),
        )
    return redirect(lab_session)


@login_required
@require_POST
@posting("removal", open_when_blocked=always)
def cancel(request, slug):
    lab_session = _published_session(slug)
    if services.registration_cancel(session=lab_session, user=request.user) is not None:
        messages.success(request, _("You are no longer signed up. Thank you for letting us know."))
    return redirect(lab_session)


@require_safe
def ics(request, slug):
    lab_session = _published_session(slug)
    response = HttpResponse(session_ics(lab_session), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{lab_session.slug}.ics"'
    return response


# --- Signals ------------------------------------------------------------------------------------------


@login_required
@require_safe
def signals(request):
    """The reporter's own signals; for the ombuds, every signal."""
    is_ombuds = permissions.is_ombuds(request.user)
    queryset = Signal.objects.select_related("reporter", "initiative")
    if not is_ombuds:
        queryset = queryset.filter(reporter=request.user)
    return render(request, "lab/signals.html", {"signals": list(queryset), "is_ombuds": is_ombuds})


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
@posting("signal", limited_in_view=True)
def signal_new(request):
    if not permissions.can_raise_signal(request.user):
        return render(request, "lab/signal_form.html", {"needs_verified_email": True}, status=403)
    form = SignalForm(request.POST or None)
    if request.method == "POST":
        if posting_limited(request, "signal"):
            too_many(form)
            return render(request, "lab/signal_form.html", {"form": form}, status=429)
        if form.is_valid():
            signal = services.signal_create(
                reporter=request.user, **{k: form.cleaned_data[k] for k in SignalForm.Meta.fields}
            )
            messages.success(
                request,
                _(
                    "Your signal has reached the ombuds of the samenwerkingslab. You get an email when they answer."
                ),
            )
            return redirect(signal)
    return render(request, "lab/signal_form.html", {"form": form})


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
@posting("signal", limited_in_view=True)
def signal_detail(request, pk):
    signal = permissions.get_signal_for(
        request.user, pk, Signal.objects.select_related("reporter", "initiative")
    )
    is_ombuds = permissions.is_ombuds(request.user)
    reply_form = SignalReplyForm(
        request.POST if request.POST.get("action") == SignalReplyForm.ACTION else None
    )
    status_form = SignalStatusForm(
        request.POST if request.POST.get("action") == SignalStatusForm.ACTION else None,
        initial={"status": signal.status},
    )
    if request.method == "POST":
        try:
            if request.POST.get("action") == SignalReplyForm.ACTION:
                if posting_limited(request, "signal"):
                    too_many(reply_form)
                elif reply_form.is_valid():
                    services.signal_reply(
                        signal=signal, by=request.user, body=reply_form.cleaned_data["body"]
                    )
                    messages.success(request, _("Your message has been sent."))
                    return redirect(signal)
            elif request.POST.get("action") == SignalStatusForm.ACTION and is_ombuds:
                if status_form.is_valid():
                    services.signal_set_status(
                        signal=signal, by=request.user, status=status_form.cleaned_data["status"]
                    )
                    messages.success(request, _("The status has been changed; the reporter has been told."))
                    return redirect(signal)
            else:
                raise PermissionDenied
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(signal)
    return render(
        request,
        "lab/signal.html",
        {
            "signal": signal,
            "conversation": list(signal.messages.select_related("author")),
            "reply_form": reply_form,
            "status_form": status_form,
            "is_ombuds": is_ombuds,
            "can_withdraw": permissions.can_withdraw_signal(request.user, signal),
        },
    )


@login_required
@require_POST
@posting("removal", open_when_blocked=always)
def signal_withdraw(request, pk):
    signal = permissions.get_signal_for(request.user, pk, Signal.objects.all())
    if not permissions.can_withdraw_signal(request.user, signal):
        raise PermissionDenied
    services.signal_withdraw(signal=signal, by=request.user)
    messages.success(request, _("You have withdrawn your signal."))
    return redirect("lab:signal_list")
