"""The open data exports (initiatives, articles) as streams: the same items and fields as the API's
serializers (opendata.serializers), read as plain values only of the open columns, in chunks.

An export of the whole city is 100,000 items and more: building model instances and serializing them all
first took minutes and gigabytes. Here one query reads the items through a server-side cursor on
PostgreSQL (`iterator(chunk_size=CHUNK)`), and for each chunk of CHUNK items one query reads their themes
and one their concepts. The queries are three per chunk, memory stays that of one chunk, and the first
items leave while the rest is still being read.
"""

from itertools import islice

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from core.mail import site_url
from initiatives.choices import PublicationState
from initiatives.models import Initiative
from knowledgebase.models import Article

from .serializers import ArticleSerializer, InitiativeSerializer

CHUNK = 2000
_SLUG = "slug-to-fill-in"


def _address(view_name):
    """A function from slug to the absolute address of `view_name`: the URL is reversed once, not per row."""
    before, after = site_url(reverse(view_name, kwargs={"slug": _SLUG})).split(_SLUG)
    return lambda slug: f"{before}{slug}{after}"


def _moment(value, zone):
    """A date and time as the API writes it: ISO 8601 in the site's time zone `zone`, UTC as "Z" (what
    DRF's DateTimeField gives, without its checks per value, which cost a tenth of the export's time)."""
    if value is None:
        return None
    text = value.astimezone(zone).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def _themes(model, pks) -> dict:
    """The theme names of each item in `pks`, by name. Read from taggit's table of tagged items by its
    own (content type, object id) columns: a join from the item casts the id and misses that index."""
    through = model._meta.get_field("tags").through
    found = {}
    rows = (
        through.objects.filter(content_type=ContentType.objects.get_for_model(model), object_id__in=pks)
        .order_by("object_id", "tag__name")
        .values_list("object_id", "tag__name")
    )
    for pk, name in rows:
        found.setdefault(pk, []).append(name)
    return found


def _concepts(model, pks) -> dict:
    """The concept slugs of each item in `pks`, in the concepts' own order (flywheel, then place in it)."""
    through = model.concepts.through
    owner = model._meta.model_name
    found = {}
    rows = (
        through.objects.filter(**{f"{owner}_id__in": pks})
        .order_by(f"{owner}_id", "concept__flywheel__order", "concept__order")
        .values_list(f"{owner}_id", "concept__slug")
    )
    for pk, slug in rows:
        found.setdefault(pk, []).append(slug)
    return found


def _in_chunks(model, values):
    """Each row of `values` (pk first) with its themes and concepts: three queries per CHUNK rows.

    The read runs in a transaction of its own (or the one already open), so that PostgreSQL streams the
    server-side cursor instead of copying the whole result first, as it does for a cursor that outlives
    its transaction."""
    with transaction.atomic(savepoint=False):
        rows = values.iterator(chunk_size=CHUNK)
        while chunk := list(islice(rows, CHUNK)):
            pks = [row[0] for row in chunk]
            themes, concepts = _themes(model, pks), _concepts(model, pks)
            for row in chunk:
                yield row, themes.get(row[0], []), concepts.get(row[0], [])


def _area(slug, name, kind):
    return None if slug is None else {"slug": slug, "name": name, "kind": kind}


def initiatives():
    """Published initiatives, newest first, as InitiativeSerializer gives them (fields in its order)."""
    values = (
        Initiative.objects.published()
        .order_by(*Initiative._meta.ordering, "-pk")
        .values_list(
            "pk",
            "slug",
            "title",
            "summary",
            "area__slug",
            "area__name",
            "area__kind",
            "origin",
            "stage",
            "government_role",
            "participation_step",
            "support_count",
            "published_at",
            "last_activity_at",
        )
    )
    address, zone = _address("initiatives:initiative_detail"), timezone.get_current_timezone()
    for row, themes, concepts in _in_chunks(Initiative, values):
        (_pk, slug, title, summary, area_slug, area_name, area_kind, origin, stage, role, step) = row[:11]
        support_count, published_at, last_activity_at = row[11:]
        yield {
            "slug": slug,
            "title": title,
            "summary": summary,
            "url": address(slug),
            "area": _area(area_slug, area_name, area_kind),
            "origin": origin,
            "stage": stage,
            "government_role": role,
            "participation_step": step,
            "themes": themes,
            "concepts": concepts,
            "support_count": support_count,
            "published_at": _moment(published_at, zone),
            "last_activity_at": _moment(last_activity_at, zone),
        }


def articles():
    """Published articles, newest first, as ArticleSerializer gives them (fields in its order)."""
    values = (
        Article.objects.published()
        .order_by(*Article._meta.ordering, "-pk")
        .values_list(
            "pk",
            "slug",
            "title",
            "summary",
            "kind",
            "area__slug",
            "area__name",
            "area__kind",
            "place",
            "initiative__slug",
            "initiative__publication_state",
            "source_url",
            "attachment",
            "published_at",
        )
    )
    address = _address("knowledgebase:article_detail")
    download, zone = _address("knowledgebase:article_download"), timezone.get_current_timezone()
    for row, themes, concepts in _in_chunks(Article, values):
        (_pk, slug, title, summary, kind, area_slug, area_name, area_kind, place) = row[:9]
        initiative, initiative_state, source_url, attachment, published_at = row[9:]
        yield {
            "slug": slug,
            "title": title,
            "summary": summary,
            "kind": kind,
            "url": address(slug),
            "area": _area(area_slug, area_name, area_kind),
            "place": place,
            "themes": themes,
            "concepts": concepts,
            # Named only while it is published, as in the API.
            "initiative": initiative if initiative_state == PublicationState.PUBLISHED else None,
            "source_url": source_url,
            "file": download(slug) if attachment else None,
            "published_at": _moment(published_at, zone),
        }


# What each export is called in its address, its items, and its fields in order.
EXPORTS = {
    "initiatieven": (initiatives, list(InitiativeSerializer.Meta.fields)),
    "artikelen": (articles, list(ArticleSerializer.Meta.fields)),
}
