"""The council's dashboard: the figures for a period and a place, as charts with their numbers, and the
same numbers as CSV."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.decorators.http import require_safe

from core.csv_export import csv_response

from . import charts
from .cache import figures_for, form_html, rendered_for
from .figures import Chart, headlines
from .periods import ScopeForm
from .permissions import can_view_dashboard


def _form_and_scope(request):
    if not can_view_dashboard(request.user):
        raise PermissionDenied
    form = ScopeForm(request.GET or None)
    return form, form.scope()


def _drawn(figure, result):
    drawing = {}
    if result.chart == Chart.BARS:
        drawing = charts.bars(result)
    elif result.chart == Chart.LINES:
        drawing = charts.lines(result)
    elif result.chart == Chart.HEAT:
        groups = result.groups or [("", result.categories, result.series)]
        drawing = {"groups": [(title, charts.heat(columns, rows)) for title, columns, rows in groups]}
    return {"figure": figure, "result": result, "drawing": drawing, "table": charts.table(result)}


@login_required
@require_safe
def index(request):
    form, scope = _form_and_scope(request)

    def figures_html():
        results = figures_for(scope)
        figures = {
            "figures": [_drawn(figure, result) for figure, result in results],
            "headlines": headlines(results),
        }
        return render_to_string("dashboard/includes/figures.html", figures)

    # Rendered without the request: the same for every council member, so it is kept (dashboard.cache);
    # while it is, the figures themselves are not even read from the cache.
    return render(
        request,
        "dashboard/index.html",
        {
            "form": form,
            "form_html": form_html(form),
            "scope": scope,
            "figures_html": rendered_for(scope, figures_html),
            "query": request.GET.urlencode(),
        },
    )


def _numbers(results):
    for figure, result in results:
        for label, value, unit in result.numbers:
            yield [figure.key, figure.title, label, unit, value]
        groups = result.groups or [("", result.categories, result.series)]
        for group, categories, series in groups:
            for row in series:
                for category, value in zip(categories, row.values, strict=True):
                    yield [figure.key, figure.title, f"{group} {row.name}".strip(), category, value]


@login_required
@require_safe
def numbers_csv(request):
    """Every number on the page, one per row: figure, series, category, value (streamed, like every CSV)."""
    _form, scope = _form_and_scope(request)
    results = figures_for(scope)
    return csv_response(
        f"loket-cijfers-{timezone.localdate():%Y-%m-%d}.csv",
        ["figure", "title", "series", "category", "value"],
        _numbers(results),
    )
