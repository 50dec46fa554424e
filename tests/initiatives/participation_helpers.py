"""Helpers for the tests of taking part (support, follow, comments, digests, my initiatives)."""

from django.urls import reverse


def url(name, initiative, **kwargs):
    return reverse(f"initiatives:{name}", kwargs={"slug": initiative.slug, **kwargs})


def messages_of(response):
    return [str(message) for message in response.context["messages"]] if response.context else []
