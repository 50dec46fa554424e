"""Open data for people and other sites: a page that explains it, exports as CSV and JSON, and a small
list of a village's initiatives to embed in a village council's own site."""

import json

from csp.decorators import csp_replace
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe

from core.csv_export import csv_response
from core.slugs import is_slug
from places.models import Area

from .api import InitiativeViewSet
from .exports import EXPORTS

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


def _json_pieces(items, *, per_piece=500):
    """A JSON list of `items` in pieces of `per_piece` items: the whole list is never held."""
    parts = ["["]
    for number, item in enumerate(items):
        parts.append(("\n" if number == 0 else ",\n") + json.dumps(item, ensure_ascii=False, indent=2))
        if len(parts) >= per_piece:
            yield "".join(parts)
            parts.clear()
    parts.append("\n]\n")
    yield "".join(parts)


@require_safe
def export(request, what, fmt):
    """A whole export as a stream (opendata.exports): constant memory, the first bytes at once."""
    if what not in EXPORTS or fmt not in ("csv", "json"):
        raise Http404
    items, fields = EXPORTS[what]
    filename = f"loket-{what}-{timezone.localdate():%Y-%m-%d}.{fmt}"
    if fmt == "json":
        response = StreamingHttpResponse(
            _json_pieces(items()), content_type="application/json; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    else:
        rows = ([_flat(item[name]) for name in fields] for item in items())
        response = csv_response(filename, fields, rows)
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
