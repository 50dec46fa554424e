"""Fixtures for the moderation tests: moderators (two, since an appeal goes to another one than the
moderator who decided), the other staff roles, which may not moderate, and a hidden comment appealed."""

import pytest

from accounts.roles import Role
from moderation.services import appeal_create, item_hide
from tests.accounts.factories import staff_in_role
from tests.initiatives.factories import CommentFactory


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


@pytest.fixture
def appealed(moderator):
    """A comment the moderator hid, and its author appealed against."""
    comment = CommentFactory()
    action = item_hide(item=comment, by=moderator, reason="Niet netjes.")
    appeal_create(action=action, by=comment.author, message="Ik bedoelde het grappig.")
    return comment
