"""/livez: alive without asking the database; the benchmark's bare Django view."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_livez_answers_without_a_single_query(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get(reverse("liveness_check"))

    assert response.status_code == 200
    assert response.content == b"ok"
    assert "no-cache" in response["Cache-Control"]


def test_livez_answers_a_signed_in_person_without_a_query_too(client, user, django_assert_num_queries):
    """The session is read only when something asks for it; a benchmark with a cookie stays bare."""
    client.force_login(user)

    with django_assert_num_queries(0):
        assert client.get(reverse("liveness_check")).status_code == 200


def test_livez_refuses_post(client):
    assert client.post(reverse("liveness_check")).status_code == 405
