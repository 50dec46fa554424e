"""The dashboard's tests run at a fixed moment (helpers.NOW), so every period has known bounds."""

import pytest
import time_machine

from accounts.roles import Role
from tests.accounts.factories import staff_in_role
from tests.dashboard.helpers import NOW


@pytest.fixture(autouse=True)
def _frozen_now():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def council_member(db):
    return staff_in_role(Role.COUNCIL, display_name="Raadslid Rian")


@pytest.fixture
def council_client(client, council_member):
    client.force_login(council_member)
    return client
