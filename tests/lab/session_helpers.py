"""Shared by the tests of a session's page, signing up and cancelling: the addresses, signing up or
cancelling as someone, a registration's status, and the appointment in a calendar file or an email."""

from django.urls import reverse
from icalendar import Calendar

from lab.models import Registration, RegistrationStatus

REGISTERED = RegistrationStatus.REGISTERED
WAITING = RegistrationStatus.WAITING
CANCELLED = RegistrationStatus.CANCELLED


def signup_url(session):
    return reverse("lab:session_signup", kwargs={"slug": session.slug})


def cancel_url(session):
    return reverse("lab:session_cancel", kwargs={"slug": session.slug})


def ics_url(session):
    return reverse("lab:session_calendar", kwargs={"slug": session.slug})


def sign_up(client, person, session):
    client.force_login(person)
    return client.post(signup_url(session))


def cancel(client, person, session):
    client.force_login(person)
    return client.post(cancel_url(session))


def status_of(person, session):
    return Registration.objects.get(user=person, session=session).status


def the_event(ics: bytes):
    [event] = Calendar.from_ical(ics).walk("VEVENT")
    return event


def calendar_attachments(mail):
    return [attachment for attachment in mail.attachments if attachment[2] == "text/calendar"]
