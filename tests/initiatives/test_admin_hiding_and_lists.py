"""Moderators hide initiatives in the management site (/beheer/), one on its moderation page or several at
once from the list, where they also publish and reject in bulk; the list puts what waits first. The other
lists (log, help requests, comments, responses) open too; what is private is not there at all."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from initiatives.choices import PublicationState
from moderation.services import item_hide
from tests.initiatives.admin_helpers import CHANGELIST, change_url, fresh, moderation_url
from tests.initiatives.factories import (
    CommentFactory,
    HelpRequestFactory,
    InitiativeFactory,
    LogEntryFactory,
    MunicipalResponseFactory,
)

pytestmark = pytest.mark.django_db


def item_page(initiative):
    """The initiative's moderation page, where it is hidden and shown again."""
    return reverse("admin:moderation_item", kwargs={"kind": "initiatief", "pk": initiative.pk})


def texts(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


# --- hiding ---


def test_moderator_hides_a_published_initiative_and_the_team_gets_the_reason_and_a_way_to_appeal(
    moderator_client, mailoutbox, django_capture_on_commit_callbacks
):
    """Hiding one initiative happens on its moderation page, like hiding anything else: its page in the
    management site links there (and the old address of its own hide page leads there too)."""
    initiative = InitiativeFactory()
    assert item_page(initiative) in moderator_client.get(change_url(initiative)).content.decode()
    assert moderator_client.get(moderation_url(initiative, "hide")).url == item_page(initiative)

    with django_capture_on_commit_callbacks(execute=True):
        moderator_client.post(
            item_page(initiative), {"action": "hide", "hide-reason": "Er staan adressen van buren in."}
        )

    assert fresh(initiative).publication_state == PublicationState.HIDDEN
    assert fresh(initiative).hidden_reason == "Er staan adressen van buren in."
    assert [message.to for message in mailoutbox] == [[initiative.created_by.email]]
    assert "Er staan adressen van buren in." in mailoutbox[0].body
    assert "/moderatie/bezwaar/" in mailoutbox[0].body


def test_hiding_without_a_reason_shows_the_form_again(moderator_client):
    initiative = InitiativeFactory()

    response = moderator_client.post(item_page(initiative), {"action": "hide", "hide-reason": ""})

    assert response.status_code == 200
    assert next(d["form"] for d in response.context["decisions"] if d["name"] == "hide").has_error(
        "reason", "required"
    )
    assert fresh(initiative).publication_state == PublicationState.PUBLISHED


def test_only_a_published_initiative_can_be_hidden(moderator):
    with pytest.raises(ValidationError):
        item_hide(item=InitiativeFactory(submitted=True), by=moderator, reason="Nee.")


# --- several at once, from the list ---


def test_publish_action_publishes_the_submitted_ones_and_skips_the_rest(
    moderator_client, mailoutbox, django_capture_on_commit_callbacks
):
    first, second = InitiativeFactory.create_batch(2, submitted=True)
    draft = InitiativeFactory(draft=True, title="Nog een kladje")
    ids = [first.pk, second.pk, draft.pk]

    with django_capture_on_commit_callbacks(execute=True):
        response = moderator_client.post(
            reverse(CHANGELIST), {"action": "publish_selected", "_selected_action": ids}
        )

    assert response.status_code == 302
    assert fresh(first).publication_state == PublicationState.PUBLISHED
    assert fresh(second).publication_state == PublicationState.PUBLISHED
    assert fresh(draft).publication_state == PublicationState.DRAFT
    assert len(mailoutbox) == 2
    messages = texts(response)
    assert any("2" in message for message in messages)
    assert any("Nog een kladje" in message for message in messages)


def test_reject_action_asks_for_the_reason_then_emails_each_team(
    moderator_client, mailoutbox, django_capture_on_commit_callbacks
):
    first, second = InitiativeFactory.create_batch(2, submitted=True)
    published = InitiativeFactory()
    selection = {"action": "reject_selected", "_selected_action": [first.pk, second.pk, published.pk]}

    question = moderator_client.post(reverse(CHANGELIST), selection)
    assert question.status_code == 200
    assert question.context["form"].fields["reason"].required
    assert {i.pk for i in question.context["initiatives"]} == {first.pk, second.pk}
    assert [i.pk for i in question.context["skipped"]] == [published.pk]
    assert fresh(first).publication_state == PublicationState.SUBMITTED

    with django_capture_on_commit_callbacks(execute=True):
        done = moderator_client.post(
            reverse(CHANGELIST),
            {
                "action": "reject_selected",
                "_selected_action": [first.pk, second.pk],
                "post": "yes",
                "reason": "Voeg een foto toe.",
            },
        )

    assert done.status_code == 302
    assert fresh(first).publication_state == PublicationState.REJECTED
    assert fresh(second).rejection_reason == "Voeg een foto toe."
    assert fresh(published).publication_state == PublicationState.PUBLISHED
    assert len(mailoutbox) == 2
    assert all("Voeg een foto toe." in message.body for message in mailoutbox)


def test_reject_action_without_a_reason_rejects_nothing(moderator_client, mailoutbox):
    initiative = InitiativeFactory(submitted=True)

    response = moderator_client.post(
        reverse(CHANGELIST),
        {"action": "reject_selected", "_selected_action": [initiative.pk], "post": "yes", "reason": ""},
    )

    assert response.status_code == 200
    assert response.context["form"].errors["reason"]
    assert fresh(initiative).publication_state == PublicationState.SUBMITTED
    assert mailoutbox == []


def test_hide_action_asks_the_reason_then_hides_published_and_skips_submitted(moderator_client):
    published, submitted = InitiativeFactory(), InitiativeFactory(submitted=True)
    selection = {"action": "hide_selected", "_selected_action": [published.pk, submitted.pk]}

    question = moderator_client.post(reverse(CHANGELIST), selection)
    assert question.context["form"].fields["reason"].required
    assert fresh(published).publication_state == PublicationState.PUBLISHED

    moderator_client.post(reverse(CHANGELIST), {**selection, "post": "yes", "reason": "Klachten van buren."})

    assert fresh(published).publication_state == PublicationState.HIDDEN
    assert fresh(submitted).publication_state == PublicationState.SUBMITTED


def test_the_list_shows_submitted_initiatives_first_oldest_submission_on_top(moderator_client):
    now = timezone.now()
    InitiativeFactory(title="Gepubliceerd")
    InitiativeFactory(submitted=True, submitted_at=now - datetime.timedelta(days=1), title="Recent ingediend")
    InitiativeFactory(draft=True, title="Kladje")
    InitiativeFactory(
        submitted=True, submitted_at=now - datetime.timedelta(days=9), title="Lang geleden ingediend"
    )

    response = moderator_client.get(reverse(CHANGELIST))

    titles = [initiative.title for initiative in response.context["cl"].result_list]
    assert titles[:2] == ["Lang geleden ingediend", "Recent ingediend"]
    assert set(titles[2:]) == {"Gepubliceerd", "Kladje"}


def test_the_list_filters_on_publication_state(moderator_client):
    InitiativeFactory(title="Gepubliceerd")
    InitiativeFactory(submitted=True, title="Ingediend")

    response = moderator_client.get(reverse(CHANGELIST), {"publication_state__exact": "submitted"})

    assert [initiative.title for initiative in response.context["cl"].result_list] == ["Ingediend"]


# --- the other lists ---


@pytest.mark.parametrize("model", ["initiative", "logentry", "helprequest", "comment", "municipalresponse"])
def test_moderator_opens_the_lists(moderator_client, model):
    InitiativeFactory()
    LogEntryFactory()
    HelpRequestFactory()
    CommentFactory()
    MunicipalResponseFactory()

    assert moderator_client.get(reverse(f"admin:initiatives_{model}_changelist")).status_code == 200


@pytest.mark.parametrize("model", ["helpoffer", "support", "follow", "notification"])
def test_private_things_are_not_in_the_management_site(moderator_client, model):
    assert moderator_client.get(f"/beheer/initiatives/{model}/").status_code == 404


def test_the_link_to_an_initiatives_log_lists_only_its_entries(moderator_client):
    initiative = InitiativeFactory()
    LogEntryFactory.create_batch(2, initiative=initiative)
    LogEntryFactory()
    page = moderator_client.get(change_url(initiative)).content.decode()
    link = reverse("admin:initiatives_logentry_changelist") + f"?initiative__id__exact={initiative.pk}"
    assert link in page

    response = moderator_client.get(link)

    assert response.status_code == 200
    assert {entry.initiative_id for entry in response.context["cl"].result_list} == {initiative.pk}
    assert len(response.context["cl"].result_list) == 2


def test_editing_a_log_entry_reindexes_the_initiative(moderator_client):
    entry = LogEntryFactory(title="Oud")
    url = reverse("admin:initiatives_logentry_change", args=[entry.pk])
    data = {
        "kind": "update",
        "obstacle_category": "",
        "happened_on": entry.happened_on.isoformat(),
        "title": "Boomplantdag",
        "text": entry.text,
    }

    assert moderator_client.post(url, data).status_code == 302
    assert "Boomplantdag" in fresh(entry.initiative).search_document


def test_a_log_entry_of_kind_obstacle_needs_a_category_in_the_management_site(moderator_client):
    entry = LogEntryFactory()
    url = reverse("admin:initiatives_logentry_change", args=[entry.pk])
    data = {
        "kind": "obstacle",
        "obstacle_category": "",
        "happened_on": "2024-05-01",
        "title": "X",
        "text": "Y",
    }

    response = moderator_client.post(url, data)

    assert response.status_code == 200
    assert response.context["adminform"].form.errors


def test_moderator_deletes_a_comment(moderator_client):
    comment = CommentFactory()
    url = reverse("admin:initiatives_comment_delete", args=[comment.pk])

    assert moderator_client.post(url, {"post": "yes"}).status_code == 302
    assert not type(comment).objects.filter(pk=comment.pk).exists()
