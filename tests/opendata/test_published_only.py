"""Open data shows published content only, everywhere: the API's lists and details, the exports, the feeds
and the embeddable list. No email address, and no name of a supporter, commenter or helper, ever."""

import json

import pytest
from django.urls import reverse

from initiatives.choices import PublicationState
from tests.initiatives.factories import InitiativeFactory
from tests.knowledgebase.factories import ArticleFactory
from tests.opendata.world import EMAIL, PRIVATE_NAMES, SECRET, api, build, public_urls
from tests.streams import text

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return build()


def body_of(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return text(response)


def test_every_public_address_answers_and_shows_the_published_content(client, world):
    """The checks below look at real pages: each shows something published."""
    published = {
        world.initiative.title,
        world.initiative.slug,
        world.article.title,
        world.article.slug,
        world.log_entry.title,
    }
    for url in public_urls(world):
        body = body_of(client, url)
        if any(part in url for part in ("gebieden", "begrippen", "/open-data/?")):
            continue  # places, concepts, and the page that explains it all
        assert any(text in body for text in published), url


def test_nothing_unpublished_appears_anywhere(client, world):
    for url in public_urls(world):
        assert SECRET not in body_of(client, url).lower(), url


def test_no_email_address_appears_anywhere(client, world):
    for url in public_urls(world):
        assert EMAIL.findall(body_of(client, url)) == [], url


def test_the_email_check_can_see_an_email_address():
    assert EMAIL.findall('{"contact": "anna.ambtenaar@doetinchem.example"}') == [
        "anna.ambtenaar@doetinchem.example"
    ]


def test_no_supporter_commenter_or_helper_is_named_anywhere(client, world):
    for url in public_urls(world):
        body = body_of(client, url)
        for name in PRIVATE_NAMES:
            assert name not in body, (url, name)


@pytest.mark.parametrize("state", ["draft", "submitted", "rejected", "hidden"])
def test_the_detail_of_an_unpublished_initiative_is_a_json_404(client, world, state):
    response = client.get(api("initiative-detail", slug=f"{SECRET}-{state}"))

    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert set(json.loads(response.content)) == {"detail"}


@pytest.mark.parametrize("kind", ["concept", "gepland", "verborgen"])
def test_the_detail_of_an_unpublished_article_is_a_json_404(client, world, kind):
    response = client.get(api("article-detail", slug=f"{SECRET}-{kind}"))

    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")


def test_the_detail_of_a_hidden_log_entry_or_one_of_an_unpublished_initiative_is_a_json_404(client, world):
    for entry in world.secret_log_entries:
        response = client.get(api("logentry-detail", pk=entry.pk))

        assert response.status_code == 404, entry.title
        assert response["Content-Type"].startswith("application/json")


@pytest.mark.parametrize(
    "path",
    [
        "/api/bestaat-niet/",
        "/api/initiatieven/bestaat-niet/",
        "/api/logboek/99999999999999999999999/",
        "/api/logboek/abc/",
    ],
)
def test_unknown_addresses_under_the_api_are_json_404s(client, world, path):
    response = client.get(path)

    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert "detail" in json.loads(response.content)


def test_an_initiative_hidden_after_publication_is_gone_at_once(client, world):
    """Publication is checked on every request, not copied somewhere once."""
    url = api("initiative-detail", slug=world.initiative.slug)
    assert client.get(url).status_code == 200

    world.initiative.publication_state = PublicationState.HIDDEN
    world.initiative.save()

    assert client.get(url).status_code == 404
    assert world.initiative.slug not in body_of(client, api("initiative-list"))
    assert world.log_entry.title not in body_of(client, api("logentry-list"))


def test_the_detail_shows_public_fields_only(client, world):
    data = client.get(api("initiative-detail", slug=world.initiative.slug)).json()

    assert data["slug"] == world.initiative.slug
    assert data["area"] == {"slug": "wehl", "name": "Wehl", "kind": "village"}
    assert data["concepts"] == ["draagvlak"]
    assert data["themes"] == ["spelen"]
    assert data["support_count"] == 2
    assert data["links"] == ["https://speeltuin.example.net/"]
    assert not {"created_by", "contact_person", "team", "supporters", "comments", "email"} & set(data)


@pytest.mark.parametrize("state", ["draft", "submitted", "rejected", "hidden"])
def test_an_article_about_an_initiative_that_is_no_longer_public_does_not_name_it(client, state):
    """An article can outlive the initiative it describes being public (hidden by a moderator, say): the
    open data then must not give that initiative's web address away."""
    gone = InitiativeFactory(slug=f"{SECRET}-{state}", **{state: True})
    article = ArticleFactory(slug="over-een-initiatief", initiative=gone)

    for url in (
        api("article-list"),
        api("article-detail", slug=article.slug),
        reverse("opendata:dataset_download", args=["artikelen", "csv"]),
        reverse("opendata:dataset_download", args=["artikelen", "json"]),
    ):
        body = body_of(client, url)
        assert "over-een-initiatief" in body
        assert SECRET not in body, url
