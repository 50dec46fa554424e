"""Factories for the knowledge base: articles and case analyses."""

import datetime

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from knowledgebase.models import Article, ArticleKind, CaseAnalysis, ConceptFinding, PublicationState
from knowledgebase.services.articles import analysis_reindex, article_reindex


class ArticleFactory(DjangoModelFactory):
    """A published article (`draft=True` for a draft, `scheduled=True` for one whose date is ahead)."""

    class Meta:
        model = Article
        skip_postgeneration_save = True

    class Params:
        draft = factory.Trait(state=PublicationState.DRAFT, published_at=None)
        scheduled = factory.Trait(
            published_at=factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))
        )

    kind = ArticleKind.EXAMPLE
    title = factory.Sequence(lambda n: f"Artikel {n}")
    slug = factory.Sequence(lambda n: f"artikel-{n}")
    summary = "Hoe buren samen iets moois maakten."
    body = "## Hoe het begon\n\nEen buurvrouw begon. **Nu** doet de halve straat mee."
    state = PublicationState.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=2))

    @factory.post_generation
    def concepts(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.concepts.set(extracted)

    @factory.post_generation
    def tags(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.tags.add(*extracted)

    @factory.post_generation
    def indexed(obj, create, extracted, **kwargs):
        if create:
            article_reindex(article=obj)


class CaseAnalysisFactory(DjangoModelFactory):
    """A published analysis of a published initiative; `findings={concept: "what happened", ...}`."""

    class Meta:
        model = CaseAnalysis
        skip_postgeneration_save = True

    class Params:
        draft = factory.Trait(state=PublicationState.DRAFT, published_at=None)

    initiative = factory.SubFactory("tests.initiatives.factories.InitiativeFactory")
    title = factory.Sequence(lambda n: f"Analyse {n}")
    slug = factory.Sequence(lambda n: f"analyse-{n}")
    summary = "Wat we leerden van dit initiatief."
    lessons = "- Begin klein.\n- Zoek elkaar op."
    working_elements = "- Een vast aanspreekpunt."
    state = PublicationState.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))

    @factory.post_generation
    def findings(obj, create, extracted, **kwargs):
        if create and extracted:
            for concept, happened in extracted.items():
                ConceptFinding.objects.create(
                    analysis=obj, concept=concept, happened=happened, lessons=f"Les over {concept.label_nl}."
                )

    @factory.post_generation
    def indexed(obj, create, extracted, **kwargs):
        if create:
            analysis_reindex(analysis=obj)
