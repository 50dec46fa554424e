"""After a session, its report goes into the knowledge base as a published background article: through
`session_report_publish` or the "publish the report" action in the management site. Once per session;
a session without a report has nothing to publish."""

import pytest
from django.contrib.messages import constants as levels
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.urls import reverse

from accounts.roles import Role
from knowledgebase.models import Article, ArticleKind, PublicationState
from lab.services import session_report_publish
from tests.accounts.factories import staff_in_role
from tests.lab.factories import LabSessionFactory

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:lab_labsession_changelist")
REPORT = "We spraken over **vertrouwen**. Kernwoord: buurtbudgetboekhouding.\n\nTweede alinea."


@pytest.fixture
def session():
    return LabSessionFactory(past=True, topic="Vertrouwen tussen buren", report=REPORT)


def publish_action(client, *sessions):
    return client.post(
        CHANGELIST, {"action": "publish_reports", "_selected_action": [s.pk for s in sessions]}
    )


def messages_of(response):
    return [(message.level, str(message)) for message in get_messages(response.wsgi_request)]


def test_report_becomes_a_published_background_article(session, ombuds):
    article = session_report_publish(session=session, by=ombuds)

    article.refresh_from_db()
    assert article.kind == ArticleKind.BACKGROUND
    assert article.state == PublicationState.PUBLISHED
    assert article.is_published
    assert "Vertrouwen tussen buren" in article.title
    assert article.body == REPORT
    assert "buurtbudgetboekhouding" in article.summary
    assert article.place == session.place
    assert article.written_by == ombuds
    session.refresh_from_db()
    assert session.report_article == article


def test_published_report_can_be_read_and_found_in_the_knowledge_base(client, session, ombuds):
    article = session_report_publish(session=session, by=ombuds)

    page = client.get(article.get_absolute_url())
    found = client.get(reverse("site_search"), {"q": "buurtbudgetboekhouding"})

    assert page.status_code == 200
    assert "<strong>vertrouwen</strong>" in page.content.decode()
    assert article in [result for section in found.context["sections"] for result in section["results"]]


def test_session_page_links_to_its_report_in_the_knowledge_base(client, session, ombuds):
    article = session_report_publish(session=session, by=ombuds)

    content = client.get(session.get_absolute_url()).content.decode()

    assert "<strong>vertrouwen</strong>" in content
    assert article.get_absolute_url() in content


def test_report_is_published_only_once(session, ombuds):
    first = session_report_publish(session=session, by=ombuds)

    with pytest.raises(ValidationError) as refused:
        session_report_publish(session=session, by=ombuds)

    assert refused.value.code == "published"
    assert list(Article.objects.all()) == [first]


@pytest.mark.parametrize("report", ["", "  \n\t "])
def test_empty_report_is_refused(ombuds, report):
    session = LabSessionFactory(past=True, report=report)

    with pytest.raises(ValidationError) as refused:
        session_report_publish(session=session, by=ombuds)

    assert refused.value.code == "no_report"
    assert not Article.objects.exists()
    session.refresh_from_db()
    assert session.report_article is None


def test_longest_topic_place_and_report_still_fit_in_an_article(ombuds):
    session = LabSessionFactory(
        past=True, topic="t" * 160, place="p" * 200, report=("Een lange zin over samenwerken. " * 400)[:10000]
    )

    article = session_report_publish(session=session, by=ombuds)

    assert article.pk is not None
    assert len(article.title) <= 120
    assert len(article.summary) <= 300


def test_two_sessions_with_the_same_topic_get_two_articles(ombuds):
    sessions = LabSessionFactory.create_batch(2, past=True, topic="Dezelfde vraag", report=REPORT)

    slugs = {session_report_publish(session=s, by=ombuds).slug for s in sessions}

    assert len(slugs) == 2


# --- The action in the management site ----------------------------------------------------------------


def test_ombuds_publishes_reports_with_the_admin_action_and_hears_what_failed(client, session, ombuds):
    empty = LabSessionFactory(past=True, topic="Sessie zonder verslag", report="")
    client.force_login(ombuds)

    response = publish_action(client, session, empty)

    assert response.status_code == 302
    session.refresh_from_db()
    assert session.report_article is not None
    assert list(Article.objects.all()) == [session.report_article]
    shown = messages_of(response)
    assert [level for level, _text in shown].count(levels.SUCCESS) == 1
    warnings = [text for level, text in shown if level == levels.WARNING]
    assert len(warnings) == 1
    assert "Sessie zonder verslag" in warnings[0]


def test_admin_action_does_not_publish_a_report_twice(client, session, ombuds):
    session_report_publish(session=session, by=ombuds)
    client.force_login(ombuds)

    response = publish_action(client, session)

    assert Article.objects.count() == 1
    shown = messages_of(response)
    assert [level for level, _text in shown] == [levels.WARNING]
    assert "Vertrouwen tussen buren" in shown[0][1]


@pytest.mark.parametrize("role", [Role.MODERATOR, Role.EDITOR, Role.COUNCIL])
def test_other_roles_cannot_publish_a_report(client, session, role):
    client.force_login(staff_in_role(role))

    response = publish_action(client, session)

    assert response.status_code == 403
    assert not Article.objects.exists()
