from django.core.files.storage import storages
from django.db import DatabaseError, connection
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from core.search import (
    MATCHES_COUNTED,
    at_most_counted,
    best_first,
    in_order,
    matches_counted,
    more_than_counted,
    ranked_pks,
    ranks_results,
)
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
            # A kind counted up to its bound adds the bound: "more than" that many in all.
            "total": sum(at_most_counted(section["count"]) for section in sections),
            "more_than_counted": any(section["more_than_counted"] for section in sections),
            "matches_counted": number_format(MATCHES_COUNTED, force_grouping=True),
            "searched": bool(sections),
        },
    )


SEARCH_RESULTS_PER_KIND = 5


def _search_section(title, queryset, text, more_url):
    """The best few matches of one kind and how many there are, counted up to a bound (core.search): a
    common word costs no more than a rare one."""
    matches = queryset.search(text)
    if ranks_results():  # the ranked window once: its size is the count, its first few the results
        pks = ranked_pks(matches)
        count, results = len(pks), in_order(queryset, pks[:SEARCH_RESULTS_PER_KIND])
    else:
        count, results = matches_counted(matches), list(best_first(matches)[:SEARCH_RESULTS_PER_KIND])
    return {
        "title": title,
        "count": count,
        "more_than_counted": more_than_counted(count),
        "results": results,
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
