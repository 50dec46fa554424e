"""People the samenwerkingslab tests share: the ombuds, who reads every signal, and a reporter."""

import pytest

from accounts.roles import Role
from tests.accounts.factories import staff_in_role
from tests.initiatives.factories import VerifiedUserFactory


@pytest.fixture
def ombuds(db):
    return staff_in_role(Role.OMBUDS, display_name="Olga Ombuds")


@pytest.fixture
def reporter(db):
    return VerifiedUserFactory(display_name="Rosa Melder")
