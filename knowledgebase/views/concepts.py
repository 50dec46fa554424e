"""A concept's page: what it means, questions to ask yourself, and what the knowledge base holds on it;
and the pages of its two long lists (what the case analyses found, their lessons), newest first."""

from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_safe

from core.paging import get_page
from flywheels.models import Concept
from knowledgebase.models import Article, ConceptFinding

ARTICLES_SHOWN = 12
# How many findings and lessons the concept's page shows, and how many a page of each list.
FINDINGS_SHOWN, LESSONS_SHOWN, PER_PAGE = 10, 6, 25


def _concept_and_siblings(slug):
    """The concept at `slug` (with its flywheel) and the active concepts of its flywheel in order, in one
    query. A retired concept keeps its page: earlier analyses and articles still point to it."""
    concepts = list(
        Concept.objects.select_related("flywheel").filter(flywheel__concepts__slug=slug).order_by("order")
    )
    concept = next((other for other in concepts if other.slug == slug), None)
    if concept is None:
        raise Http404
    return concept, [other for other in concepts if other.is_active]


def _findings(concept):
    return (
        ConceptFinding.objects.filter(concept=concept)
        .published()
        .select_related("analysis__initiative__area")
        .newest_first()
    )


@require_safe
def detail(request, slug):
    concept, siblings = _concept_and_siblings(slug)
    position = next((i for i, other in enumerate(siblings) if other.pk == concept.pk), None)
    turns = position is not None and len(siblings) > 1
    articles = Article.objects.published().for_cards().with_concept(concept).order_by("-published_at", "-pk")
    findings = _findings(concept)
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
            "findings": list(findings.with_content()[:FINDINGS_SHOWN]),
            "lessons": list(findings.with_lessons()[:LESSONS_SHOWN]),
            "counts": ConceptFinding.objects.filter(concept=concept).published().counts(),
        },
    )


def _list_page(request, slug, *, template, items, count):
    concept, _siblings = _concept_and_siblings(slug)
    findings = _findings(concept)
    counts = ConceptFinding.objects.filter(concept=concept).published().counts()
    page = get_page(request, items(findings), PER_PAGE, count=counts[count])
    return render(request, template, {"concept": concept, "page_obj": page})


@require_safe
def findings(request, slug):
    return _list_page(
        request,
        slug,
        template="knowledgebase/concept_findings.html",
        items=lambda findings: findings.with_content(),
        count="findings",
    )


@require_safe
def lessons(request, slug):
    return _list_page(
        request,
        slug,
        template="knowledgebase/concept_lessons.html",
        items=lambda findings: findings.with_lessons(),
        count="lessons",
    )
