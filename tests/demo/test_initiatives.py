"""`manage.py loket_demo` adds about fifteen believable initiatives, with every kind of log entry, help
requests, offers, supporters and responses of the municipality. (Running it again: test_reruns.)"""

import datetime

import pytest
from allauth.account.models import EmailAddress
from django.core.files.storage import default_storage
from django.utils import timezone

from accounts.models import User
from demo.loader.people import residents
from initiatives.choices import HelpKind, LogKind, Origin, PublicationState
from initiatives.models import (
    Comment,
    Follow,
    HelpOffer,
    HelpRequest,
    Initiative,
    LogEntry,
    MunicipalResponse,
    Support,
    TeamMembership,
    burgerinitiatief_progress,
)

pytestmark = pytest.mark.django_db

DEMO_PASSWORD = "loket-demo"


def test_demo_adds_about_fifteen_initiatives_in_every_publication_state(demo):
    states = list(Initiative.objects.values_list("publication_state", flat=True))

    assert len(states) >= 14
    assert states.count(PublicationState.PUBLISHED) >= 11
    for state in (PublicationState.DRAFT, PublicationState.SUBMITTED, PublicationState.REJECTED):
        assert states.count(state) == 1
    assert Initiative.objects.get(publication_state=PublicationState.REJECTED).rejection_reason
    assert Initiative.objects.get(publication_state=PublicationState.SUBMITTED).submitted_at


def test_demo_mixes_origins_stages_and_areas(demo):
    origins = list(Initiative.objects.values_list("origin", flat=True))

    assert origins.count(Origin.SOCIETY) >= 10
    assert origins.count(Origin.MUNICIPALITY) >= 4
    assert Initiative.objects.values("stage").distinct().count() == 5
    assert Initiative.objects.values("area").distinct().count() >= 12


def test_demo_initiatives_fit_their_origin(demo):
    for initiative in Initiative.objects.prefetch_related("concepts__flywheel"):
        if initiative.origin == Origin.SOCIETY:
            assert initiative.government_role or not initiative.is_published, initiative.slug
            assert not initiative.participation_step
        else:
            assert initiative.participation_step, initiative.slug
            assert not initiative.government_role
        flywheels = {concept.flywheel.slug for concept in initiative.concepts.all()}
        assert flywheels == {Origin(initiative.origin).flywheel_slug}, initiative.slug
        assert initiative.tags.exists()


def test_every_published_initiative_has_a_short_log_in_the_past(demo):
    today = timezone.localdate()
    for initiative in Initiative.objects.published():
        entries = list(initiative.log_entries.all())
        assert 2 <= len(entries) <= 6, initiative.slug
        assert initiative.published_at < timezone.now()
        for entry in entries:
            assert entry.happened_on <= today
            assert entry.created_at <= timezone.now()


def test_every_log_kind_and_several_obstacle_categories_are_in_published_logs(demo):
    published = LogEntry.objects.published()

    assert set(published.values_list("kind", flat=True)) == set(LogKind.values)
    categories = set(published.of_kind(LogKind.OBSTACLE).values_list("obstacle_category", flat=True))
    assert len(categories) >= 4
    assert "" not in categories


def test_help_requests_of_many_kinds_some_fulfilled_with_offers_and_replies(demo):
    kinds = set(HelpRequest.objects.values_list("kind", flat=True))

    assert len(kinds) >= 4
    assert set(kinds) == set(HelpKind.values)
    assert HelpRequest.objects.filter(is_fulfilled=True, fulfilled_at__isnull=False).count() >= 2
    assert HelpOffer.objects.filter(offered_by__email="bewoner@loket.example").count() >= 2
    assert HelpOffer.objects.exclude(reply="").filter(replied_at__isnull=False).count() >= 2
    assert HelpOffer.objects.filter(reply="").exists()


def test_the_civil_servant_responds_and_the_first_response_time_is_recorded(demo):
    civil_servant = User.objects.get(email="ambtenaar@loket.example")
    responded = Initiative.objects.filter(municipal_responses__isnull=False).distinct()

    assert civil_servant.public_role
    assert responded.count() >= 2
    assert set(MunicipalResponse.objects.values_list("author", flat=True)) == {civil_servant.pk}
    for initiative in responded:
        first = initiative.municipal_responses.order_by("created_at").first()
        assert initiative.first_response_at == first.created_at
        assert initiative.response_time > datetime.timedelta(0)
    assert Initiative.objects.filter(contact_person=civil_servant).count() >= 3


def test_some_published_initiatives_wait_too_long_for_a_first_response(demo):
    two_weeks_ago = timezone.now() - datetime.timedelta(days=14)
    waiting = Initiative.objects.waiting_for_first_response()

    assert waiting.filter(published_at__lt=two_weeks_ago).count() >= 2
    assert waiting.filter(published_at__gte=two_weeks_ago).exists()


def test_the_demo_initiator_has_a_draft_a_submitted_and_a_published_initiative(demo):
    states = set(
        Initiative.objects.filter(created_by__email="initiatiefnemer@loket.example").values_list(
            "publication_state", flat=True
        )
    )

    assert {PublicationState.DRAFT, PublicationState.SUBMITTED, PublicationState.PUBLISHED} <= states
    assert TeamMembership.objects.filter(user__email="initiatiefnemer@loket.example").count() >= 4


def test_demo_residents_are_confirmed_non_staff_accounts_with_the_demo_password(demo):
    for resident in residents():
        user = User.objects.get(email=resident.email)
        assert user.email.endswith("@buurt.loket.example")
        assert not user.is_staff
        assert user.area.slug == resident.area_slug
        assert user.check_password(DEMO_PASSWORD)
        assert EmailAddress.objects.filter(user=user, verified=True, primary=True).exists()


def test_supporters_follows_and_comments_bring_the_pages_to_life(demo):
    assert Support.objects.filter(is_named=True).exists()
    assert Support.objects.filter(is_named=False).exists()
    assert Follow.objects.filter(user__email="bewoner@loket.example").count() == 2
    assert Comment.objects.count() >= 4

    for initiative in Initiative.objects.all():
        assert initiative.support_count == initiative.supports.count(), initiative.slug

    wehl = Initiative.objects.with_part_counts().get(slug="dorpsplan-wehl")
    street = burgerinitiatief_progress(
        local=wehl.local_named_support_count, everyone=wehl.named_support_count
    )[0]
    assert 0 < street["have"] < street["needed"]


def test_covers_are_stored_with_a_thumbnail_and_alt_text(demo):
    with_cover = Initiative.objects.exclude(cover_image="")

    assert with_cover.count() >= 5
    for initiative in with_cover:
        assert initiative.cover_alt
        assert default_storage.exists(initiative.cover_image.name)
        assert default_storage.exists(initiative.cover_thumbnail.name)


def test_search_finds_the_natuurspeelplaats_by_a_related_word(demo):
    assert Initiative.objects.published().search("speeltuin").filter(slug="natuurspeelplaats-dichteren")
    assert Initiative.objects.published().search("geveltuin").filter(slug="geveltuinen-de-huet")
