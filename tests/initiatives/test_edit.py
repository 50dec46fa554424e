"""Editing an initiative: /initiatieven/<slug>/bewerken/ (views.editing.edit, services.authoring)."""

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from initiatives.choices import Origin, ParticipationStep, PublicationState, Stage
from initiatives.models import Initiative
from initiatives.services.authoring import initiative_update
from tests.accounts.factories import UserFactory, staff_in_role
from tests.flywheels.factories import ConceptFactory
from tests.initiatives.authoring_helpers import (
    initiative_data,
    jpeg_bytes,
    photo_upload,
    upload,
)
from tests.initiatives.factories import InitiativeFactory, VerifiedUserFactory
from tests.places.factories import AreaFactory

pytestmark = pytest.mark.django_db


def edit_url(initiative):
    return reverse("initiatives:initiative_edit", kwargs={"slug": initiative.slug})


def data_of(initiative, **overrides):
    """The form as the team finds it filled in, with `overrides` typed over it."""
    current = {
        "title": initiative.title,
        "summary": initiative.summary,
        "story": initiative.story,
        "origin": initiative.origin,
        "stage": initiative.stage,
        "government_role": initiative.government_role,
        "participation_step": initiative.participation_step,
        "cover_alt": initiative.cover_alt,
        "links": initiative.links,
        "tags": ", ".join(initiative.tags.names()),
    }
    return initiative_data(initiative.area, **{**current, **overrides})


@pytest.fixture
def initiative(user):
    return InitiativeFactory(created_by=user, tags=["groen"])


# Who may edit ------------------------------------------------------------------------------------------


def test_initiator_sees_the_form_filled_in(client_logged_in, initiative):
    response = client_logged_in.get(edit_url(initiative))

    assert response.status_code == 200
    form = response.context["form"]
    assert form.initial["title"] == initiative.title
    assert initiative.title.encode() in response.content
    assert b'value="groen"' in response.content


def test_co_initiator_may_edit(client, initiative, other_user):
    initiative.memberships.create(user=other_user, role="co_initiator")
    client.force_login(other_user)

    response = client.post(edit_url(initiative), data_of(initiative, title="Samen sterker"))

    assert response.status_code == 302
    assert Initiative.objects.get(pk=initiative.pk).title == "Samen sterker"


def test_resident_cannot_edit_others_initiative(client, initiative, other_user):
    client.force_login(other_user)

    assert client.get(edit_url(initiative)).status_code == 403
    assert client.post(edit_url(initiative), data_of(initiative, title="Gekaapt")).status_code == 403
    assert Initiative.objects.get(pk=initiative.pk).title != "Gekaapt"


def test_resident_cannot_even_find_others_draft(client, other_user):
    draft = InitiativeFactory(draft=True)
    client.force_login(other_user)

    assert client.get(edit_url(draft)).status_code == 404


def test_anonymous_visitor_is_sent_to_log_in(client, initiative):
    response = client.post(edit_url(initiative), data_of(initiative, title="Gekaapt"))

    assert response.status_code == 302
    assert reverse("account_login") in response.url
    assert Initiative.objects.get(pk=initiative.pk).title != "Gekaapt"


@pytest.mark.parametrize("draft", [False, True])
def test_moderator_cannot_edit_through_the_site(client, draft):
    initiative = InitiativeFactory(draft=draft)
    client.force_login(staff_in_role(Role.MODERATOR))

    response = client.post(edit_url(initiative), data_of(initiative, title="Door de gemeente"))

    assert response.status_code == 403
    assert Initiative.objects.get(pk=initiative.pk).title != "Door de gemeente"


def test_team_member_without_confirmed_email_cannot_edit(client):
    unconfirmed = UserFactory()
    initiative = InitiativeFactory(created_by=unconfirmed)
    client.force_login(unconfirmed)

    assert client.get(edit_url(initiative)).status_code == 403


def test_hidden_initiative_is_frozen_for_its_team(client_logged_in, user):
    hidden = InitiativeFactory(created_by=user, hidden=True)

    assert client_logged_in.get(edit_url(hidden)).status_code == 403


def test_unknown_initiative_is_404(client_logged_in):
    assert client_logged_in.get("/initiatieven/bestaat-niet/bewerken/").status_code == 404


# What editing does -------------------------------------------------------------------------------------


def test_editing_changes_the_fields_and_keeps_the_address(client_logged_in, initiative):
    old_slug = initiative.slug
    concept = ConceptFactory()
    data = data_of(
        initiative,
        title="Een heel nieuwe naam",
        stage=Stage.COMPLETED,
        tags="spelen, natuur",
        concepts=[str(concept.pk)],
    )

    response = client_logged_in.post(edit_url(initiative), data)

    initiative.refresh_from_db()
    assert response.status_code == 302
    assert response.url == initiative.get_absolute_url()
    assert initiative.title == "Een heel nieuwe naam"
    assert initiative.slug == old_slug
    assert initiative.stage == Stage.COMPLETED
    assert sorted(initiative.tags.names()) == ["natuur", "spelen"]
    assert list(initiative.concepts.all()) == [concept]
    assert "Een heel nieuwe naam" in initiative.search_document


def test_editing_a_published_initiative_keeps_it_published(client_logged_in, initiative):
    published_at = initiative.published_at

    client_logged_in.post(edit_url(initiative), data_of(initiative, summary="Nieuwe samenvatting."))

    initiative.refresh_from_db()
    assert initiative.publication_state == PublicationState.PUBLISHED
    assert initiative.published_at == published_at


def test_editing_a_rejected_initiative_keeps_the_reason_until_it_is_submitted(client_logged_in, user):
    rejected = InitiativeFactory(created_by=user, rejected=True)

    client_logged_in.post(edit_url(rejected), data_of(rejected, summary="Aangevuld."))

    rejected.refresh_from_db()
    assert rejected.publication_state == PublicationState.REJECTED
    assert rejected.rejection_reason


def test_picking_a_role_that_does_not_fit_the_new_origin_gives_an_error(client_logged_in, user):
    initiative = InitiativeFactory(created_by=user, government_role="facilitate")
    data = data_of(initiative, origin=Origin.MUNICIPALITY, government_role="stimulate")

    response = client_logged_in.post(edit_url(initiative), data)

    assert response.status_code == 200
    assert "government_role" in response.context["form"].errors
    initiative.refresh_from_db()
    assert initiative.origin == Origin.SOCIETY


def test_step_left_over_from_the_old_origin_is_cleared(client_logged_in, user):
    initiative = InitiativeFactory(created_by=user, government_role="facilitate")

    response = client_logged_in.post(edit_url(initiative), data_of(initiative, origin=Origin.MUNICIPALITY))

    assert response.status_code == 302
    initiative.refresh_from_db()
    assert (initiative.origin, initiative.government_role) == (Origin.MUNICIPALITY, "")


def test_switching_origin_and_ladder_together_is_fine(client_logged_in, user):
    initiative = InitiativeFactory(created_by=user, government_role="facilitate")
    data = data_of(initiative, origin=Origin.MUNICIPALITY, participation_step=ParticipationStep.ADVISE)

    response = client_logged_in.post(edit_url(initiative), data)

    assert response.status_code == 302
    initiative.refresh_from_db()
    assert (initiative.origin, initiative.government_role) == (Origin.MUNICIPALITY, "")
    assert initiative.participation_step == ParticipationStep.ADVISE


def test_failed_edit_does_not_show_the_typed_title_as_saved(client_logged_in, initiative):
    response = client_logged_in.post(edit_url(initiative), data_of(initiative, title="Nieuw", story=""))

    assert response.status_code == 200
    assert response.context["initiative"].title == initiative.title


def test_initiative_keeps_a_retired_area_when_edited(client_logged_in, user):
    retired = AreaFactory(is_active=False)
    initiative = InitiativeFactory(created_by=user, area=retired)

    response = client_logged_in.post(edit_url(initiative), data_of(initiative, summary="Anders."))

    assert response.status_code == 302
    initiative.refresh_from_db()
    assert initiative.area == retired


def test_too_many_edits_in_an_hour_get_429(client_logged_in, initiative, settings):
    settings.LOKET_POSTING_RATES = {"initiative": "1/h"}
    client_logged_in.post(edit_url(initiative), data_of(initiative, summary="Een."))

    response = client_logged_in.post(edit_url(initiative), data_of(initiative, summary="Twee."))

    assert response.status_code == 429
    assert b"Twee." in response.content
    initiative.refresh_from_db()
    assert initiative.summary == "Een."


# The photo when editing --------------------------------------------------------------------------------


@pytest.fixture
def with_photo(client_logged_in, initiative, media_root):
    post_edit(
        client_logged_in,
        initiative,
        data_of(initiative, cover_alt="Een veld"),
        {"cover_image": photo_upload()},
    )
    initiative.refresh_from_db()
    assert initiative.cover_image
    return initiative


def post_edit(client, initiative, data, files=None):
    return client.post(edit_url(initiative), {**data, **(files or {})})


def test_keeping_the_photo_needs_no_new_upload(client_logged_in, with_photo):
    name = with_photo.cover_image.name

    response = post_edit(client_logged_in, with_photo, data_of(with_photo, summary="Anders."))

    assert response.status_code == 302
    with_photo.refresh_from_db()
    assert with_photo.cover_image.name == name


def test_existing_photo_still_needs_its_description(client_logged_in, with_photo):
    response = post_edit(client_logged_in, with_photo, data_of(with_photo, cover_alt=""))

    assert response.status_code == 200
    assert "cover_alt" in response.context["form"].errors


def test_new_photo_replaces_the_old_files(
    client_logged_in, with_photo, media_root, django_capture_on_commit_callbacks
):
    old_photo, old_thumbnail = with_photo.cover_image.name, with_photo.cover_thumbnail.name
    files = {"cover_image": upload(jpeg_bytes(size=(90, 90), color=(0, 0, 255)))}

    with django_capture_on_commit_callbacks(execute=True):
        response = post_edit(client_logged_in, with_photo, data_of(with_photo), files)

    assert response.status_code == 302
    with_photo.refresh_from_db()
    assert with_photo.cover_image.name != old_photo
    assert with_photo.cover_thumbnail.name != old_thumbnail
    assert (media_root / with_photo.cover_image.name).exists()
    assert (media_root / with_photo.cover_thumbnail.name).exists()
    assert not (media_root / old_photo).exists()
    assert not (media_root / old_thumbnail).exists()


def test_photo_can_be_removed(client_logged_in, with_photo, media_root, django_capture_on_commit_callbacks):
    old_photo = with_photo.cover_image.name

    with django_capture_on_commit_callbacks(execute=True):
        response = post_edit(client_logged_in, with_photo, data_of(with_photo, **{"cover_image-clear": "on"}))

    assert response.status_code == 302
    with_photo.refresh_from_db()
    assert not with_photo.cover_image
    assert not with_photo.cover_thumbnail
    assert not (media_root / old_photo).exists()


def test_removing_the_photo_needs_no_description(client_logged_in, with_photo):
    data = data_of(with_photo, **{"cover_image-clear": "on"}, cover_alt="")

    assert post_edit(client_logged_in, with_photo, data).status_code == 302


def test_bad_new_photo_keeps_the_old_one(client_logged_in, with_photo):
    name = with_photo.cover_image.name

    response = post_edit(client_logged_in, with_photo, data_of(with_photo), {"cover_image": upload(b"nee")})

    assert response.status_code == 200
    assert "cover_image" in response.context["form"].errors
    with_photo.refresh_from_db()
    assert with_photo.cover_image.name == name


# The service on its own --------------------------------------------------------------------------------


def test_service_refuses_fields_the_form_does_not_own(initiative):
    with pytest.raises(TypeError):
        initiative_update(
            initiative=initiative, by=initiative.created_by, publication_state=PublicationState.PUBLISHED
        )


def test_service_keeps_the_last_activity_untouched_by_edits_of_the_story(initiative):
    # Editing the story is not "activity" for followers; the log and help requests are.
    before = initiative.last_activity_at

    initiative_update(initiative=initiative, by=initiative.created_by, summary="Iets anders.")

    initiative.refresh_from_db()
    assert initiative.last_activity_at == before
    assert initiative.updated_at <= timezone.now()


def test_co_initiator_added_by_factory_sees_edit_link_on_detail_page(client):
    member = VerifiedUserFactory()
    initiative = InitiativeFactory(team=[member])
    client.force_login(member)

    response = client.get(initiative.get_absolute_url())

    assert edit_url(initiative).encode() in response.content
