"""Fixtures for the moderation tests: moderators (two, since an appeal goes to another one than the
moderator who decided) and the other staff roles, which may not moderate."""

import pytest

from accounts.roles import Role
from tests.accounts.factories import staff_in_role


@pytest.fixture
def moderator(db):
    return staff_in_role(Role.MODERATOR, display_name="Mira Moderator")


@pytest.fixture
def second_moderator(db):
    return staff_in_role(Role.MODERATOR, display_name="Otto Tweede")


@pytest.fixture
def council_member(db):
    return staff_in_role(Role.COUNCIL, display_name="Raadslid Rutger")


@pytest.fixture
def editor(db):
    return staff_in_role(Role.EDITOR, display_name="Redacteur Rosa")


@pytest.fixture
def moderator_client(client, moderator):
    client.force_login(moderator)
    return client


@pytest.fixture
def threshold_of_two(settings):
    """Two people reporting the same item hide it until a moderator has looked."""
    settings.MODERATION_REPORT_THRESHOLD = 2
    return 2
