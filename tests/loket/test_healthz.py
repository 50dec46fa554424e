from unittest import mock

import pytest
from django.db import DatabaseError, connection
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_monitoring_gets_200_json_when_the_database_answers(client):
    response = client.get(reverse("health_check"))

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_monitoring_gets_503_json_when_the_database_fails(client):
    with mock.patch.object(connection, "cursor", side_effect=DatabaseError("database is gone")):
        response = client.get(reverse("health_check"))

    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "unavailable"}


def test_healthz_refuses_post(client):
    assert client.post(reverse("health_check")).status_code == 405
