"""Who sees a session of the samenwerkingslab in every state: for every role, on the site (its page and the
lab's front page) and in the management site (its list and its page). A published session is for everyone
on the site; one not published yet is only in the management site, for the ombuds who prepare it (and
superusers). Sessions are not in the open data. Signals have their own, stricter table:
tests/lab/test_signal_confidentiality.py."""

import pytest
from django.urls import reverse

from tests.accounts.visibility import EVERYONE, NOBODY, admin_shows, page_opens, page_shows, people, who
from tests.lab.factories import LabSessionFactory

pytestmark = pytest.mark.django_db

LAB_HOSTS = frozenset({"ombuds", "superuser"})
STATES = {
    "upcoming": {},
    "past": {"past": True},
    "upcoming, not published": {"unpublished": True},
    "past, not published": {"unpublished": True, "past": True},
}
# way in -> state -> who sees the session.
SESSION = {
    "site": {state: NOBODY if "not published" in state else EVERYONE for state in STATES},
    "admin": dict.fromkeys(STATES, LAB_HOSTS),
}


@pytest.fixture
def everyone():
    return people()


@pytest.mark.parametrize("state", list(STATES))
def test_who_sees_a_lab_session_on_the_site(client, everyone, state):
    session = LabSessionFactory(topic=f"Labsessie zichtbaar {state}", **STATES[state])

    def sees(c):
        on_its_page = page_opens(c, session.get_absolute_url())
        assert on_its_page == page_shows(c, reverse("lab:index"), session.topic)
        return on_its_page

    assert who(client, everyone, sees) == SESSION["site"][state]


@pytest.mark.parametrize("state", list(STATES))
def test_who_sees_a_lab_session_in_the_management_site(client, everyone, state):
    session = LabSessionFactory(**STATES[state])

    assert who(client, everyone, lambda c: admin_shows(c, session)) == SESSION["admin"][state]
