from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from initiatives.models import Initiative
from knowledgebase.models import Flywheel


@require_safe
def home(request):
    flywheels = Flywheel.objects.with_concepts()
    latest_initiatives = Initiative.objects.published().for_cards().order_by("-published_at", "-pk")[:3]
    return render(request, "home.html", {"flywheels": flywheels, "latest_initiatives": latest_initiatives})


@require_safe
def page(request, name):
    """A page of prose. Long texts are written per language (pages/<lang>/<name>.html), not per sentence."""
    return render(request, [f"pages/{get_language()}/{name}.html", f"pages/nl/{name}.html"], {"page": name})


@never_cache
@require_safe
def healthz(request):
    """For load balancers and monitoring: 200 when the database answers, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})
