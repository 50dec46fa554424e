"""`manage.py loket_scale`: what a small run puts in the database. One run of 200 initiatives serves the
whole module (tests/demo/scale_helpers.py); the command's refusals are in test_scale_command.py."""

import datetime

import pytest
from allauth.account.models import EmailAddress
from django.db.models import Count, Max, Min
from django.utils import timezone

from accounts.models import User
from accounts.roles import Role
from demo.scale import EMAIL_DOMAIN, Plan
from initiatives.choices import LogKind, ObstacleCategory, Origin, PublicationState, Stage
from initiatives.models import (
    Comment,
    Follow,
    HelpOffer,
    HelpRequest,
    Initiative,
    LogEntry,
    MunicipalResponse,
    Support,
)
from knowledgebase.models import Article, ArticleKind, CaseAnalysis
from lab.models import LabSession, Signal, SignalStatus
from places.models import Area
from tests.demo.scale_helpers import scale_loaded

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module", autouse=True)
def scale(django_db_setup, django_db_blocker):
    yield from scale_loaded(django_db_blocker)


@pytest.fixture
def plan(scale):
    return Plan.for_initiatives(scale)


def test_the_counts_follow_the_ratios_of_the_issue(plan):
    assert Initiative.objects.count() == plan.initiatives
    assert User.objects.count() == plan.users
    assert LogEntry.objects.count() == plan.log_entries == 5 * plan.initiatives
    assert Comment.objects.count() == plan.comments == 5 * plan.initiatives
    assert Support.objects.count() == plan.supports == 10 * plan.initiatives
    assert Follow.objects.count() == plan.follows
    assert MunicipalResponse.objects.count() == plan.municipal_responses
    assert HelpRequest.objects.count() == plan.help_requests
    assert HelpOffer.objects.count() == plan.help_offers
    assert (Article.objects.count(), CaseAnalysis.objects.count()) == (plan.articles, plan.case_analyses)
    assert (LabSession.objects.count(), Signal.objects.count()) == (plan.lab_sessions, plan.signals)


def test_every_stage_origin_state_and_kind_is_there():
    def values(queryset, field):
        return set(queryset.values_list(field, flat=True).distinct())

    assert values(Initiative.objects.published(), "stage") == set(Stage.values)
    assert values(Initiative.objects.published(), "origin") == set(Origin.values)
    assert values(Initiative.objects.all(), "publication_state") == set(PublicationState.values)
    assert values(LogEntry.objects.published(), "kind") == set(LogKind.values)
    assert values(LogEntry.objects.of_kind(LogKind.OBSTACLE), "obstacle_category") == set(
        ObstacleCategory.values
    )
    assert values(Article.objects.published(), "kind") == set(ArticleKind.values)
    assert values(Signal.objects.all(), "status") == set(SignalStatus.values)
    assert values(Initiative.objects.all(), "area") == set(
        Area.objects.filter(is_active=True).values_list("pk", flat=True)
    )


def test_most_initiatives_are_published_and_have_themes_and_concepts():
    published = Initiative.objects.published()

    assert published.count() >= 0.85 * Initiative.objects.count()
    assert published.filter(tags__isnull=False).distinct().count() == published.count()
    assert published.filter(concepts__isnull=False).distinct().count() > published.count() / 2


def test_the_initiatives_span_about_eight_years_up_to_now():
    span = Initiative.objects.aggregate(first=Min("created_at"), last=Max("created_at"))

    assert span["last"] <= timezone.now()
    assert span["last"] - span["first"] > datetime.timedelta(days=365 * 6)
    assert span["first"] >= timezone.now() - datetime.timedelta(days=365 * 8 + 2)


def test_some_initiatives_are_busy_most_have_a_few(plan):
    log_counts = sorted(
        Initiative.objects.published().annotate(n=Count("log_entries")).values_list("n", flat=True),
        reverse=True,
    )

    assert log_counts[0] >= plan.log_entries // 10
    assert sorted(log_counts)[len(log_counts) // 2] <= 5


def test_the_dates_of_an_initiative_follow_from_its_rows():
    for initiative in Initiative.objects.published().prefetch_related("municipal_responses", "log_entries"):
        responses = [response.created_at for response in initiative.municipal_responses.all()]
        log = [entry.created_at for entry in initiative.log_entries.all()]
        help_asked = list(initiative.help_requests.values_list("created_at", flat=True))
        assert initiative.first_response_at == min(responses, default=None)
        assert initiative.last_activity_at == max([initiative.published_at, *log, *help_asked, *responses])
        assert initiative.created_at <= initiative.submitted_at <= initiative.published_at
        assert initiative.published_at <= initiative.stage_changed_at <= timezone.now()
        assert all(
            entry.happened_on == timezone.localtime(entry.created_at).date()
            for entry in initiative.log_entries.all()
        )


def test_what_people_do_comes_after_they_joined_and_after_publication():
    for support in Support.objects.select_related("user", "initiative")[:500]:
        assert support.created_at >= max(support.user.date_joined, support.initiative.published_at)
    for comment in Comment.objects.select_related("author", "initiative")[:500]:
        assert comment.created_at >= max(comment.author.date_joined, comment.initiative.published_at)


def test_every_initiative_stores_the_number_of_its_supports():
    counted = Initiative.objects.annotate(rows=Count("supports")).values_list("support_count", "rows")

    assert all(stored == rows for stored, rows in counted)
    assert sum(stored for stored, _rows in counted) == Support.objects.count()


def test_only_published_initiatives_have_supporters_comments_and_responses():
    unpublished = Initiative.objects.exclude(
        publication_state__in=[PublicationState.PUBLISHED, PublicationState.HIDDEN]
    )

    assert not Support.objects.filter(initiative__in=unpublished).exists()
    assert not Comment.objects.filter(initiative__in=unpublished).exists()
    assert not MunicipalResponse.objects.filter(initiative__in=unpublished).exists()


def test_search_finds_the_words_of_the_vocabulary_and_not_others():
    published = Initiative.objects.published()

    found = published.search("speeltuin").count()

    assert 0 < found < published.count()
    assert published.search("moestuin").count() > 0
    assert published.search("zeppelin").count() == 0


def test_everyone_logs_in_with_the_shared_password_and_a_confirmed_address(client):
    resident = User.objects.filter(is_staff=False).order_by("?").first()

    assert resident.email.endswith(f"@{EMAIL_DOMAIN}")
    assert EmailAddress.objects.filter(verified=True, primary=True).count() == User.objects.count()
    assert client.login(email=resident.email, password="loket-demo")


def test_every_role_has_staff():
    for role in Role:
        assert User.objects.filter(groups__name=role, is_staff=True).exists(), role


def test_the_public_pages_answer_on_the_data_set(client):
    busy = Initiative.objects.published().annotate(n=Count("log_entries")).order_by("-n").first()

    for address in [
        "/",
        "/initiatieven/",
        "/initiatieven/?sorteer=steun",
        "/initiatieven/?zoek=speeltuin",
        busy.get_absolute_url(),
        "/initiatieven/logboek/",
        "/initiatieven/obstakels/",
        "/kennisbank/",
        "/zoeken/?q=moestuin",
    ]:
        assert client.get(address).status_code == 200, address


def test_the_council_dashboard_answers_on_the_data_set(client):
    client.force_login(User.objects.filter(groups__name=Role.COUNCIL).first())

    assert client.get("/dashboard/?periode=alles").status_code == 200


def test_the_markdown_texts_come_with_their_rendered_html():
    """Written with COPY, past `save()`: the stored HTML of each Markdown text is rendered all the same."""
    for model, source, target in [
        (Initiative, "story", "story_html"),
        (LogEntry, "text", "text_html"),
        (MunicipalResponse, "body", "body_html"),
        (Article, "body", "body_html"),
        (CaseAnalysis, "lessons", "lessons_html"),
        (LabSession, "description", "description_html"),
    ]:
        assert not model.objects.exclude(**{source: ""}).filter(**{target: ""}).exists(), model
    assert LogEntry.objects.filter(text_html__startswith="<").count() == LogEntry.objects.count()
