"""Full-text search, one way for every kind of content.

Each searchable model has a `search_document` text field and a `search_vector` field. On PostgreSQL the
vector holds the words with Dutch stemming (the `dutch` configuration), weighted A (title) to C (body),
behind a GIN index, and results are ranked; on SQLite every word must occur in the document. The same
query string works on both.

At city scale a common word matches thousands of rows, and ranking reads each match's whole vector. So a
search counts its matches only up to a bound (`MATCHES_COUNTED`: "more than 1,000" is all a person needs
to know), and best match first means the best of the newest matches up to that bound (`best_first`): a
page of results costs the same for a word that matches a hundred rows and one that matches ninety
thousand.
"""

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import F, Value

CONFIG = "dutch"
# A search counts this many matches and one more, to say "more than"; ranks as many.
MATCHES_COUNTED = 1000
NEWEST_FIRST = ["-published_at", "-pk"]
BEST_MATCH_FIRST = ["-rank", *NEWEST_FIRST]


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
    """The rows of `queryset` that match `text`; on PostgreSQL with their `rank` to order by (an alias:
    it is worked out only when the results are ordered by it, see `best_first`)."""
    text = (text or "").strip()
    if not text:
        return queryset
    if connection.vendor == "postgresql":
        query = SearchQuery(text, config=CONFIG, search_type="websearch")
        return queryset.filter(search_vector=query).alias(rank=SearchRank(F("search_vector"), query))
    for word in text.split():
        queryset = queryset.filter(search_document__icontains=word)
    return queryset


def ranks_results() -> bool:
    """Whether results come with a rank to order by (PostgreSQL) or not (SQLite)."""
    return connection.vendor == "postgresql"


def matches_counted(matches) -> int:
    """How many rows `matches` (a search's results) holds, counted up to one past `MATCHES_COUNTED`: a
    number above it means "more than MATCHES_COUNTED" (`more_than_counted`)."""
    return matches.order_by()[: MATCHES_COUNTED + 1].count()


def more_than_counted(count: int) -> bool:
    return count > MATCHES_COUNTED


def at_most_counted(count: int) -> int:
    """A count of `matches_counted` to add up with others: "more than" the bound counts as the bound."""
    return min(count, MATCHES_COUNTED)


def best_first(matches):
    """The results of a search (`search_filter`) best match first on PostgreSQL, newest first on SQLite.
    Only the newest `MATCHES_COUNTED` + 1 matches are ranked (the ones `matches_counted` counts), each
    match in that window in its place by rank: ranking every match of a common word would read all of
    their vectors to show a dozen."""
    if not ranks_results():
        return matches.order_by(*NEWEST_FIRST)
    window = matches.order_by(*NEWEST_FIRST).values("pk")[: MATCHES_COUNTED + 1]
    return matches.filter(pk__in=window).order_by(*BEST_MATCH_FIRST)


def ranked_pks(matches) -> list:
    """The primary keys of `best_first(matches)` on PostgreSQL, at most `MATCHES_COUNTED` + 1: one query
    that ranks the window once and tells both how many there are (to "more than") and which come first,
    where a count and a page would each read the window."""
    return list(best_first(matches).values_list("pk", flat=True))


def in_order(queryset, pks) -> list:
    """The rows of `queryset` with these primary keys, in their order (one query)."""
    rows = queryset.in_bulk(pks)
    return [rows[pk] for pk in pks if pk in rows]
