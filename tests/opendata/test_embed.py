"""The list of a village's initiatives that another site may put in an iframe: framable from anywhere,
that village's published initiatives only, ?aantal= from 1 to 20, links that open the loket in a new tab."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from places.models import Area
from tests.html import elements, links, parse
from tests.initiatives.factories import InitiativeFactory
from tests.initiatives.log_help_helpers import HOSTILE_STRINGS

pytestmark = pytest.mark.django_db

EMBED = reverse("opendata:initiative_embed")
DEFAULT_COUNT, MOST = 5, 20


def csp_directives(response) -> dict:
    policy = response["Content-Security-Policy"]
    directives = {}
    for part in policy.split(";"):
        words = part.split()
        if words:
            directives[words[0]] = words[1:]
    return directives


def embedded(client, params) -> list[str]:
    """The slugs of the initiatives the embed lists, in order."""
    response = client.get(EMBED, params)
    assert response.status_code == 200
    addresses = [links(item)[0] for item in elements(parse(response), "li", "loket-embed__item")]
    return [address.rstrip("/").rsplit("/", 1)[-1] for address in addresses]


@pytest.fixture
def wehl_initiatives():
    wehl = Area.objects.get(slug="wehl")
    now = timezone.now()
    made = [
        InitiativeFactory(slug=f"wehl-{index}", area=wehl, published_at=now - datetime.timedelta(hours=index))
        for index in range(3)
    ]
    InitiativeFactory(slug="gaanderen-0", area=Area.objects.get(slug="gaanderen"), published_at=now)
    for state in ("draft", "submitted", "rejected", "hidden"):
        InitiativeFactory(slug=f"geheim-{state}", area=wehl, **{state: True})
    return made


# --- Framing ------------------------------------------------------------------------------------------


def test_any_site_may_frame_the_embed(client, wehl_initiatives):
    response = client.get(EMBED, {"gebied": "wehl"})

    assert "X-Frame-Options" not in response
    assert csp_directives(response)["frame-ancestors"] == ["*"]


def test_the_rest_of_the_site_may_not_be_framed(client):
    """The test above can fail: the site's own pages forbid framing."""
    response = client.get(reverse("opendata:index"))

    assert response["X-Frame-Options"] == "DENY"
    assert csp_directives(response)["frame-ancestors"] == ["'none'"]


def test_the_embed_keeps_the_rest_of_the_policy(client, wehl_initiatives):
    directives = csp_directives(client.get(EMBED, {"gebied": "wehl"}))

    assert directives["script-src"] == ["'self'"]
    assert directives["default-src"] == ["'self'"]


# --- What it lists ------------------------------------------------------------------------------------


def test_the_embed_lists_that_villages_published_initiatives_newest_first(client, wehl_initiatives):
    assert embedded(client, {"gebied": "wehl"}) == ["wehl-0", "wehl-1", "wehl-2"]


def test_without_a_village_the_embed_lists_the_whole_municipality(client, wehl_initiatives):
    assert embedded(client, {}) == ["gaanderen-0", "wehl-0", "wehl-1", "wehl-2"]


def test_an_unknown_village_is_a_404(client):
    assert client.get(EMBED, {"gebied": "atlantis"}).status_code == 404


def test_hostile_input_is_never_a_server_error(client, wehl_initiatives):
    for hostile in HOSTILE_STRINGS:
        for params in ({"gebied": hostile}, {"gebied": "wehl", "aantal": hostile}):
            response = client.get(EMBED, params)

            assert response.status_code in (200, 404), (params.keys(), repr(hostile[:40]))
            assert b"<script>alert(1)" not in response.content


@pytest.mark.parametrize(
    ("aantal", "expected"),
    [
        ("1", 1),
        ("3", 3),
        ("20", MOST),
        ("21", MOST),
        ("999999999999999999999", MOST),
        ("0", 1),
        ("-4", 1),
        ("", DEFAULT_COUNT),
        ("veel", DEFAULT_COUNT),
        ("2.5", DEFAULT_COUNT),
        (None, DEFAULT_COUNT),
    ],
)
def test_aantal_limits_the_list_from_1_to_20(client, aantal, expected):
    wehl = Area.objects.get(slug="wehl")
    now = timezone.now()
    for index in range(MOST + 5):
        InitiativeFactory(area=wehl, published_at=now - datetime.timedelta(minutes=index))
    params = {"gebied": "wehl"} if aantal is None else {"gebied": "wehl", "aantal": aantal}

    assert len(embedded(client, params)) == expected


# --- Links --------------------------------------------------------------------------------------------


def test_every_link_opens_the_loket_in_a_new_tab_without_giving_it_the_opener(client, wehl_initiatives):
    response = client.get(EMBED, {"gebied": "wehl"})
    anchors = elements(parse(response), "a")

    assert len(anchors) == 3 + 1  # the initiatives and "more"
    for anchor in anchors:
        assert anchor.get("target") == "_blank"
        assert "noopener" in anchor.get("rel", [])
        assert anchor["href"].startswith("http://testserver/")


def test_the_links_point_at_the_initiatives_and_the_villages_list(client, wehl_initiatives):
    hrefs = links(parse(client.get(EMBED, {"gebied": "wehl"})))

    assert hrefs[0] == "http://testserver" + wehl_initiatives[0].get_absolute_url()
    assert hrefs[-1] == "http://testserver" + reverse("initiatives:initiative_list") + "?gebied=wehl"
