"""People and things the samenwerkingslab tests share: the ombuds, who reads every signal (and a second
one), a reporter with a signal, and a session with two places and four people who want one."""

import pytest

from accounts.roles import Role
from tests.accounts.factories import staff_in_role
from tests.initiatives.factories import VerifiedUserFactory
from tests.lab.factories import LabSessionFactory, SignalFactory
from tests.lab.signal_helpers import DESCRIPTION, TITLE


@pytest.fixture
def ombuds(db):
    return staff_in_role(Role.OMBUDS, display_name="Olga Ombuds")


@pytest.fixture
def second_ombuds(db):
    return staff_in_role(Role.OMBUDS, display_name="Otto Ombuds")


@pytest.fixture
def reporter(db):
    return VerifiedUserFactory(display_name="Rosa Melder")


@pytest.fixture
def signal(reporter):
    return SignalFactory(reporter=reporter, title=TITLE, description=DESCRIPTION)


@pytest.fixture
def session(db):
    """A published session ahead, with two places (test_report.py has a past one with a report)."""
    return LabSessionFactory(
        topic="Samen de wijkbegroting lezen",
        slug="wijkbegroting",
        place="Buurthuis De Huet, Sint Jorisstraat 2",
        capacity=2,
    )


@pytest.fixture
def people(db):
    return VerifiedUserFactory.create_batch(4)
