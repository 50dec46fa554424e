"""Fixtures the initiatives tests share: a throw-away folder for uploaded photos, an area to register an
initiative in, a published initiative with its team signed in, and the civil servants who moderate."""

import pytest

from accounts.roles import Role
from tests.accounts.factories import staff_in_role
from tests.initiatives.factories import InitiativeFactory
from tests.initiatives.log_help_helpers import team_member_of
from tests.places.factories import AreaFactory


@pytest.fixture
def media_root(settings, tmp_path):
    """Uploaded photos go to a throw-away folder."""
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def area(db):
    return AreaFactory()


@pytest.fixture
def initiative(db):
    """A published initiative (modules that need another one override this)."""
    return InitiativeFactory()


@pytest.fixture
def team_client(client, initiative):
    """The client, signed in as the initiator of `initiative`."""
    client.force_login(team_member_of(initiative))
    return client


@pytest.fixture
def moderator(db):
    return staff_in_role(Role.MODERATOR, display_name="Anne Ambtenaar", public_role="wijkregisseur De Huet")


@pytest.fixture
def moderator_client(client, moderator):
    client.force_login(moderator)
    return client


@pytest.fixture
def council_client(client):
    client.force_login(staff_in_role(Role.COUNCIL))
    return client
