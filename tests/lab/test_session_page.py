"""A session's page (/samenwerkingslab/sessies/<slug>/) with the places left and one's own registration, and
its appointment as a calendar file (.ics). A session that is not published is not found anywhere."""

import pytest
from django.urls import reverse

from lab.models import Registration
from tests.lab.factories import LabSessionFactory, RegistrationFactory
from tests.lab.session_helpers import CANCELLED, WAITING, cancel_url, ics_url, signup_url, the_event

pytestmark = pytest.mark.django_db


# --- The session's page ------------------------------------------------------------------------------


def test_visitor_sees_a_published_session_with_its_places_left(client, session):
    RegistrationFactory(session=session)
    RegistrationFactory(session=session, status=WAITING)

    response = client.get(session.get_absolute_url())

    assert response.status_code == 200
    assert response.context["session"] == session
    assert response.context["places_left"] == 1
    assert response.context["registration"] is None
    assert response.context["can_sign_up"] is False  # anonymous: log in first
    content = response.content.decode()
    assert "Samen de wijkbegroting lezen" in content
    assert "Buurthuis De Huet" in content
    assert ics_url(session) in content


def test_full_session_has_no_places_left_and_never_a_negative_number(client, session):
    RegistrationFactory.create_batch(2, session=session)
    session.capacity = 1
    session.save()

    assert client.get(session.get_absolute_url()).context["places_left"] == 0


def test_resident_sees_their_own_registration(client, user, session):
    mine = RegistrationFactory(session=session, user=user, status=WAITING)
    client.force_login(user)

    response = client.get(session.get_absolute_url())

    assert response.context["registration"] == mine
    assert cancel_url(session) in response.content.decode()


def test_cancelled_registration_is_not_shown_as_a_registration(client, user, session):
    RegistrationFactory(session=session, user=user, status=CANCELLED)
    client.force_login(user)

    response = client.get(session.get_absolute_url())

    assert response.context["registration"] is None
    assert response.context["can_sign_up"] is True
    assert signup_url(session) in response.content.decode()


@pytest.mark.parametrize("path", ["session_detail", "session_signup", "session_cancel", "session_calendar"])
def test_unpublished_session_is_not_found_anywhere(client, user, path):
    hidden = LabSessionFactory(unpublished=True)
    client.force_login(user)
    url = reverse(f"lab:{path}", kwargs={"slug": hidden.slug})

    response = client.post(url) if path in ("session_signup", "session_cancel") else client.get(url)

    assert response.status_code == 404
    assert not Registration.objects.exists()


def test_unknown_session_is_not_found(client):
    assert client.get(reverse("lab:session_detail", kwargs={"slug": "bestaat-niet"})).status_code == 404


def test_session_page_queries_stay_constant_with_many_registrations(
    client, user, session, django_assert_num_queries, count_queries
):
    client.force_login(user)
    RegistrationFactory(session=session, user=user)
    baseline = count_queries(lambda: client.get(session.get_absolute_url()))
    session.capacity = 30
    session.save()
    RegistrationFactory.create_batch(10, session=session)
    RegistrationFactory.create_batch(5, session=session, status=WAITING)

    with django_assert_num_queries(baseline):
        response = client.get(session.get_absolute_url())
    assert response.context["places_left"] == 30 - 11


# --- The calendar file ---------------------------------------------------------------------------------


def test_calendar_file_is_a_download_of_the_session(client, session):
    response = client.get(ics_url(session))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert response["Content-Disposition"] == 'attachment; filename="wijkbegroting.ics"'
    event = the_event(response.content)
    assert event.decoded("dtstart") == session.starts_at
    assert event.decoded("dtend") == session.ends_at
    assert str(event["location"]) == session.place
    assert str(event["summary"]) == session.topic


def test_calendar_file_of_an_unknown_session_is_not_found(client):
    assert client.get(reverse("lab:session_calendar", kwargs={"slug": "bestaat-niet"})).status_code == 404


def test_every_session_has_its_own_calendar_uid(client, session):
    other = LabSessionFactory()

    uids = {str(the_event(client.get(ics_url(s)).content)["uid"]) for s in (session, other)}

    assert len(uids) == 2
