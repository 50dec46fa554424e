"""The municipality's side of the site: the queue of initiatives waiting for a first response, and
responding on behalf of the municipality."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from accounts.posting import posting
from core.ratelimit import posting_limited, too_many
from initiatives import permissions
from initiatives.forms.municipality import MunicipalResponseForm
from initiatives.models import Initiative
from initiatives.services import municipality
from initiatives.shortcuts import get_initiative_for
from moderation.permissions import can_moderate


def _waiting_rows(initiatives, *, now, promise_days):
    """Each initiative with how long it has waited and how far past the promise that is."""
    rows = []
    for initiative in initiatives:
        days = max(0, (now - initiative.published_at).days)
        rows.append(
            {
                "initiative": initiative,
                "days_waiting": days,
                "days_over": max(0, days - promise_days),
                "days_left": max(0, promise_days - days),
                "is_overdue": days > promise_days,
            }
        )
    return rows


@require_safe
@login_required
def queue(request):
    if not permissions.can_see_response_queue(request.user):
        raise PermissionDenied
    promise_days = settings.MUNICIPAL_RESPONSE_PROMISE_DAYS
    rows = _waiting_rows(
        Initiative.objects.waiting_for_first_response(), now=timezone.now(), promise_days=promise_days
    )
    return render(
        request,
        "initiatives/queue.html",
        {
            "rows": rows,
            "promise_days": promise_days,
            "overdue_count": sum(1 for row in rows if row["is_overdue"]),
            "can_moderate": can_moderate(request.user),
        },
    )


def _can_respond(user, initiative):
    return permissions.can_respond_for_municipality(user) and initiative.is_published


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
@posting("municipal_response", limited_in_view=True)
def respond(request, slug):
    initiative = get_initiative_for(
        request.user,
        slug,
        check=_can_respond,
        queryset=Initiative.objects.select_related("area", "contact_person"),
    )
    form = MunicipalResponseForm(request.POST or None)
    context = {
        "initiative": initiative,
        "form": form,
        "response_count": initiative.municipal_responses.count(),
    }
    if request.method == "POST" and posting_limited(request, "municipal_response"):
        too_many(form)
        return render(request, "initiatives/respond.html", context, status=429)
    if request.method == "POST" and form.is_valid():
        municipality.municipal_response_create(
            initiative=initiative, author=request.user, body=form.cleaned_data["body"]
        )
        messages.success(request, _("Your response is on the initiative's page now."))
        return redirect(initiative.get_absolute_url() + "#gemeente")
    return render(request, "initiatives/respond.html", context)
