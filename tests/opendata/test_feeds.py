"""RSS and Atom feeds of new initiatives, log entries and articles: valid XML, newest first, links to the
site, filtered by village (?gebied=) and flywheel concept (?begrip=); an unknown one is a 404."""

import datetime
import email.utils
import xml.etree.ElementTree as ET

import pytest
from django.urls import resolve, reverse
from django.utils import timezone

from flywheels.models import Concept
from initiatives.choices import LogKind, ObstacleCategory
from places.models import Area
from tests.initiatives.factories import InitiativeFactory, LogEntryFactory
from tests.initiatives.log_help_helpers import HOSTILE_STRINGS
from tests.knowledgebase.factories import ArticleFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
SITE = "http://testserver"
RSS_FEEDS = {"initiatives": "initiative_feed", "log": "log_entry_feed", "articles": "article_feed"}
ATOM_FEEDS = {
    "initiatives": "initiative_feed_atom",
    "log": "log_entry_feed_atom",
    "articles": "article_feed_atom",
}
ALL_FEEDS = [*RSS_FEEDS.values(), *ATOM_FEEDS.values()]
FEED_SIZE = 30


def ago(**kwargs):
    return timezone.now() - datetime.timedelta(**kwargs)


def fetch(client, name, params=None):
    response = client.get(reverse(f"opendata:{name}"), params or {})
    assert response.status_code == 200, response.status_code
    return response, ET.fromstring(response.content)  # noqa: S314 -- our own feed, in a test


def rss_items(client, name, params=None) -> list[dict]:
    response, root = fetch(client, name, params)
    assert response["Content-Type"].startswith("application/rss+xml")
    assert root.tag == "rss"
    assert root.get("version") == "2.0"
    channel = root.find("channel")
    assert channel.findtext("link").startswith(SITE)
    return [
        {
            "title": item.findtext("title"),
            "link": item.findtext("link"),
            "date": email.utils.parsedate_to_datetime(item.findtext("pubDate")),
        }
        for item in channel.findall("item")
    ]


def atom_entries(client, name, params=None) -> list[dict]:
    response, root = fetch(client, name, params)
    assert response["Content-Type"].startswith("application/atom+xml")
    assert root.tag == f"{ATOM}feed"
    assert root.findtext(f"{ATOM}title")
    assert root.findtext(f"{ATOM}id")
    entries = []
    for entry in root.findall(f"{ATOM}entry"):
        assert entry.findtext(f"{ATOM}id")
        entries.append(
            {
                "title": entry.findtext(f"{ATOM}title"),
                "link": entry.find(f"{ATOM}link[@rel='alternate']").get("href"),
                "date": datetime.datetime.fromisoformat(
                    entry.findtext(f"{ATOM}published") or entry.findtext(f"{ATOM}updated")
                ),
            }
        )
    return entries


def items(client, kind, fmt, params=None):
    return (rss_items if fmt == "rss" else atom_entries)(
        client, (RSS_FEEDS if fmt == "rss" else ATOM_FEEDS)[kind], params
    )


FORMATS = ["rss", "atom"]


# --- New initiatives ----------------------------------------------------------------------------------


@pytest.fixture
def initiatives():
    draagvlak = Concept.objects.get(slug="draagvlak")
    oldest = InitiativeFactory(title="Oudste", area=Area.objects.get(slug="wehl"), published_at=ago(days=3))
    newest = InitiativeFactory(
        title="Nieuwste", area=Area.objects.get(slug="gaanderen"), published_at=ago(hours=1)
    )
    middle = InitiativeFactory(
        title="Middelste", area=Area.objects.get(slug="wehl"), published_at=ago(days=1)
    )
    newest.concepts.add(draagvlak)
    middle.concepts.add(draagvlak)
    for state in ("draft", "submitted", "rejected", "hidden"):
        secret = InitiativeFactory(
            title=f"Geheim {state}", area=Area.objects.get(slug="wehl"), **{state: True}
        )
        secret.concepts.add(draagvlak)
    return {"oldest": oldest, "newest": newest, "middle": middle}


def titles(found) -> list[str]:
    return [item["title"].split(" (")[0] for item in found]


@pytest.mark.parametrize("fmt", FORMATS)
def test_initiative_feed_lists_published_initiatives_newest_first_with_links_to_the_site(
    client, initiatives, fmt
):
    found = items(client, "initiatives", fmt)

    assert titles(found) == ["Nieuwste", "Middelste", "Oudste"]
    assert [item["date"] for item in found] == sorted((item["date"] for item in found), reverse=True)
    for item in found:
        assert item["link"].startswith(f"{SITE}/initiatieven/")
    assert found[0]["link"] == SITE + initiatives["newest"].get_absolute_url()


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"gebied": "wehl"}, ["Middelste", "Oudste"]),
        ({"begrip": "draagvlak"}, ["Nieuwste", "Middelste"]),
        ({"gebied": "wehl", "begrip": "draagvlak"}, ["Middelste"]),
        ({"gebied": "nieuw-wehl"}, []),
    ],
)
def test_initiative_feed_follows_village_and_concept(client, initiatives, fmt, params, expected):
    assert titles(items(client, "initiatives", fmt, params)) == expected


# --- Log entries --------------------------------------------------------------------------------------


@pytest.fixture
def entries():
    draagvlak = Concept.objects.get(slug="draagvlak")
    wehl = InitiativeFactory(title="Speeltuin", area=Area.objects.get(slug="wehl"))
    wehl.concepts.add(draagvlak)
    gaanderen = InitiativeFactory(title="Schoolplein", area=Area.objects.get(slug="gaanderen"))
    made = {}
    for minutes, name, initiative in ((30, "Eerste", wehl), (20, "Tweede", gaanderen), (10, "Derde", wehl)):
        entry = LogEntryFactory(initiative=initiative, title=name)
        type(entry).objects.filter(pk=entry.pk).update(created_at=ago(minutes=minutes))
        made[name] = entry
    hidden = LogEntryFactory(
        initiative=wehl, title="Verborgen", kind=LogKind.OBSTACLE, obstacle_category=ObstacleCategory.MONEY
    )
    type(hidden).objects.filter(pk=hidden.pk).update(hidden_at=timezone.now())
    LogEntryFactory(
        initiative=InitiativeFactory(draft=True, area=Area.objects.get(slug="wehl")), title="Van een concept"
    )
    return made


def entry_titles(found) -> list[str]:
    return [item["title"].split(": ", 1)[1].split(" (")[0] for item in found]


@pytest.mark.parametrize("fmt", FORMATS)
def test_log_feed_lists_visible_entries_of_published_initiatives_newest_first(client, entries, fmt):
    found = items(client, "log", fmt)

    assert entry_titles(found) == ["Derde", "Tweede", "Eerste"]
    assert found[0]["link"] == SITE + entries["Derde"].get_absolute_url()
    assert [item["date"] for item in found] == sorted((item["date"] for item in found), reverse=True)


@pytest.mark.parametrize("fmt", FORMATS)
def test_log_feed_follows_village_and_concept(client, entries, fmt):
    assert entry_titles(items(client, "log", fmt, {"gebied": "gaanderen"})) == ["Tweede"]
    assert entry_titles(items(client, "log", fmt, {"begrip": "draagvlak"})) == ["Derde", "Eerste"]


# --- Articles -----------------------------------------------------------------------------------------


@pytest.fixture
def articles():
    draagvlak = Concept.objects.get(slug="draagvlak")
    made = {
        "Oud artikel": ArticleFactory(
            title="Oud artikel", published_at=ago(days=5), area=Area.objects.get(slug="wehl")
        ),
        "Nieuw artikel": ArticleFactory(
            title="Nieuw artikel", published_at=ago(hours=2), concepts=[draagvlak]
        ),
    }
    ArticleFactory(title="Concept", draft=True, area=Area.objects.get(slug="wehl"), concepts=[draagvlak])
    ArticleFactory(title="Gepland", scheduled=True, area=Area.objects.get(slug="wehl"), concepts=[draagvlak])
    ArticleFactory(
        title="Verborgen", hidden_at=timezone.now(), area=Area.objects.get(slug="wehl"), concepts=[draagvlak]
    )
    return made


@pytest.mark.parametrize("fmt", FORMATS)
def test_article_feed_lists_published_articles_newest_first(client, articles, fmt):
    found = items(client, "articles", fmt)

    assert [item["title"] for item in found] == ["Nieuw artikel", "Oud artikel"]
    assert found[0]["link"] == SITE + articles["Nieuw artikel"].get_absolute_url()
    assert items(client, "articles", fmt, {"gebied": "wehl"})[0]["title"] == "Oud artikel"
    assert [item["title"] for item in items(client, "articles", fmt, {"begrip": "draagvlak"})] == [
        "Nieuw artikel"
    ]


# --- Size, unknown filters, cost ----------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_feed_holds_the_newest_thirty(client, fmt):
    for index in range(FEED_SIZE + 3):
        InitiativeFactory(title=f"Nummer {index}", published_at=ago(hours=index))

    found = items(client, "initiatives", fmt)

    assert len(found) == FEED_SIZE
    assert titles(found)[0] == "Nummer 0"


@pytest.mark.parametrize("name", ALL_FEEDS)
@pytest.mark.parametrize(
    "params", [{"gebied": "atlantis"}, {"begrip": "bestaat-niet"}, {"gebied": "wehl", "begrip": "x"}]
)
def test_an_unknown_village_or_concept_is_a_404(client, name, params):
    assert client.get(reverse(f"opendata:{name}"), params).status_code == 404


@pytest.mark.parametrize("name", ALL_FEEDS)
@pytest.mark.parametrize("parameter", ["gebied", "begrip"])
def test_hostile_input_in_a_feed_filter_is_never_a_server_error(client, name, parameter):
    InitiativeFactory()
    for hostile in HOSTILE_STRINGS:
        response = client.get(reverse(f"opendata:{name}"), {parameter: hostile})

        assert response.status_code in (200, 404), repr(hostile[:40])


# Measured on SQLite and PostgreSQL: the village looked up, then the items with what their titles need.
FEED_QUERIES_AT_MOST = 2


def fill(count):
    wehl = Area.objects.get(slug="wehl")
    for _ in range(count):
        initiative = InitiativeFactory(area=wehl)
        LogEntryFactory(initiative=initiative)
        ArticleFactory(area=wehl)


@pytest.mark.parametrize("name", ALL_FEEDS)
def test_a_feed_costs_the_same_for_3_items_as_for_30(client, name, count_queries):
    def in_wehl():
        return client.get(reverse(f"opendata:{name}"), {"gebied": "wehl"})

    fill(3)
    few = count_queries(in_wehl)

    fill(27)

    assert count_queries(in_wehl) == few
    assert few <= FEED_QUERIES_AT_MOST


# --- One feed, many requests at once --------------------------------------------------------------


@pytest.fixture
def two_villages():
    for village in ("wehl", "gaanderen"):
        area = Area.objects.get(slug=village)
        initiative = InitiativeFactory(title=f"Plan in {village}", area=area)
        LogEntryFactory(initiative=initiative, title=f"Stap in {village}")
        ArticleFactory(title=f"Artikel over {village}", area=area)


def self_link_and_titles(response) -> tuple[str, str, list[str]]:
    """A feed's link to itself, its title, and the titles of its items (RSS or Atom)."""
    assert response.status_code == 200, response.status_code
    root = ET.fromstring(response.content)  # noqa: S314 -- our own feed, in a test
    feed = root.find("channel") if root.tag == "rss" else root
    prefix = "" if root.tag == "rss" else ATOM
    items = feed.iterfind("item") if root.tag == "rss" else feed.iterfind(f"{ATOM}entry")
    return (
        feed.find(f"{ATOM}link[@rel='self']").get("href"),
        feed.findtext(f"{prefix}title"),
        [item.findtext(f"{prefix}title") for item in items],
    )


@pytest.mark.parametrize("name", ALL_FEEDS)
def test_a_request_served_while_another_is_halfway_gets_its_own_filter_and_address(
    rf, monkeypatch, two_villages, name
):
    """Django serves every request of a feed with the one instance in opendata/urls.py. Here a second
    request is served from start to end while the first is between reading its filters and writing its
    feed, as two threads can interleave: neither may get the other's village or address."""
    path = reverse(f"opendata:{name}")
    feed = resolve(path).func
    in_wehl, in_gaanderen = rf.get(path, {"gebied": "wehl"}), rf.get(path, {"gebied": "gaanderen"})
    write_feed, meanwhile = feed.get_feed, {}

    def another_request_comes_in_between(obj, request):
        if request is in_wehl:
            meanwhile["gaanderen"] = feed(in_gaanderen)
        return write_feed(obj, request)

    monkeypatch.setattr(feed, "get_feed", another_request_comes_in_between)
    first = feed(in_wehl)

    for village, response in (("wehl", first), ("gaanderen", meanwhile["gaanderen"])):
        self_link, title, item_titles = self_link_and_titles(response)
        assert self_link == f"{SITE}{path}?gebied={village}"
        assert title.lower().endswith(village)
        assert len(item_titles) == 1
        assert village in item_titles[0]
