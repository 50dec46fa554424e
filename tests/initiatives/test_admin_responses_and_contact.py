"""Moderators save an initiative's form in the management site (/beheer/): a contact person and themes, the
municipality's role or participation step, and the municipality's responses, the first of which is news
for the followers. The team's own text cannot be changed there, nor can an initiative be added."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from initiatives.choices import FollowFrequency, NotificationKind, PublicationState
from initiatives.models import MunicipalResponse, Notification
from initiatives.services.municipality import contact_person_assign
from tests.accounts.factories import staff_in_role
from tests.initiatives.admin_helpers import change_url, fresh
from tests.initiatives.factories import FollowFactory, InitiativeFactory, MunicipalResponseFactory

pytestmark = pytest.mark.django_db


# --- saving the initiative's form ---


def admin_form_data(response):
    """The change form's data as the browser would post it, unchanged."""
    data = {}
    form = response.context["adminform"].form
    for name in form.fields:
        value = form[name].value()
        if value is not None:
            data[name] = value
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        for key, value in formset.management_form.initial.items():
            data[f"{formset.prefix}-{key}"] = value
        for inline_form in formset.forms:
            for name in inline_form.fields:
                value = inline_form[name].value()
                if value is not None:
                    data[inline_form.add_prefix(name)] = value
    return data


def test_moderator_assigns_a_contact_and_themes_and_the_search_index_follows(moderator_client):
    initiative = InitiativeFactory()
    contact = staff_in_role("moderators", display_name="Wim Wijkregisseur")
    data = admin_form_data(moderator_client.get(change_url(initiative)))
    data.update({"contact_person": contact.pk, "government_role": "facilitate", "tags": "speeltuin, groen"})

    response = moderator_client.post(change_url(initiative), data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    initiative = fresh(initiative)
    assert initiative.contact_person == contact
    assert initiative.government_role == "facilitate"
    assert "speeltuin" in initiative.search_document


def test_only_active_staff_can_be_the_contact_person(moderator_client, user):
    initiative = InitiativeFactory()
    gone = staff_in_role("moderators", is_active=False)

    for person in [user, gone]:
        data = admin_form_data(moderator_client.get(change_url(initiative)))
        data["contact_person"] = person.pk
        response = moderator_client.post(change_url(initiative), data)
        assert response.status_code == 200
        assert response.context["adminform"].form.errors["contact_person"]
    assert fresh(initiative).contact_person is None


def test_the_contact_service_refuses_a_resident(moderator, user):
    with pytest.raises(ValidationError):
        contact_person_assign(initiative=InitiativeFactory(), contact=user, by=moderator)


def test_an_initiative_from_the_municipality_gets_the_participation_ladder(moderator_client):
    initiative = InitiativeFactory(from_municipality=True)
    page = moderator_client.get(change_url(initiative))
    assert "participation_step" in page.context["adminform"].form.fields
    assert "government_role" not in page.context["adminform"].form.fields
    data = admin_form_data(page)
    data["participation_step"] = "coproduce"

    assert moderator_client.post(change_url(initiative), data).status_code == 302
    assert fresh(initiative).participation_step == "coproduce"


def test_the_teams_text_cannot_be_changed_in_the_management_site(moderator_client):
    initiative = InitiativeFactory(title="Origineel")
    data = admin_form_data(moderator_client.get(change_url(initiative)))
    data.update({"title": "Aangepast", "publication_state": "draft", "story": "Weg ermee"})

    moderator_client.post(change_url(initiative), data)

    initiative = fresh(initiative)
    assert initiative.title == "Origineel"
    assert initiative.publication_state == PublicationState.PUBLISHED


def test_a_response_added_in_the_management_site_counts_as_the_first_response(
    moderator_client, moderator, mailoutbox, django_capture_on_commit_callbacks
):
    initiative = InitiativeFactory()
    follower = FollowFactory(initiative=initiative, frequency=FollowFrequency.IMMEDIATELY).user
    data = admin_form_data(moderator_client.get(change_url(initiative)))
    data["municipal_responses-0-body"] = "We komen graag een keer kijken."

    with django_capture_on_commit_callbacks(execute=True):
        response = moderator_client.post(change_url(initiative), data)

    assert response.status_code == 302
    answer = MunicipalResponse.objects.get(initiative=initiative)
    assert answer.author == moderator
    assert fresh(initiative).first_response_at == answer.created_at
    assert Notification.objects.filter(kind=NotificationKind.MUNICIPAL_RESPONSE).count() == 1
    assert [message.to for message in mailoutbox] == [[follower.email]]


def test_no_response_can_be_added_to_an_initiative_that_is_not_published(moderator_client):
    initiative = InitiativeFactory(submitted=True)
    page = moderator_client.get(change_url(initiative))
    data = admin_form_data(page)
    data["municipal_responses-0-body"] = "Alvast een reactie."

    moderator_client.post(change_url(initiative), data)

    assert not MunicipalResponse.objects.exists()
    assert fresh(initiative).first_response_at is None


def test_editing_an_existing_response_keeps_its_author(moderator_client):
    initiative = InitiativeFactory()
    answer = MunicipalResponseFactory(initiative=initiative, body="Eerste versie")
    author = answer.author
    data = admin_form_data(moderator_client.get(change_url(initiative)))
    data["municipal_responses-0-body"] = "Tweede versie"

    moderator_client.post(change_url(initiative), data)

    answer.refresh_from_db()
    assert answer.body == "Tweede versie"
    assert answer.author == author
    assert MunicipalResponse.objects.count() == 1


def test_moderators_cannot_add_an_initiative_in_the_management_site(moderator_client):
    assert moderator_client.get(reverse("admin:initiatives_initiative_add")).status_code == 403
