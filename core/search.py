"""Full-text search, one way for every kind of content.

Each searchable model has a `search_document` text field and a `search_vector` field. On PostgreSQL the
vector holds the words with Dutch stemming (the `dutch` configuration), weighted A (title) to C (body),
behind a GIN index, and results are ranked; on SQLite every word must occur in the document. The same
query string works on both.
"""

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import F, Value

CONFIG = "dutch"


def search_index_update(instance, parts: dict[str, str]) -> None:
    """Store what `instance` is found by. `parts` maps a weight ("A", "B", "C") to its text."""
    document = " ".join(text for text in parts.values() if text)
    updates = {"search_document": document}
    if connection.vendor == "postgresql":
        vector = None
        for weight, text in parts.items():
            part = SearchVector(Value(text or ""), config=CONFIG, weight=weight)
            vector = part if vector is None else vector + part
        updates["search_vector"] = vector
    type(instance).objects.filter(pk=instance.pk).update(**updates)
    instance.search_document = document


def search_filter(queryset, text: str):
    """The rows of `queryset` that match `text`; on PostgreSQL annotated with their `rank`."""
    text = (text or "").strip()
    if not text:
        return queryset
    if connection.vendor == "postgresql":
        query = SearchQuery(text, config=CONFIG, search_type="websearch")
        return queryset.filter(search_vector=query).annotate(rank=SearchRank(F("search_vector"), query))
    for word in text.split():
        queryset = queryset.filter(search_document__icontains=word)
    return queryset


def ranks_results() -> bool:
    """Whether results come with a rank to order by (PostgreSQL) or not (SQLite)."""
    return connection.vendor == "postgresql"
