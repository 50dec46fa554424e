"""Erasure, one trace at a time (AVG/GDPR): every record that copied the person's address, name or words
forgets them; a record of what was done (the audit log, the management site's history) keeps the action.
The whole person at once is in test_privacy_everything.py."""

import pytest
from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.contrib.sessions.models import Session
from django.test import RequestFactory
from django.urls import reverse
from taggit.models import Tag

from accounts.roles import Role
from accounts.services import user_delete
from initiatives.models import Initiative, MunicipalResponse, Notification, TeamInvitation
from initiatives.services import authoring, municipality, participation
from moderation import services as moderation
from moderation.models import ActionKind, ModerationAction, Report
from moderation.queries import reported_count
from tests.accounts.factories import PASSWORD, UserFactory, staff_in_role
from tests.accounts.helpers import logged_in_user_id
from tests.accounts.privacy_helpers import admin_change_account, invite, rows_containing
from tests.initiatives.factories import (
    CommentFactory,
    FollowFactory,
    InitiativeFactory,
    VerifiedUserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator(db):
    return staff_in_role(Role.MODERATOR, display_name="Mira Moderator")


@pytest.fixture
def leaving(db):
    return VerifiedUserFactory(display_name="Sanne Zoë Vertrekt", email="sanne.vertrekt@example.org")


def test_an_accepted_invitation_forgets_the_address_it_was_sent_to(leaving):
    initiative = InitiativeFactory()
    token = invite(initiative, "Sanne.Vertrekt@Example.org", by=initiative.created_by)
    authoring.invitation_accept(token=token, user=leaving)
    invite(InitiativeFactory(), leaving.email, by=initiative.created_by)  # never accepted
    invite(initiative, "vriend@example.org", by=leaving)
    sent = TeamInvitation.objects.get(email="vriend@example.org")

    user_delete(user=leaving)

    assert list(TeamInvitation.objects.all()) == [sent]  # the one they sent is the team's, to someone else
    sent.refresh_from_db()
    assert sent.invited_by is None
    assert rows_containing("sanne.vertrekt") == []


def test_the_audit_log_keeps_the_decision_about_a_comment_but_not_its_words(leaving, moderator):
    comment = CommentFactory(author=leaving, body="Wat een onzin, zegt Sanne")
    hiding = moderation.item_hide(item=comment, by=moderator, reason="Niet vriendelijk.")
    moderation.appeal_create(action=hiding, by=leaving, message="Ik bedoelde het als grap.")

    user_delete(user=leaving)

    lines = list(ModerationAction.objects.order_by("pk"))
    assert [line.kind for line in lines] == [ActionKind.HIDE, ActionKind.APPEAL]
    assert [line.item_label for line in lines] == [f"reactie #{comment.pk} (verwijderd)"] * 2
    assert [line.reason for line in lines] == ["Niet vriendelijk.", ""]
    assert lines[0].moderator == moderator
    assert rows_containing("onzin", "als grap") == []


def test_a_block_in_the_audit_log_names_a_deleted_account_and_keeps_the_reason(leaving, moderator):
    moderation.user_block(user=leaving, by=moderator, hard=True, reason="Steeds weer reclame.")
    moderation.user_unblock(user=leaving, by=moderator)

    user_delete(user=leaving)

    lines = ModerationAction.objects.order_by("pk")
    assert [(line.kind, line.item_label, line.reason) for line in lines] == [
        (ActionKind.BLOCK, "een verwijderd account", "Steeds weer reclame."),
        (ActionKind.UNBLOCK, "een verwijderd account", ""),
    ]
    assert rows_containing("Sanne Zoë Vertrekt") == []


def test_a_reason_that_named_the_person_loses_the_name_and_keeps_the_rest(leaving, moderator):
    comment = CommentFactory()
    moderation.item_hide(
        item=comment, by=moderator, reason="Scheldt Sanne Zoë Vertrekt uit (sanne.vertrekt@example.org)."
    )

    user_delete(user=leaving)

    assert ModerationAction.objects.get().reason == "Scheldt […] uit ([…])."


def test_a_name_inside_a_longer_word_is_someone_elses():
    from accounts.privacy import Erasure  # here, not above: the other tests ask only the services

    erasure = Erasure(display_name="Ans", emails=["ans@example.org"])

    assert erasure.scrub("Ans, ANS en Ansje; mail ans@example.org") == "[…], […] en Ansje; mail […]"


def test_open_reports_about_what_went_with_the_account_go_and_the_queue_is_empty(leaving):
    comment = CommentFactory(author=leaving)
    moderation.report_create(item=comment, by=VerifiedUserFactory(), reason="offensive", text="Grof.")
    assert reported_count() == 1

    user_delete(user=leaving)

    assert not Report.objects.exists()
    assert reported_count() == 0


def test_the_management_sites_history_names_a_deleted_account_by_number(client, leaving):
    administrator = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(administrator)
    admin_change_account(client, leaving, public_role="buurtvrijwilliger")
    initiative = InitiativeFactory(team=[leaving])
    request = RequestFactory().post("/")
    request.user = administrator
    added = [{"added": {"name": "team member", "object": "Sanne Zoë Vertrekt (co-initiator)"}}]
    admin.site._registry[Initiative].log_change(request, initiative, added)
    number = leaving.pk

    user_delete(user=leaving)

    about_account = LogEntry.objects.get(object_id=str(number), content_type__model="user")
    assert about_account.object_repr == f"gebruiker #{number} (verwijderd)"
    about_initiative = LogEntry.objects.get(object_id=str(initiative.pk), content_type__model="initiative")
    assert about_initiative.get_change_message()  # still says what was done
    assert rows_containing("Sanne Zoë Vertrekt", "sanne.vertrekt") == []


def test_every_device_of_the_person_is_signed_out(client, leaving):
    phone, laptop = client.__class__(), client.__class__()
    for device in (phone, laptop):
        device.post(reverse("account_login"), {"login": leaving.email, "password": PASSWORD})
        assert logged_in_user_id(device) == str(leaving.pk)
    someone_else = client.__class__()
    someone_else.force_login(VerifiedUserFactory())

    laptop.post(reverse("accounts:account_delete"), {"password": PASSWORD})

    assert logged_in_user_id(phone) is None
    assert Session.objects.count() == 1  # only someone else's


def test_a_theme_only_their_deleted_draft_used_goes_and_a_shared_theme_stays(leaving):
    InitiativeFactory(draft=True, created_by=leaving, tags=["sannes-eigen-thema", "groen"])
    InitiativeFactory(tags=["groen"])

    user_delete(user=leaving)

    assert list(Tag.objects.values_list("name", flat=True)) == ["groen"]


def test_a_civil_servants_name_leaves_followers_notifications_and_the_response_stays(db):
    servant = staff_in_role(Role.MODERATOR, display_name="Anne Ambtenaar", public_role="wijkregisseur")
    initiative = InitiativeFactory()
    FollowFactory(initiative=initiative)
    response = municipality.municipal_response_create(
        initiative=initiative, author=servant, body="We komen langs."
    )
    participation.comment_create(initiative=initiative, author=servant, body="Tot dan.")

    user_delete(user=servant)

    assert Notification.objects.get().title == "Een ambtenaar"
    response = MunicipalResponse.objects.get(pk=response.pk)
    assert (response.body, response.author) == ("We komen langs.", None)
    assert rows_containing("Anne Ambtenaar", servant.email) == []
