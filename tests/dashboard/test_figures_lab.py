"""The samenwerkingslab in figures: sessions held, people signed up, signals raised and resolved, and the
median days to resolve one. Counts only: no signal's words, nor who raised it, ever reach the council."""

import csv
import datetime
import io

import pytest

from lab.models import RegistrationStatus, SignalStatus
from tests.dashboard.helpers import CSV, INDEX, NOW, backdate, figure, local, numbers
from tests.initiatives.factories import InitiativeFactory, VerifiedUserFactory
from tests.lab.factories import LabSessionFactory, RegistrationFactory, SignalFactory, SignalMessageFactory
from tests.streams import text

pytestmark = pytest.mark.django_db

HOURS = datetime.timedelta(hours=2)


def session(starts_at, *, registered=0, waiting=0, cancelled=0, **kwargs):
    held = LabSessionFactory(starts_at=starts_at, ends_at=starts_at + HOURS, **kwargs)
    for status, count in (
        (RegistrationStatus.REGISTERED, registered),
        (RegistrationStatus.WAITING, waiting),
        (RegistrationStatus.CANCELLED, cancelled),
    ):
        RegistrationFactory.create_batch(count, session=held, status=status)
    return held


def signal(created, *, status=SignalStatus.NEW, closed=None, **kwargs):
    raised = SignalFactory(status=status, closed_at=closed, **kwargs)
    return backdate(raised, created_at=created)


@pytest.fixture
def lab_world():
    session(local(2025, 5, 1, 10), registered=3, waiting=1, cancelled=1)
    session(local(2025, 5, 2, 10), registered=2, is_published=False)
    session(NOW + datetime.timedelta(days=7), registered=4)  # still to come
    session(NOW - datetime.timedelta(hours=1), registered=5)  # going on right now: not held yet
    session(local(2024, 5, 1, 10), registered=2)  # before the period

    signal(local(2025, 2, 1), status=SignalStatus.RESOLVED, closed=local(2025, 2, 11))  # 10 days
    signal(local(2025, 3, 1), status=SignalStatus.RESOLVED, closed=local(2025, 3, 5))  # 4 days
    signal(local(2025, 4, 1), status=SignalStatus.CLOSED, closed=local(2025, 4, 2))  # closed, not resolved
    signal(
        local(2024, 5, 1), status=SignalStatus.RESOLVED, closed=local(2024, 7, 10)
    )  # 70 days, resolved in it
    signal(local(2025, 5, 1))
    signal(local(2025, 5, 2), status=SignalStatus.WITHDRAWN, closed=local(2025, 5, 3))
    signal(local(2024, 3, 1), status=SignalStatus.RESOLVED, closed=local(2024, 3, 2))  # wholly before


def test_lab_counts_sessions_held_participants_and_signals_in_the_period(lab_world):
    sessions, participants, raised, resolved, median = numbers(figure("samenwerkingslab"))

    assert sessions == 1
    assert participants == 3
    assert raised == 5
    assert resolved == 3
    assert median == 10.0  # of 10, 4 and 70 days


def test_lab_for_all_time(lab_world):
    assert numbers(figure("samenwerkingslab", {"periode": "alles"})) == [2, 5, 7, 4, 7.0]


def test_lab_is_for_the_whole_municipality_whatever_village_is_chosen(lab_world):
    assert numbers(figure("samenwerkingslab", {"gebied": "wehl"})) == numbers(figure("samenwerkingslab"))


def test_lab_without_resolved_signals_has_no_median():
    signal(local(2025, 5, 1))

    assert numbers(figure("samenwerkingslab")) == [0, 0, 1, 0, None]


SECRETS = [
    "Geheime ruzie met de wethouder",
    "Niemand mag weten dat de buurtvereniging",
    "Vertrouwelijk bericht aan de ombuds",
    "Mirjam Melder",
    "mirjam.melder@example.org",
]


@pytest.fixture
def confidential_signals():
    reporter = VerifiedUserFactory(display_name="Mirjam Melder", email="mirjam.melder@example.org")
    initiative = InitiativeFactory()
    raised = signal(
        local(2025, 5, 1),
        reporter=reporter,
        title="Geheime ruzie met de wethouder",
        description="Niemand mag weten dat de buurtvereniging dit meldt.",
        initiative=initiative,
        status=SignalStatus.RESOLVED,
        closed=local(2025, 5, 3),
    )
    SignalMessageFactory(signal=raised, body="Vertrouwelijk bericht aan de ombuds.")
    signal(local(2025, 5, 2), reporter=reporter, title="Geheime ruzie met de wethouder (2)")


@pytest.mark.parametrize(
    "params", [{}, {"periode": "alles"}, {"gebied": "wehl"}], ids=["default", "alles", "wehl"]
)
@pytest.mark.parametrize("url", [INDEX, CSV], ids=["page", "csv"])
def test_no_signal_title_text_or_reporter_ever_reaches_the_dashboard(
    council_client, confidential_signals, url, params
):
    response = council_client.get(url, params)

    assert response.status_code == 200
    body = text(response)
    for secret in SECRETS:
        assert secret not in body
    # ... while the signals are counted
    assert numbers(figure("samenwerkingslab", params))[2:4] == [2, 1]


def test_the_csv_has_the_signal_counts_as_numbers(council_client, confidential_signals):
    rows = list(csv.reader(io.StringIO(text(council_client.get(CSV)))))

    lab = [row for row in rows if row[0] == "samenwerkingslab"]
    assert [row[4] for row in lab] == ["0", "0", "2", "1", "2.0"]
