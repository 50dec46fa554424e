"""Behind reverse proxies the posting limits count per visitor, not per proxy (core.ratelimit.client_address,
settings.RATELIMIT_IP_META_KEY): the address the outermost trusted proxy saw, as allauth counts it."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory

from core.ratelimit import client_address, posting_limited

PROXY = "10.0.0.5"


def request_from(forwarded=None, remote=PROXY):
    headers = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    request = RequestFactory().post("/", REMOTE_ADDR=remote, **headers)
    request.user = AnonymousUser()
    return request


@pytest.mark.parametrize(
    ("count", "forwarded", "expected"),
    [
        (0, "198.51.100.7", PROXY),  # no trusted proxy: the header is the client's own say-so
        (1, "198.51.100.7", "198.51.100.7"),
        (1, "6.6.6.6, 198.51.100.7", "198.51.100.7"),  # the left part was written by the client
        (2, "6.6.6.6, 198.51.100.7, 10.0.0.9", "198.51.100.7"),
        (2, "198.51.100.7", PROXY),  # shorter than the proxies promise: bypassed them
        (1, None, PROXY),
        (1, "", PROXY),
        (1, "not-an-address", PROXY),
        (1, "2001:db8::1", "2001:db8::1"),
    ],
)
def test_the_visitor_is_the_address_the_outermost_trusted_proxy_saw(settings, count, forwarded, expected):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = count

    assert client_address(request_from(forwarded)) == expected


def test_the_posting_limits_count_each_visitor_behind_the_proxy_apart(settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    settings.LOKET_POSTING_RATES = {"comment": "1/h"}

    assert not posting_limited(request_from("198.51.100.7"), "comment")
    assert posting_limited(request_from("198.51.100.7"), "comment")
    assert not posting_limited(request_from("198.51.100.8"), "comment")  # same proxy, another visitor


def test_without_trusted_proxies_everyone_behind_one_proxy_shares_its_limit(settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    settings.LOKET_POSTING_RATES = {"comment": "1/h"}

    assert not posting_limited(request_from("198.51.100.7"), "comment")
    assert posting_limited(request_from("198.51.100.8"), "comment")
