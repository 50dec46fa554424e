"""Open data for people and other sites: a page that explains it, exports as CSV and JSON, and a small
list of a village's initiatives to embed in a village council's own site."""

import json

from csp.decorators import csp_replace
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe

from core.csv_export import csv_writer
from core.slugs import is_slug
from places.models import Area

from .api import ArticleViewSet, InitiativeViewSet
from .serializers import ArticleSerializer, InitiativeSerializer

EXPORTS = {
    "initiatieven": (lambda: InitiativeViewSet().get_queryset(), InitiativeSerializer),
    "artikelen": (lambda: ArticleViewSet().get_queryset(), ArticleSerializer),
}
EMBED_MAX = 20


@require_safe
def index(request):
    areas = list(Area.objects.filter(is_active=True))
    chosen = next((area for area in areas if area.slug == request.GET.get("gebied")), None)
    return render(request, "opendata/index.html", {"areas": areas, "chosen": chosen})


def _flat(value):
    if isinstance(value, dict):
        return value.get("name") or value.get("slug") or ""
    if isinstance(value, list):
        return "; ".join(str(item) for item in value)
    return "" if value is None else value


@require_safe
def export(request, what, fmt):
    if what not in EXPORTS or fmt not in ("csv", "json"):
        raise Http404
    queryset, serializer_class = EXPORTS[what]
    rows = serializer_class(queryset(), many=True).data
    stamp = f"{timezone.localdate():%Y-%m-%d}"
    if fmt == "json":
        response = HttpResponse(
            json.dumps(rows, ensure_ascii=False, indent=2), content_type="application/json; charset=utf-8"
        )
    else:
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        fields = list(serializer_class.Meta.fields)
        writer = csv_writer(response)
        writer.writerow(fields)
        for row in rows:
            writer.writerow([_flat(row[name]) for name in fields])
    response["Content-Disposition"] = f'attachment; filename="loket-{what}-{stamp}.{fmt}"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


@xframe_options_exempt
@csp_replace({"frame-ancestors": ["*"]})
@require_safe
def embed(request):
    """The current initiatives of a village or district, in a minimal page made to sit in an iframe on
    another site. Links open the loket in a new tab."""
    slug = request.GET.get("gebied", "")
    area = Area.objects.filter(slug=slug).first() if slug and is_slug(slug) else None
    if slug and area is None:
        raise Http404
    initiatives = InitiativeViewSet().get_queryset()
    if area is not None:
        initiatives = initiatives.filter(area=area)
    try:
        count = max(1, min(EMBED_MAX, int(request.GET.get("aantal", 5))))
    except ValueError:
        count = 5
    return render(request, "opendata/embed.html", {"area": area, "initiatives": list(initiatives[:count])})
