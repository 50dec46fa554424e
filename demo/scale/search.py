"""Search for the scale data set, filled as the app fills it (core.search and the reindex services in
initiatives/services/search.py and knowledgebase/services/articles.py) but for all rows at once.

The document is made in Python while the rows are made, from the same parts in the same order; on
PostgreSQL the weighted vector then comes from one set-based UPDATE per model with the app's own
expression (`SearchVector(..., config="dutch", weight=...)`), its parts read back from the stored rows.
tests/demo/test_scale_search.py checks both against the app's reindex.
"""

from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.aggregates import StringAgg
from django.contrib.postgres.search import SearchVector
from django.db import connection
from django.db.models import F, OuterRef, Subquery, TextField, Value
from django.db.models.functions import Coalesce, Concat
from taggit.models import TaggedItem

from core.search import CONFIG
from initiatives.models import Initiative, LogEntry
from knowledgebase.models import Article, CaseAnalysis, ConceptFinding


def search_document(parts: list[str]) -> str:
    """As core.search.search_index_update joins the weighted parts."""
    return " ".join(text for text in parts if text)


def initiative_parts(initiative, tags: list[str], entries: list) -> list[str]:
    """`entries`: the visible log entries, newest first (LogEntry's ordering)."""
    log = " ".join(f"{entry.title} {entry.text}" for entry in entries)
    return [initiative.title, f"{initiative.summary} {' '.join(tags)}", f"{initiative.story} {log}"]


def article_parts(article, tags: list[str], concepts: list[str]) -> list[str]:
    return [article.title, f"{article.summary} {' '.join(tags)} {' '.join(concepts)}", article.body]


def analysis_parts(analysis, initiative_title: str, findings: list) -> list[str]:
    """`findings`: in ConceptFinding's ordering (the concepts' order on the wheel)."""
    found = " ".join(
        " ".join([label, finding.happened, finding.helped, finding.hindered, finding.lessons])
        for label, finding in findings
    )
    return [
        f"{analysis.title} {initiative_title}",
        analysis.summary,
        f"{analysis.lessons} {analysis.working_elements} {found}",
    ]


def _joined(queryset, group_by: str, text, ordering=()) -> Subquery:
    """The texts of `queryset`'s rows per `group_by`, joined by spaces, as a subquery ("" when none)."""
    rows = (
        queryset.order_by()
        .values(group_by)
        .annotate(joined=StringAgg(text, " ", order_by=ordering, output_field=TextField()))
        .values("joined")
    )
    return Coalesce(Subquery(rows[:1]), Value(""), output_field=TextField())


def _tags_of(model) -> Subquery:
    tagged = TaggedItem.objects.filter(
        content_type=ContentType.objects.get_for_model(model), object_id=OuterRef("pk")
    )
    return _joined(tagged, "object_id", "tag__name", ordering=("tag_id",))


def _vector(a, b, c):
    return (
        SearchVector(a, config=CONFIG, weight="A")
        + SearchVector(b, config=CONFIG, weight="B")
        + SearchVector(c, config=CONFIG, weight="C")
    )


def _text(*parts):
    return Concat(*parts, output_field=TextField())


def search_vectors_update(*, first_ids: dict) -> None:
    """Fill the vectors of the rows from `first_ids[model]` on (this run's), on PostgreSQL only."""
    if connection.vendor != "postgresql":
        return
    log = _joined(
        LogEntry.objects.filter(initiative=OuterRef("pk"), hidden_at__isnull=True),
        "initiative",
        _text("title", Value(" "), "text"),
        ordering=("-happened_on", "-created_at"),
    )
    Initiative.objects.filter(pk__gte=first_ids[Initiative]).update(
        search_vector=_vector(
            F("title"),
            _text("summary", Value(" "), _tags_of(Initiative)),
            _text("story", Value(" "), log),
        )
    )
    concepts = _joined(
        Article.concepts.through.objects.filter(article=OuterRef("pk")),
        "article",
        "concept__label_nl",
        ordering=("concept__flywheel__order", "concept__order"),
    )
    Article.objects.filter(pk__gte=first_ids[Article]).update(
        search_vector=_vector(
            F("title"), _text("summary", Value(" "), _tags_of(Article), Value(" "), concepts), F("body")
        )
    )
    findings = _joined(
        ConceptFinding.objects.filter(analysis=OuterRef("pk")),
        "analysis",
        _text(
            "concept__label_nl",
            *(
                piece
                for name in ("happened", "helped", "hindered", "lessons")
                for piece in (Value(" "), F(name))
            ),
        ),
        ordering=("concept__flywheel__order", "concept__order"),
    )
    CaseAnalysis.objects.filter(pk__gte=first_ids[CaseAnalysis]).update(
        search_vector=_vector(
            _text(
                "title",
                Value(" "),
                Subquery(Initiative.objects.filter(pk=OuterRef("initiative")).values("title")[:1]),
            ),
            F("summary"),
            _text("lessons", Value(" "), "working_elements", Value(" "), findings),
        )
    )
