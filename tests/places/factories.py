import factory
from factory.django import DjangoModelFactory

from places.models import Area


class AreaFactory(DjangoModelFactory):
    class Meta:
        model = Area

    name = factory.Sequence(lambda n: f"Testwijk {n}")
    slug = factory.Sequence(lambda n: f"testwijk-{n}")
    kind = Area.Kind.DISTRICT
    order = factory.Sequence(lambda n: 1000 + n)
