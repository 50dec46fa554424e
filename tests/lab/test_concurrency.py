"""Two people taking the last place at the same moment: the session's row is locked while places are
counted, so one gets the place and the other the waiting list. Row locks are PostgreSQL's: on SQLite
the whole database is locked on writing, and threads sharing the in-memory test database trip over that,
so this runs on PostgreSQL only (CI runs the suite on both).

The test commits its data, so other connections (the threads) see it, and pytest-django empties every
table afterwards: the villages, flywheels, pages and role groups the migrations loaded go too. They are
loaded at the start and loaded again once the table-emptying is done, for whatever runs next."""

import threading
import time

import pytest
from django.db import connection, connections

from lab import services
from lab.models import Registration, RegistrationStatus
from tests.concurrency import load_reference_data
from tests.initiatives.factories import VerifiedUserFactory
from tests.lab.factories import LabSessionFactory, RegistrationFactory

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="row locks are PostgreSQL's; CI runs the suite on PostgreSQL too",
)


@pytest.fixture(scope="module")
def _reference_data_reloaded_afterwards(django_db_setup, django_db_blocker):
    # Module-scoped, so its end comes after the transactional test's own end, which empties the tables.
    yield
    with django_db_blocker.unblock():
        load_reference_data()


@pytest.fixture
def committed_data(_reference_data_reloaded_afterwards, transactional_db):
    load_reference_data()
    yield
    connections.close_all()  # no thread's connection may hold a lock while the tables are emptied


@pytest.fixture
def slow_between_counting_and_saving(monkeypatch):
    """Widen the gap between counting the places and saving the registration, so that without the lock
    both would count the same free place every time, not just now and then."""
    real_now = services.timezone.now

    class SlowClock:
        @staticmethod
        def now():
            time.sleep(0.3)
            return real_now()

    monkeypatch.setattr(services, "timezone", SlowClock)


def test_two_people_taking_the_last_place_at_once_leave_one_registered_and_one_waiting(
    committed_data, slow_between_counting_and_saving
):
    session = LabSessionFactory(capacity=2)
    RegistrationFactory(session=session)
    rivals = VerifiedUserFactory.create_batch(2)
    start = threading.Barrier(len(rivals))
    outcomes, errors = {}, []

    def sign_up(person):
        try:
            start.wait(timeout=10)
            outcomes[person.pk] = services.registration_signup(session=session, user=person).status
        except Exception as error:  # reported below, in the test's own thread
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=sign_up, args=(person,)) for person in rivals]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert errors == []
    assert sorted(outcomes.values()) == [RegistrationStatus.REGISTERED, RegistrationStatus.WAITING]
    registered = Registration.objects.filter(session=session, status=RegistrationStatus.REGISTERED)
    assert registered.count() == session.capacity
    assert Registration.objects.filter(session=session, status=RegistrationStatus.WAITING).count() == 1
