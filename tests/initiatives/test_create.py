"""Registering an initiative: /initiatieven/nieuw/ (views.editing.create, services.authoring). Who may
register, what a registration saves, and the address it gets. Wrong input and the cover photo have their own
modules (test_create_wrong_input.py, test_create_photo.py)."""

import pytest
from django.urls import reverse

from initiatives.choices import (
    FixedPath,
    GovernmentRole,
    Origin,
    ParticipationStep,
    PublicationState,
    Stage,
    TeamRole,
)
from initiatives.forms.authoring import InitiativeForm
from initiatives.models import Initiative, TeamMembership
from initiatives.services.authoring import initiative_unique_slug
from tests.accounts.factories import UserFactory
from tests.flywheels.factories import ConceptFactory
from tests.initiatives.authoring_helpers import CREATE_URL, initiative_data, post_create

pytestmark = pytest.mark.django_db


# Who may register --------------------------------------------------------------------------------------


def test_anonymous_visitor_is_sent_to_log_in(client):
    response = client.get(CREATE_URL)

    assert response.status_code == 302
    assert reverse("account_login") in response.url
    assert "next=" in response.url


def test_resident_with_unconfirmed_email_gets_an_explanation_not_a_form(client, area):
    resident = UserFactory()
    client.force_login(resident)

    response = client.get(CREATE_URL)

    assert response.status_code == 403
    assert response.context["needs_verified_email"]
    assert "form" not in response.context
    assert reverse("account_email").encode() in response.content


def test_resident_with_unconfirmed_email_cannot_post_either(client, area):
    client.force_login(UserFactory())

    response = post_create(client, initiative_data(area))

    assert response.status_code == 403
    assert not Initiative.objects.exists()


def test_confirmed_resident_sees_the_form(client_logged_in, area):
    response = client_logged_in.get(CREATE_URL)

    assert response.status_code == 200
    assert isinstance(response.context["form"], InitiativeForm)
    assert b'enctype="multipart/form-data"' in response.content
    assert b'name="website"' in response.content  # the honeypot


# Happy path --------------------------------------------------------------------------------------------


def test_resident_registers_a_draft_and_becomes_its_initiator(client_logged_in, user, area):
    concept = ConceptFactory()

    response = post_create(client_logged_in, initiative_data(area, concepts=[str(concept.pk)]))

    initiative = Initiative.objects.get()
    assert response.status_code == 302
    assert response.url == initiative.get_absolute_url()
    assert initiative.title == "Natuurspeelplaats De Huet"
    assert initiative.slug == "natuurspeelplaats-de-huet"
    assert initiative.publication_state == PublicationState.DRAFT
    assert initiative.published_at is None
    assert initiative.created_by == user
    assert initiative.area == area
    assert sorted(initiative.tags.names()) == ["groen", "spelen"]
    assert list(initiative.concepts.all()) == [concept]
    membership = TeamMembership.objects.get(initiative=initiative)
    assert (membership.user, membership.role) == (user, TeamRole.INITIATOR)
    assert "Natuurspeelplaats" in Initiative.objects.get().search_document


def test_after_registering_the_resident_is_told_it_is_a_draft(client_logged_in, area):
    response = client_logged_in.post(CREATE_URL, initiative_data(area), follow=True)

    messages = [str(message) for message in response.context["messages"]]
    assert len(messages) == 1
    assert response.context["initiative"].publication_state == PublicationState.DRAFT


def test_a_new_draft_is_not_public(client, client_logged_in, area):
    post_create(client_logged_in, initiative_data(area))
    initiative = Initiative.objects.get()
    client_logged_in.logout()

    response = client.get(initiative.get_absolute_url())

    assert response.status_code == 404


def test_society_initiative_records_the_municipalitys_role(client_logged_in, area):
    post_create(client_logged_in, initiative_data(area, government_role=GovernmentRole.FACILITATE))

    initiative = Initiative.objects.get()
    assert initiative.government_role == GovernmentRole.FACILITATE
    assert initiative.participation_step == ""


def test_municipal_initiative_records_the_participation_step(client_logged_in, area):
    data = initiative_data(area, origin=Origin.MUNICIPALITY, participation_step=ParticipationStep.CODECIDE)

    post_create(client_logged_in, data)

    initiative = Initiative.objects.get()
    assert initiative.participation_step == ParticipationStep.CODECIDE
    assert initiative.government_role == ""


def test_links_are_stored_one_per_line(client_logged_in, area):
    links = "  https://natuurspeelplaats.nl  \n\nhttp://facebook.com/dehuet\n"

    post_create(client_logged_in, initiative_data(area, links=links))

    assert Initiative.objects.get().link_list == [
        "https://natuurspeelplaats.nl",
        "http://facebook.com/dehuet",
    ]


# Slugs -------------------------------------------------------------------------------------------------


def test_same_title_gets_a_numbered_web_address(client_logged_in, area):
    for _attempt in range(3):
        post_create(client_logged_in, initiative_data(area, title="Buurtfeest"))

    slugs = sorted(Initiative.objects.values_list("slug", flat=True))
    assert slugs == ["buurtfeest", "buurtfeest-2", "buurtfeest-3"]


@pytest.mark.parametrize("word", sorted(FixedPath))
def test_title_that_is_a_fixed_page_gets_another_address(word):
    slug = initiative_unique_slug(word)

    assert slug not in set(FixedPath)
    assert slug == f"{word}-2"


def test_reserved_title_still_leads_to_its_own_page(client_logged_in, area):
    post_create(client_logged_in, initiative_data(area, title="Nieuw"))

    initiative = Initiative.objects.get()
    assert initiative.slug == "nieuw-2"
    assert client_logged_in.get(initiative.get_absolute_url()).status_code == 200


def test_title_without_letters_gets_a_fallback_address():
    assert initiative_unique_slug("!!! ???") == "initiatief"
    assert initiative_unique_slug("🌳🌳") == "initiatief"


def test_accents_are_dropped_from_the_address():
    assert initiative_unique_slug("Café Één") == "cafe-een"


def test_very_long_title_gives_an_address_that_fits():
    slug = initiative_unique_slug("woord " * 40)

    assert len(slug) <= Initiative._meta.get_field("slug").max_length
    assert not slug.endswith("-")


def test_stage_choices_are_all_offered(client_logged_in):
    response = client_logged_in.get(CREATE_URL)

    for value in Stage.values:
        assert f'value="{value}"'.encode() in response.content
