"""The read-only JSON API under /api/: published content only, public fields only, paginated, filterable
like the lists, rate limited for anonymous clients (REST_FRAMEWORK in the settings). The OpenAPI schema
is at /api/schema/, its interactive documentation at /api/docs/."""

from django.db.models import Prefetch
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import viewsets

from core.filters import SLUG_PATTERN
from flywheels.models import Concept
from initiatives.filters import InitiativeFilter
from initiatives.models import Initiative, LogEntry
from knowledgebase.filters import ArticleFilter
from knowledgebase.models import Article
from places.models import Area

from . import serializers
from .filters import ApiLogEntryFilter

SLUG = OpenApiParameter(
    "slug", str, OpenApiParameter.PATH, pattern=SLUG_PATTERN, description="The web address's last part."
)


class _ReadOnly(viewsets.ReadOnlyModelViewSet):
    lookup_field = "slug"
    lookup_value_regex = SLUG_PATTERN.strip("^$")


@extend_schema_view(retrieve=extend_schema(parameters=[SLUG]))
class InitiativeViewSet(_ReadOnly):
    """Published initiatives, filtered and in the order of the list on the site: newest first, unless
    `?sorteer=` asks for another order or search text ranks the best match first (on PostgreSQL)."""

    filterset_class = InitiativeFilter

    def get_queryset(self):
        # Ordered by the filterset, as on the site.
        return (
            Initiative.objects.published()
            .for_cards()
            .prefetch_related("tags", Prefetch("concepts", queryset=Concept.objects.only("slug")))
        )

    def get_serializer_class(self):
        return (
            serializers.InitiativeDetailSerializer
            if self.action == "retrieve"
            else serializers.InitiativeSerializer
        )


class LogEntryViewSet(viewsets.ReadOnlyModelViewSet):
    """Visible log entries of published initiatives, newest first."""

    serializer_class = serializers.LogEntrySerializer
    filterset_class = ApiLogEntryFilter
    queryset = LogEntry.objects.published().select_related("initiative").order_by("-happened_on", "-pk")


@extend_schema_view(retrieve=extend_schema(parameters=[SLUG]))
class ArticleViewSet(_ReadOnly):
    """Published articles of the knowledge base, filtered like the list on the site: newest first, or the
    best match first while searching (on PostgreSQL)."""

    filterset_class = ArticleFilter

    def get_queryset(self):
        # Ordered by the filterset, as on the site.
        return (
            Article.objects.published()
            .select_related("area", "initiative")
            .prefetch_related("tags", Prefetch("concepts", queryset=Concept.objects.only("slug")))
        )

    def get_serializer_class(self):
        return (
            serializers.ArticleDetailSerializer
            if self.action == "retrieve"
            else serializers.ArticleSerializer
        )


@extend_schema_view(retrieve=extend_schema(parameters=[SLUG]))
class AreaViewSet(_ReadOnly):
    """The villages and districts of Doetinchem."""

    serializer_class = serializers.AreaSerializer
    queryset = Area.objects.filter(is_active=True).order_by("order", "name")
    pagination_class = None


@extend_schema_view(retrieve=extend_schema(parameters=[SLUG]))
class ConceptViewSet(_ReadOnly):
    """The concepts of the two flywheels, in their order."""

    serializer_class = serializers.ConceptSerializer
    queryset = Concept.objects.active().select_related("flywheel").order_by("flywheel__order", "order")
    pagination_class = None


def document_errors(result, generator, request, public):
    """Say in the schema what every operation can also answer: 400 (a filter value that is not one of its
    choices), 404 (an unknown slug, a page past the last) and 429 (too many requests from one address)."""
    error = {"application/json": {"schema": {"type": "object", "properties": {"detail": {"type": "string"}}}}}
    invalid = {"application/json": {"schema": {"type": "object", "additionalProperties": True}}}
    for path in result.get("paths", {}).values():
        for operation in path.values():
            responses = operation.setdefault("responses", {})
            if any(parameter.get("in") == "query" for parameter in operation.get("parameters", [])):
                responses.setdefault(
                    "400", {"description": "A filter value that is not allowed.", "content": invalid}
                )
            responses.setdefault("404", {"description": "Not found.", "content": error})
            responses.setdefault(
                "429", {"description": "Too many requests; wait a little.", "content": error}
            )
    return result
