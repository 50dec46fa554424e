"""Many people supporting, withdrawing and leaving at the same moment: the stored number of supporters
still equals the Support rows, because each change adds its own one in the database (`F()`) instead of
writing back a number it read. Each call runs in its own thread with its own connection, so this needs
PostgreSQL's row locks: on SQLite the whole database is locked on writing, and threads sharing the
in-memory test database trip over that (CI runs the suite on PostgreSQL too).

The test commits its data, so other connections (the threads) see it, and pytest-django empties every
table afterwards: the villages, flywheels, pages and role groups the migrations loaded go too, and are
loaded again once the table-emptying is done, for whatever runs next."""

import pytest
from django.db import connection, connections

from accounts.models import User
from accounts.services import user_delete
from dashboard.models import Measure
from dashboard.monthly import totals as monthly_totals
from initiatives.models import Initiative, Support
from initiatives.services.participation import support_add, support_withdraw
from tests.concurrency import at_the_same_moment, errors_of, load_reference_data
from tests.initiatives.factories import InitiativeFactory, VerifiedUserFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="row locks are PostgreSQL's; CI runs the suite on PostgreSQL too",
    ),
]


@pytest.fixture(scope="module", autouse=True)
def _reference_data_back_afterwards(django_db_setup, django_db_blocker):
    yield
    with django_db_blocker.unblock():
        load_reference_data()


@pytest.fixture(autouse=True)
def _reference_data():
    load_reference_data()
    yield
    connections.close_all()  # no thread's connection may hold a lock while the tables are emptied


def fresh(person):
    return User.objects.get(pk=person.pk)


def test_supports_withdrawals_and_a_deleted_account_at_once_leave_the_count_equal_to_the_rows():
    initiative = InitiativeFactory()
    newcomers = VerifiedUserFactory.create_batch(8)
    withdrawing = VerifiedUserFactory.create_batch(2)
    leaving = VerifiedUserFactory()
    for person in [*withdrawing, leaving]:
        support_add(initiative=initiative, user=person)

    def supports(person):
        return lambda: support_add(initiative=Initiative.objects.get(pk=initiative.pk), user=fresh(person))

    def withdraws(person):
        return lambda: support_withdraw(
            initiative=Initiative.objects.get(pk=initiative.pk), user=fresh(person)
        )

    errors = errors_of(
        at_the_same_moment(
            *[supports(person) for person in newcomers],
            *[withdraws(person) for person in withdrawing],
            lambda: user_delete(user=fresh(leaving)),
        )
    )

    assert errors == []
    assert Support.objects.filter(initiative=initiative).count() == len(newcomers)
    assert Initiative.objects.get(pk=initiative.pk).support_count == len(newcomers)
    # The dashboard's monthly count of supporters, added as each write committed, agrees too.
    assert sum(monthly_totals(Measure.SUPPORT).values()) == len(newcomers)


def test_one_person_clicking_support_twice_at_once_is_counted_once():
    initiative, resident = InitiativeFactory(), VerifiedUserFactory()

    errors = errors_of(
        at_the_same_moment(
            *[lambda: support_add(initiative=Initiative.objects.get(pk=initiative.pk), user=fresh(resident))]
            * 3
        )
    )

    assert errors == []
    assert Initiative.objects.get(pk=initiative.pk).support_count == 1
    assert Support.objects.filter(initiative=initiative).count() == 1
