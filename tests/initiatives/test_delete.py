"""The team deletes an initiative that was never public: a test draft, or one they no longer want to
submit. A published initiative is not theirs alone to remove; moderators hide it."""

from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from accounts.roles import Role
from initiatives.models import Initiative, LogEntry
from tests.accounts.factories import staff_in_role
from tests.initiatives.authoring_helpers import jpeg_bytes
from tests.initiatives.factories import InitiativeFactory, LogEntryFactory, VerifiedUserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media_root")]


def delete_url(initiative):
    return reverse("initiatives:initiative_delete", kwargs={"slug": initiative.slug})


def test_the_confirmation_page_deletes_nothing(client):
    draft = InitiativeFactory(draft=True)
    client.force_login(draft.created_by)

    response = client.get(delete_url(draft))

    assert response.status_code == 200
    assert draft.title in response.content.decode()
    assert Initiative.objects.filter(pk=draft.pk).exists()


def test_team_member_deletes_a_draft_with_its_log_and_photos(client, django_capture_on_commit_callbacks):
    partner = VerifiedUserFactory()
    draft = InitiativeFactory(draft=True, team=[partner])
    draft.cover_image.save("cover.jpg", ContentFile(jpeg_bytes()), save=False)
    draft.cover_alt = "Bloembakken op het plein"
    draft.save()
    entry = LogEntryFactory(initiative=draft, image_alt="De eerste bak")
    entry.image.save("log.jpg", ContentFile(jpeg_bytes()))
    photos = [Path(draft.cover_image.path), Path(entry.image.path)]
    client.force_login(partner)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(delete_url(draft), follow=True)

    assert response.redirect_chain == [(reverse("initiatives:own_initiative_list"), 302)]
    assert f"“{draft.title}” is verwijderd." in response.content.decode()
    assert not Initiative.objects.filter(pk=draft.pk).exists()
    assert not LogEntry.objects.exists()
    assert not any(photo.exists() for photo in photos)


@pytest.mark.parametrize("state", ["submitted", "rejected"])
def test_team_may_withdraw_what_was_not_published(client, state):
    initiative = InitiativeFactory(**{state: True})
    client.force_login(initiative.created_by)

    assert client.post(delete_url(initiative)).status_code == 302
    assert not Initiative.objects.filter(pk=initiative.pk).exists()


@pytest.mark.parametrize("state", ["published", "hidden"])
def test_what_was_published_cannot_be_deleted_by_the_team(client, state):
    initiative = InitiativeFactory(**({"hidden": True} if state == "hidden" else {}))
    client.force_login(initiative.created_by)

    assert client.post(delete_url(initiative)).status_code == 403
    assert Initiative.objects.filter(pk=initiative.pk).exists()


def test_someone_outside_the_team_does_not_learn_the_draft_exists(client, other_user):
    draft = InitiativeFactory(draft=True)
    client.force_login(other_user)

    assert client.post(delete_url(draft)).status_code == 404
    assert Initiative.objects.filter(pk=draft.pk).exists()


def test_a_moderator_cannot_delete_a_submitted_initiative_on_the_site(client):
    submitted = InitiativeFactory(submitted=True)
    client.force_login(staff_in_role(Role.MODERATOR))

    assert client.post(delete_url(submitted)).status_code == 403
    assert Initiative.objects.filter(pk=submitted.pk).exists()


def test_anonymous_visitor_is_sent_to_log_in(client):
    draft = InitiativeFactory(draft=True)

    response = client.post(delete_url(draft))

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


@pytest.mark.parametrize(("state", "shown"), [("draft", True), ("published", False)])
def test_the_team_sees_the_delete_link_only_where_it_works(client, state, shown):
    initiative = InitiativeFactory(**({"draft": True} if state == "draft" else {}))
    client.force_login(initiative.created_by)

    content = client.get(initiative.get_absolute_url()).content.decode()

    assert (delete_url(initiative) in content) is shown
