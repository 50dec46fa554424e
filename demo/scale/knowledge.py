"""The knowledge base of the scale data set: articles of every kind and case analyses of published
initiatives, with a finding for each concept of the flywheel that fits the initiative's origin."""

from random import Random

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils.text import slugify
from taggit.models import TaggedItem

from accounts.roles import Role
from knowledgebase.models import Article, ArticleKind, CaseAnalysis, ConceptFinding, PublicationState

from .search import analysis_parts, article_parts, search_document
from .vocabulary import FIRST_NAMES, GROUPS

ARTICLE_TITLES = [
    "Zo organiseer je {noun}",
    "Werkvorm: in gesprek over {noun}",
    "Voorbeeld uit {place}: {nouns}",
    "Tips voor {noun}",
    "Format voor {noun}",
    "Achtergrond: {group} en {nouns}",
]


def _state(rng: Random) -> PublicationState:
    return PublicationState.PUBLISHED if rng.random() < 0.9 else PublicationState.DRAFT


def articles_create(
    *, plan, rng, writer, prose, timeline, people, areas, concepts, tags, initiatives
) -> None:
    content_type = ContentType.objects.get_for_model(Article).id
    editors = people.staff[Role.EDITOR]
    every_concept = [concept for wheel in concepts.values() for concept in wheel]
    order = {concept_id: position for position, (concept_id, _label) in enumerate(every_concept)}
    kinds = ArticleKind.values
    with transaction.atomic():
        for number, created in enumerate(timeline.growing(plan.articles)):
            article_id = writer.new_id(Article)
            title = prose.fill(rng.choice(ARTICLE_TITLES))[:120]
            state = _state(rng) if number >= len(kinds) else PublicationState.PUBLISHED
            published = (
                timeline.after(created, rng.uniform(0, 10)) if state == PublicationState.PUBLISHED else None
            )
            article = Article(
                id=article_id,
                kind=kinds[number % len(kinds)],
                title=title,
                slug=f"{slugify(title)[:120]}-{article_id}",
                summary=prose.summary(),
                body="\n\n".join(prose.paragraph(3, 5) for _ in range(rng.randint(3, 6))),
                area_id=rng.choice(areas).id if rng.random() < 0.7 else None,
                state=state,
                published_at=published,
                is_featured=number < 3,
                written_by_id=rng.choice(editors),
                created_at=created,
                updated_at=published or created,
            )
            if article.area_id is None:
                article.place = rng.choice(["Aa en Hunze", "Utrecht", "Bronckhorst", "Oude IJsselstreek"])
            if initiatives and rng.random() < 0.2:
                article.initiative_id = rng.choice(initiatives)[0]
            chosen_tags = sorted(rng.sample(tags, rng.randint(1, 3)))
            for tag_id, _name in chosen_tags:
                writer.add(
                    TaggedItem(
                        id=writer.new_id(TaggedItem),
                        tag_id=tag_id,
                        content_type_id=content_type,
                        object_id=article_id,
                    )
                )
            chosen = sorted(
                rng.sample(every_concept, rng.randint(1, 3)), key=lambda concept: order[concept[0]]
            )
            through = Article.concepts.through
            for concept_id, _label in chosen:
                writer.add(through(id=writer.new_id(through), article_id=article_id, concept_id=concept_id))
            article.search_document = search_document(
                article_parts(article, [name for _id, name in chosen_tags], [label for _id, label in chosen])
            )
            writer.add(article)
        writer.flush()


def analyses_create(*, plan, rng, writer, prose, timeline, people, concepts, initiatives) -> None:
    """Analyses of published initiatives, by an analysis group of civil servants and residents."""
    writers = people.staff[Role.MODERATOR] + people.staff[Role.EDITOR]
    contributors = CaseAnalysis.contributors.through
    with transaction.atomic():
        for number, (initiative_id, origin, initiative_title, published) in enumerate(
            rng.sample(initiatives, min(plan.case_analyses, len(initiatives)))
        ):
            analysis_id = writer.new_id(CaseAnalysis)
            title = f"Analyse: {initiative_title}"[:160]
            created = timeline.between(published)
            state = _state(rng) if number else PublicationState.PUBLISHED
            analysis = CaseAnalysis(
                id=analysis_id,
                initiative_id=initiative_id,
                title=title,
                slug=f"{slugify(title)[:160]}-{analysis_id}",
                summary=prose.paragraph(),
                lessons=prose.paragraph(3, 5),
                working_elements=prose.paragraph(2, 3),
                other_contributors="\n".join(
                    f"{rng.choice(FIRST_NAMES)}, {rng.choice(GROUPS).removeprefix('de ')}"
                    for _ in range(rng.randint(0, 3))
                ),
                state=state,
                published_at=timeline.after(created, rng.uniform(1, 30))
                if state == PublicationState.PUBLISHED
                else None,
                written_by_id=rng.choice(writers),
                created_at=created,
                updated_at=created,
            )
            findings = []
            for concept_id, label in concepts[origin.flywheel_slug]:
                finding = ConceptFinding(
                    id=writer.new_id(ConceptFinding),
                    analysis_id=analysis_id,
                    concept_id=concept_id,
                    happened=prose.paragraph(1, 2),
                    helped=prose.paragraph(1, 2) if rng.random() < 0.8 else "",
                    hindered=prose.paragraph(1, 2) if rng.random() < 0.6 else "",
                    lessons=prose.paragraph(1, 1),
                )
                findings.append((label, finding))
            for index in rng.sample(range(people.residents), min(people.residents, rng.randint(0, 3))):
                writer.add(
                    contributors(
                        id=writer.new_id(contributors),
                        caseanalysis_id=analysis_id,
                        user_id=people.user_id(index),
                    )
                )
            analysis.search_document = search_document(analysis_parts(analysis, initiative_title, findings))
            writer.add(analysis)
            for _label, finding in findings:
                writer.add(finding)
        writer.flush()
