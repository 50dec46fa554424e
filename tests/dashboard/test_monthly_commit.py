"""The monthly counts are added when a write commits (dashboard/monthly.py), each row by a statement of its
own, so no count row stays locked while the write goes on: a write that rolls back adds nothing. This test
commits for real (a transactional test: the site's way, not the at-once way of the other tests)."""

import pytest
from django.db import connections, transaction

from dashboard.models import Measure
from dashboard.monthly import totals
from tests.concurrency import load_reference_data
from tests.initiatives.factories import InitiativeFactory, SupportFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(scope="module", autouse=True)
def _reference_data_back_afterwards(django_db_setup, django_db_blocker):
    yield
    with django_db_blocker.unblock():
        load_reference_data()


@pytest.fixture(autouse=True)
def _reference_data():
    load_reference_data()
    yield
    connections.close_all()


def supporters() -> int:
    return sum(totals(Measure.SUPPORT).values())


class RolledBack(Exception):
    pass


def test_a_support_is_counted_when_it_commits_and_not_when_it_rolls_back():
    initiative = InitiativeFactory()

    with transaction.atomic():
        SupportFactory(initiative=initiative)
        assert supporters() == 0  # worked out, not yet added
    assert supporters() == 1

    with pytest.raises(RolledBack), transaction.atomic():
        SupportFactory(initiative=initiative)
        raise RolledBack

    assert supporters() == 1
