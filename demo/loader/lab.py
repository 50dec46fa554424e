"""The samenwerkingslab from the data: lab sessions with their sign-ups and reports, and signals with their
conversation between the person who raised it and the ombuds. data/lab.yaml holds what the lab has now
(sessions to come, the last one held, a signal in progress); data/history_lab.yaml the sessions and
signals of the last twenty months. Idempotent: a session whose topic exists, or a signal whose title
exists, is left as it is.

Who signed up for a session, where the data gives a number of participants, is drawn by a generator
seeded with the session's topic.
"""

import datetime
from random import Random

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from initiatives.models import Initiative
from lab.models import LabSession, Registration, RegistrationStatus, Signal, SignalMessage, SignalStatus

from .dates import Clock, backdate, spread
from .files import read, text
from .people import residents

EVENING = datetime.time(19, 30)
RAISED = datetime.time(20, 0)
OFFICE_HOURS = datetime.time(10, 0)
DURATION = datetime.timedelta(hours=2)
ANNOUNCED = datetime.timedelta(weeks=5)  # a session is on the site this long before it starts
REPORT_WRITTEN = datetime.timedelta(days=2)  # and its report follows this long after
# Sessions are held on a Tuesday, Wednesday or Thursday evening: a date in the data on another weekday
# moves to the nearest of those (Friday and Saturday back to Thursday, Sunday and Monday on to Tuesday).
WEEKDAY_SHIFT = {4: -1, 5: -2, 6: 2, 0: 1}


def _starts(clock: Clock, when: str) -> datetime.datetime:
    starts = clock.ahead(when, EVENING)
    shift = WEEKDAY_SHIFT.get(timezone.localtime(starts).weekday(), 0)
    return starts + datetime.timedelta(days=shift)


def _unique_slug(topic: str, starts: datetime.datetime) -> str:
    slug = slugify(topic)[:170]
    if LabSession.objects.filter(slug=slug).exists():
        slug = f"{slug[:160]}-{starts:%Y-%m}"
    return slug


def _add_session(data: dict, *, people: dict, clock: Clock) -> LabSession:
    starts = _starts(clock, data["starts"])
    session = LabSession.objects.create(
        topic=text(data["topic"]),
        slug=_unique_slug(text(data["topic"]), starts),
        description=text(data["description"]),
        starts_at=starts,
        ends_at=starts + DURATION,
        place=data["place"],
        capacity=data["capacity"],
        is_published=True,
        host=people[data.get("host", "olga")],
        report=text(data.get("report")),
    )
    announced = min(starts - ANNOUNCED, clock.now)
    written = min(starts + REPORT_WRITTEN, clock.now) if session.report else announced
    backdate(session, created_at=announced, updated_at=written)

    registered, waiting = list(data.get("registered", [])), list(data.get("waiting", []))
    if "participants" in data:
        everyone = [person.key for person in residents()]
        rng = Random(session.topic)  # noqa: S311 - the same demo on every run, not security
        registered = rng.sample(everyone, min(data["participants"], session.capacity))
    statuses = [RegistrationStatus.REGISTERED] * len(registered) + [RegistrationStatus.WAITING] * len(waiting)
    registrations = Registration.objects.bulk_create(
        Registration(session=session, user=people[key], status=status)
        for key, status in zip(registered + waiting, statuses, strict=True)
    )
    signed_up = spread(announced, min(starts - datetime.timedelta(hours=2), clock.now), len(registrations))
    for registration, moment in zip(registrations, signed_up, strict=True):
        registration.created_at = registration.requested_at = moment
    if registrations:
        Registration.objects.bulk_update(registrations, ["created_at", "requested_at"])
    return session


def load_sessions(sessions: list[dict], *, people: dict, clock: Clock) -> int:
    """Add the sessions whose topic does not exist yet; returns how many."""
    existing = set(LabSession.objects.values_list("topic", flat=True))
    added = [
        _add_session(data, people=people, clock=clock)
        for data in sessions
        if text(data["topic"]) not in existing
    ]
    return len(added)


def _add_signal(data: dict, *, people: dict, clock: Clock) -> Signal:
    initiative = Initiative.objects.filter(slug=data.get("initiative") or "").first()
    if data.get("by"):
        reporter = people[data["by"]]
    elif initiative is not None:
        reporter = initiative.created_by
    else:
        raise ValueError(f"signal {data['title']!r}: say who raised it (by) or about which initiative")
    status = SignalStatus(data["status"])
    signal = Signal.objects.create(
        reporter=reporter,
        title=text(data["title"]),
        description=text(data["description"]),
        initiative=initiative,
        status=status,
        closed_at=clock.at(data.get("closed"), OFFICE_HOURS),
    )
    raised = clock.at(data["raised"], RAISED)
    moments = [raised]
    for said in data.get("messages", []):
        from_ombuds = said["from"] == "ombuds"
        message = SignalMessage.objects.create(
            signal=signal,
            author=people["olga"] if from_ombuds else reporter,
            from_ombuds=from_ombuds,
            body=text(said["text"]),
        )
        moments.append(backdate(message, created_at=clock.at(said["at"], OFFICE_HOURS)).created_at)
    backdate(signal, created_at=raised, updated_at=max(moments))
    return signal


def load_signals(signals: list[dict], *, people: dict, clock: Clock) -> int:
    """Add the signals whose title does not exist yet; returns how many."""
    existing = set(Signal.objects.values_list("title", flat=True))
    added = [
        _add_signal(data, people=people, clock=clock)
        for data in signals
        if text(data["title"]) not in existing
    ]
    return len(added)


@transaction.atomic
def load_lab(*, people: dict, clock: Clock) -> int:
    """The lab as it is now (data/lab.yaml); returns how many sessions were added."""
    data = read("lab")
    load_signals(data["signals"], people=people, clock=clock)
    return load_sessions(data["sessions"], people=people, clock=clock)


@transaction.atomic
def load_lab_history(*, people: dict, clock: Clock) -> tuple[int, int]:
    """The lab's last twenty months (data/history_lab.yaml); returns how many sessions and signals were
    added."""
    data = read("history_lab")
    sessions = load_sessions(data["sessions"], people=people, clock=clock)
    return sessions, load_signals(data["signals"], people=people, clock=clock)
