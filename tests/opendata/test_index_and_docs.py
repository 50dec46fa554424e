"""The open data page (/open-data/) with the code to embed a village's list, and the API's documentation
(/api/docs/) and OpenAPI schema (/api/schema/)."""

import html
import json

import pytest
import yaml
from django.conf import settings
from django.urls import reverse
from jsonschema import Draft4Validator
from schemathesis.specs.openapi.definitions import OPENAPI_30

from initiatives.filters import InitiativeFilter, LogEntryFilter
from knowledgebase.filters import ArticleFilter
from places.models import Area
from tests.html import elements, links, parse, text_of
from tests.initiatives.log_help_helpers import HOSTILE_STRINGS

pytestmark = pytest.mark.django_db

INDEX = reverse("opendata:index")


def embed_code(response):
    found = elements(parse(response), "textarea", id="embed-code")
    return html.unescape(found[0].get_text()) if found else None


def test_the_open_data_page_answers(client):
    response = client.get(INDEX)

    assert response.status_code == 200
    assert embed_code(response) is None
    hrefs = set(links(parse(response)))
    for name in ("initiative_feed", "initiative_feed_atom", "log_entry_feed", "api_docs", "api_schema"):
        assert reverse(f"opendata:{name}") in hrefs
    for what in ("initiatieven", "artikelen"):
        for fmt in ("csv", "json"):
            assert reverse("opendata:dataset_download", args=[what, fmt]) in hrefs


def test_the_page_offers_every_active_village_to_embed(client):
    [select] = elements(parse(client.get(INDEX)), "select", name="gebied")
    offered = [option["value"] for option in elements(select, "option")]

    assert offered == list(Area.objects.filter(is_active=True).values_list("slug", flat=True))


def test_the_page_shows_the_embed_code_for_the_chosen_village(client):
    response = client.get(INDEX, {"gebied": "wehl"})

    code = embed_code(response)
    assert code is not None
    snippet = parse(code)
    [iframe] = elements(snippet)  # one element, and no text beside it
    assert text_of(snippet) == "", code
    assert iframe.name == "iframe"
    assert list(iframe.attrs) == ["src", "title", "width", "height", "loading"]
    assert iframe["title"]
    assert (iframe["width"], iframe["height"].isdigit(), iframe["loading"]) == ("100%", True, "lazy")
    assert iframe["src"] == "http://testserver" + reverse("opendata:initiative_embed") + "?gebied=wehl"
    # and the address in the code works
    assert client.get(iframe["src"]).status_code == 200
    # the feeds on the page follow the choice too
    hrefs = set(links(parse(response)))
    assert reverse("opendata:initiative_feed") + "?gebied=wehl" in hrefs


@pytest.mark.parametrize("gebied", ["atlantis", *HOSTILE_STRINGS])
def test_an_unknown_village_shows_no_code_and_no_error(client, gebied):
    response = client.get(INDEX, {"gebied": gebied})

    assert response.status_code == 200
    assert embed_code(response) is None


def test_the_api_documentation_answers(client):
    response = client.get(reverse("opendata:api_docs"))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    # Swagger UI's set-up script, served from the same address, reads the schema from /api/schema/.
    scripts = [
        script["src"]
        for script in elements(parse(response), "script", src=True)
        if script["src"].startswith(reverse("opendata:api_docs"))
    ]
    assert scripts
    setup = client.get(scripts[0])
    assert setup.status_code == 200
    assert reverse("opendata:api_schema") in setup.content.decode()


def test_the_api_documentation_needs_no_inline_style(client):
    response = client.get(reverse("opendata:api_docs"))

    policy = response["Content-Security-Policy"]
    assert "'unsafe-inline'" not in policy
    assert "style-src 'self'" in policy
    page = parse(response)
    assert elements(page, "style") == []
    assert elements(page, style=True) == []
    assert all(script.has_attr("src") for script in elements(page, "script"))
    stylesheets = [link["href"] for link in elements(page, "link", rel="stylesheet")]
    assert len(stylesheets) == 2
    assert all(href.startswith("/static/") for href in stylesheets), stylesheets


@pytest.fixture
def schema(client):
    response = client.get(reverse("opendata:api_schema"))
    assert response.status_code == 200
    return yaml.safe_load(response.content)


def test_the_schema_is_a_valid_openapi_document(schema):
    Draft4Validator(OPENAPI_30).validate(schema)
    assert schema["openapi"].startswith("3.0")
    assert schema["info"]["title"] == settings.SPECTACULAR_SETTINGS["TITLE"]


def test_the_schema_documents_every_endpoint_read_only(schema):
    assert set(schema["paths"]) == {
        "/api/initiatieven/",
        "/api/initiatieven/{slug}/",
        "/api/logboek/",
        "/api/logboek/{id}/",
        "/api/artikelen/",
        "/api/artikelen/{slug}/",
        "/api/gebieden/",
        "/api/gebieden/{slug}/",
        "/api/begrippen/",
        "/api/begrippen/{slug}/",
    }
    for path in schema["paths"].values():
        assert set(path) - {"parameters"} == {"get"}
        assert {"200", "404", "429"} <= set(path["get"]["responses"])


def query_parameters(schema, path) -> set[str]:
    return {
        parameter["name"]
        for parameter in schema["paths"][path]["get"].get("parameters", [])
        if parameter["in"] == "query"
    }


def test_the_schema_names_the_filters_of_the_lists(schema):
    assert query_parameters(schema, "/api/initiatieven/") >= {
        "gebied",
        "fase",
        "herkomst",
        "rol",
        "begrip",
        "thema",
        "zoek",
        "sorteer",
        "pagina",
    }
    assert query_parameters(schema, "/api/artikelen/") >= {
        "soort",
        "vliegwiel",
        "begrip",
        "thema",
        "plaats",
        "zoek",
        "pagina",
    }
    assert query_parameters(schema, "/api/logboek/") >= {
        "soort",
        "categorie",
        "gebied",
        "initiatief",
        "pagina",
    }


@pytest.mark.parametrize(
    ("path", "filterset"),
    [
        ("/api/initiatieven/", InitiativeFilter),
        ("/api/logboek/", LogEntryFilter),
        ("/api/artikelen/", ArticleFilter),
    ],
)
def test_every_filter_of_a_list_on_the_site_is_a_parameter_of_the_api(schema, path, filterset):
    assert query_parameters(schema, path) >= set(filterset.base_filters)


def test_the_schema_also_comes_as_json(client):
    response = client.get(reverse("opendata:api_schema"), {"format": "json"})

    assert response.status_code == 200
    assert json.loads(response.content)["openapi"].startswith("3.0")
