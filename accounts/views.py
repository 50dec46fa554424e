import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from core.ratelimit import posting_limited, too_many

from . import services
from .forms import DeleteAccountForm, ProfileForm
from .posting import always, posting


# The display name is shown next to everything the person posted: a blocked account keeps its name.
@login_required
@require_http_methods(["GET", "POST"])
@posting("profile", limited_in_view=True)
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and posting_limited(request, "profile"):
        too_many(form)
        return render(request, "accounts/profile.html", {"form": form}, status=429)
    if request.method == "POST" and form.is_valid():
        services.user_profile_update(
            user=request.user,
            display_name=form.cleaned_data["display_name"],
            area=form.cleaned_data["area"],
        )
        messages.success(request, _("Your profile has been saved."))
        return redirect("accounts:profile_edit")
    return render(request, "accounts/profile.html", {"form": form})


@login_required
@require_safe
def export(request):
    data = json.dumps(services.user_export_data(user=request.user), indent=2, ensure_ascii=False)
    response = HttpResponse(data, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="mijn-gegevens-loket.json"'
    return response


# Deleting one's account is a right that a block does not take away.
@login_required
@require_http_methods(["GET", "POST"])
@posting("account_delete", open_when_blocked=always)
def delete(request):
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        services.user_delete(user=user)
        messages.success(request, _("Your account and your data have been deleted."))
        return redirect("home")
    return render(request, "accounts/delete.html", {"form": form})
