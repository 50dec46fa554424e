"""A moderator's decisions about an item: hide (with a reason the authors get, with a way to appeal),
show again, dismiss the reports, reject a suggested example, publish or reject an initiative. Each is a
line in the audit log."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from core.models import HiddenCause
from initiatives.choices import PublicationState
from initiatives.services.publication import initiative_publish, initiative_reject
from knowledgebase.moderation import SUGGESTIONS
from knowledgebase.services.suggestions import suggestion_reject
from moderation.models import ActionKind, ModerationAction, Report, ReportReason, ReportStatus
from moderation.services import item_hide, item_restore, report_create, reports_dismiss
from tests.initiatives.factories import (
    CommentFactory,
    InitiativeFactory,
    LogEntryFactory,
    VerifiedUserFactory,
)

from .factories import (
    KINDS,
    ReportFactory,
    SuggestedExampleFactory,
    appeal_url,
    author_of,
    fresh,
    is_hidden,
    is_public,
    public_item,
)

pytestmark = pytest.mark.django_db

REASON = "Er staat een telefoonnummer van een buurman in."


def hide_and_send(item, by, django_capture_on_commit_callbacks, reason=REASON):
    with django_capture_on_commit_callbacks(execute=True):
        return item_hide(item=item, by=by, reason=reason)


# --- Hiding --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_moderator_hides_an_item_and_its_author_gets_the_reason_and_a_way_to_appeal(
    kind, moderator, mailoutbox, django_capture_on_commit_callbacks
):
    item = public_item(kind)

    action = hide_and_send(item, moderator, django_capture_on_commit_callbacks)

    assert is_hidden(item)
    assert fresh(item).hidden_cause == HiddenCause.MODERATOR
    assert fresh(item).hidden_reason == REASON
    assert [message.to for message in mailoutbox] == [[author_of(item).email]]
    assert REASON in mailoutbox[0].body
    assert appeal_url(action) in mailoutbox[0].body
    assert appeal_url(action) == f"/moderatie/bezwaar/{action.pk}/"


@pytest.mark.parametrize("kind", KINDS)
def test_hiding_writes_who_what_and_why_in_the_audit_log(kind, moderator):
    item = public_item(kind)

    action = item_hide(item=item, by=moderator, reason=f"  {REASON}  ")

    assert list(ModerationAction.objects.all()) == [action]
    assert action.kind == ActionKind.HIDE
    assert action.moderator == moderator
    assert action.item == fresh(item)
    assert action.reason == REASON
    assert action.item_label == (item.title if hasattr(item, "title") else str(item))


def test_hiding_an_initiative_emails_every_member_of_its_team(
    moderator, mailoutbox, django_capture_on_commit_callbacks
):
    co_initiator = VerifiedUserFactory()
    initiative = InitiativeFactory(team=[co_initiator])

    hide_and_send(initiative, moderator, django_capture_on_commit_callbacks)

    assert fresh(initiative).publication_state == PublicationState.HIDDEN
    assert sorted(message.to[0] for message in mailoutbox) == sorted(
        [initiative.created_by.email, co_initiator.email]
    )


def test_hiding_a_log_entry_of_a_former_member_emails_the_team(
    moderator, mailoutbox, django_capture_on_commit_callbacks
):
    entry = LogEntryFactory(author=None)

    hide_and_send(entry, moderator, django_capture_on_commit_callbacks)

    assert [message.to for message in mailoutbox] == [[entry.initiative.created_by.email]]


@pytest.mark.parametrize("reason", ["", "   ", "x" * 2001])
def test_hiding_needs_a_proper_reason(moderator, mailoutbox, django_capture_on_commit_callbacks, reason):
    comment = CommentFactory()

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError) as error:
        item_hide(item=comment, by=moderator, reason=reason)

    assert "reason" in error.value.message_dict
    assert not is_hidden(comment)
    assert not ModerationAction.objects.exists()
    assert mailoutbox == []


def test_hiding_closes_the_open_reports_about_the_item_as_upheld(moderator):
    comment = CommentFactory()
    reports = ReportFactory.create_batch(2, item=comment)
    elsewhere = ReportFactory(item=CommentFactory())

    item_hide(item=comment, by=moderator, reason=REASON)

    for report in reports:
        report.refresh_from_db()
        assert report.status == ReportStatus.UPHELD
        assert report.closed_at is not None
    elsewhere.refresh_from_db()
    assert elsewhere.status == ReportStatus.OPEN


def test_moderator_confirms_what_reports_hid_with_a_reason_of_their_own(threshold_of_two, moderator):
    comment = CommentFactory()
    for reporter in VerifiedUserFactory.create_batch(2):
        report_create(item=comment, by=reporter, reason=ReportReason.OFFENSIVE)
    assert fresh(comment).hidden_cause == HiddenCause.REPORTS

    item_hide(item=comment, by=moderator, reason=REASON)

    assert fresh(comment).hidden_cause == HiddenCause.MODERATOR
    assert fresh(comment).hidden_reason == REASON
    assert not Report.objects.filter(status=ReportStatus.OPEN).exists()


def test_hiding_what_a_moderator_already_hid_is_refused(
    moderator, second_moderator, mailoutbox, django_capture_on_commit_callbacks
):
    comment = CommentFactory()
    hide_and_send(comment, moderator, django_capture_on_commit_callbacks)

    with pytest.raises(ValidationError):
        hide_and_send(comment, second_moderator, django_capture_on_commit_callbacks, reason="Nog een keer.")

    assert ModerationAction.objects.filter(kind=ActionKind.HIDE).count() == 1
    assert fresh(comment).hidden_reason == REASON
    assert len(mailoutbox) == 1


def test_what_is_not_public_cannot_be_hidden(moderator):
    initiative = InitiativeFactory(draft=True)

    with pytest.raises(ValidationError):
        item_hide(item=initiative, by=moderator, reason=REASON)

    assert fresh(initiative).publication_state == PublicationState.DRAFT
    assert not ModerationAction.objects.exists()


# --- Showing again ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_moderator_shows_a_hidden_item_again_and_tells_the_author(
    kind, moderator, second_moderator, mailoutbox, django_capture_on_commit_callbacks
):
    item = public_item(kind)
    item_hide(item=item, by=moderator, reason=REASON)

    with django_capture_on_commit_callbacks(execute=True):
        action = item_restore(item=fresh(item), by=second_moderator, reason="Na overleg mag het blijven.")

    assert is_public(item)
    assert fresh(item).hidden_cause == ""
    assert fresh(item).hidden_reason == ""
    assert action.kind == ActionKind.RESTORE
    assert action.moderator == second_moderator
    assert [message.to for message in mailoutbox] == [[author_of(item).email]]
    assert "Na overleg mag het blijven." in mailoutbox[0].body
    assert "/moderatie/bezwaar/" not in mailoutbox[0].body  # nothing to appeal


def test_showing_again_dismisses_the_open_reports(threshold_of_two, moderator):
    comment = CommentFactory()
    for reporter in VerifiedUserFactory.create_batch(2):
        report_create(item=comment, by=reporter, reason=ReportReason.SPAM)

    item_restore(item=comment, by=moderator)

    assert not is_hidden(comment)
    assert set(Report.objects.values_list("status", flat=True)) == {ReportStatus.DISMISSED}


def test_a_restored_initiative_keeps_its_first_publication_date(moderator):
    initiative = InitiativeFactory()
    first = initiative.published_at
    item_hide(item=initiative, by=moderator, reason=REASON)

    item_restore(item=fresh(initiative), by=moderator)

    assert fresh(initiative).publication_state == PublicationState.PUBLISHED
    assert fresh(initiative).published_at == first


def test_what_is_not_hidden_cannot_be_shown_again(moderator):
    with pytest.raises(ValidationError):
        item_restore(item=CommentFactory(), by=moderator)

    assert not ModerationAction.objects.exists()


# --- Dismissing reports ----------------------------------------------------------------------------------


def test_moderator_dismisses_the_reports_and_the_item_stays(moderator, mailoutbox):
    comment = CommentFactory()
    reports = ReportFactory.create_batch(2, item=comment)

    action = reports_dismiss(item=comment, by=moderator, reason="Stevig, maar binnen de regels.")

    assert not is_hidden(comment)
    for report in reports:
        report.refresh_from_db()
        assert report.status == ReportStatus.DISMISSED
        assert report.closed_at is not None
    assert action.kind == ActionKind.DISMISS
    assert action.reason == "Stevig, maar binnen de regels."


def test_dismissing_the_reports_shows_again_what_they_hid(threshold_of_two, moderator):
    entry = LogEntryFactory()
    for reporter in VerifiedUserFactory.create_batch(2):
        report_create(item=entry, by=reporter, reason=ReportReason.UNTRUE)
    assert is_hidden(entry)

    reports_dismiss(item=entry, by=moderator)

    assert is_public(entry)


def test_there_is_nothing_to_dismiss_without_open_reports(moderator):
    comment = CommentFactory()
    ReportFactory(item=comment, status=ReportStatus.UPHELD, closed_at=timezone.now())

    with pytest.raises(ValidationError):
        reports_dismiss(item=comment, by=moderator)

    assert not ModerationAction.objects.exists()


def test_dismissing_does_not_show_what_a_moderator_hid(moderator, second_moderator):
    comment = CommentFactory()
    item_hide(item=comment, by=moderator, reason=REASON)
    ReportFactory(item=comment)  # reported while hidden: a late report

    reports_dismiss(item=fresh(comment), by=second_moderator)

    assert is_hidden(comment)


# --- Suggested examples ----------------------------------------------------------------------------------


def test_moderator_rejects_a_suggested_example_with_a_reason_the_resident_gets(
    moderator, mailoutbox, django_capture_on_commit_callbacks
):
    suggestion = SuggestedExampleFactory(draft=True, title="Ons buurtfeest")
    assert list(SUGGESTIONS.waiting()) == [suggestion]

    with django_capture_on_commit_callbacks(execute=True):
        action = suggestion_reject(
            article=suggestion, by=moderator, reason="Dit is reclame voor een bedrijf."
        )

    assert fresh(suggestion).hidden_cause == HiddenCause.MODERATOR
    assert list(SUGGESTIONS.waiting()) == []
    assert action.kind == ActionKind.REJECT
    assert action.item_label == "Ons buurtfeest"
    assert [message.to for message in mailoutbox] == [[suggestion.suggested_by.email]]
    assert "Dit is reclame voor een bedrijf." in mailoutbox[0].body
    assert appeal_url(action) in mailoutbox[0].body


def test_a_suggestion_is_rejected_only_once_and_only_with_a_reason(moderator):
    suggestion = SuggestedExampleFactory(draft=True)
    with pytest.raises(ValidationError):
        suggestion_reject(article=suggestion, by=moderator, reason=" ")
    suggestion_reject(article=suggestion, by=moderator, reason="Geen voorbeeld uit Doetinchem.")

    with pytest.raises(ValidationError):
        suggestion_reject(article=fresh(suggestion), by=moderator, reason="Nog eens.")

    assert ModerationAction.objects.filter(kind=ActionKind.REJECT).count() == 1


# --- Initiatives: publishing and rejecting go through moderation ---------------------------------------


def test_publishing_an_initiative_is_in_the_audit_log(moderator):
    initiative = InitiativeFactory(submitted=True)

    action = initiative_publish(initiative=initiative, by=moderator)

    assert fresh(initiative).publication_state == PublicationState.PUBLISHED
    assert (action.kind, action.moderator, action.item) == (ActionKind.PUBLISH, moderator, fresh(initiative))


def test_rejecting_an_initiative_is_in_the_audit_log_and_the_team_may_appeal(
    moderator, mailoutbox, django_capture_on_commit_callbacks
):
    initiative = InitiativeFactory(submitted=True)

    with django_capture_on_commit_callbacks(execute=True):
        action = initiative_reject(initiative=initiative, by=moderator, reason="Vertel wie er meedoen.")

    assert fresh(initiative).publication_state == PublicationState.REJECTED
    assert (action.kind, action.reason) == (ActionKind.REJECT, "Vertel wie er meedoen.")
    assert [message.to for message in mailoutbox] == [[initiative.created_by.email]]
    assert appeal_url(action) in mailoutbox[0].body


def test_a_rejection_that_fails_leaves_no_line_in_the_audit_log(moderator):
    initiative = InitiativeFactory()  # published: cannot be rejected

    with pytest.raises(ValidationError):
        initiative_reject(initiative=initiative, by=moderator, reason="Te laat.")

    assert not ModerationAction.objects.exists()


@pytest.mark.parametrize(
    ("state", "action", "data", "kind"),
    [
        ("submitted", "publish", {}, ActionKind.PUBLISH),
        ("submitted", "reject", {"reason": "Nog te vaag."}, ActionKind.REJECT),
        ("published", "hide", {"reason": "Beledigend."}, ActionKind.HIDE),
    ],
)
def test_the_buttons_on_an_initiative_in_the_management_site_write_the_audit_log(
    moderator_client, moderator, state, action, data, kind
):
    initiative = InitiativeFactory(**({} if state == "published" else {state: True}))

    if action == "hide":  # on its moderation page, as anything else
        url = reverse("admin:moderation_item", kwargs={"kind": "initiatief", "pk": initiative.pk})
        data = {"action": "hide", "hide-reason": data["reason"]}
    else:
        url = reverse(f"admin:initiatives_initiative_{action}", args=[initiative.pk])
    response = moderator_client.post(url, data)

    assert response.status_code == 302
    logged = ModerationAction.objects.get()
    assert (logged.kind, logged.moderator, logged.item) == (kind, moderator, fresh(initiative))
    assert logged.reason == data.get("reason", data.get("hide-reason", ""))
