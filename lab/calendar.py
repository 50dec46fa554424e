"""A lab session as an iCalendar file (RFC 5545), for the confirmation email and the download link."""

from django.conf import settings
from icalendar import Calendar, Event

from core.mail import site_url


def session_ics(session) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//Samenwerken in Doetinchem//loket//NL")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    event = Event()
    event.add("uid", f"labsessie-{session.pk}@{settings.SITE_URL.split('//')[-1].split('/')[0]}")
    event.add("summary", session.topic)
    event.add("dtstart", session.starts_at)
    event.add("dtend", session.ends_at)
    event.add("dtstamp", session.updated_at)
    event.add("location", session.place)
    event.add("url", site_url(session.get_absolute_url()))
    event.add("description", f"{session.description}\n\n{site_url(session.get_absolute_url())}")
    calendar.add_component(event)
    return calendar.to_ical()
