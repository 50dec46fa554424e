"""A resident suggests a local example (/kennisbank/voorbeeld-voorstellen/): it arrives as a draft article
for the editors, who hear of it by email; the public sees nothing until an editor publishes it. Mistakes,
floods and hostile input have their own module (test_suggest_refused.py)."""

import pytest
from django.urls import reverse

from accounts.roles import Role
from knowledgebase.forms import SuggestExampleForm
from knowledgebase.models import Article, ArticleKind, PublicationState
from knowledgebase.services.suggestions import SUMMARY_LENGTH
from places.models import Area
from tests.accounts.factories import UserFactory, staff_in_role
from tests.knowledgebase.suggest_helpers import STORY, SUGGEST, suggest, suggestion_data

pytestmark = pytest.mark.django_db


# --- Who may suggest ----------------------------------------------------------------------------------


def test_anonymous_visitor_is_sent_to_the_login_and_back(client):
    response = client.get(SUGGEST)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert f"next={SUGGEST}" in response["Location"]


def test_anonymous_post_saves_nothing(client):
    response = client.post(SUGGEST, suggestion_data())

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert not Article.objects.exists()


def test_resident_without_confirmed_email_gets_403_without_a_form(client, mailoutbox):
    client.force_login(UserFactory())

    response = client.get(SUGGEST)

    assert response.status_code == 403
    assert response.context["needs_verified_email"] is True
    assert response.context.get("form") is None
    content = response.content.decode()
    assert f'action="{SUGGEST}"' not in content
    assert 'name="story"' not in content
    assert f'href="{reverse("account_email")}"' in content


def test_resident_without_confirmed_email_cannot_post_either(
    client, editors, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(UserFactory())

    response = suggest(client, django_capture_on_commit_callbacks)

    assert response.status_code == 403
    assert not Article.objects.exists()
    assert mailoutbox == []


def test_confirmed_resident_gets_the_form(client_logged_in):
    response = client_logged_in.get(SUGGEST)

    assert response.status_code == 200
    assert isinstance(response.context["form"], SuggestExampleForm)
    content = response.content.decode()
    assert f'action="{SUGGEST}"' in content
    for name in ["title", "story", "area", "place", "link", "website"]:
        assert f'name="{name}"' in content


def test_only_get_head_and_post(client_logged_in):
    assert client_logged_in.put(SUGGEST).status_code == 405
    assert client_logged_in.delete(SUGGEST).status_code == 405


# --- Suggesting ---------------------------------------------------------------------------------------


def test_resident_suggests_an_example_that_arrives_as_a_draft(
    client_logged_in, user, editors, django_capture_on_commit_callbacks
):
    wehl = Area.objects.get(slug="wehl")

    response = suggest(
        client_logged_in,
        django_capture_on_commit_callbacks,
        area=str(wehl.pk),
        place="",
        link="https://www.example.org/buurtkamer",
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("knowledgebase:index")
    article = Article.objects.get()
    assert article.kind == ArticleKind.EXAMPLE
    assert article.state == PublicationState.DRAFT
    assert article.published_at is None
    assert article.suggested_by == user
    assert article.written_by is None
    assert article.title == "Buurtkamer in de oude bibliotheek"
    assert article.slug == "buurtkamer-in-de-oude-bibliotheek"
    assert article.body == STORY
    assert article.area == wehl
    assert article.source_url == "https://www.example.org/buurtkamer"
    assert not article.is_featured


def test_summary_is_the_start_of_the_story_on_one_line_at_most_280_characters(
    client_logged_in, django_capture_on_commit_callbacks
):
    assert len(STORY) > SUMMARY_LENGTH

    suggest(client_logged_in, django_capture_on_commit_callbacks)

    summary = Article.objects.get().summary
    assert SUMMARY_LENGTH == 280
    assert len(summary) <= 280
    assert "\n" not in summary
    assert summary.startswith("In de oude bibliotheek van Wehl stond een zaal leeg.")
    assert " ".join(STORY.split()).startswith(summary.rstrip("…").rstrip())


def test_short_story_is_its_own_summary(client_logged_in, django_capture_on_commit_callbacks):
    suggest(
        client_logged_in, django_capture_on_commit_callbacks, story="Een  buurtkamer.\n\nElke dinsdag koffie."
    )

    assert Article.objects.get().summary == "Een buurtkamer. Elke dinsdag koffie."


def test_example_from_elsewhere_keeps_its_place(client_logged_in, django_capture_on_commit_callbacks):
    suggest(client_logged_in, django_capture_on_commit_callbacks, place="Aa en Hunze")

    article = Article.objects.get()
    assert article.area is None
    assert article.place == "Aa en Hunze"


def test_link_without_scheme_becomes_https(client_logged_in, django_capture_on_commit_callbacks):
    suggest(client_logged_in, django_capture_on_commit_callbacks, link="www.example.org/buurtkamer")

    assert Article.objects.get().source_url == "https://www.example.org/buurtkamer"


def test_the_same_title_twice_gets_its_own_address(
    client_logged_in, other_user, django_capture_on_commit_callbacks
):
    suggest(client_logged_in, django_capture_on_commit_callbacks)
    client_logged_in.force_login(other_user)
    suggest(client_logged_in, django_capture_on_commit_callbacks)

    slugs = sorted(Article.objects.values_list("slug", flat=True))
    assert slugs == ["buurtkamer-in-de-oude-bibliotheek", "buurtkamer-in-de-oude-bibliotheek-2"]


def test_editors_get_an_email_once_the_suggestion_is_saved(
    client_logged_in, user, editors, mailoutbox, django_capture_on_commit_callbacks
):
    staff_in_role(Role.MODERATOR)
    staff_in_role(Role.COUNCIL)
    staff_in_role(Role.EDITOR, is_active=False)
    non_staff_in_editors = UserFactory()
    non_staff_in_editors.groups.add(*editors[0].groups.all())

    with django_capture_on_commit_callbacks() as callbacks:
        client_logged_in.post(SUGGEST, suggestion_data())
        assert mailoutbox == []  # not before the commit
    for callback in callbacks:
        callback()

    article = Article.objects.get()
    assert sorted(message.to[0] for message in mailoutbox) == sorted(editor.email for editor in editors)
    assert all(len(message.to) == 1 for message in mailoutbox)
    review_path = reverse("admin:knowledgebase_article_change", args=[article.pk])
    for message in mailoutbox:
        assert "Buurtkamer in de oude bibliotheek" in message.subject
        assert review_path in message.body
        assert user.email not in message.to


def test_suggested_draft_is_not_public(client_logged_in, client, django_capture_on_commit_callbacks):
    suggest(client_logged_in, django_capture_on_commit_callbacks)
    article = Article.objects.get()

    assert client_logged_in.get(article.get_absolute_url()).status_code == 404
    client.logout()
    assert client.get(article.get_absolute_url()).status_code == 404
    listing = client.get(reverse("knowledgebase:article_list"))
    assert list(listing.context["page_obj"].object_list) == []
    assert (
        "Buurtkamer in de oude bibliotheek" not in client.get(reverse("knowledgebase:index")).content.decode()
    )


def test_editor_previews_the_suggested_draft(
    client_logged_in, client, editors, django_capture_on_commit_callbacks
):
    suggest(client_logged_in, django_capture_on_commit_callbacks)
    article = Article.objects.get()
    client.force_login(editors[0])

    response = client.get(article.get_absolute_url())

    assert response.status_code == 200
    assert response.context["is_preview"] is True
