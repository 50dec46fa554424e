"""Moderators publish and reject initiatives in the management site (/beheer/); the team hears it by email.
A civil servant in the moderators group can do it without being a superuser; nobody else can."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from initiatives.choices import PublicationState
from initiatives.services.publication import initiative_publish, initiative_reject
from moderation.services import item_hide
from tests.accounts.factories import staff_in_role
from tests.initiatives.admin_helpers import CHANGELIST, change_url, fresh, moderation_url
from tests.initiatives.factories import InitiativeFactory, VerifiedUserFactory

pytestmark = pytest.mark.django_db


def submitted_with_team():
    co_initiator = VerifiedUserFactory(display_name="Coen")
    return InitiativeFactory(submitted=True, team=[co_initiator], title="Speeltuin aan de Slingeplas")


# --- publishing ---


def test_moderator_publishes_a_submitted_initiative_from_its_page(
    moderator_client, mailoutbox, django_capture_on_commit_callbacks
):
    initiative = submitted_with_team()
    page = moderator_client.get(change_url(initiative))
    assert moderation_url(initiative, "publish") in page.content.decode()
    confirm = moderator_client.get(moderation_url(initiative, "publish"))
    assert confirm.status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        response = moderator_client.post(moderation_url(initiative, "publish"))

    assert response.status_code == 302
    assert response["Location"] == change_url(initiative)
    initiative = fresh(initiative)
    assert initiative.publication_state == PublicationState.PUBLISHED
    assert initiative.published_at is not None
    assert timezone.now() - initiative.last_activity_at < datetime.timedelta(minutes=1)
    team_emails = {membership.user.email for membership in initiative.memberships.select_related("user")}
    assert {message.to[0] for message in mailoutbox} == team_emails
    assert len(mailoutbox) == 2
    assert initiative.get_absolute_url() in mailoutbox[0].body
    assert "Speeltuin aan de Slingeplas" in mailoutbox[0].subject


def test_publishing_a_hidden_initiative_again_keeps_its_first_publication_date(moderator):
    first = timezone.now() - datetime.timedelta(days=30)
    initiative = InitiativeFactory(published_at=first)
    item_hide(item=initiative, by=moderator, reason="Tijdelijk offline.")

    initiative_publish(initiative=fresh(initiative), by=moderator)

    assert fresh(initiative).publication_state == PublicationState.PUBLISHED
    assert fresh(initiative).published_at == first


def test_publishing_clears_an_earlier_rejection_reason(moderator):
    initiative = InitiativeFactory(submitted=True, rejection_reason="Nog wat vaag.")

    initiative_publish(initiative=initiative, by=moderator)

    assert fresh(initiative).rejection_reason == ""


@pytest.mark.parametrize("state", ["draft", "rejected"])
def test_an_initiative_that_was_not_submitted_cannot_be_published(moderator, state, mailoutbox):
    initiative = InitiativeFactory(**{state: True})

    with pytest.raises(ValidationError):
        initiative_publish(initiative=initiative, by=moderator)

    assert fresh(initiative).publication_state == state
    assert mailoutbox == []


def test_the_publish_button_of_a_draft_only_explains_why_not(moderator_client):
    initiative = InitiativeFactory(draft=True)

    response = moderator_client.post(moderation_url(initiative, "publish"))

    assert response.status_code == 302
    assert fresh(initiative).publication_state == PublicationState.DRAFT
    assert (
        moderation_url(initiative, "publish")
        not in moderator_client.get(change_url(initiative)).content.decode()
    )


# --- rejecting ---


def test_moderator_rejects_with_a_reason_that_the_team_gets_by_email(
    moderator_client, mailoutbox, django_capture_on_commit_callbacks
):
    initiative = submitted_with_team()
    reason = "Vertel iets meer over wie er meedoen."
    assert moderator_client.get(moderation_url(initiative, "reject")).status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        response = moderator_client.post(moderation_url(initiative, "reject"), {"reason": f"  {reason}  "})

    assert response.status_code == 302
    initiative = fresh(initiative)
    assert initiative.publication_state == PublicationState.REJECTED
    assert initiative.rejection_reason == reason
    assert len(mailoutbox) == 2
    for message in mailoutbox:
        assert reason in message.body
        assert reverse("initiatives:initiative_edit", kwargs={"slug": initiative.slug}) in message.body


@pytest.mark.parametrize("reason", ["", "   ", "x" * 2001])
def test_rejecting_without_a_proper_reason_shows_the_form_again(moderator_client, mailoutbox, reason):
    initiative = InitiativeFactory(submitted=True)

    response = moderator_client.post(moderation_url(initiative, "reject"), {"reason": reason})

    assert response.status_code == 200
    assert response.context["form"].errors["reason"]
    assert fresh(initiative).publication_state == PublicationState.SUBMITTED
    assert mailoutbox == []


def test_a_reason_with_html_is_stored_as_typed_and_escaped_on_the_page(moderator_client):
    initiative = InitiativeFactory(submitted=True)
    hostile = '<script>alert("x")</script>'

    moderator_client.post(moderation_url(initiative, "reject"), {"reason": hostile})
    page = moderator_client.get(change_url(initiative)).content.decode()

    assert fresh(initiative).rejection_reason == hostile
    assert hostile not in page
    assert "&lt;script&gt;" in page


def test_the_service_refuses_a_rejection_without_reason(moderator):
    initiative = InitiativeFactory(submitted=True)

    with pytest.raises(ValidationError):
        initiative_reject(initiative=initiative, by=moderator, reason=" ")


def test_a_published_initiative_cannot_be_rejected(moderator):
    with pytest.raises(ValidationError):
        initiative_reject(initiative=InitiativeFactory(), by=moderator, reason="Toch niet.")


# --- who may ---


def test_council_member_sees_a_published_initiative_but_cannot_decide_on_it(council_client):
    initiative = InitiativeFactory()

    listing = council_client.get(reverse(CHANGELIST))
    assert listing.status_code == 200
    assert "hide_selected" not in listing.content.decode()
    page = council_client.get(change_url(initiative))
    assert page.status_code == 200
    assert moderation_url(initiative, "hide") not in page.content.decode()
    assert council_client.get(moderation_url(initiative, "hide")).status_code == 403
    assert council_client.post(moderation_url(initiative, "reject"), {"reason": "Nee."}).status_code == 403
    council_client.post(
        reverse(CHANGELIST), {"action": "hide_selected", "_selected_action": [initiative.pk], "post": "1"}
    )

    assert fresh(initiative).publication_state == PublicationState.PUBLISHED


def test_council_member_does_not_find_a_submitted_initiative_to_publish(council_client):
    """Only the team and the moderators see an initiative before it is published."""
    initiative = InitiativeFactory(submitted=True)

    assert council_client.get(change_url(initiative)).status_code == 302  # "does not exist"
    assert council_client.get(moderation_url(initiative, "publish")).status_code == 404
    assert council_client.post(moderation_url(initiative, "publish")).status_code == 404
    council_client.post(
        reverse(CHANGELIST), {"action": "publish_selected", "_selected_action": [initiative.pk]}
    )

    assert fresh(initiative).publication_state == PublicationState.SUBMITTED


def test_resident_is_kept_out_of_the_moderation_pages(client_logged_in):
    initiative = InitiativeFactory(submitted=True)

    response = client_logged_in.post(moderation_url(initiative, "publish"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))
    assert fresh(initiative).publication_state == PublicationState.SUBMITTED


def test_the_services_refuse_someone_who_is_not_a_moderator(user):
    council = staff_in_role("council")
    initiative = InitiativeFactory(submitted=True)

    for person in [user, council, None]:
        with pytest.raises(PermissionDenied):
            initiative_publish(initiative=initiative, by=person)
        with pytest.raises(PermissionDenied):
            initiative_reject(initiative=initiative, by=person, reason="Nee.")
    with pytest.raises(PermissionDenied):
        item_hide(item=InitiativeFactory(), by=council, reason="Nee.")


def test_moderator_pages_for_an_unknown_initiative_are_not_found(moderator_client):
    assert (
        moderator_client.get(reverse("admin:initiatives_initiative_publish", args=[999999])).status_code
        == 404
    )
