"""Signing up for a session and cancelling. Places are limited: who comes after the last one goes on the
waiting list, and a place that comes free goes to whoever has waited longest, with an email and the
appointment for their calendar (.ics). Only a person with a confirmed address, not blocked, for a session
still ahead."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from lab.models import Registration
from lab.services import registration_cancel, registration_signup
from tests.accounts.factories import UserFactory
from tests.initiatives.factories import VerifiedUserFactory
from tests.lab.factories import LabSessionFactory, RegistrationFactory
from tests.lab.session_helpers import (
    CANCELLED,
    REGISTERED,
    WAITING,
    calendar_attachments,
    cancel,
    cancel_url,
    sign_up,
    signup_url,
    status_of,
    the_event,
)

pytestmark = pytest.mark.django_db


# --- Signing up: who may ---------------------------------------------------------------------------


def test_signing_up_takes_a_post(client, user, session):
    client.force_login(user)

    assert client.get(signup_url(session)).status_code == 405
    assert client.get(cancel_url(session)).status_code == 405
    assert not Registration.objects.exists()


@pytest.mark.parametrize("path", ["session_signup", "session_cancel"])
def test_anonymous_visitor_is_sent_to_log_in(client, session, path):
    response = client.post(reverse(f"lab:{path}", kwargs={"slug": session.slug}))

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert not Registration.objects.exists()


def test_person_without_confirmed_email_cannot_sign_up(client, session, mailoutbox):
    response = sign_up(client, UserFactory(), session)

    assert response.status_code == 403
    assert not Registration.objects.exists()
    assert mailoutbox == []


def test_blocked_person_cannot_sign_up(client, session):
    blocked = VerifiedUserFactory(blocked_at=timezone.now())

    assert sign_up(client, blocked, session).status_code == 403
    assert not Registration.objects.exists()


def test_past_session_cannot_be_signed_up_for(client, user):
    past = LabSessionFactory(past=True)

    assert sign_up(client, user, past).status_code == 403
    assert not Registration.objects.exists()


def test_service_refuses_a_past_session_too(user):
    past = LabSessionFactory(past=True)

    with pytest.raises(PermissionDenied):
        registration_signup(session=past, user=user)
    assert not Registration.objects.exists()


# --- Places and the waiting list ----------------------------------------------------------------------


def test_resident_signs_up_and_is_emailed_the_appointment(
    client, user, session, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = sign_up(client, user, session)

    assert response.status_code == 302
    assert response.url == session.get_absolute_url()
    assert status_of(user, session) == REGISTERED
    [mail] = mailoutbox
    assert mail.to == [user.email]
    assert "Samen de wijkbegroting lezen" in mail.subject
    assert "Buurthuis De Huet, Sint Jorisstraat 2" in mail.body
    assert session.get_absolute_url() in mail.body
    [(filename, _content, mimetype)] = calendar_attachments(mail)
    assert (filename, mimetype) == ("wijkbegroting.ics", "text/calendar")


def test_confirmation_attachment_is_a_calendar_event_with_the_right_time_and_place(
    client, user, session, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        sign_up(client, user, session)

    [(_filename, content, _mimetype)] = calendar_attachments(mailoutbox[0])
    event = the_event(content)
    assert event.decoded("dtstart") == session.starts_at
    assert event.decoded("dtend") == session.ends_at
    assert str(event["location"]) == "Buurthuis De Huet, Sint Jorisstraat 2"
    assert str(event["summary"]) == "Samen de wijkbegroting lezen"
    assert session.get_absolute_url() in str(event["url"])


def test_places_are_limited_and_the_next_person_gets_the_waiting_list(
    client, people, session, mailoutbox, django_capture_on_commit_callbacks
):
    first, second, third = people[:3]

    with django_capture_on_commit_callbacks(execute=True):
        for person in (first, second, third):
            assert sign_up(client, person, session).status_code == 302

    assert [status_of(person, session) for person in (first, second, third)] == [
        REGISTERED,
        REGISTERED,
        WAITING,
    ]
    assert [mail.to for mail in mailoutbox] == [[first.email], [second.email], [third.email]]
    assert calendar_attachments(mailoutbox[2]) == []  # no appointment without a place
    assert "Samen de wijkbegroting lezen" in mailoutbox[2].subject


def test_cancelling_gives_the_place_to_who_asked_first_and_emails_them_the_appointment(
    client, people, session, mailoutbox, django_capture_on_commit_callbacks
):
    leaving, staying, asked_later, asked_earlier = people
    RegistrationFactory(session=session, user=leaving)
    RegistrationFactory(session=session, user=staying)
    now = timezone.now()
    # Created first (lower id), but asked later: the waiting list goes by when someone asked.
    RegistrationFactory(session=session, user=asked_later, status=WAITING, requested_at=now)
    RegistrationFactory(
        session=session,
        user=asked_earlier,
        status=WAITING,
        requested_at=now - datetime.timedelta(hours=1),
    )

    with django_capture_on_commit_callbacks(execute=True):
        response = cancel(client, leaving, session)

    assert response.status_code == 302
    assert status_of(leaving, session) == CANCELLED
    assert status_of(asked_earlier, session) == REGISTERED
    assert status_of(asked_later, session) == WAITING
    [mail] = mailoutbox
    assert mail.to == [asked_earlier.email]
    [(filename, content, _mimetype)] = calendar_attachments(mail)
    assert filename == "wijkbegroting.ics"
    assert the_event(content).decoded("dtstart") == session.starts_at


def test_leaving_the_waiting_list_gives_nobody_a_place(
    client, people, session, mailoutbox, django_capture_on_commit_callbacks
):
    first, second, waiting, also_waiting = people
    for person in (first, second):
        RegistrationFactory(session=session, user=person)
    RegistrationFactory(session=session, user=waiting, status=WAITING)
    RegistrationFactory(session=session, user=also_waiting, status=WAITING)

    with django_capture_on_commit_callbacks(execute=True):
        cancel(client, waiting, session)

    assert status_of(waiting, session) == CANCELLED
    assert status_of(also_waiting, session) == WAITING
    assert mailoutbox == []


def test_cancelling_without_a_registration_changes_nothing(client, user, session, mailoutbox):
    response = cancel(client, user, session)

    assert response.status_code == 302
    assert not Registration.objects.exists()
    assert registration_cancel(session=session, user=user) is None


def test_signing_up_twice_changes_nothing(
    client, user, session, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        sign_up(client, user, session)
    registration = Registration.objects.get()

    with django_capture_on_commit_callbacks(execute=True):
        response = sign_up(client, user, session)

    assert response.status_code == 302
    again = Registration.objects.get()
    assert (again.pk, again.status, again.requested_at) == (
        registration.pk,
        REGISTERED,
        registration.requested_at,
    )
    assert len(mailoutbox) == 1


def test_waiting_person_signing_up_again_keeps_their_place_in_the_queue(client, people, session):
    first, second, waiting, _other = people
    for person in (first, second):
        RegistrationFactory(session=session, user=person)
    earlier = timezone.now() - datetime.timedelta(days=1)
    RegistrationFactory(session=session, user=waiting, status=WAITING, requested_at=earlier)

    sign_up(client, waiting, session)

    registration = Registration.objects.get(user=waiting)
    assert (registration.status, registration.requested_at) == (WAITING, earlier)


def test_cancelling_and_signing_up_again_goes_to_the_back_of_the_queue(
    client, people, session, mailoutbox, django_capture_on_commit_callbacks
):
    session.capacity = 1
    session.save()
    holder, fickle, patient, _other = people
    for person in (holder, fickle, patient):
        sign_up(client, person, session)
    assert [status_of(p, session) for p in (holder, fickle, patient)] == [REGISTERED, WAITING, WAITING]

    cancel(client, fickle, session)
    sign_up(client, fickle, session)
    assert status_of(fickle, session) == WAITING
    assert Registration.objects.filter(user=fickle).count() == 1  # the same row, asked again
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        cancel(client, holder, session)

    assert status_of(patient, session) == REGISTERED
    assert status_of(fickle, session) == WAITING
    assert [mail.to for mail in mailoutbox] == [[patient.email]]


def test_cancelled_person_signing_up_again_gets_a_free_place(client, user, session):
    RegistrationFactory(session=session, user=user, status=CANCELLED)

    sign_up(client, user, session)

    assert status_of(user, session) == REGISTERED
    assert Registration.objects.count() == 1


def test_place_freed_after_the_session_goes_to_nobody(people):
    past = LabSessionFactory(past=True, capacity=1)
    holder, waiting = people[:2]
    RegistrationFactory(session=past, user=holder)
    RegistrationFactory(session=past, user=waiting, status=WAITING)

    registration_cancel(session=past, user=holder)

    assert status_of(waiting, past) == WAITING


def test_signing_up_too_often_is_limited(client, user, settings):
    settings.LOKET_POSTING_RATES = {"lab_signup": "2/h"}
    sessions = LabSessionFactory.create_batch(3)

    for session in sessions:
        assert sign_up(client, user, session).status_code == 302

    assert Registration.objects.filter(user=user).count() == 2
