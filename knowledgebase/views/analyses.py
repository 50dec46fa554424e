"""Case analyses: the list, and one analysis along the concepts of its flywheel."""

from django.db.models import Prefetch
from django.shortcuts import render
from django.views.decorators.http import require_safe

from core.paging import get_page
from flywheels.models import Flywheel
from knowledgebase import permissions
from knowledgebase.models import CaseAnalysis, ConceptFinding

ANALYSES_PER_PAGE = 12


@require_safe
def index(request):
    analyses = (
        CaseAnalysis.objects.published().select_related("initiative__area").order_by("-published_at", "-pk")
    )
    return render(
        request, "knowledgebase/analyses.html", {"page_obj": get_page(request, analyses, ANALYSES_PER_PAGE)}
    )


@require_safe
def detail(request, slug):
    queryset = CaseAnalysis.objects.select_related("initiative__area", "written_by").prefetch_related(
        Prefetch("findings", queryset=ConceptFinding.objects.select_related("concept")),
        "contributors",
    )
    analysis = permissions.get_visible_or_404(
        request.user, queryset, permissions.can_view_analysis, slug=slug
    )
    response = render(
        request,
        "knowledgebase/analysis.html",
        {
            "analysis": analysis,
            "flywheel": Flywheel.objects.filter(slug=analysis.flywheel_slug).first(),
            "findings": [finding for finding in analysis.findings.all() if finding.has_content],
            "is_preview": not analysis.is_published,
            "initiative_not_public": not analysis.initiative.is_published,
        },
    )
    if not analysis.is_published:
        response["Cache-Control"] = "private, no-store"
        response["X-Robots-Tag"] = "noindex"
    return response
