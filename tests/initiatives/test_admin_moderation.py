"""Moderators publish, reject and hide initiatives in the management site (/beheer/); the team hears it by
email. A civil servant in the moderators group can do all of it without being a superuser."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from initiatives.choices import FollowFrequency, NotificationKind, PublicationState
from initiatives.models import Initiative, MunicipalResponse, Notification
from initiatives.services.municipality import contact_person_assign
from initiatives.services.publication import initiative_publish, initiative_reject
from moderation.services import item_hide
from tests.accounts.factories import staff_in_role
from tests.initiatives.factories import (
    CommentFactory,
    FollowFactory,
    HelpRequestFactory,
    InitiativeFactory,
    LogEntryFactory,
    MunicipalResponseFactory,
    VerifiedUserFactory,
)

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:initiatives_initiative_changelist"


@pytest.fixture
def moderator():
    return staff_in_role("moderators", display_name="Anne Ambtenaar", public_role="wijkregisseur De Huet")


@pytest.fixture
def moderator_client(client, moderator):
    client.force_login(moderator)
    return client


@pytest.fixture
def council_client(client):
    client.force_login(staff_in_role("council"))
    return client


def change_url(initiative):
    return reverse("admin:initiatives_initiative_change", args=[initiative.pk])


def item_page(initiative):
    """The initiative's moderation page, where it is hidden and shown again."""
    return reverse("admin:moderation_item", kwargs={"kind": "initiatief", "pk": initiative.pk})


def moderation_url(initiative, action):
    return reverse(f"admin:initiatives_initiative_{action}", args=[initiative.pk])


def fresh(initiative):
    return Initiative.objects.get(pk=initiative.pk)


def texts(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


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


# --- who may ---


def test_council_member_sees_initiatives_but_cannot_publish(council_client):
    initiative = InitiativeFactory(submitted=True)

    listing = council_client.get(reverse(CHANGELIST))
    assert listing.status_code == 200
    assert "publish_selected" not in listing.content.decode()
    assert (
        moderation_url(initiative, "publish")
        not in council_client.get(change_url(initiative)).content.decode()
    )
    assert council_client.get(moderation_url(initiative, "publish")).status_code == 403
    assert council_client.post(moderation_url(initiative, "publish")).status_code == 403
    assert council_client.post(moderation_url(initiative, "reject"), {"reason": "Nee."}).status_code == 403
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
