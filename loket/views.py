from django.core.files.storage import storages
from django.db import DatabaseError, connection
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from core.search import ranks_results
from flywheels.models import Flywheel
from initiatives.models import Initiative
from knowledgebase.models import Article, CaseAnalysis
from loket.forms import SiteSearchForm


@require_safe
def home(request):
    flywheels = Flywheel.objects.with_concepts()
    latest_initiatives = Initiative.objects.published().for_cards().order_by("-published_at", "-pk")[:3]
    featured_articles = (
        Article.objects.published().for_cards().featured().order_by("-published_at", "-pk")[:3]
    )
    return render(
        request,
        "home.html",
        {
            "flywheels": flywheels,
            "latest_initiatives": latest_initiatives,
            "featured_articles": featured_articles,
        },
    )


@require_safe
def search(request):
    """One search box for the whole site: initiatives, articles and case analyses together, the best
    few of each, with a link to the full list where there are more."""
    form = SiteSearchForm(request.GET)
    sections = []
    if form.is_valid() and form.cleaned_data["q"]:
        text = form.cleaned_data["q"]
        sections = [
            _search_section(
                _("Initiatives"),
                Initiative.objects.published().for_cards(),
                text,
                f"{reverse('initiatives:initiative_list')}?{urlencode({'zoek': text})}",
            ),
            _search_section(
                _("Articles"),
                Article.objects.published().for_cards(),
                text,
                f"{reverse('knowledgebase:article_list')}?{urlencode({'zoek': text})}",
            ),
            _search_section(
                _("Case analyses"),
                CaseAnalysis.objects.published().select_related("initiative__area"),
                text,
                "",
            ),
        ]
    return render(
        request,
        "search.html",
        {
            "form": form,
            "sections": sections,
            "total": sum(section["count"] for section in sections),
            "searched": bool(sections),
        },
    )


SEARCH_RESULTS_PER_KIND = 5


def _search_section(title, queryset, text, more_url):
    matches = queryset.search(text)
    ordering = ["-rank", "-published_at", "-pk"] if ranks_results() else ["-published_at", "-pk"]
    return {
        "title": title,
        "count": matches.count(),
        "results": list(matches.order_by(*ordering)[:SEARCH_RESULTS_PER_KIND]),
        "more_url": more_url,
    }


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


@never_cache
@require_safe
def livez(request):
    """For liveness probes, and the benchmark's yardstick (`manage.py loket_bench`): answers without
    touching the database, so it costs what Django itself costs per request (middleware, routing)."""
    return HttpResponse("ok", content_type="text/plain")


# How long a browser may keep a photo. Names are random and never reused, but a photo that is deleted (with
# its initiative, or when a person erases their account) should not stay in caches for long.
MEDIA_MAX_AGE = 60 * 60


@require_safe
def media(request, path):
    """An uploaded photo, read through the storage wherever it is kept: the disk or the bucket
    (core/storage.py). Only with SERVE_MEDIA (loket/urls.py). A name that climbs out of the photos' place
    is refused by the storage (400); documents are kept apart and never sent here."""
    storage = storages["default"]
    try:
        handle = storage.open(path, "rb")
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        raise Http404 from None
    response = FileResponse(handle)
    response["Cache-Control"] = f"max-age={MEDIA_MAX_AGE}"
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    return response
