"""The demo's people (data/people.yaml): one account per role, and the residents who fill the site."""

from dataclasses import dataclass

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import encrypt
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group

from accounts.roles import Role
from places.models import Area

from .files import read


@dataclass(frozen=True)
class Person:
    key: str
    email: str
    display_name: str
    area_slug: str | None = None
    role: Role | None = None
    superuser: bool = False
    public_role: str = ""

    @property
    def is_staff(self) -> bool:
        return self.role is not None or self.superuser


def _person(entry: dict, email: str) -> Person:
    return Person(
        key=entry["key"],
        email=email,
        display_name=entry["name"],
        area_slug=entry.get("area"),
        role=Role(entry["role"]) if entry.get("role") else None,
        superuser=bool(entry.get("superuser")),
        public_role=entry.get("public_role", ""),
    )


def accounts() -> list[Person]:
    """One account per role, the ones `make run` tells you about."""
    return [_person(entry, entry["email"]) for entry in read("people")["accounts"]]


def residents() -> list[Person]:
    data = read("people")["residents"]
    return [_person(entry, f"{entry['key']}@{data['domain']}") for entry in data["people"]]


def people_ensure(*, password: str) -> dict:
    """Make the people who are missing, with `password`, and return everyone as users by key. An existing
    account is left as it is, apart from what the demo needs: its confirmed address, its role group,
    when it has none, its public role and, for staff, two-step verification."""
    User = get_user_model()
    areas = Area.objects.in_bulk(field_name="slug")
    groups = Group.objects.in_bulk(field_name="name")
    hashed = None  # hashing is slow on purpose: hash the shared demo password once, and only if needed
    second_step = read("people")["staff_second_step"]
    users = {}
    for person in [*accounts(), *residents()]:
        user = User.objects.filter(email=person.email).first()
        if user is None:
            hashed = hashed or make_password(password)
            user = User.objects.create(
                email=person.email,
                display_name=person.display_name,
                area=areas.get(person.area_slug),
                is_staff=person.is_staff,
                is_superuser=person.superuser,
                public_role=person.public_role,
                password=hashed,
            )
        elif person.public_role and not user.public_role:
            user.public_role = person.public_role
            user.save(update_fields=["public_role"])
        EmailAddress.objects.update_or_create(
            user=user, email=person.email, defaults={"verified": True, "primary": True}
        )
        if person.role is not None:
            user.groups.add(groups[person.role.value])
        if person.is_staff:
            _second_step_ensure(user, second_step)
        users[person.key] = user
    return users


def _second_step_ensure(user, data: dict) -> None:
    """The staff account's authenticator app and recovery codes, from the demo data, unless it has them
    (someone may have set up their own app in the demo). Stored as allauth.mfa stores them: the app's
    secret, and recovery codes given as a list (the form allauth keeps for codes made elsewhere)."""
    Authenticator.objects.get_or_create(
        user=user, type=Authenticator.Type.TOTP, defaults={"data": {"secret": encrypt(data["secret"])}}
    )
    Authenticator.objects.get_or_create(
        user=user,
        type=Authenticator.Type.RECOVERY_CODES,
        defaults={
            "data": {"migrated_codes": [encrypt(code) for code in data["recovery_codes"]], "used_mask": 0}
        },
    )
