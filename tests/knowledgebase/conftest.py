"""Fixtures for the knowledge base tests: editors, who write articles and analyses in the management site
and hear of suggested examples, and a throw-away place for the photos and files that get uploaded."""

import pytest

from accounts.roles import Role
from tests.accounts.factories import staff_in_role


@pytest.fixture
def editor(db):
    return staff_in_role(Role.EDITOR, display_name="Eva Redacteur")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def editors(db):
    """Two editors: a suggested example is mailed to each of them."""
    return [staff_in_role(Role.EDITOR), staff_in_role(Role.EDITOR)]


@pytest.fixture
def stored_files_in_tmp(settings, tmp_path):
    """Photos (MEDIA_ROOT) and documents (DOCUMENTS_ROOT) go to a throw-away folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.DOCUMENTS_ROOT = tmp_path / "documents"
