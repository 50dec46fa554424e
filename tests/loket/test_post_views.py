"""Every view of the site that accepts a POST goes through the one door for writes (accounts/posting.py):
it has a rate limit and keeps blocked accounts out. This walks every address of the site, posts to it as a
signed-in resident, and asks each view that did not answer "405 method not allowed" for its rule. A new
view that writes without `@posting(...)` fails here until it gets one, or a line on EXEMPT with the reason.

The management site (/beheer/) has its own permissions and is for staff; allauth's pages (login, signup,
password, email) have allauth's own rate limits, checked below. The API is read-only: its addresses are
walked like the others and answer 405.
"""

import re

import pytest
from allauth.account import app_settings as allauth_settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.converters import IntConverter
from django.urls.resolvers import RegexPattern

from accounts.posting import posting_rule_of
from core.ratelimit import DEFAULT_POSTING_RATES
from tests.initiatives.factories import VerifiedUserFactory

from .post_scenarios import SCENARIOS

pytestmark = pytest.mark.django_db

# Views that accept a POST without the door, and why.
EXEMPT = {
    # RFC 8058: mail programs unsubscribe with one POST, without a session, often many from one
    # provider's address. The signed token names one follow; the only effect is fewer emails. A limit
    # per address would stop other people's unsubscribes, and there is no account to block.
    "initiatives:follow_unsubscribe": "one-click unsubscribe by token from mail programs",
    # Django's language switch: it sets the visitor's language cookie and writes nothing else.
    "set_language": "sets a cookie, writes nothing",
}

# allauth's actions that guard a form of a signed-in or signing-in person; each must keep a limit.
ALLAUTH_LIMITED = [
    "login",
    "login_failed",
    "signup",
    "reset_password",
    "reset_password_from_key",
    "change_password",
    "manage_email",
    "reauthenticate",
    "confirm_email",
]


def _patterns(patterns=None, prefix="", namespace=""):
    """(route, name, pattern) of every address, names with their namespace."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _patterns(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}{pattern.name}" if pattern.name else None
            yield prefix + str(pattern.pattern), name, pattern


def _is_allauths(pattern) -> bool:
    return getattr(pattern.callback, "__module__", "").startswith("allauth.")


def _walked(*, with_route=False):
    """(name, pattern) of the site's own addresses: not the management site, not allauth's."""
    for route, name, pattern in _patterns():
        if re.match(r"\^?beheer/", route) or _is_allauths(pattern):
            continue
        assert name, f"{route} has no name: give it one so this test can post to it"
        yield (route, name, pattern) if with_route else (name, pattern)


def _address(name, pattern) -> str:
    """The pattern's address, with a made-up value for each part (1 for numbers, x otherwise)."""
    if isinstance(pattern.pattern, RegexPattern):
        parts = list(pattern.pattern.regex.groupindex)
        kwargs = {part: "json" if part == "format" else "1" for part in parts}
    else:
        converters = pattern.pattern.converters
        kwargs = {part: 1 if isinstance(conv, IntConverter) else "x" for part, conv in converters.items()}
    kwargs = {part: value for part, value in kwargs.items() if part not in pattern.default_args}
    return reverse(name, kwargs=kwargs)


def _accepts_post(client, url) -> bool:
    try:
        response = client.post(url)
    except Exception:  # past the method check, it failed on the made-up address: it takes POSTs
        return True
    return response.status_code != 405


@pytest.fixture
def views_taking_posts(client):
    """URL name -> view, for every walked view that does not answer 405 to a resident's POST."""
    client.force_login(VerifiedUserFactory())
    found = {}
    for name, pattern in _walked():
        if _accepts_post(client, _address(name, pattern)):
            found[name] = pattern.callback
    return found


def test_every_view_that_takes_a_post_has_a_limit_and_a_block_rule_or_a_reason(views_taking_posts):
    without_rule = {name for name, view in views_taking_posts.items() if posting_rule_of(view) is None}

    assert without_rule == set(EXEMPT), (
        "a view takes POSTs without @posting(...) (accounts/posting.py), or an exemption is stale"
    )


def test_every_view_with_a_rule_takes_posts_and_has_a_scenario(views_taking_posts):
    with_rule = {
        name
        for name, pattern in _walked()
        if posting_rule_of(pattern.callback) is not None  # a rule on a read would be a mistake too
    }

    assert with_rule <= set(views_taking_posts)
    assert with_rule == {scenario.view for scenario in SCENARIOS}, (
        "each view with a rule needs a write in tests/loket/post_scenarios.py"
    )


def test_every_rule_names_a_group_with_a_rate():
    for name, pattern in _walked():
        rule = posting_rule_of(pattern.callback)
        if rule is not None:
            assert rule.limit in DEFAULT_POSTING_RATES, name


def test_the_api_takes_no_posts(views_taking_posts):
    api = {name for route, name, _pattern in _walked(with_route=True) if route.startswith("api/")}

    assert api
    assert not api & set(views_taking_posts)


@pytest.mark.parametrize("action", ALLAUTH_LIMITED)
def test_allauths_own_forms_keep_their_rate_limits(action):
    assert allauth_settings.RATE_LIMITS.get(action), f"allauth's {action} limit is switched off"
