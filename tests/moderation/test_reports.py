"""Residents report what breaks the house rules: /moderatie/melden/<kind>/<pk>/. Who may, what can be
reported, the form's guards, and what happens when enough people report the same item."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from core.models import HiddenCause
from core.text import clean_text
from initiatives.choices import PublicationState
from moderation.models import ActionKind, ModerationAction, Report, ReportReason, ReportStatus
from moderation.registry import kind_of
from moderation.services import report_create, reports_dismiss
from tests.accounts.factories import UserFactory
from tests.initiatives.factories import (
    CommentFactory,
    InitiativeFactory,
    LogEntryFactory,
    VerifiedUserFactory,
)
from tests.initiatives.log_help_helpers import HOSTILE_STRINGS
from tests.knowledgebase.factories import ArticleFactory

from .factories import (
    KINDS,
    SuggestedExampleFactory,
    appeal_url,
    author_of,
    fresh,
    is_hidden,
    public_item,
    report_url,
)

pytestmark = pytest.mark.django_db


def report_data(**overrides) -> dict:
    data = {"reason": ReportReason.OFFENSIVE, "text": "Hier wordt iemand uitgescholden.", "website": ""}
    data.update(overrides)
    return data


# --- Who may report ---------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_resident_opens_the_report_form_of_a_public_item(client_logged_in, kind):
    item = public_item(kind)

    response = client_logged_in.get(report_url(item))

    assert response.status_code == 200
    assert response.context["item"] == item
    assert response.context["title"] == kind_of(item).title(item)


@pytest.mark.parametrize("kind", KINDS)
def test_resident_reports_a_public_item_and_is_sent_back_to_it(client_logged_in, user, kind):
    item = public_item(kind)

    response = client_logged_in.post(report_url(item), report_data(reason=ReportReason.SPAM))

    assert response.status_code == 302
    assert response["Location"] == kind_of(item).public_url(item)
    report = Report.objects.get()
    assert report.item == item
    assert report.reporter == user
    assert report.reason == ReportReason.SPAM
    assert report.text == "Hier wordt iemand uitgescholden."
    assert report.status == ReportStatus.OPEN


def test_anonymous_visitor_is_sent_to_login_before_reporting(client):
    comment = CommentFactory()

    for response in (client.get(report_url(comment)), client.post(report_url(comment), report_data())):
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
    assert not Report.objects.exists()


def test_account_with_an_unconfirmed_address_cannot_report(client):
    client.force_login(UserFactory())
    comment = CommentFactory()

    assert client.get(report_url(comment)).status_code == 403
    assert client.post(report_url(comment), report_data()).status_code == 403
    assert not Report.objects.exists()


def test_blocked_account_cannot_report(client, user):
    user.blocked_at = timezone.now()
    user.block_kind = "soft"
    user.save()
    client.force_login(user)
    comment = CommentFactory()

    assert client.get(report_url(comment)).status_code == 403
    assert client.post(report_url(comment), report_data()).status_code == 403
    assert not Report.objects.exists()


@pytest.mark.parametrize("kind", KINDS)
def test_author_cannot_report_their_own_item(client, kind):
    item = public_item(kind)
    client.force_login(author_of(item))

    assert client.get(report_url(item)).status_code == 403
    assert client.post(report_url(item), report_data()).status_code == 403
    assert not Report.objects.exists()


def test_co_initiator_cannot_report_their_own_initiative(client):
    co_initiator = VerifiedUserFactory()
    initiative = InitiativeFactory(team=[co_initiator])
    client.force_login(co_initiator)

    assert client.post(report_url(initiative), report_data()).status_code == 403
    assert not Report.objects.exists()


def _hidden_comment():
    return CommentFactory(hidden_at=timezone.now(), hidden_cause=HiddenCause.MODERATOR)


NOT_PUBLIC = {
    "draft initiative": lambda: InitiativeFactory(draft=True),
    "submitted initiative": lambda: InitiativeFactory(submitted=True),
    "rejected initiative": lambda: InitiativeFactory(rejected=True),
    "hidden initiative": lambda: InitiativeFactory(hidden=True),
    "log entry of a draft": lambda: LogEntryFactory(initiative=InitiativeFactory(draft=True)),
    "hidden log entry": lambda: LogEntryFactory(hidden_at=timezone.now(), hidden_cause=HiddenCause.REPORTS),
    "hidden comment": _hidden_comment,
    "comment on a hidden initiative": lambda: CommentFactory(initiative=InitiativeFactory(hidden=True)),
    "unpublished suggestion": lambda: SuggestedExampleFactory(draft=True),
    "hidden suggestion": lambda: SuggestedExampleFactory(
        hidden_at=timezone.now(), hidden_cause=HiddenCause.MODERATOR
    ),
}


@pytest.mark.parametrize("make", NOT_PUBLIC.values(), ids=NOT_PUBLIC.keys())
def test_what_the_public_cannot_see_cannot_be_reported_and_stays_secret(client_logged_in, make):
    item = make()

    assert client_logged_in.get(report_url(item)).status_code == 404
    assert client_logged_in.post(report_url(item), report_data()).status_code == 404
    assert not Report.objects.exists()


@pytest.mark.parametrize(
    "path",
    [
        "/moderatie/melden/reactie/999999/",
        "/moderatie/melden/gebruiker/1/",
        "/moderatie/melden/initiatief/999999/",
    ],
)
def test_reporting_something_that_does_not_exist_is_not_found(client_logged_in, path):
    assert client_logged_in.get(path).status_code == 404


def test_an_article_written_by_the_editors_is_not_a_suggested_example_to_report(client_logged_in):
    article = ArticleFactory()  # published, but nobody suggested it

    url = reverse("moderation:report_create", kwargs={"kind": "voorbeeld", "pk": article.pk})

    assert client_logged_in.get(url).status_code == 404
    assert client_logged_in.post(url, report_data()).status_code == 404


def test_the_service_refuses_a_report_about_what_is_not_public(user):
    with pytest.raises(ValidationError):
        report_create(item=InitiativeFactory(draft=True), by=user, reason=ReportReason.SPAM)

    assert not Report.objects.exists()


# --- Once per person per item -------------------------------------------------------------------------


def test_reporting_the_same_item_twice_keeps_one_report_without_an_error(client_logged_in, user):
    comment = CommentFactory()

    first = client_logged_in.post(report_url(comment), report_data(text="Eerste keer"))
    second = client_logged_in.post(report_url(comment), report_data(text="Tweede keer"))

    assert first.status_code == second.status_code == 302
    assert Report.objects.get().text == "Eerste keer"


def test_the_report_service_returns_the_first_report_the_second_time(user):
    comment = CommentFactory()

    first, created_first = report_create(item=comment, by=user, reason=ReportReason.SPAM)
    second, created_second = report_create(item=comment, by=user, reason=ReportReason.OTHER, text="nog eens")

    assert (created_first, created_second) == (True, False)
    assert second.pk == first.pk
    assert Report.objects.get().reason == ReportReason.SPAM


def test_two_people_may_each_report_the_same_item(user, other_user):
    comment = CommentFactory()

    report_create(item=comment, by=user, reason=ReportReason.SPAM)
    report_create(item=comment, by=other_user, reason=ReportReason.SPAM)

    assert set(Report.objects.values_list("reporter", flat=True)) == {user.pk, other_user.pk}


# --- The form's guards --------------------------------------------------------------------------------


def test_a_reason_is_required(client_logged_in):
    comment = CommentFactory()

    response = client_logged_in.post(report_url(comment), report_data(reason=""))

    assert response.status_code == 200
    assert response.context["form"].errors["reason"]
    assert not Report.objects.exists()


def test_a_reason_that_is_not_on_the_list_is_refused(client_logged_in):
    comment = CommentFactory()

    response = client_logged_in.post(report_url(comment), report_data(reason="ik-vind-het-stom"))

    assert response.status_code == 200
    assert response.context["form"].errors["reason"]
    assert not Report.objects.exists()


def test_too_long_an_explanation_is_refused_and_kept_in_the_form(client_logged_in):
    comment = CommentFactory()
    long_text = "Dit is te lang. " * 200  # 3,200 characters; at most 2,000

    response = client_logged_in.post(report_url(comment), report_data(text=long_text))

    assert response.status_code == 200
    assert response.context["form"].errors["text"]
    assert response.context["form"]["text"].value() == long_text
    assert not Report.objects.exists()


def test_a_filled_in_honeypot_makes_no_report(client_logged_in):
    comment = CommentFactory()

    response = client_logged_in.post(report_url(comment), report_data(website="https://spam.example"))

    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert not Report.objects.exists()


def test_many_reports_in_a_short_time_are_slowed_down_and_the_text_is_kept(client_logged_in, settings):
    settings.LOKET_POSTING_RATES = {"report": "2/h"}
    first, second, third = CommentFactory.create_batch(3)

    assert client_logged_in.post(report_url(first), report_data()).status_code == 302
    assert client_logged_in.post(report_url(second), report_data()).status_code == 302
    response = client_logged_in.post(report_url(third), report_data(text="De derde melding"))

    assert response.status_code == 429
    assert response.context["form"]["text"].value() == "De derde melding"
    assert Report.objects.count() == 2
    assert not Report.objects.filter(object_id=third.pk).exists()


@pytest.mark.parametrize("text", HOSTILE_STRINGS, ids=range(len(HOSTILE_STRINGS)))
def test_hostile_text_in_a_report_never_breaks_the_page(client_logged_in, text):
    comment = CommentFactory()

    response = client_logged_in.post(report_url(comment), report_data(text=text))

    assert response.status_code in (200, 302)
    if response.status_code == 302:
        assert Report.objects.get().text == clean_text(text).strip()  # less the direction controls
    else:
        assert response.context["form"].errors
        assert not Report.objects.exists()


# --- Enough reports hide the item until a moderator looks -----------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_the_report_that_reaches_the_threshold_hides_the_item_and_tells_the_author(
    kind, threshold_of_two, user, other_user, mailoutbox, django_capture_on_commit_callbacks
):
    item = public_item(kind)
    author = author_of(item)

    with django_capture_on_commit_callbacks(execute=True):
        report_create(item=item, by=user, reason=ReportReason.OFFENSIVE)
    assert not is_hidden(item)
    assert mailoutbox == []

    with django_capture_on_commit_callbacks(execute=True):
        report_create(item=item, by=other_user, reason=ReportReason.SPAM)

    assert is_hidden(item)
    assert fresh(item).hidden_cause == HiddenCause.REPORTS
    action = ModerationAction.objects.get()
    assert action.kind == ActionKind.AUTO_HIDE
    assert action.item == fresh(item)
    assert action.moderator is None
    assert [message.to for message in mailoutbox] == [[author.email]]
    assert appeal_url(action) in mailoutbox[0].body
    assert Report.objects.filter(status=ReportStatus.OPEN).count() == 2  # a moderator still decides


def test_an_initiative_hidden_by_reports_is_no_longer_published(threshold_of_two, user, other_user):
    initiative = InitiativeFactory()

    report_create(item=initiative, by=user, reason=ReportReason.UNTRUE)
    report_create(item=initiative, by=other_user, reason=ReportReason.UNTRUE)

    assert fresh(initiative).publication_state == PublicationState.HIDDEN


def test_reports_through_the_site_hide_the_item_at_the_threshold(
    client, threshold_of_two, user, other_user, mailoutbox, django_capture_on_commit_callbacks
):
    comment = CommentFactory(body="Iedereen hier is dom.")

    for reporter in (user, other_user):
        client.force_login(reporter)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(report_url(comment), report_data())
        assert response.status_code == 302

    assert is_hidden(comment)
    assert fresh(comment).hidden_cause == HiddenCause.REPORTS
    assert ModerationAction.objects.filter(kind=ActionKind.AUTO_HIDE).count() == 1
    assert [message.to for message in mailoutbox] == [[comment.author.email]]


@pytest.mark.parametrize("kind", ["initiatief", "voorbeeld"])
def test_the_reporter_whose_report_hides_a_page_is_not_sent_to_that_page(
    client, kind, threshold_of_two, user, other_user
):
    item = public_item(kind)
    report_create(item=item, by=other_user, reason=ReportReason.SPAM)
    client.force_login(user)

    response = client.post(report_url(item), report_data())

    assert response.status_code == 302
    assert is_hidden(item)
    assert client.get(response["Location"]).status_code == 200


def test_below_the_threshold_the_item_stays_and_nobody_is_emailed(
    settings, user, other_user, mailoutbox, django_capture_on_commit_callbacks
):
    settings.MODERATION_REPORT_THRESHOLD = 3
    comment = CommentFactory()

    with django_capture_on_commit_callbacks(execute=True):
        report_create(item=comment, by=user, reason=ReportReason.SPAM)
        report_create(item=comment, by=other_user, reason=ReportReason.SPAM)

    assert not is_hidden(comment)
    assert not ModerationAction.objects.exists()
    assert mailoutbox == []


def test_dismissed_reports_no_longer_count_towards_the_threshold(
    threshold_of_two, moderator, user, other_user
):
    comment = CommentFactory()
    report_create(item=comment, by=user, reason=ReportReason.SPAM)
    reports_dismiss(item=comment, by=moderator)

    report_create(item=comment, by=other_user, reason=ReportReason.SPAM)

    assert not is_hidden(comment)
    assert not ModerationAction.objects.filter(kind=ActionKind.AUTO_HIDE).exists()
