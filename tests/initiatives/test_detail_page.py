"""The header, facts and team tools of an initiative's page (includes/detail/header, facts, team_tools)."""

import pytest
from django.urls import reverse
from django.utils import translation

from accounts.roles import Role
from initiatives.choices import GovernmentRole, ParticipationStep, PublicationState
from tests.accounts.factories import staff_in_role
from tests.flywheels.factories import ConceptFactory
from tests.html import elements, parse, text_of
from tests.initiatives.authoring_helpers import initiative_data, photo_upload
from tests.initiatives.factories import InitiativeFactory, VerifiedUserFactory
from tests.places.factories import AreaFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english(client, settings):
    # The page's words are compared in English, the language they are written in: the visitor chose it.
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("en"):
        yield


def page(client, initiative):
    response = client.get(initiative.get_absolute_url())
    assert response.headers["Content-Language"] == "en"
    return response, response.content.decode()


# Who sees which state ----------------------------------------------------------------------------------


@pytest.mark.parametrize("state", ["draft", "submitted", "rejected", "hidden"])
def test_unpublished_initiative_is_404_for_the_public(client, other_user, state):
    initiative = InitiativeFactory(**{state: True})

    assert client.get(initiative.get_absolute_url()).status_code == 404
    client.force_login(other_user)
    assert client.get(initiative.get_absolute_url()).status_code == 404


def test_team_sees_its_draft_with_a_draft_badge(client_logged_in, user):
    draft = InitiativeFactory(created_by=user, draft=True)

    response, html = page(client_logged_in, draft)

    assert response.status_code == 200
    assert 'class="utrecht-status-badge utrecht-status-badge--warning' in html
    assert str(PublicationState.DRAFT.label).capitalize() in html
    assert "only the team and the moderators can see this page" in html


def test_moderator_sees_a_submitted_initiative_without_team_tools(client):
    submitted = InitiativeFactory(submitted=True)
    client.force_login(staff_in_role(Role.MODERATOR))

    response, html = page(client, submitted)

    assert response.status_code == 200
    assert "Submitted for review" in html
    assert reverse("initiatives:initiative_edit", kwargs={"slug": submitted.slug}) not in html


def test_team_reads_why_its_initiative_was_rejected(client_logged_in, user):
    rejected = InitiativeFactory(created_by=user, rejected=True, rejection_reason="Voeg <b>een foto</b> toe.")

    _response, html = page(client_logged_in, rejected)

    assert "Voeg &lt;b&gt;een foto&lt;/b&gt; toe." in html
    assert reverse("initiatives:initiative_submit", kwargs={"slug": rejected.slug}) in html


def test_published_page_has_no_state_warning(client):
    response, html = page(client, InitiativeFactory())

    assert response.status_code == 200
    assert "publication-state" not in html
    assert "utrecht-status-badge--warning" not in html


def test_hidden_initiative_tells_the_team_it_is_frozen(client_logged_in, user):
    hidden = InitiativeFactory(created_by=user, hidden=True)

    response, html = page(client_logged_in, hidden)

    assert response.status_code == 200
    assert "Hidden by a moderator" in html
    assert reverse("initiatives:initiative_edit", kwargs={"slug": hidden.slug}) not in html


# Header ------------------------------------------------------------------------------------------------


def test_header_has_title_summary_stage_and_origin(client):
    initiative = InitiativeFactory(title="Dorpsplan Wehl", summary="Het dorp maakt samen een plan.")

    _response, html = page(client, initiative)

    [heading] = elements(parse(html), "h1")
    assert heading["class"] == ["utrecht-heading-1"]
    assert text_of(heading) == "Dorpsplan Wehl"
    assert "Het dorp maakt samen een plan." in html
    assert "Running" in html
    assert "From society" in html


def test_cover_photo_is_shown_with_its_description(client_logged_in, user, media_root):
    initiative = InitiativeFactory(created_by=user)
    client_logged_in.post(
        reverse("initiatives:initiative_edit", kwargs={"slug": initiative.slug}),
        {
            **initiative_data(initiative.area, title=initiative.title, cover_alt="Kinderen bij een hut"),
            "cover_image": photo_upload(),
        },
    )
    initiative.refresh_from_db()

    _response, html = page(client_logged_in, initiative)

    assert f'src="{initiative.cover_image.url}" alt="Kinderen bij een hut"' in html


# Facts -------------------------------------------------------------------------------------------------


def test_facts_show_area_stage_team_and_themes(client, other_user):
    area = AreaFactory(name="Testdorp Langbroek")
    initiative = InitiativeFactory(area=area, team=[other_user], tags=["groen", "Spelen in de wijk"])
    initiator = initiative.created_by

    _response, html = page(client, initiative)

    assert "Testdorp Langbroek" in html
    assert initiator.display_name in html
    assert "Nico" in html
    assert "(initiator)" in html
    assert "(co-initiator)" in html
    assert f'{reverse("initiatives:initiative_list")}?thema=groen"' in html
    assert "?thema=spelen-in-de-wijk" in html


def test_facts_link_the_flywheel_concepts(client):
    concept = ConceptFactory(label_en="Ownership")
    initiative = InitiativeFactory()
    initiative.concepts.add(concept)

    _response, html = page(client, initiative)

    assert f'href="{concept.get_absolute_url()}"' in html
    assert "Ownership" in html


def test_facts_show_the_municipalitys_role_for_a_society_initiative(client):
    initiative = InitiativeFactory(government_role=GovernmentRole.FACILITATE)

    _response, html = page(client, initiative)

    assert "Role of the municipality" in html
    assert "Facilitate" in html


def test_facts_show_the_participation_step_for_a_municipal_initiative(client):
    initiative = InitiativeFactory(from_municipality=True, participation_step=ParticipationStep.CODECIDE)

    _response, html = page(client, initiative)

    assert "Participation of residents" in html
    assert "Co-decide" in html


def test_facts_name_the_municipalitys_contact_with_their_role(client):
    contact = VerifiedUserFactory(is_staff=True, display_name="Sanne", public_role="wijkregisseur De Huet")
    initiative = InitiativeFactory(contact_person=contact)

    _response, html = page(client, initiative)

    assert "Sanne, wijkregisseur De Huet" in html
    assert "named contact" in html


def test_facts_say_when_there_is_no_contact_yet(client):
    _response, html = page(client, InitiativeFactory())

    assert "Not assigned yet." in html


def test_names_and_themes_are_escaped(client):
    member = VerifiedUserFactory(display_name="<script>alert(1)</script>")
    initiative = InitiativeFactory(team=[member], tags=["<img src=x onerror=alert(1)>"])

    _response, html = page(client, initiative)

    assert "<script>alert(1)" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;alert(1)" in html


# Team tools --------------------------------------------------------------------------------------------


def test_team_tools_show_the_teams_actions(client_logged_in, user):
    initiative = InitiativeFactory(created_by=user)

    _response, html = page(client_logged_in, initiative)

    for name in (
        "initiative_edit",
        "log_entry_create",
        "help_request_create",
        "help_offer_list",
        "team_edit",
    ):
        assert reverse(f"initiatives:{name}", kwargs={"slug": initiative.slug}) in html
    assert (
        reverse("initiatives:initiative_submit", kwargs={"slug": initiative.slug}) not in html
    )  # already published


def test_visitors_do_not_see_team_tools(client, other_user):
    initiative = InitiativeFactory()
    client.force_login(other_user)

    _response, html = page(client, initiative)

    assert 'id="team-tools-title"' not in html
    assert reverse("initiatives:initiative_edit", kwargs={"slug": initiative.slug}) not in html


def test_submit_is_a_real_post_button(client_logged_in, user):
    draft = InitiativeFactory(created_by=user, draft=True)

    _response, html = page(client_logged_in, draft)

    submit_url = reverse("initiatives:initiative_submit", kwargs={"slug": draft.slug})
    [form] = elements(parse(html), "form", action=submit_url)
    assert form["method"] == "post"
    assert elements(form, "input", name="csrfmiddlewaretoken")


def test_facts_run_the_same_queries_for_a_big_team_and_many_themes(client_logged_in, user, count_queries):
    small = InitiativeFactory(created_by=user, tags=["a"])
    small.concepts.add(ConceptFactory())
    big = InitiativeFactory(
        created_by=user, team=VerifiedUserFactory.create_batch(30), tags=[f"thema {n}" for n in range(25)]
    )
    big.concepts.add(*ConceptFactory.create_batch(12))

    def visit(initiative):
        return lambda: client_logged_in.get(initiative.get_absolute_url())

    count_queries(visit(small))  # warm up: session, language, content types

    assert count_queries(visit(big)) == count_queries(visit(small))
