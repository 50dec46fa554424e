"""The data export holds everything the site keeps about the person (AVG/GDPR): what their initiatives
tell, the team's help requests and their answers to offers, invitations sent and received, the decisions
about what they posted and about their account. The whole person at once is in test_privacy_everything.py;
what they do with others' initiatives is in test_export_initiatives.py."""

import pytest
from django.apps import apps

from accounts.roles import Role
from accounts.services import user_delete, user_export_data
from initiatives.choices import HelpKind
from initiatives.services import authoring, help_requests, municipality, publication
from moderation import services as moderation
from tests.accounts.factories import staff_in_role
from tests.accounts.privacy_helpers import invite
from tests.initiatives.factories import (
    CommentFactory,
    HelpOfferFactory,
    HelpRequestFactory,
    InitiativeFactory,
    NotificationFactory,
    VerifiedUserFactory,
)
from tests.knowledgebase.factories import CaseAnalysisFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator(db):
    return staff_in_role(Role.MODERATOR, display_name="Mira Moderator")


def test_the_export_holds_what_their_initiatives_tell(user):
    InitiativeFactory(
        created_by=user,
        title="Pluktuin",
        summary="Fruit voor de wijk.",
        story="Het begon met een appelboom.",
        links="https://pluktuin.example.org/",
        tags=["groen", "eten"],
    )

    initiative = user_export_data(user=user)["initiatives"][0]

    assert (initiative["title"], initiative["summary"], initiative["story"], initiative["links"]) == (
        "Pluktuin",
        "Fruit voor de wijk.",
        "Het begon met een appelboom.",
        "https://pluktuin.example.org/",
    )
    assert initiative["themes"] == ["eten", "groen"]


def test_the_export_holds_their_teams_help_requests_and_their_answers_to_offers(user):
    initiative = InitiativeFactory(created_by=user)
    help_request = HelpRequestFactory(
        initiative=initiative, title="Sjouwers", description="Zaterdag om tien."
    )
    offer = HelpOfferFactory(help_request=help_request, message="Ik kom.")
    help_requests.help_offer_reply(offer=offer, by=user, reply="Fijn, tot zaterdag!")
    HelpRequestFactory(title="Van een ander team")

    data = user_export_data(user=user)

    assert [(row["title"], row["description"]) for row in data["help_requests"]] == [
        ("Sjouwers", "Zaterdag om tien.")
    ]
    assert [(row["help_request"], row["reply"]) for row in data["help_offer_replies"]] == [
        ("Sjouwers", "Fijn, tot zaterdag!")
    ]


def test_the_export_holds_invitations_they_sent_and_received(user):
    mine = InitiativeFactory(created_by=user, title="Mijn plan")
    theirs = InitiativeFactory(title="Hun plan")
    invite(mine, "vriend@example.org", by=user)
    authoring.invitation_accept(token=invite(theirs, user.email.upper(), by=theirs.created_by), user=user)

    data = user_export_data(user=user)

    assert [(row["initiative"], row["email"]) for row in data["invitations_sent"]] == [
        ("Mijn plan", "vriend@example.org")
    ]
    assert [(row["initiative"], row["accepted"] is not None) for row in data["invitations_received"]] == [
        ("Hun plan", True)
    ]


def test_the_export_holds_the_decisions_about_their_work_and_their_account(user, moderator):
    rejected = InitiativeFactory(created_by=user, submitted=True, title="Te vroeg")
    publication.initiative_reject(initiative=rejected, by=moderator, reason="Beschrijf het plan.")
    comment = CommentFactory(author=user, body="Wat een gedoe.")
    moderation.item_hide(item=comment, by=moderator, reason="Niet nodig.")
    moderation.user_block(user=user, by=moderator, hard=False, reason="Te vaak.")
    moderation.item_hide(item=CommentFactory(), by=moderator, reason="Over iemand anders.")
    user.refresh_from_db()

    data = user_export_data(user=user)

    assert [(row["action"], row["about"], row["reason"]) for row in data["decisions"]] == [
        ("reject", "Te vroeg", "Beschrijf het plan."),
        ("hide", "Wat een gedoe.", "Niet nodig."),
        ("block", user.display_name, "Te vaak."),
    ]
    assert data["initiatives"][0]["reason_for_rejection"] == "Beschrijf het plan."
    assert data["account"]["blocked"]["reason"] == "Te vaak."


def test_the_export_holds_their_notifications_and_the_analyses_that_name_them(user):
    notification = NotificationFactory(follow__user=user, title="Nieuw: de bankjes staan er")
    NotificationFactory(title="Voor iemand anders")
    CaseAnalysisFactory(title="Wat de pluktuin leerde").contributors.add(user)

    data = user_export_data(user=user)

    assert [row["title"] for row in data["notifications"]] == [notification.title]
    assert [row["title"] for row in data["case_analyses"]] == ["Wat de pluktuin leerde"]


def test_the_export_of_a_civil_servant_holds_what_the_site_names_them_for(moderator):
    initiative = InitiativeFactory(contact_person=moderator, title="Speelplek")
    municipality.municipal_response_create(initiative=initiative, author=moderator, body="We denken mee.")
    moderation.item_hide(item=CommentFactory(), by=moderator, reason="Grof.")

    data = user_export_data(user=moderator)

    assert data["account"]["roles"] == [Role.MODERATOR]
    assert [row["text"] for row in data["municipal_responses"]] == ["We denken mee."]
    assert data["contact_person_for"] == ["Speelplek"]
    assert [row["action"] for row in data["decisions_taken"]] == ["hide"]


def _a_lot_of(person, moderator, rows):
    for number in range(rows):
        initiative = InitiativeFactory(created_by=person, tags=[f"thema-{number}"])
        HelpOfferFactory(
            help_request=HelpRequestFactory(initiative=initiative), reply="Ja", replied_by=person
        )
        invite(initiative, f"vriend{number}@example.org", by=person)
        invite(InitiativeFactory(), person.email, by=moderator)
        NotificationFactory(follow__user=person)
        moderation.item_hide(item=CommentFactory(author=person), by=moderator, reason="Nee.")
        CaseAnalysisFactory().contributors.add(person)


def test_the_export_runs_the_same_queries_for_little_and_much(count_queries, moderator):
    few, many = VerifiedUserFactory(), VerifiedUserFactory()
    _a_lot_of(few, moderator, rows=1)
    _a_lot_of(many, moderator, rows=8)

    few_queries = count_queries(lambda: user_export_data(user=few))
    many_queries = count_queries(lambda: user_export_data(user=many))

    assert len(count_queries.result["invitations_received"]) == 8
    assert few_queries == many_queries


@pytest.mark.skipif(not apps.is_installed("allauth.mfa"), reason="two-factor authentication is not installed")
def test_the_export_names_their_authenticators_and_erasure_removes_them(user):
    from allauth.mfa.models import Authenticator

    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={"secret": "geheim"})

    assert [row["type"] for row in user_export_data(user=user)["authenticators"]] == ["totp"]
    assert "geheim" not in str(user_export_data(user=user))
    user_delete(user=user)
    assert not Authenticator.objects.exists()


def test_help_requests_of_a_team_are_in_each_members_export_once(user, other_user):
    initiative = InitiativeFactory(created_by=user, team=[other_user])
    help_requests.help_request_create(
        initiative=initiative, kind=HelpKind.MATERIALS, title="Kruiwagen", description="Eentje maar."
    )

    assert [row["title"] for row in user_export_data(user=user)["help_requests"]] == ["Kruiwagen"]
    assert [row["title"] for row in user_export_data(user=other_user)["help_requests"]] == ["Kruiwagen"]
