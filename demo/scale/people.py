"""The people of the scale data set: residents who joined over the years, and staff in each role.

Everyone shares one password hash (hashing 50,000 passwords would take longer than the rest of the data).
Residents join in the order of their ids, more of them in recent years; whatever a resident does is dated
after they joined.
"""

import datetime
import math
from dataclasses import dataclass
from random import Random

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group

from accounts.models import User
from accounts.roles import Role

from .bulk import BulkWriter
from .vocabulary import FIRST_NAMES, ROLES_AT_THE_MUNICIPALITY, SURNAMES

# Every account of the data set has an address here: how the benchmark tells a scale database from others.
EMAIL_DOMAIN = "schaal.loket.example"
PASSWORD = "loket-demo"  # noqa: S105 - the demo's published password; the command refuses in production
LEAD = datetime.timedelta(days=30)  # the first residents joined a month before the first initiative

STAFF_ROLES = {
    Role.MODERATOR: ("civil_servants", "ambtenaar"),
    Role.EDITOR: ("editors", "redacteur"),
    Role.COUNCIL: ("council", "raadslid"),
    Role.OMBUDS: ("ombuds", "ombuds"),
}


class Timeline:
    """The data set's eight years, up to the moment of loading."""

    def __init__(self, now: datetime.datetime, rng: Random, years: int = 8):
        self.now = now
        self.rng = rng
        self.start = now - datetime.timedelta(days=365 * years)
        self.span = (now - self.start).total_seconds()

    def growing(self, count: int) -> list[datetime.datetime]:
        """`count` moments, sorted, denser towards now (the loket grows)."""
        return sorted(
            self.start + datetime.timedelta(seconds=self.span * math.sqrt(self.rng.random()))
            for _ in range(count)
        )

    def between(self, early: datetime.datetime, late: datetime.datetime | None = None) -> datetime.datetime:
        late = late or self.now
        if late <= early:
            return early
        return early + datetime.timedelta(seconds=self.rng.random() * (late - early).total_seconds())

    def after(self, moment: datetime.datetime, days: float) -> datetime.datetime:
        return min(moment + datetime.timedelta(days=days), self.now)


@dataclass
class People:
    """Who is who, by id: residents in the order they joined, and staff per role."""

    first_resident: int
    residents: int
    timeline: Timeline
    staff: dict

    def joined(self, index: int) -> datetime.datetime:
        """When resident number `index` (0 = the first) joined."""
        lead = LEAD.total_seconds()
        share = math.sqrt(index / self.residents)
        return self.timeline.start - LEAD + datetime.timedelta(seconds=(self.timeline.span + lead) * share)

    def joined_by(self, moment: datetime.datetime) -> int:
        """How many residents had joined at `moment` (at least the first)."""
        lead = LEAD.total_seconds()
        share = ((moment - self.timeline.start).total_seconds() + lead) / (self.timeline.span + lead)
        return max(1, min(self.residents, int(self.residents * max(0.0, share) ** 2)))

    def user_id(self, index: int) -> int:
        return self.first_resident + index

    def anyone_by(self, rng: Random, moment: datetime.datetime) -> int:
        """The index of a resident who had joined at `moment`."""
        return rng.randrange(self.joined_by(moment))


def people_create(*, plan, writer: BulkWriter, rng: Random, timeline: Timeline, areas: list) -> People:
    password = make_password(PASSWORD)
    area_ids = [area.id for area in areas]

    def account(prefix: str, joined: datetime.datetime, **extra) -> int:
        user_id = writer.new_id(User)
        email = f"{prefix}{user_id}@{EMAIL_DOMAIN}"
        writer.add(
            User(
                id=user_id,
                email=email,
                password=password,
                display_name=f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}",
                area_id=rng.choice(area_ids) if rng.random() < 0.7 else None,
                date_joined=joined,
                is_active=True,
                **extra,
            )
        )
        writer.add(
            EmailAddress(
                id=writer.new_id(EmailAddress), user_id=user_id, email=email, verified=True, primary=True
            )
        )
        return user_id

    staff = {}
    groups = {group.name: group.id for group in Group.objects.filter(name__in=Role.values)}
    memberships = User.groups.through
    for role, (size, prefix) in STAFF_ROLES.items():
        staff[role] = []
        for _ in range(getattr(plan, size)):
            extra = {"public_role": rng.choice(ROLES_AT_THE_MUNICIPALITY)} if role == Role.MODERATOR else {}
            user_id = account(prefix, timeline.start - datetime.timedelta(days=365), is_staff=True, **extra)
            writer.add(memberships(id=writer.new_id(memberships), user_id=user_id, group_id=groups[role]))
            staff[role].append(user_id)

    people = People(first_resident=0, residents=plan.residents, timeline=timeline, staff=staff)
    for index in range(plan.residents):
        user_id = account("bewoner", people.joined(index))
        if index == 0:
            people.first_resident = user_id
    writer.flush()
    return people
