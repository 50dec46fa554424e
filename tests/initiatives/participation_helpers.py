"""Helpers for the tests of taking part (support, follow, comments, digests, my initiatives)."""

import re
from urllib.parse import urlsplit

from django.urls import Resolver404, resolve, reverse

from initiatives.services.notifications import follow_from_token


def url(name, initiative, **kwargs):
    return reverse(f"initiatives:{name}", kwargs={"slug": initiative.slug, **kwargs})


def messages_of(response):
    return [str(message) for message in response.context["messages"]] if response.context else []


def _unsubscribe_token(link):
    try:
        match = resolve(urlsplit(link).path)
    except Resolver404:
        return None
    return match.kwargs["token"] if match.view_name == "initiatives:follow_unsubscribe" else None


def unsubscribe_links(text):
    """Every unsubscribe link in an email's text (or a List-Unsubscribe header), in order."""
    links = re.findall(r"https?://[^\s<>]+", text)
    return [link for link in links if _unsubscribe_token(link) is not None]


def unsubscribed_by(link):
    """The follow an unsubscribe link stops. Its token holds the second it was signed, so the same link
    made again a moment later reads differently: compare where links lead, never their text."""
    token = _unsubscribe_token(link)
    assert token is not None, f"not an unsubscribe link: {link}"
    return follow_from_token(token)
