"""My initiatives: the team's initiatives by publication state, offers received and made, what I follow."""

import pytest
from django.urls import reverse

from initiatives.choices import PublicationState
from tests.initiatives.factories import (
    FollowFactory,
    HelpOfferFactory,
    HelpRequestFactory,
    InitiativeFactory,
    VerifiedUserFactory,
)
from tests.initiatives.participation_helpers import url

pytestmark = pytest.mark.django_db

MINE = reverse("initiatives:own_initiative_list")


def test_anonymous_visitor_is_sent_to_login(client):
    response = client.get(MINE)

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_member_without_initiatives_is_invited_to_register_one(client_logged_in):
    response = client_logged_in.get(MINE)

    assert response.status_code == 200
    assert response.context["has_initiatives"] is False
    assert reverse("initiatives:initiative_create") in response.content.decode()


def test_initiatives_are_grouped_by_publication_state(client, user):
    InitiativeFactory(created_by=user, draft=True, title="Mijn concept")
    InitiativeFactory(created_by=user, submitted=True, title="Mijn ingediende")
    InitiativeFactory(created_by=user, title="Mijn gepubliceerde")
    InitiativeFactory(
        created_by=user, rejected=True, title="Mijn afgewezen", rejection_reason="Te <b>vaag</b>."
    )
    InitiativeFactory(created_by=user, hidden=True, title="Mijn verborgen")
    client.force_login(user)

    response = client.get(MINE)

    groups = {
        group["state"]: [m.initiative.title for m in group["memberships"]]
        for group in response.context["groups"]
    }
    assert groups == {
        PublicationState.DRAFT: ["Mijn concept"],
        PublicationState.SUBMITTED: ["Mijn ingediende"],
        PublicationState.PUBLISHED: ["Mijn gepubliceerde"],
        PublicationState.REJECTED: ["Mijn afgewezen"],
        PublicationState.HIDDEN: ["Mijn verborgen"],
    }
    content = response.content.decode()
    assert "Te &lt;b&gt;vaag&lt;/b&gt;." in content


def test_co_initiator_sees_the_initiative_and_others_do_not(client, user, other_user):
    InitiativeFactory(team=[user], title="Samen met Ivo")
    InitiativeFactory(created_by=other_user, draft=True, title="Geheim plan van een ander")
    client.force_login(user)

    content = client.get(MINE).content.decode()

    assert "Samen met Ivo" in content
    assert "Geheim plan van een ander" not in content


def test_team_gets_links_to_edit_team_and_offers_with_counts(client, user):
    initiative = InitiativeFactory(created_by=user)
    help_request = HelpRequestFactory(initiative=initiative)
    HelpOfferFactory.create_batch(2, help_request=help_request)
    HelpOfferFactory(help_request=help_request, reply="Dank je!")
    client.force_login(user)

    response = client.get(MINE)

    membership = response.context["groups"][0]["memberships"][0]
    assert (membership.offer_count, membership.open_offer_count) == (3, 2)
    content = response.content.decode()
    assert url("initiative_edit", initiative) in content
    assert url("team_edit", initiative) in content
    assert url("help_offer_list", initiative) in content


def test_hidden_initiative_gets_no_edit_link(client, user):
    initiative = InitiativeFactory(created_by=user, hidden=True)
    client.force_login(user)

    content = client.get(MINE).content.decode()

    assert url("initiative_edit", initiative) not in content


def test_own_offers_of_help_are_listed_with_the_teams_answer(client, user, other_user):
    answered = HelpOfferFactory(
        offered_by=user,
        message="Ik heb een aanhanger.",
        reply="Top, we bellen je.",
        replied_by=VerifiedUserFactory(display_name="Ivo"),
        help_request=HelpRequestFactory(title="Wie helpt sjouwen?"),
    )
    HelpOfferFactory(offered_by=user, message="Ik kan koken.")
    HelpOfferFactory(offered_by=other_user, message="Dit is van een ander.")
    client.force_login(user)

    content = client.get(MINE).content.decode()

    assert "Wie helpt sjouwen?" in content
    assert answered.help_request.initiative.title in content
    assert "Ik heb een aanhanger." in content
    assert "Top, we bellen je." in content
    assert "Ivo" in content
    assert "Ik kan koken." in content
    assert "Dit is van een ander." not in content


def test_page_links_to_what_i_follow_with_the_count(client, user):
    FollowFactory.create_batch(3, user=user)
    client.force_login(user)

    response = client.get(MINE)

    assert response.context["follow_count"] == 3
    assert reverse("initiatives:followed_initiative_list") in response.content.decode()


def _fill(person, rows):
    states = [{}, {"draft": True}, {"submitted": True}, {"rejected": True}, {"hidden": True}]
    for number in range(rows):
        initiative = InitiativeFactory(created_by=person, **states[number % len(states)])
        HelpOfferFactory.create_batch(2, help_request=HelpRequestFactory(initiative=initiative))
        HelpOfferFactory(offered_by=person, reply="Graag!")
    FollowFactory.create_batch(rows, user=person)


def test_my_initiatives_runs_the_same_queries_for_few_and_many(client, count_queries):
    few, many = VerifiedUserFactory(), VerifiedUserFactory()
    _fill(few, 5)
    _fill(many, 40)

    client.force_login(few)
    few_queries = count_queries(lambda: client.get(MINE))  # count_queries checks that each is a 200
    client.force_login(many)
    many_queries = count_queries(lambda: client.get(MINE))

    assert few_queries == many_queries, f"{few_queries} queries with few rows, {many_queries} with many"


def test_drafts_and_rejected_initiatives_can_be_submitted_from_here(client, user):
    draft = InitiativeFactory(created_by=user, draft=True)
    rejected = InitiativeFactory(created_by=user, rejected=True)
    published = InitiativeFactory(created_by=user)
    client.force_login(user)

    content = client.get(MINE).content.decode()

    assert url("initiative_submit", draft) in content
    assert url("initiative_submit", rejected) in content
    assert url("initiative_submit", published) not in content
