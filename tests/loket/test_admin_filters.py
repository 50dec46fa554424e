"""Every list of the management site, with a malformed value in each of its filters: the list answers
(the whole list again, or Django's "?e=1"), never a server error (core/admin_lists.py). Run on PostgreSQL
too: a NUL character only fails there."""

import pytest
from django.contrib import admin
from django.test import RequestFactory
from django.urls import reverse

from tests.accounts.factories import UserFactory, verify_email

pytestmark = pytest.mark.django_db

MALFORMED = [
    "abc",
    "0",
    "1",  # the year 1: before the first date in UTC
    "9999",  # the year 9999: its next year does not exist
    "99999999999999999999",  # too large for a C long and for a bigint
    "9" * 5000,  # too long for Python to turn into a number
    "2024-13-45",
    "a,b",
    "\x00",  # PostgreSQL refuses NUL in any text
]
# Lookups a person may type after a filter's field (`?area__gte=`), beside the filter's own parameters.
LOOKUPS = ["__gte", "__in", "__isnull"]


def _changelists():
    return sorted(
        (f"{model._meta.app_label}_{model._meta.model_name}", model_admin)
        for model, model_admin in admin.site._registry.items()
    )


CHANGELISTS = _changelists()


@pytest.fixture
def superuser(client):
    person = UserFactory(is_staff=True, is_superuser=True)
    verify_email(person)
    client.force_login(person)
    return person


def filter_parameters(model_admin, url, person) -> set[str]:
    """The parameters of the list's filters and its date drill-down, and a few lookups on each field."""
    request = RequestFactory().get(url)
    request.user = person
    changelist = model_admin.get_changelist_instance(request)
    parameters = {name for spec in changelist.filter_specs for name in spec.expected_parameters()}
    if model_admin.date_hierarchy:
        parameters |= {f"{model_admin.date_hierarchy}__{part}" for part in ("year", "month", "day")}
    for list_filter in model_admin.list_filter:
        # A field's name, (name, filter class), or a filter class of its own (its parameters are above).
        field = list_filter if isinstance(list_filter, str | type) else list_filter[0]
        if isinstance(field, str):
            parameters |= {field + lookup for lookup in LOOKUPS}
    return parameters


@pytest.mark.parametrize(("name", "model_admin"), CHANGELISTS, ids=[name for name, _admin in CHANGELISTS])
def test_a_malformed_filter_value_never_breaks_a_list(client, superuser, name, model_admin):
    url = reverse(f"admin:{name}_changelist")
    client.raise_request_exception = False  # a server error is counted below, not raised
    failures = []
    for parameter in sorted(filter_parameters(model_admin, url, superuser)):
        for value in MALFORMED:
            response = client.get(url, {parameter: value})
            if response.status_code not in (200, 302):
                failures.append((parameter, value, response.status_code))
            elif response.status_code == 302:
                assert "e=1" in response["Location"], (parameter, value, response["Location"])

    assert failures == []


def test_the_date_drill_down_still_filters_by_a_real_year(client, superuser):
    from tests.initiatives.factories import CommentFactory

    CommentFactory()

    response = client.get(reverse("admin:initiatives_comment_changelist"), {"created_at__year": "2001"})

    assert response.status_code == 200
    assert response.context["cl"].result_count == 0
