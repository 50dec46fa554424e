"""People the samenwerkingslab tests share: the ombuds, who reads every signal, and a reporter."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.roles import Role
from tests.accounts.factories import staff_in_role
from tests.initiatives.factories import VerifiedUserFactory


@pytest.fixture
def ombuds(db):
    return staff_in_role(Role.OMBUDS, display_name="Olga Ombuds")


@pytest.fixture
def reporter(db):
    return VerifiedUserFactory(display_name="Rosa Melder")


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)
