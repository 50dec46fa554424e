"""What `manage.py loket_demo` adds beyond the initiatives: one account per role, the knowledge base (about
twenty articles, about five case analyses, something on every concept page), moderation and the
samenwerkingslab, and a history long enough for the council's dashboard to have a shape (more of it in
test_history)."""

import datetime

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from flywheels.models import Concept
from initiatives.models import Initiative, LogEntry
from knowledgebase.models import Article, ArticleKind, CaseAnalysis
from lab.models import LabSession, Registration, Signal, SignalMessage
from moderation.models import ActionKind, Appeal, AppealStatus, ModerationAction, Report, ReportStatus
from moderation.queries import waiting_counts

pytestmark = pytest.mark.django_db

INITIATOR, OMBUDS = "initiatiefnemer@loket.example", "ombuds@loket.example"
DEMO_PASSWORD = "loket-demo"
RESIDENTS = ["bewoner@loket.example", INITIATOR]
STAFF = {
    "ambtenaar@loket.example": "moderators",
    "redacteur@loket.example": "editors",
    "raadslid@loket.example": "council",
    OMBUDS: "ombuds",
}
ADMIN = "admin@loket.example"
ALL_DEMO = [*RESIDENTS, *STAFF, ADMIN]


def test_about_twenty_published_articles_of_every_kind(demo):
    articles = Article.objects.published()

    assert 18 <= articles.count() <= 25
    assert set(articles.values_list("kind", flat=True)) == set(ArticleKind.values)
    assert all(article.cover_alt for article in articles if article.cover_image)


def test_a_format_comes_with_a_file_to_download(demo, client):
    template = Article.objects.published().filter(kind=ArticleKind.FORMAT).exclude(attachment="").first()

    response = client.get(reverse("knowledgebase:article_download", kwargs={"slug": template.slug}))

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")


def test_about_five_published_case_analyses_along_their_flywheel(demo):
    analyses = CaseAnalysis.objects.published().select_related("initiative")

    assert 4 <= len(analyses) <= 7
    for analysis in analyses:
        assert analysis.initiative.is_published
        flywheels = set(analysis.findings.values_list("concept__flywheel__slug", flat=True))
        assert flywheels == {analysis.flywheel_slug}


def test_every_concept_page_has_something_on_it(demo, client):
    published = Article.objects.published()
    for concept in Concept.objects.active():
        tagged = published.filter(concepts=concept).exists()
        analysed = concept.findings.filter(analysis__in=CaseAnalysis.objects.published()).exists()
        assert tagged or analysed, f"nothing on the page of {concept}"
        assert client.get(concept.get_absolute_url()).status_code == 200


def test_reports_wait_in_the_moderation_queue(demo):
    open_reports = Report.objects.filter(status=ReportStatus.OPEN)

    assert open_reports.count() >= 2
    reported = {(report.content_type_id, report.object_id) for report in open_reports}
    assert len(reported) < open_reports.count(), "two people reported the same comment"
    counts = {section.key: section.count for section in waiting_counts()}
    assert counts["reported"] >= 1
    assert counts["appeals"] == 1


def test_a_moderation_history_with_a_decision_undone_and_an_appeal_waiting(demo):
    kinds = set(ModerationAction.objects.values_list("kind", flat=True))

    assert {ActionKind.HIDE, ActionKind.RESTORE, ActionKind.APPEAL} <= kinds
    assert all(action.reason for action in ModerationAction.objects.filter(kind=ActionKind.HIDE))
    appeal = Appeal.objects.get()
    assert appeal.status == AppealStatus.OPEN
    assert appeal.decision.kind == ActionKind.HIDE


def test_two_upcoming_lab_sessions_and_a_past_one_with_a_report(demo):
    upcoming = LabSession.objects.published().upcoming()

    assert upcoming.count() >= 2
    assert LabSession.objects.published().past().exclude(report="").exists()
    assert Registration.objects.filter(session__in=upcoming).exists()


def test_a_signal_between_the_demo_initiator_and_the_demo_ombuds(demo):
    signal = Signal.objects.get(reporter__email=INITIATOR)

    authors = set(SignalMessage.objects.filter(signal=signal).values_list("author__email", flat=True))
    assert {INITIATOR, OMBUDS} <= authors


def test_the_history_spans_at_least_eighteen_months(demo):
    published = list(Initiative.objects.published().values_list("published_at", flat=True))
    entries = list(LogEntry.objects.values_list("happened_on", flat=True))

    assert min(published) <= timezone.now() - datetime.timedelta(days=18 * 30)
    assert min(entries) <= timezone.localdate() - datetime.timedelta(days=18 * 30)
    assert max(published) >= timezone.now() - datetime.timedelta(days=31)


@pytest.mark.parametrize("email", ALL_DEMO)
def test_demo_account_has_a_verified_primary_email_and_the_demo_password(demo, email):
    user = User.objects.get(email=email)
    assert EmailAddress.objects.filter(user=user, email=email, verified=True, primary=True).exists()
    assert user.check_password(DEMO_PASSWORD)


@pytest.mark.parametrize(("email", "group"), STAFF.items())
def test_demo_staff_account_is_staff_in_its_role_group_only(demo, email, group):
    user = User.objects.get(email=email)
    assert user.is_staff
    assert not user.is_superuser
    assert list(user.groups.values_list("name", flat=True)) == [group]


@pytest.mark.parametrize("email", RESIDENTS)
def test_demo_resident_is_not_staff(demo, email):
    user = User.objects.get(email=email)
    assert not user.is_staff
    assert not user.groups.exists()


def test_demo_admin_is_superuser(demo):
    admin = User.objects.get(email=ADMIN)
    assert admin.is_superuser
    assert admin.is_staff
