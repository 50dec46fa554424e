"""The personal data export includes what a person did with initiatives, and nothing of anyone else."""

import datetime
import json

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.services import user_export_data
from initiatives.choices import FollowFrequency, LogKind, TeamRole
from lab.models import LabSession, Registration, RegistrationStatus, Signal, SignalMessage
from moderation.models import Report, ReportReason
from tests.initiatives.factories import (
    CommentFactory,
    FollowFactory,
    HelpOfferFactory,
    HelpRequestFactory,
    InitiativeFactory,
    LogEntryFactory,
    SupportFactory,
    VerifiedUserFactory,
)

pytestmark = pytest.mark.django_db

EXPORT = reverse("accounts:data_export")


def _everything_of(person, other, rows=1):
    for number in range(rows):
        own = InitiativeFactory(created_by=person, title=f"Eigen initiatief {number}")
        shared = InitiativeFactory(team=[person], title=f"Gedeeld initiatief {number}")
        LogEntryFactory(initiative=own, author=person, kind=LogKind.DILEMMA, title=f"Ons dilemma {number}")
        HelpOfferFactory(
            offered_by=person,
            help_request=HelpRequestFactory(initiative=shared, title=f"Hulpvraag {number}"),
            message=f"Ik help mee {number}",
            reply="Bedankt!",
        )
        SupportFactory(user=person, initiative=shared, is_named=True)
        FollowFactory(user=person, initiative=shared, frequency=FollowFrequency.WEEKLY)
        CommentFactory(author=person, initiative=shared, body=f"Mijn reactie {number}")
    # Someone else's activity on the same initiatives must stay out.
    shared = InitiativeFactory(created_by=other, title="Van een ander")
    CommentFactory(author=other, initiative=shared, body="Reactie van een ander")
    HelpOfferFactory(offered_by=other, message="Aanbod van een ander")
    SupportFactory(user=other, initiative=shared)
    FollowFactory(user=other, initiative=shared)


def test_export_lists_initiatives_with_titles_and_roles(user, other_user):
    _everything_of(user, other_user)

    data = user_export_data(user=user)

    roles = {item["title"]: item["role"] for item in data["initiatives"]}
    assert roles == {"Eigen initiatief 0": TeamRole.INITIATOR, "Gedeeld initiatief 0": TeamRole.CO_INITIATOR}
    assert data["initiatives"][0]["publication_state"] == "published"


def test_export_contains_log_entries_offers_supports_follows_and_comments(user, other_user):
    _everything_of(user, other_user)

    data = user_export_data(user=user)

    assert [(entry["title"], entry["kind"]) for entry in data["log_entries"]] == [
        ("Ons dilemma 0", "dilemma")
    ]
    assert data["help_offers"][0]["message"] == "Ik help mee 0"
    assert data["help_offers"][0]["reply"] == "Bedankt!"
    assert data["help_offers"][0]["help_request"] == "Hulpvraag 0"
    assert data["supports"] == [
        {"initiative": "Gedeeld initiatief 0", "named": True, "created": data["supports"][0]["created"]}
    ]
    assert [(f["initiative"], f["frequency"]) for f in data["follows"]] == [
        ("Gedeeld initiatief 0", "weekly")
    ]
    assert [comment["text"] for comment in data["comments"]] == ["Mijn reactie 0"]
    assert data["comments"][0]["created"] and data["comments"][0]["updated"]


def test_export_is_plain_json_data(user, other_user):
    _everything_of(user, other_user)

    json.dumps(user_export_data(user=user))  # raises when something is not plain data


def test_export_of_a_newcomer_has_empty_sections(user):
    data = user_export_data(user=user)

    for section in ["initiatives", "log_entries", "help_offers", "supports", "follows", "comments"]:
        assert data[section] == []


def test_export_download_contains_the_new_sections_and_nothing_of_others(client_logged_in, user, other_user):
    _everything_of(user, other_user)

    response = client_logged_in.get(EXPORT)

    assert response.status_code == 200
    data = json.loads(response.content)
    assert data["comments"][0]["text"] == "Mijn reactie 0"
    content = response.content.decode()
    for foreign in ["Van een ander", "Reactie van een ander", "Aanbod van een ander", other_user.email]:
        assert foreign not in content


def test_export_runs_the_same_queries_for_little_and_much_activity(count_queries):
    few, many, other = VerifiedUserFactory(), VerifiedUserFactory(), VerifiedUserFactory()
    _everything_of(few, other, rows=1)
    _everything_of(many, other, rows=15)

    few_queries = count_queries(lambda: user_export_data(user=few))
    many_queries = count_queries(lambda: user_export_data(user=many))
    many_data = count_queries.result

    assert len(many_data["comments"]) == 15
    assert few_queries == many_queries


def test_export_has_the_persons_reports_appeals_lab_sessions_and_signals(client, user):
    comment = CommentFactory()
    Report.objects.create(item=comment, reporter=user, reason=ReportReason.SPAM, text="Reclame.")
    start = timezone.now() + datetime.timedelta(days=3)
    session = LabSession.objects.create(
        topic="Regels en ruimte",
        slug="regels",
        description="-",
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
        place="Bieb",
        capacity=5,
        is_published=True,
    )
    Registration.objects.create(session=session, user=user, status=RegistrationStatus.WAITING)
    signal = Signal.objects.create(reporter=user, title="Geen antwoord", description="Al weken niets.")
    SignalMessage.objects.create(signal=signal, author=None, from_ombuds=True, body="We zoeken het uit.")
    client.force_login(user)

    data = json.loads(client.get(reverse("accounts:data_export")).content)

    assert [(r["reason"], r["text"]) for r in data["reports"]] == [("spam", "Reclame.")]
    assert [(r["topic"], r["status"]) for r in data["lab_sessions"]] == [("Regels en ruimte", "waiting")]
    assert data["signals"][0]["title"] == "Geen antwoord"
    assert data["signals"][0]["messages"][0]["text"] == "We zoeken het uit."
    assert data["appeals"] == []
