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


@pytest.fixture(autouse=True)
def _figures_drawn_each_time(request, monkeypatch):
    """The tests read the figures from the page's context, which only a page that draws them has: here the
    drawn figures are not kept (dashboard.cache.rendered_for), except in tests marked `figures_html_kept`."""
    if request.node.get_closest_marker("figures_html_kept") is None:
        monkeypatch.setattr("dashboard.views.rendered_for", lambda scope, render: render())


@pytest.fixture
def council_member(db):
    return staff_in_role(Role.COUNCIL, display_name="Raadslid Rian")


@pytest.fixture
def council_client(client, council_member):
    client.force_login(council_member)
    return client
