"""Who sees an article and a case analysis in every state and on every way in: for every role, on the site
(its page), in the management site (its list and its page) and in the open data (API, feed, export; case
analyses are not in the open data). One rule answers all of them (knowledgebase/permissions.py;
tests/knowledgebase/test_kb_permissions.py holds the rule itself to its table):

- published is for everyone; a draft (a resident's suggested example too) or an article with its date ahead
  is for who works on the knowledge base: the editors, the moderators and superusers. Council members see
  what is published, although their role reads articles and analyses in the management site;
- a suggested example hidden by moderation only for the moderators;
- a case analysis of an initiative that is not public tells about that initiative: only who may see the
  initiative too (the moderators) sees it, whatever the analysis's own state.
"""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from core.models import HiddenCause
from knowledgebase.models import Article
from tests.accounts.visibility import (
    EVERYONE,
    NOBODY,
    admin_change_url,
    admin_shows,
    page_opens,
    page_shows,
    people,
    who,
)
from tests.html import parse, text_of
from tests.initiatives.factories import InitiativeFactory
from tests.knowledgebase.analysis_helpers import ADMIN_ADD
from tests.knowledgebase.article_admin_helpers import change_url, data_of
from tests.knowledgebase.factories import ArticleFactory, CaseAnalysisFactory

pytestmark = pytest.mark.django_db

WHO_WORK_ON_IT = frozenset({"editor", "moderator", "superuser"})
MODERATORS = frozenset({"moderator", "superuser"})
# Whose role reads articles and analyses in the management site (accounts/roles.py).
MANAGEMENT_READERS = frozenset({"editor", "moderator", "council", "superuser"})

ARTICLE_STATES = ("published", "draft", "scheduled", "suggested", "hidden suggestion")
# way in -> state -> who sees the article.
ARTICLE = {
    "site": {
        "published": EVERYONE,
        "draft": WHO_WORK_ON_IT,
        "scheduled": WHO_WORK_ON_IT,
        "suggested": WHO_WORK_ON_IT,
        "hidden suggestion": MODERATORS,
    },
    "admin": {
        "published": MANAGEMENT_READERS,
        "draft": WHO_WORK_ON_IT,
        "scheduled": WHO_WORK_ON_IT,
        "suggested": WHO_WORK_ON_IT,
        "hidden suggestion": MODERATORS,
    },
    "open data": {state: EVERYONE if state == "published" else NOBODY for state in ARTICLE_STATES},
}

INITIATIVE_NOT_PUBLIC = (
    "initiative draft",
    "initiative submitted",
    "initiative rejected",
    "initiative hidden",
)
ANALYSIS_STATES = ("published", "draft", "scheduled", *INITIATIVE_NOT_PUBLIC)
ANALYSIS = {
    "site": {
        "published": EVERYONE,
        "draft": WHO_WORK_ON_IT,
        "scheduled": WHO_WORK_ON_IT,
        **dict.fromkeys(INITIATIVE_NOT_PUBLIC, MODERATORS),
    },
    "admin": {
        "published": MANAGEMENT_READERS,
        "draft": WHO_WORK_ON_IT,
        "scheduled": WHO_WORK_ON_IT,
        **dict.fromkeys(INITIATIVE_NOT_PUBLIC, MODERATORS),
    },
}


def test_the_tables_name_every_state_of_every_way_in():
    for table in ARTICLE.values():
        assert set(table) == set(ARTICLE_STATES)
    for table in ANALYSIS.values():
        assert set(table) == set(ANALYSIS_STATES)


@pytest.fixture
def everyone():
    return people()


def _ahead():
    return timezone.now() + datetime.timedelta(days=7)


def article_in(state, everyone) -> Article:
    title = f"Artikel zichtbaar {state}"
    if state == "published":
        return ArticleFactory(title=title)
    if state == "draft":
        return ArticleFactory(title=title, draft=True)
    if state == "scheduled":
        return ArticleFactory(title=title, published_at=_ahead())
    suggestion = ArticleFactory(title=title, draft=True, suggested_by=everyone["resident"])
    if state == "hidden suggestion":
        # Hidden by moderation after an editor had published it.
        suggestion.state, suggestion.published_at = "published", timezone.now()
        suggestion.hidden_at, suggestion.hidden_cause = timezone.now(), HiddenCause.REPORTS
        suggestion.save()
    return suggestion


def analysis_in(state, everyone):
    if state.startswith("initiative "):
        initiative = InitiativeFactory(created_by=everyone["team"], **{state.split()[1]: True})
        return CaseAnalysisFactory(initiative=initiative)
    initiative = InitiativeFactory(created_by=everyone["team"])
    if state == "draft":
        return CaseAnalysisFactory(initiative=initiative, draft=True)
    if state == "scheduled":
        return CaseAnalysisFactory(initiative=initiative, published_at=_ahead())
    return CaseAnalysisFactory(initiative=initiative)


# --- Articles -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("state", ARTICLE_STATES)
def test_who_reads_an_article_on_the_site(client, everyone, state):
    article = article_in(state, everyone)

    seen = who(client, everyone, lambda c: page_opens(c, article.get_absolute_url()))

    assert seen == ARTICLE["site"][state]


@pytest.mark.parametrize("state", ARTICLE_STATES)
def test_who_sees_an_article_in_the_management_site(client, everyone, state):
    article = article_in(state, everyone)

    assert who(client, everyone, lambda c: admin_shows(c, article)) == ARTICLE["admin"][state]


@pytest.mark.parametrize("state", ARTICLE_STATES)
def test_who_finds_an_article_in_the_open_data(client, everyone, state):
    article = article_in(state, everyone)

    def in_open_data(c):
        in_api = page_opens(c, reverse("opendata:article-detail", kwargs={"slug": article.slug}))
        in_feed = page_shows(c, reverse("opendata:article_feed"), article.title)
        in_export = page_shows(
            c, reverse("opendata:dataset_download", args=["artikelen", "csv"]), article.title
        )
        assert in_api == in_feed == in_export
        return in_api

    assert who(client, everyone, in_open_data) == ARTICLE["open data"][state]


def test_the_preview_notice_says_who_can_read_a_draft(client, everyone):
    article = article_in("draft", everyone)
    client.force_login(everyone["editor"])

    notice = text_of(parse(client.get(article.get_absolute_url())).find(class_="utrecht-alert"))

    assert "redacteuren en de moderatoren" in notice


# --- Case analyses --------------------------------------------------------------------------------------


@pytest.mark.parametrize("state", ANALYSIS_STATES)
def test_who_reads_a_case_analysis_on_the_site(client, everyone, state):
    analysis = analysis_in(state, everyone)

    seen = who(client, everyone, lambda c: page_opens(c, analysis.get_absolute_url()))

    assert seen == ANALYSIS["site"][state]


@pytest.mark.parametrize("state", ANALYSIS_STATES)
def test_who_sees_a_case_analysis_in_the_management_site(client, everyone, state):
    analysis = analysis_in(state, everyone)

    assert who(client, everyone, lambda c: admin_shows(c, analysis)) == ANALYSIS["admin"][state]


# --- The initiative an article or analysis is about, in the management site --------------------------


def test_editor_starting_an_analysis_of_a_hidden_initiative_learns_nothing_of_it(client, everyone):
    initiative = InitiativeFactory(hidden=True, title="Verborgen buurtbus")
    client.force_login(everyone["editor"])

    page = client.get(ADMIN_ADD, {"initiative": initiative.pk})

    assert page.status_code == 200
    assert initiative.title not in page.content.decode()
    assert page.context["inline_admin_formsets"][0].formset.initial_form_count() == 0
    assert not page.context["inline_admin_formsets"][0].formset.extra_forms


def test_editor_cannot_pick_an_initiative_that_is_not_public_for_an_article(client, everyone):
    initiative = InitiativeFactory(submitted=True)
    article = ArticleFactory()
    client.force_login(everyone["editor"])

    response = client.post(change_url(article), data_of(article, initiative=str(initiative.pk)))

    assert response.status_code == 200  # the form again, with an error
    assert response.context["adminform"].form.has_error("initiative", "invalid_choice")
    article.refresh_from_db()
    assert article.initiative is None


def test_editor_changing_an_article_about_a_hidden_initiative_keeps_the_link_without_seeing_it(
    client, everyone
):
    initiative = InitiativeFactory(hidden=True, title="Verborgen buurtbus")
    article = ArticleFactory(initiative=initiative)
    client.force_login(everyone["editor"])

    page = client.get(change_url(article))
    assert initiative.title not in page.content.decode()
    assert admin_change_url(initiative) not in page.content.decode()

    response = client.post(change_url(article), data_of(article, title="Nieuwe titel"))

    assert response.status_code == 302
    article.refresh_from_db()
    assert (article.title, article.initiative) == ("Nieuwe titel", initiative)


def test_moderator_sees_the_hidden_initiative_an_article_is_about(client, everyone):
    initiative = InitiativeFactory(hidden=True, title="Verborgen buurtbus")
    article = ArticleFactory(initiative=initiative)
    client.force_login(everyone["moderator"])

    assert initiative.title in client.get(change_url(article)).content.decode()
