"""The database guards what the forms also check, and the small reads on the models."""

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from initiatives.choices import GovernmentRole, LogKind, ObstacleCategory, ParticipationStep, PublicationState
from initiatives.models import Initiative, Support, burgerinitiatief_progress
from tests.accounts.factories import UserFactory
from tests.initiatives.factories import InitiativeFactory, LogEntryFactory, SupportFactory
from tests.places.factories import AreaFactory

pytestmark = pytest.mark.django_db


def _violates(**changes):
    initiative = InitiativeFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Initiative.objects.filter(pk=initiative.pk).update(**changes)


def test_a_cover_photo_needs_alt_text():
    _violates(cover_image="initiatives/covers/foto.jpg", cover_alt="")


def test_a_society_initiative_has_no_participation_step():
    _violates(participation_step=ParticipationStep.CONSULT)


def test_a_municipal_initiative_has_no_government_role():
    initiative = InitiativeFactory(from_municipality=True)
    with pytest.raises(IntegrityError), transaction.atomic():
        Initiative.objects.filter(pk=initiative.pk).update(government_role=GovernmentRole.FACILITATE)


def test_a_published_initiative_has_a_publication_date():
    _violates(published_at=None)


def test_only_obstacles_have_a_category():
    with pytest.raises(IntegrityError), transaction.atomic():
        LogEntryFactory(kind=LogKind.UPDATE, obstacle_category=ObstacleCategory.MONEY)
    with pytest.raises(IntegrityError), transaction.atomic():
        LogEntryFactory(kind=LogKind.OBSTACLE, obstacle_category="")


def test_one_support_per_person_per_initiative():
    support = SupportFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Support.objects.create(initiative=support.initiative, user=support.user)


def test_municipality_role_follows_the_origin():
    society = InitiativeFactory(government_role=GovernmentRole.LET_GO)
    municipal = InitiativeFactory(from_municipality=True, participation_step=ParticipationStep.CODECIDE)
    assert society.municipality_role[1] == society.get_government_role_display()
    assert municipal.municipality_role[1] == municipal.get_participation_step_display()
    assert InitiativeFactory().municipality_role is None


def test_response_time_runs_from_publication_to_first_response():
    published = timezone.now() - datetime.timedelta(days=10)
    initiative = InitiativeFactory(
        published_at=published, first_response_at=published + datetime.timedelta(days=4)
    )
    assert initiative.response_time == datetime.timedelta(days=4)
    assert InitiativeFactory().response_time is None


def test_links_are_read_one_per_line():
    initiative = InitiativeFactory(links="https://a.example\n\n  https://b.example  \n")
    assert initiative.link_list == ["https://a.example", "https://b.example"]


def test_burgerinitiatief_progress_counts_named_supporters_from_the_same_area():
    initiative = InitiativeFactory()
    elsewhere = AreaFactory()
    for _ in range(6):
        SupportFactory(initiative=initiative, is_named=True, user=UserFactory(area=initiative.area))
    for _ in range(3):
        SupportFactory(initiative=initiative, is_named=True, user=UserFactory(area=elsewhere))
    SupportFactory(initiative=initiative, is_named=False, user=UserFactory(area=initiative.area))
    counted = Initiative.objects.with_part_counts().get(pk=initiative.pk)
    assert (counted.named_support_count, counted.local_named_support_count) == (9, 6)

    progress = {row["reach"]: row for row in burgerinitiatief_progress(local=6, everyone=9)}

    assert (progress["street"]["have"], progress["street"]["reached"]) == (6, True)
    assert (progress["area"]["have"], progress["area"]["missing"]) == (6, 9)
    assert (progress["municipality"]["have"], progress["municipality"]["missing"]) == (9, 41)


def test_visible_to_shows_the_team_its_drafts_only():
    draft = InitiativeFactory(draft=True)
    published = InitiativeFactory()
    stranger = UserFactory()
    assert set(Initiative.objects.visible_to(draft.created_by)) == {draft, published}
    assert set(Initiative.objects.visible_to(stranger)) == {published}
    assert draft.publication_state == PublicationState.DRAFT
