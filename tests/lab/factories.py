"""Factories for the samenwerkingslab. `LabSessionFactory()` is a published session a week ahead with
places for ten; `LabSessionFactory(past=True)` was last week, `unpublished=True` is not on the site yet.
Times are whole minutes: an iCalendar file keeps no microseconds, and tests compare what comes back."""

import datetime

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from lab.models import LabSession, Registration, RegistrationStatus, Signal, SignalMessage
from tests.initiatives.factories import VerifiedUserFactory


def minutes_from_now(minutes: int) -> datetime.datetime:
    return timezone.now().replace(second=0, microsecond=0) + datetime.timedelta(minutes=minutes)


WEEK = 7 * 24 * 60


class LabSessionFactory(DjangoModelFactory):
    class Meta:
        model = LabSession

    class Params:
        past = factory.Trait(
            starts_at=factory.LazyFunction(lambda: minutes_from_now(-WEEK)),
            ends_at=factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=2)),
        )
        unpublished = factory.Trait(is_published=False)

    topic = factory.Sequence(lambda n: f"Labsessie {n}")
    slug = factory.Sequence(lambda n: f"labsessie-{n}")
    description = "We praten over **samenwerken** tussen bewoners en gemeente."
    starts_at = factory.LazyFunction(lambda: minutes_from_now(WEEK))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=2))
    place = "Bibliotheek Doetinchem, Raadhuisstraat 1"
    capacity = 10
    is_published = True


class RegistrationFactory(DjangoModelFactory):
    class Meta:
        model = Registration

    session = factory.SubFactory(LabSessionFactory)
    user = factory.SubFactory(VerifiedUserFactory)
    status = RegistrationStatus.REGISTERED


class SignalFactory(DjangoModelFactory):
    class Meta:
        model = Signal

    reporter = factory.SubFactory(VerifiedUserFactory)
    title = factory.Sequence(lambda n: f"Vastgelopen overleg {n}")
    description = "Al twee maanden geen antwoord van de gemeente op onze vraag over de speeltuin."


class SignalMessageFactory(DjangoModelFactory):
    class Meta:
        model = SignalMessage

    signal = factory.SubFactory(SignalFactory)
    author = factory.LazyAttribute(lambda o: o.signal.reporter)
    from_ombuds = False
    body = "Is er al nieuws?"
