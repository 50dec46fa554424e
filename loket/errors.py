"""Error pages in the site's layout and language (Django's defaults are bare English). Under /api/ the
errors are JSON, like everything else there."""

from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import requires_csrf_token


def _for_api(request):
    return request.path.startswith("/api/")


@requires_csrf_token
def bad_request(request, exception=None):
    return render(request, "errors/400.html", status=400)


@requires_csrf_token
def permission_denied(request, exception=None):
    return render(request, "errors/403.html", status=403)


@requires_csrf_token
def page_not_found(request, exception=None):
    if _for_api(request):
        return JsonResponse({"detail": _("Not found.")}, status=404)
    return render(request, "errors/404.html", status=404)


def too_many_requests(request, exception=None):
    """allauth's rate limits answer through this (it looks up `handler429` in the root URLconf)."""
    return render(request, "errors/429.html", status=429)


@requires_csrf_token
def server_error(request):
    if _for_api(request):
        return JsonResponse({"detail": _("Something went wrong on our side.")}, status=500)
    # Rendered without context processors' database work: the failure may be the database itself.
    return render(request, "errors/500.html", status=500)


def csrf_failure(request, reason=""):
    return render(request, "errors/403_csrf.html", status=403)
