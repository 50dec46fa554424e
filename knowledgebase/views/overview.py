"""The knowledge base's front page: the two flywheels, third-generation participation, and what is new."""

from django.db.models import Prefetch
from django.shortcuts import render
from django.views.decorators.http import require_safe

from flywheels.models import Concept, Flywheel
from flywheels.wheel import SIZE, spokes
from knowledgebase.models import Article, CaseAnalysis

LATEST_ARTICLES = 6
FEATURED_ARTICLES = 3
LATEST_ANALYSES = 3


@require_safe
def index(request):
    flywheels = list(
        Flywheel.objects.prefetch_related(
            Prefetch("concepts", queryset=Concept.objects.active().order_by("order"))
        )
    )
    for flywheel in flywheels:
        flywheel.spokes = spokes(flywheel.concepts.all())
    articles = Article.objects.published().for_cards()
    return render(
        request,
        "knowledgebase/index.html",
        {
            "flywheels": flywheels,
            "wheel_size": SIZE,
            "featured": list(articles.featured().order_by("-published_at", "-pk")[:FEATURED_ARTICLES]),
            "latest": list(articles.order_by("-published_at", "-pk")[:LATEST_ARTICLES]),
            "analyses": list(
                CaseAnalysis.objects.published()
                .select_related("initiative__area")
                .order_by("-published_at", "-pk")[:LATEST_ANALYSES]
            ),
        },
    )
