"""Editors publish articles in the management site (/beheer/knowledgebase/article/): now, at a date ahead,
or several at once; a saved article is found by its new words and no longer by its old ones; a draft is
previewed on the site; and a suggested example stays attributed to the resident who suggested it."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone

from flywheels.models import Concept
from knowledgebase.models import Article, PublicationState
from tests.knowledgebase.article_admin_helpers import (
    CHANGELIST,
    add_article,
    change_url,
    data_of,
    form_errors,
)
from tests.knowledgebase.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def search_titles(client, text) -> list[str]:
    response = client.get(reverse("knowledgebase:article_list"), {"zoek": text})
    assert response.status_code == 200
    return [article.title for article in response.context["page_obj"].object_list]


# --- Publishing ---------------------------------------------------------------------------------------


def test_publishing_without_a_date_publishes_now(editor_client, client):
    before = timezone.now()

    article = add_article(editor_client, state=PublicationState.PUBLISHED)

    assert article.state == PublicationState.PUBLISHED
    assert before <= article.published_at <= timezone.now()
    client.logout()
    assert client.get(article.get_absolute_url()).status_code == 200


def test_publishing_with_a_date_ahead_schedules_the_article(editor_client, client):
    ahead = timezone.localtime() + datetime.timedelta(days=3)

    article = add_article(
        editor_client,
        state=PublicationState.PUBLISHED,
        published_at_0=ahead.date().isoformat(),
        published_at_1="09:00:00",
    )

    assert timezone.localtime(article.published_at).date() == ahead.date()
    assert not article.is_published
    client.logout()
    assert client.get(article.get_absolute_url()).status_code == 404


def test_publish_action_publishes_the_selected_drafts_now(editor_client):
    first, second = ArticleFactory(draft=True), ArticleFactory(draft=True)
    untouched = ArticleFactory(draft=True)
    earlier = timezone.now() - datetime.timedelta(days=30)
    published = ArticleFactory(published_at=earlier)
    before = timezone.now()

    response = editor_client.post(
        CHANGELIST,
        {
            "action": "publish_selected",
            "index": "0",
            "_selected_action": [str(first.pk), str(second.pk), str(published.pk)],
        },
    )

    assert response.status_code == 302
    for article in (first, second):
        article.refresh_from_db()
        assert article.state == PublicationState.PUBLISHED
        assert before <= article.published_at <= timezone.now()
    published.refresh_from_db()
    assert published.published_at == earlier
    untouched.refresh_from_db()
    assert untouched.state == PublicationState.DRAFT
    assert untouched.published_at is None


def test_publish_action_keeps_a_date_set_ahead(editor_client):
    ahead = timezone.now() + datetime.timedelta(days=5)
    article = ArticleFactory(draft=True, published_at=ahead)

    editor_client.post(
        CHANGELIST, {"action": "publish_selected", "index": "0", "_selected_action": [str(article.pk)]}
    )

    article.refresh_from_db()
    assert article.state == PublicationState.PUBLISHED
    assert article.published_at == ahead
    assert not article.is_published


# --- Findable after saving ----------------------------------------------------------------------------


def test_article_is_findable_by_its_title_text_themes_and_concepts_after_saving(editor_client, client):
    add_article(
        editor_client,
        title="Jeu de boules op het dorpsplein",
        body="Elke woensdag spelen jong en oud samen.",
        tags="petanque, dorpsplein",
        concepts=[str(Concept.objects.get(slug="eigenaarschap").pk)],
        state=PublicationState.PUBLISHED,
    )
    ArticleFactory(title="Iets anders", body="Over koffie.")
    client.logout()

    for word in ["boules", "woensdag", "petanque", "eigenaarschap"]:
        assert search_titles(client, word) == ["Jeu de boules op het dorpsplein"], word


def test_a_change_in_title_and_themes_is_findable_and_the_old_words_are_not(editor_client):
    article = add_article(
        editor_client, title="Jeu de boules", tags="petanque", state=PublicationState.PUBLISHED
    )

    response = editor_client.post(
        change_url(article), data_of(article, title="Buurtbarbecue", tags="barbecue")
    )

    assert response.status_code == 302, form_errors(response)
    assert search_titles(editor_client, "buurtbarbecue") == ["Buurtbarbecue"]
    assert search_titles(editor_client, "petanque") == []
    assert search_titles(editor_client, "boules") == []


# --- Preview on the site ------------------------------------------------------------------------------


def test_editor_previews_a_draft_on_the_site_through_view_on_site(editor_client, client):
    article = add_article(editor_client, title="Nog geheim", slug="nog-geheim")
    view_on_site = reverse(
        "admin:view_on_site",
        kwargs={"content_type_id": ContentType.objects.get_for_model(Article).pk, "object_id": article.pk},
    )

    page = editor_client.get(change_url(article))
    assert f'href="{view_on_site}"' in page.content.decode()
    redirect = editor_client.get(view_on_site)
    assert redirect.status_code == 302
    assert redirect["Location"].endswith(article.get_absolute_url())
    preview = editor_client.get(article.get_absolute_url())

    assert preview.status_code == 200
    assert preview.context["is_preview"] is True
    assert "no-store" in preview["Cache-Control"]
    assert "Nog geheim" in preview.content.decode()
    client.logout()
    assert client.get(article.get_absolute_url()).status_code == 404


def test_editor_keeps_a_suggested_example_attributed_to_the_resident(editor_client, user):
    article = ArticleFactory(draft=True, suggested_by=user, written_by=None)

    response = editor_client.post(change_url(article), data_of(article, title="Herschreven"))

    assert response.status_code == 302, form_errors(response)
    article.refresh_from_db()
    assert article.title == "Herschreven"
    assert article.suggested_by == user
    assert article.written_by is None
