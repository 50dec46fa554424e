"""The exports at city scale (issue 16): streamed, in constant memory, with a constant number of queries
per chunk of rows, and with the same content as the serializers give the API."""

import csv
import io
import json
import tracemalloc

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from flywheels.models import Concept
from initiatives.choices import PublicationState
from initiatives.models import Initiative
from opendata import exports
from opendata.serializers import ArticleSerializer, InitiativeSerializer
from places.models import Area
from tests.initiatives.factories import InitiativeFactory, SupportFactory, VerifiedUserFactory
from tests.knowledgebase.factories import ArticleFactory
from tests.streams import body, text

pytestmark = pytest.mark.django_db

FORMATS = [(what, fmt) for what in ("initiatieven", "artikelen") for fmt in ("csv", "json")]
SERIALIZERS = {"initiatieven": InitiativeSerializer, "artikelen": ArticleSerializer}
ROWS = 10_000
# Reading 10,000 initiatives whole (the export before issue 16) peaks far above this; a stream holds one
# chunk of plain values.
PEAK_BYTES = 8_000_000


def url(what, fmt):
    return reverse("opendata:dataset_download", args=[what, fmt])


def sorted_themes(item):
    return {**item, "themes": sorted(item["themes"])}


def expected_items(what):
    """What the API's serializer gives for every published item, in the export's order."""
    queryset = (
        Initiative.objects.published()
        if what == "initiatieven"
        else ArticleFactory._meta.model.objects.published()
    )
    return [sorted_themes(item) for item in SERIALIZERS[what](queryset, many=True).data]


@pytest.fixture
def content():
    draagvlak = Concept.objects.get(slug="draagvlak")
    eigenaarschap = Concept.objects.exclude(pk=draagvlak.pk).first()
    wehl = Area.objects.get(slug="wehl")
    days = timezone.timedelta
    speeltuin = InitiativeFactory(area=wehl, tags=["spelen", "groen", "=formule"])
    speeltuin.concepts.add(draagvlak, eigenaarschap)
    SupportFactory.create_batch(3, initiative=speeltuin)
    InitiativeFactory(title="+31 idee", published_at=timezone.now() - days(days=9))
    InitiativeFactory(draft=True)
    ArticleFactory(area=wehl, concepts=[draagvlak], tags=["groen"], initiative=speeltuin)
    ArticleFactory(place="Aa en Hunze", initiative=InitiativeFactory(hidden=True))
    ArticleFactory(draft=True)


@pytest.mark.parametrize(("what", "fmt"), FORMATS)
def test_every_export_is_streamed(client, content, what, fmt):
    response = client.get(url(what, fmt))

    assert response.status_code == 200
    assert response.streaming


@pytest.mark.parametrize("what", ["initiatieven", "artikelen"])
def test_the_json_export_has_the_same_items_as_the_api_serializer(client, content, what):
    items = json.loads(text(client.get(url(what, "json"))))

    assert [sorted_themes(item) for item in items] == expected_items(what)


@pytest.mark.parametrize("what", ["initiatieven", "artikelen"])
def test_the_csv_export_has_the_columns_and_cells_of_the_export_before(client, content, what):
    """Before issue 16 the CSV was the serializer's data, flattened: the same header and cells now."""
    from core.csv_export import spreadsheet_cell
    from opendata.views import _flat

    fields = list(SERIALIZERS[what].Meta.fields)
    rows = list(csv.reader(io.StringIO(text(client.get(url(what, "csv"))))))
    themes = fields.index("themes")
    for row in rows[1:]:
        row[themes] = "; ".join(sorted(row[themes].split("; ")))

    assert rows[0] == fields
    assert rows[1:] == [
        [str(spreadsheet_cell(_flat(item[name]))) for name in fields] for item in expected_items(what)
    ]


def fill(count):
    area = Area.objects.get(slug="wehl")
    author = VerifiedUserFactory()
    now = timezone.now()
    Initiative.objects.bulk_create(
        Initiative(
            title=f"Initiatief {number} voor de buurt",
            slug=f"initiatief-{number}",
            summary="Buren maken samen iets moois van hun straat, met koffie en een plan.",
            area=area,
            created_by=author,
            publication_state=PublicationState.PUBLISHED,
            published_at=now - timezone.timedelta(minutes=number),
        )
        for number in range(count)
    )


def pieces(response):
    return response.streaming_content if response.streaming else [response.content]


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_an_export_of_ten_thousand_initiatives_streams_in_constant_memory(client, fmt):
    for _piece in pieces(client.get(url("initiatieven", fmt))):  # the first request imports, not measured
        pass
    fill(ROWS)
    tracemalloc.start()
    try:
        response = client.get(url("initiatieven", fmt))
        # Read as a client reads it: piece by piece, keeping none (the export before was one piece).
        slugs = sum(piece.count(b"initiatief-") for piece in pieces(response))
        _now, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert slugs >= ROWS
    assert peak < PEAK_BYTES, f"peak {peak:,} bytes"


@pytest.mark.parametrize(("what", "fmt"), FORMATS)
def test_the_queries_grow_with_chunks_not_with_rows(client, count_queries, monkeypatch, what, fmt):
    """One query for the items, one for their themes and one for their concepts per chunk."""
    monkeypatch.setattr(exports, "CHUNK", 5)
    draagvlak = Concept.objects.get(slug="draagvlak")

    def add(count):
        for _ in range(count):
            initiative = InitiativeFactory(tags=["groen"])
            initiative.concepts.add(draagvlak)
            ArticleFactory(tags=["groen"], concepts=[draagvlak], initiative=initiative, area=initiative.area)

    def queries():
        return count_queries(lambda: body(client.get(url(what, fmt))))

    add(5)
    one_chunk = queries()
    add(10)

    assert queries() == one_chunk + 2 * 2
    assert one_chunk <= 3 + (connection.vendor == "sqlite")  # SQLite reads a last, empty chunk
