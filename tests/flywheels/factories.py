"""Factories for the flywheels. Flywheels and concepts also come from the migrations (the 22 real ones);
these make extra ones where a test needs its own."""

import factory
from factory.django import DjangoModelFactory

from flywheels.models import Concept, Flywheel


class FlywheelFactory(DjangoModelFactory):
    class Meta:
        model = Flywheel

    slug = factory.Sequence(lambda n: f"testvliegwiel-{n}")
    label_nl = factory.Sequence(lambda n: f"Testvliegwiel {n}")
    label_en = factory.Sequence(lambda n: f"Test flywheel {n}")
    order = factory.Sequence(lambda n: 100 + n)


class ConceptFactory(DjangoModelFactory):
    class Meta:
        model = Concept

    flywheel = factory.SubFactory(FlywheelFactory)
    # Far above the seeded 1..11, so a concept can join a real flywheel without clashing.
    order = factory.Sequence(lambda n: 100 + n)
    slug = factory.Sequence(lambda n: f"testbegrip-{n}")
    label_nl = factory.Sequence(lambda n: f"Testbegrip {n}")
    label_en = factory.Sequence(lambda n: f"Test concept {n}")
    description_nl = "Een begrip om mee te testen."
    description_en = "A concept to test with."
