"""A concept's page: what it means, questions to ask yourself, and what the knowledge base holds on it."""

from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from flywheels.models import Concept
from knowledgebase.models import Article, CaseAnalysis, ConceptFinding

ARTICLES_SHOWN = 12


@require_safe
def detail(request, slug):
    # A retired concept keeps its page: earlier analyses and articles still point to it.
    concept = get_object_or_404(Concept.objects.select_related("flywheel"), slug=slug)
    siblings = list(Concept.objects.active().filter(flywheel=concept.flywheel).order_by("order"))
    position = next((i for i, other in enumerate(siblings) if other.pk == concept.pk), None)
    turns = position is not None and len(siblings) > 1
    articles = Article.objects.published().for_cards().with_concept(concept).order_by("-published_at", "-pk")
    findings = list(
        ConceptFinding.objects.filter(concept=concept, analysis__in=CaseAnalysis.objects.published())
        .select_related("analysis__initiative__area")
        .order_by("-analysis__published_at", "-pk")
    )
    return render(
        request,
        "knowledgebase/concept.html",
        {
            "concept": concept,
            # A wheel turns: after the last concept comes the first again.
            "previous": siblings[position - 1] if turns else None,
            "next": siblings[(position + 1) % len(siblings)] if turns else None,
            "articles": list(articles[:ARTICLES_SHOWN]),
            "article_count": articles.count(),
            "findings": [finding for finding in findings if finding.has_content],
            "lessons": [finding for finding in findings if finding.lessons],
        },
    )
