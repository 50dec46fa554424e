"""Shared by the tests of the public list of initiatives: its address and what it lists."""

import datetime

from django.urls import reverse
from django.utils import timezone

INDEX = reverse("initiatives:initiative_list")


def listed(client, params=None):
    """The initiatives the list shows for `params`, in order (this page only)."""
    response = client.get(INDEX, params or {})
    assert response.status_code == 200
    return list(response.context["page_obj"].object_list)


def titles(client, params=None):
    return [initiative.title for initiative in listed(client, params)]


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)
