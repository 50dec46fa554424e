"""The samenwerkingslab of the scale data set: sessions over the years and a few to come, with their
sign-ups, and confidential signals with the conversation between reporter and ombuds."""

import datetime

from django.db import transaction
from django.utils.text import slugify

from accounts.roles import Role
from lab.models import LabSession, Registration, RegistrationStatus, Signal, SignalMessage, SignalStatus

from .vocabulary import STREETS

CLOSED = {SignalStatus.RESOLVED, SignalStatus.CLOSED, SignalStatus.WITHDRAWN}


def lab_create(*, plan, rng, writer, prose, timeline, people, initiatives) -> None:
    ombuds = people.staff[Role.OMBUDS]
    with transaction.atomic():
        upcoming = max(1, plan.lab_sessions // 20)
        moments = timeline.growing(plan.lab_sessions - upcoming)
        moments += [timeline.now + datetime.timedelta(days=7 * (week + 1)) for week in range(upcoming)]
        for starts in moments:
            starts = starts.replace(hour=19, minute=30, second=0, microsecond=0)
            session_id = writer.new_id(LabSession)
            topic = prose.fill("Samenwerkingslab over {noun}")[:160]
            announced = starts - datetime.timedelta(days=rng.randint(14, 40))
            past = starts < timeline.now
            capacity = rng.randint(8, 30)
            writer.add(
                LabSession(
                    id=session_id,
                    topic=topic,
                    slug=f"{slugify(topic)[:160]}-{session_id}",
                    description=prose.paragraph(),
                    starts_at=starts,
                    ends_at=starts + datetime.timedelta(hours=2),
                    place=f"Buurthuis, {rng.choice(STREETS)} {rng.randint(1, 80)}",
                    capacity=capacity,
                    is_published=rng.random() < 0.95,
                    host_id=rng.choice(ombuds),
                    report=prose.paragraph(3, 5) if past and rng.random() < 0.5 else "",
                    created_at=announced,
                    updated_at=announced,
                )
            )
            joined = people.joined_by(announced)
            for number, index in enumerate(
                rng.sample(range(joined), min(joined, rng.randint(3, capacity + 5)))
            ):
                asked = min(timeline.between(announced, starts), timeline.now)
                if number >= capacity:
                    status = RegistrationStatus.WAITING
                else:
                    status = (
                        RegistrationStatus.CANCELLED if rng.random() < 0.1 else RegistrationStatus.REGISTERED
                    )
                writer.add(
                    Registration(
                        id=writer.new_id(Registration),
                        session_id=session_id,
                        user_id=people.user_id(index),
                        status=status,
                        created_at=asked,
                        requested_at=asked,
                    )
                )
        statuses = list(SignalStatus)
        for number, raised in enumerate(timeline.growing(plan.signals)):
            status = statuses[number % len(statuses)]
            signal_id = writer.new_id(Signal)
            reporter = people.anyone_by(rng, raised)
            said = sorted(timeline.between(raised) for _ in range(rng.randint(1, 3)))
            closed = timeline.between(said[-1]) if status in CLOSED else None
            writer.add(
                Signal(
                    id=signal_id,
                    reporter_id=people.user_id(reporter),
                    title=prose.help_title()[:160],
                    description=prose.paragraph(),
                    initiative_id=rng.choice(initiatives)[0] if initiatives and rng.random() < 0.5 else None,
                    status=status,
                    closed_at=closed,
                    created_at=raised,
                    updated_at=closed or said[-1],
                )
            )
            for turn, moment in enumerate(said):
                from_ombuds = turn % 2 == 1
                writer.add(
                    SignalMessage(
                        id=writer.new_id(SignalMessage),
                        signal_id=signal_id,
                        author_id=rng.choice(ombuds) if from_ombuds else people.user_id(reporter),
                        from_ombuds=from_ombuds,
                        body=prose.paragraph(1, 2),
                        created_at=moment,
                    )
                )
        writer.flush()
