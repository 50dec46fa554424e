"""Submitting an initiative for review: /initiatieven/<slug>/indienen/ (views.editing.submit)."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from accounts.roles import Role
from initiatives.choices import PublicationState
from initiatives.services.authoring import initiative_submit
from tests.accounts.factories import UserFactory, staff_in_role
from tests.initiatives.factories import InitiativeFactory

pytestmark = pytest.mark.django_db


def submit_url(initiative):
    return reverse("initiatives:initiative_submit", kwargs={"slug": initiative.slug})


@pytest.fixture
def moderators():
    return [staff_in_role(Role.MODERATOR), staff_in_role(Role.MODERATOR)]


@pytest.fixture
def draft(user):
    return InitiativeFactory(created_by=user, draft=True)


def submit(client, initiative, capture):
    with capture(execute=True):
        return client.post(submit_url(initiative))


def test_initiator_submits_a_draft(client_logged_in, draft, django_capture_on_commit_callbacks):
    response = submit(client_logged_in, draft, django_capture_on_commit_callbacks)

    assert response.status_code == 302
    assert response.url == draft.get_absolute_url()
    draft.refresh_from_db()
    assert draft.publication_state == PublicationState.SUBMITTED
    assert draft.submitted_at is not None
    assert draft.published_at is None


def test_submitter_is_told_what_happens_next(client_logged_in, draft):
    response = client_logged_in.post(submit_url(draft), follow=True)

    assert len(list(response.context["messages"])) == 1
    assert response.context["initiative"].publication_state == PublicationState.SUBMITTED


def test_every_moderator_gets_an_email_with_the_admin_link(
    client_logged_in, draft, moderators, mailoutbox, django_capture_on_commit_callbacks
):
    staff_in_role(Role.EDITOR)  # not a moderator: no email
    inactive = staff_in_role(Role.MODERATOR)
    inactive.is_active = False
    inactive.save()

    submit(client_logged_in, draft, django_capture_on_commit_callbacks)

    assert sorted(mail.to[0] for mail in mailoutbox) == sorted(m.email for m in moderators)
    admin_path = reverse("admin:initiatives_initiative_change", args=[draft.pk])
    for mail in mailoutbox:
        assert len(mail.to) == 1
        assert draft.title in mail.subject
        assert admin_path in mail.body
        assert mail.body.count("http") >= 2


def test_email_shows_a_title_with_special_characters_as_typed(
    client_logged_in, user, moderators, mailoutbox, django_capture_on_commit_callbacks
):
    draft = InitiativeFactory(created_by=user, draft=True, title="Koffie & <taart>")

    submit(client_logged_in, draft, django_capture_on_commit_callbacks)

    assert "Koffie & <taart>" in mailoutbox[0].subject
    assert "&amp;" not in mailoutbox[0].body


def test_no_email_is_sent_before_the_transaction_commits(client_logged_in, draft, moderators, mailoutbox):
    client_logged_in.post(submit_url(draft))  # the test's transaction never commits

    assert mailoutbox == []


def test_resubmitting_a_rejected_initiative_clears_the_reason(
    client_logged_in, user, moderators, mailoutbox, django_capture_on_commit_callbacks
):
    rejected = InitiativeFactory(created_by=user, rejected=True)

    submit(client_logged_in, rejected, django_capture_on_commit_callbacks)

    rejected.refresh_from_db()
    assert rejected.publication_state == PublicationState.SUBMITTED
    assert rejected.rejection_reason == ""
    assert len(mailoutbox) == 2


def test_co_initiator_may_submit(client, other_user):
    draft = InitiativeFactory(draft=True, team=[other_user])
    client.force_login(other_user)

    assert client.post(submit_url(draft)).status_code == 302


@pytest.mark.parametrize("state", ["submitted", "hidden"])
def test_team_cannot_submit_from_the_wrong_state(client_logged_in, user, moderators, mailoutbox, state):
    initiative = InitiativeFactory(created_by=user, **{state: True})

    response = client_logged_in.post(submit_url(initiative))

    assert response.status_code == 403
    initiative.refresh_from_db()
    assert initiative.publication_state == state
    assert mailoutbox == []


def test_published_initiative_cannot_be_submitted(client_logged_in, user):
    published = InitiativeFactory(created_by=user)

    assert client_logged_in.post(submit_url(published)).status_code == 403
    published.refresh_from_db()
    assert published.publication_state == PublicationState.PUBLISHED


def test_submitting_twice_is_refused_the_second_time(client_logged_in, draft):
    assert client_logged_in.post(submit_url(draft)).status_code == 302

    assert client_logged_in.post(submit_url(draft)).status_code == 403


def test_other_resident_cannot_find_a_draft_to_submit(client, draft, other_user):
    client.force_login(other_user)

    assert client.post(submit_url(draft)).status_code == 404
    draft.refresh_from_db()
    assert draft.publication_state == PublicationState.DRAFT


def test_other_resident_cannot_submit_a_visible_initiative(client, user, other_user):
    published = InitiativeFactory(created_by=user)
    client.force_login(other_user)

    assert client.post(submit_url(published)).status_code == 403


def test_moderator_cannot_submit_on_behalf_of_the_team(client, draft):
    client.force_login(staff_in_role(Role.MODERATOR))

    assert client.post(submit_url(draft)).status_code == 403


def test_anonymous_visitor_is_sent_to_log_in(client, draft):
    response = client.post(submit_url(draft))

    assert response.status_code == 302
    assert reverse("account_login") in response.url
    draft.refresh_from_db()
    assert draft.publication_state == PublicationState.DRAFT


def test_team_member_without_confirmed_email_cannot_submit(client):
    unconfirmed = UserFactory()
    draft = InitiativeFactory(created_by=unconfirmed, draft=True)
    client.force_login(unconfirmed)

    assert client.post(submit_url(draft)).status_code == 403


def test_submit_is_post_only(client_logged_in, draft):
    assert client_logged_in.get(submit_url(draft)).status_code == 405


def test_service_refuses_a_published_initiative():
    published = InitiativeFactory()

    with pytest.raises(ValidationError):
        initiative_submit(initiative=published, by=published.created_by)


def test_draft_page_offers_the_submit_button_to_the_team(client_logged_in, draft):
    response = client_logged_in.get(draft.get_absolute_url())

    assert submit_url(draft).encode() in response.content


def test_submitted_page_no_longer_offers_the_submit_button(client_logged_in, user):
    submitted = InitiativeFactory(created_by=user, submitted=True)

    response = client_logged_in.get(submitted.get_absolute_url())

    assert response.status_code == 200
    assert submit_url(submitted).encode() not in response.content


def test_without_moderators_the_superusers_are_told(
    client_logged_in, draft, mailoutbox, django_capture_on_commit_callbacks
):
    admin = UserFactory(is_staff=True, is_superuser=True)

    submit(client_logged_in, draft, django_capture_on_commit_callbacks)

    assert [mail.to for mail in mailoutbox] == [[admin.email]]
