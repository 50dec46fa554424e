"""Who may do what with articles in the management site (/beheer/knowledgebase/article/): editors write and
publish; moderators and the council may look but not touch (the council only at what is published: see
tests/knowledgebase/test_visibility.py); residents, anonymous visitors and staff without a role are kept
out."""

import pytest
from django.urls import reverse

from accounts.roles import Role
from knowledgebase.models import Article, PublicationState
from tests.accounts.factories import UserFactory, staff_in_role, verify_email
from tests.knowledgebase.article_admin_helpers import ADD, CHANGELIST, article_data, change_url, data_of
from tests.knowledgebase.factories import ArticleFactory

pytestmark = pytest.mark.django_db


# --- Who may do what ----------------------------------------------------------------------------------

ROLES = {
    "editor": Role.EDITOR,
    "moderator": Role.MODERATOR,
    "council": Role.COUNCIL,
    "ombuds": Role.OMBUDS,
}
# what -> who: the management site's answer for a draft article, per role.
MAY = {
    "list": {"editor", "moderator", "council"},
    "view": {"editor", "moderator"},
    "add": {"editor"},
    "change": {"editor"},
    "delete": {"editor"},
    "publish": {"editor"},
}


@pytest.fixture
def members():
    return {name: staff_in_role(role) for name, role in ROLES.items()}


def _attempt(client, what, article) -> bool:
    """Whether the management site lets the signed-in person do `what` with `article`."""
    if what == "list":
        return client.get(CHANGELIST).status_code == 200
    if what == "view":
        return client.get(change_url(article)).status_code == 200
    if what == "add":
        response = client.post(ADD, article_data(slug="nieuw"))
        return response.status_code == 302 and Article.objects.filter(slug="nieuw").exists()
    if what == "change":
        response = client.post(change_url(article), data_of(article, title="Veranderd"))
        return response.status_code == 302 and Article.objects.get(pk=article.pk).title == "Veranderd"
    if what == "delete":
        client.post(reverse("admin:knowledgebase_article_delete", args=[article.pk]), {"post": "yes"})
        return not Article.objects.filter(pk=article.pk).exists()
    if what == "publish":
        client.post(
            CHANGELIST, {"action": "publish_selected", "index": "0", "_selected_action": [article.pk]}
        )
        return Article.objects.get(pk=article.pk).state == PublicationState.PUBLISHED
    raise AssertionError(what)


@pytest.mark.parametrize("what", list(MAY))
def test_who_may_do_what_with_articles_in_the_management_site(client, members, what):
    allowed = set()
    for name, member in members.items():
        article = ArticleFactory(draft=True, title="Concept")
        client.force_login(member)
        if _attempt(client, what, article):
            allowed.add(name)
        Article.objects.filter(slug="nieuw").delete()

    assert allowed == MAY[what]


@pytest.mark.parametrize("role", [Role.MODERATOR, Role.COUNCIL])
def test_moderator_and_council_see_an_article_read_only_without_the_publish_action(client, role):
    article = ArticleFactory(title="Gepubliceerd")
    client.force_login(staff_in_role(role))

    page = client.get(change_url(article))
    listing = client.get(CHANGELIST)

    assert page.status_code == 200
    assert page.context["has_change_permission"] is False
    assert 'name="_save"' not in page.content.decode()
    assert listing.status_code == 200
    action_form = listing.context["action_form"]  # None when no action is left
    actions = [value for value, _label in action_form.fields["action"].choices] if action_form else []
    assert "publish_selected" not in actions


def test_editor_gets_the_publish_action(editor_client):
    ArticleFactory(draft=True)

    listing = editor_client.get(CHANGELIST)

    actions = [value for value, _label in listing.context["action_form"].fields["action"].choices]
    assert "publish_selected" in actions


def test_resident_is_sent_to_the_login(client, user):
    article = ArticleFactory(draft=True)
    client.force_login(user)

    for url in [CHANGELIST, change_url(article), ADD]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("admin:login")), url
    assert client.post(change_url(article), data_of(article, title="Gekaapt")).status_code == 302
    assert Article.objects.get(pk=article.pk).title == article.title


def test_anonymous_visitor_ends_at_the_sites_login(client):
    response = client.get(CHANGELIST, follow=True)

    assert response.redirect_chain[-1][0].startswith(reverse("account_login"))


def test_staff_without_a_role_may_not_see_articles(client):
    member = UserFactory(is_staff=True)
    verify_email(member)
    client.force_login(member)

    assert client.get(CHANGELIST).status_code == 403
