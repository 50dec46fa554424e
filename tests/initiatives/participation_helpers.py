"""Helpers for the tests of taking part (support, follow, comments, digests, my initiatives)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse


def url(name, initiative, **kwargs):
    return reverse(f"initiatives:{name}", kwargs={"slug": initiative.slug, **kwargs})


def count_queries(func):
    """Run `func` and return (its result, the number of queries it ran)."""
    with CaptureQueriesContext(connection) as queries:
        result = func()
    return result, len(queries)


def messages_of(response):
    return [str(message) for message in response.context["messages"]] if response.context else []
