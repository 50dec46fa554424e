"""Deleting an account (AVG/GDPR) takes along what only that person could see, and leaves public
initiatives and their teams in order."""

from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from taggit.models import TaggedItem

from accounts.services import user_delete
from initiatives.choices import LogKind, TeamRole
from initiatives.models import Initiative, LogEntry, TeamMembership
from tests.accounts.factories import PASSWORD
from tests.initiatives.authoring_helpers import jpeg_bytes
from tests.initiatives.factories import (
    CommentFactory,
    HelpOfferFactory,
    InitiativeFactory,
    LogEntryFactory,
    SupportFactory,
    VerifiedUserFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media_root")]


def _with_photos(initiative):
    initiative.cover_image.save("cover.jpg", ContentFile(jpeg_bytes()), save=False)
    initiative.cover_thumbnail.save("thumb.jpg", ContentFile(jpeg_bytes()), save=False)
    initiative.cover_alt = "Een straat vol bloemen"
    initiative.save()
    entry = LogEntryFactory(initiative=initiative, image_alt="De eerste plantjes")
    entry.image.save("log.jpg", ContentFile(jpeg_bytes()))
    return [initiative.cover_image.path, initiative.cover_thumbnail.path, entry.image.path]


@pytest.mark.parametrize("state", ["draft", "submitted", "rejected"])
def test_an_initiative_only_its_deleted_initiator_knew_goes_with_its_photos(
    state, django_capture_on_commit_callbacks
):
    initiative = InitiativeFactory(**{state: True}, tags=["groen"])
    paths = _with_photos(initiative)
    assert all(Path(path).exists() for path in paths)

    with django_capture_on_commit_callbacks(execute=True):  # the photos go once the deletion is saved
        user_delete(user=initiative.created_by)

    assert not Initiative.objects.filter(pk=initiative.pk).exists()
    assert not LogEntry.objects.exists()
    assert not TaggedItem.objects.filter(object_id=initiative.pk).exists()
    assert not any(Path(path).exists() for path in paths)


@pytest.mark.parametrize("state", ["published", "hidden"])
def test_a_public_initiative_stays_when_its_only_member_leaves(state):
    initiative = InitiativeFactory(**({"hidden": True} if state == "hidden" else {}))
    entry = LogEntryFactory(initiative=initiative, kind=LogKind.REFLECTION)

    user_delete(user=initiative.created_by)

    initiative.refresh_from_db()
    assert initiative.created_by is None
    assert not initiative.memberships.exists()
    entry.refresh_from_db()
    assert entry.author is None
    assert entry.text


def test_a_draft_with_another_team_member_stays_for_that_member():
    partner = VerifiedUserFactory()
    initiative = InitiativeFactory(draft=True, team=[partner])

    user_delete(user=initiative.created_by)

    assert Initiative.objects.filter(pk=initiative.pk).exists()
    assert TeamMembership.objects.get(initiative=initiative).user == partner


def test_the_longest_standing_member_becomes_initiator_when_the_initiator_leaves():
    first, second = VerifiedUserFactory(), VerifiedUserFactory()
    initiative = InitiativeFactory(team=[first, second])

    user_delete(user=initiative.created_by)

    roles = dict(TeamMembership.objects.filter(initiative=initiative).values_list("user", "role"))
    assert roles == {first.pk: TeamRole.INITIATOR, second.pk: TeamRole.CO_INITIATOR}


def test_a_co_initiator_leaving_changes_nobody_elses_role():
    partner = VerifiedUserFactory()
    initiative = InitiativeFactory(draft=True, team=[partner])

    user_delete(user=partner)

    assert TeamMembership.objects.get(initiative=initiative).role == TeamRole.INITIATOR


def test_what_the_person_did_elsewhere_goes_and_what_others_did_stays():
    initiative = InitiativeFactory()
    leaving = VerifiedUserFactory()
    CommentFactory(initiative=initiative, author=leaving)
    HelpOfferFactory(help_request__initiative=initiative, offered_by=leaving)
    SupportFactory(initiative=initiative, user=leaving)
    kept = CommentFactory(initiative=initiative)

    user_delete(user=leaving)

    assert list(initiative.comments.all()) == [kept]
    assert not initiative.supports.exists()
    assert not initiative.help_requests.get().offers.exists()
    assert Initiative.objects.filter(pk=initiative.pk).exists()


def test_deleting_the_account_on_the_site_deletes_the_private_draft(client):
    initiative = InitiativeFactory(draft=True)
    client.force_login(initiative.created_by)

    response = client.post(reverse("accounts:account_delete"), {"password": PASSWORD})

    assert response.status_code == 302
    assert not Initiative.objects.filter(pk=initiative.pk).exists()
