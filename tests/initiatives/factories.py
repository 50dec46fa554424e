"""Factories for initiatives. `InitiativeFactory()` is a published initiative with one initiator in its team;
`InitiativeFactory(draft=True)` (or submitted/rejected/hidden) gives the other publication states."""

import datetime

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from initiatives.choices import (
    HelpKind,
    LogKind,
    NotificationKind,
    ObstacleCategory,
    Origin,
    PublicationState,
    Stage,
    TeamRole,
)
from initiatives.models import (
    Comment,
    Follow,
    HelpOffer,
    HelpRequest,
    Initiative,
    LogEntry,
    MunicipalResponse,
    Notification,
    Support,
    TeamMembership,
)
from initiatives.services.participation import support_count_change
from initiatives.services.search import initiative_reindex
from tests.accounts.factories import UserFactory, verify_email
from tests.places.factories import AreaFactory


class VerifiedUserFactory(UserFactory):
    @factory.post_generation
    def verified(obj, create, extracted, **kwargs):
        if create and extracted is not False:
            verify_email(obj)


class InitiativeFactory(DjangoModelFactory):
    class Meta:
        model = Initiative
        skip_postgeneration_save = True

    class Params:
        draft = factory.Trait(publication_state=PublicationState.DRAFT, published_at=None)
        submitted = factory.Trait(
            publication_state=PublicationState.SUBMITTED,
            published_at=None,
            submitted_at=factory.LazyFunction(timezone.now),
        )
        rejected = factory.Trait(
            publication_state=PublicationState.REJECTED,
            published_at=None,
            rejection_reason="Er ontbreekt nog een beschrijving.",
        )
        hidden = factory.Trait(publication_state=PublicationState.HIDDEN)
        from_municipality = factory.Trait(origin=Origin.MUNICIPALITY)

    title = factory.Sequence(lambda n: f"Initiatief {n}")
    slug = factory.Sequence(lambda n: f"initiatief-{n}")
    summary = "Buren maken samen iets moois van hun straat."
    story = "We begonnen met een koffieochtend. **Iedereen** was welkom."
    origin = Origin.SOCIETY
    stage = Stage.RUNNING
    publication_state = PublicationState.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=3))
    area = factory.SubFactory(AreaFactory)
    created_by = factory.SubFactory(VerifiedUserFactory)

    @factory.post_generation
    def team(obj, create, extracted, **kwargs):
        """The creator is the initiator; pass `team=[user, ...]` to add co-initiators."""
        if not create:
            return
        if obj.created_by:
            TeamMembership.objects.create(initiative=obj, user=obj.created_by, role=TeamRole.INITIATOR)
        for member in extracted or []:
            TeamMembership.objects.create(initiative=obj, user=member, role=TeamRole.CO_INITIATOR)

    @factory.post_generation
    def tags(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.tags.add(*extracted)

    @factory.post_generation
    def indexed(obj, create, extracted, **kwargs):
        if create:
            initiative_reindex(initiative=obj)


class LogEntryFactory(DjangoModelFactory):
    class Meta:
        model = LogEntry

    initiative = factory.SubFactory(InitiativeFactory)
    author = factory.LazyAttribute(lambda o: o.initiative.created_by)
    kind = LogKind.UPDATE
    title = factory.Sequence(lambda n: f"Logboekbericht {n}")
    text = "Vandaag hebben we de eerste stap gezet."
    obstacle_category = factory.LazyAttribute(
        lambda o: ObstacleCategory.RULES if o.kind == LogKind.OBSTACLE else ""
    )


class HelpRequestFactory(DjangoModelFactory):
    class Meta:
        model = HelpRequest

    initiative = factory.SubFactory(InitiativeFactory)
    kind = HelpKind.VOLUNTEERS
    title = factory.Sequence(lambda n: f"Hulpvraag {n}")
    description = "We zoeken mensen die een zaterdag willen helpen."


class HelpOfferFactory(DjangoModelFactory):
    class Meta:
        model = HelpOffer

    help_request = factory.SubFactory(HelpRequestFactory)
    offered_by = factory.SubFactory(VerifiedUserFactory)
    message = "Ik kan zaterdag helpen met sjouwen."


class SupportFactory(DjangoModelFactory):
    class Meta:
        model = Support

    initiative = factory.SubFactory(InitiativeFactory)
    user = factory.SubFactory(VerifiedUserFactory)
    is_named = False

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        """A support counts, as the services count it (the stored `support_count`), also on the
        initiative the test holds."""
        support = super()._create(model_class, *args, **kwargs)
        support_count_change(initiative_ids=[support.initiative_id], by=1)
        support.initiative.support_count += 1
        return support


class FollowFactory(DjangoModelFactory):
    class Meta:
        model = Follow

    initiative = factory.SubFactory(InitiativeFactory)
    user = factory.SubFactory(VerifiedUserFactory)


class NotificationFactory(DjangoModelFactory):
    class Meta:
        model = Notification

    follow = factory.SubFactory(FollowFactory)
    kind = NotificationKind.LOG_ENTRY
    title = factory.Sequence(lambda n: f"Nieuw in het logboek {n}")
    path = factory.LazyAttribute(lambda o: o.follow.initiative.get_absolute_url())


class CommentFactory(DjangoModelFactory):
    class Meta:
        model = Comment

    initiative = factory.SubFactory(InitiativeFactory)
    author = factory.SubFactory(VerifiedUserFactory)
    body = "Mooi initiatief, succes!"


class MunicipalResponseFactory(DjangoModelFactory):
    class Meta:
        model = MunicipalResponse

    initiative = factory.SubFactory(InitiativeFactory)
    author = factory.SubFactory(VerifiedUserFactory, is_staff=True, public_role="wijkregisseur")
    body = "Wat goed dat jullie dit oppakken. Ik neem contact met jullie op."
