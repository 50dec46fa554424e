"""Anonymous pages from the cache (core/page_cache.py) under the version of the public content
(core/content_version.py): every kind of write that changes a public page shows at once; signed-in people
never get, nor leave, a stored page; each visitor gets their own CSRF token; the language and the query
string are kept apart; what may not be stored is not."""

import gzip
import re

import pytest
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.core.management import call_command
from django.http import HttpResponse, StreamingHttpResponse
from django.middleware.csrf import get_token
from django.test import Client, RequestFactory
from django.urls import resolve, reverse
from django.utils import timezone

from core import content_version, page_cache
from core.page_cache import PLACEHOLDER, PageCacheMiddleware
from initiatives import cached
from initiatives.models import Notification
from initiatives.services.log_entries import log_entry_create
from initiatives.services.municipality import municipal_response_create
from initiatives.services.participation import comment_create, support_add
from initiatives.services.publication import initiative_publish
from knowledgebase.models import Page
from moderation.services import item_hide
from tests.accounts.factories import UserFactory, staff_in_role
from tests.flywheels.factories import ConceptFactory
from tests.initiatives.factories import (
    CommentFactory,
    InitiativeFactory,
    NotificationFactory,
    VerifiedUserFactory,
)
from tests.knowledgebase.factories import ArticleFactory, CaseAnalysisFactory
from tests.lab.factories import LabSessionFactory

User = get_user_model()
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]

LIST = reverse("initiatives:initiative_list")
TOKEN = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')


def without_tokens(content: bytes) -> bytes:
    return TOKEN.sub(b"", content)


def state(response) -> str | None:
    return response.headers.get("X-Page-Cache")


def moderator():
    return staff_in_role("moderators")


# Each kind of write: (the page, what to do, a text the page shows after it, a text it no longer shows).


def publish_initiative():
    initiative = InitiativeFactory(submitted=True, title="Moestuin op het plein")
    return (
        LIST,
        lambda: initiative_publish(initiative=initiative, by=moderator()),
        "Moestuin op het plein",
        None,
    )


def hide_initiative():
    initiative = InitiativeFactory(title="Bankjes langs de Oude IJssel")
    return (
        LIST,
        lambda: item_hide(item=initiative, by=moderator(), reason="Niet netjes."),
        None,
        initiative.title,
    )


def new_log_entry():
    initiative = InitiativeFactory()

    def write():
        log_entry_create(
            initiative=initiative,
            author=initiative.created_by,
            kind="update",
            title="Eerste spade",
            text="Ja.",
        )

    return initiative.get_absolute_url(), write, "Eerste spade", None


def new_comment():
    initiative = InitiativeFactory()
    author = VerifiedUserFactory()
    write = lambda: comment_create(initiative=initiative, author=author, body="Ik kom helpen met verven.")  # noqa: E731
    return initiative.get_absolute_url(), write, "Ik kom helpen met verven.", None


def new_support():
    initiative = InitiativeFactory()
    supporter = VerifiedUserFactory(display_name="Fenna Steunpilaar")
    write = lambda: support_add(initiative=initiative, user=supporter, is_named=True)  # noqa: E731
    return initiative.get_absolute_url(), write, "Fenna Steunpilaar", None


def municipal_response():
    initiative = InitiativeFactory()
    civil_servant = staff_in_role("moderators")
    body = "De gemeente denkt graag mee over de vergunning."
    write = lambda: municipal_response_create(initiative=initiative, author=civil_servant, body=body)  # noqa: E731
    return initiative.get_absolute_url(), write, body, None


def hide_comment():
    comment = CommentFactory(body="Een opmerking die weg moet.")
    write = lambda: item_hide(item=comment, by=moderator(), reason="Niet netjes.")  # noqa: E731
    return comment.initiative.get_absolute_url(), write, None, comment.body


def display_name_changed():
    comment = CommentFactory(author=VerifiedUserFactory(display_name="Gerrit Oudenaam"))

    def write():
        comment.author.display_name = "Gerrit Nieuwenaam"
        comment.author.save()

    return comment.initiative.get_absolute_url(), write, "Gerrit Nieuwenaam", "Gerrit Oudenaam"


def new_article():
    write = lambda: ArticleFactory(title="Zo kreeg de buurt een speeltuin")  # noqa: E731
    return reverse("knowledgebase:article_list"), write, "Zo kreeg de buurt een speeltuin", None


def article_edited():
    article = ArticleFactory(title="Een oude titel")

    def write():
        article.title = "Een nieuwe titel"
        article.save()

    return article.get_absolute_url(), write, "Een nieuwe titel", "Een oude titel"


def new_analysis():
    write = lambda: CaseAnalysisFactory(title="Wat de moestuin ons leerde")  # noqa: E731
    return reverse("knowledgebase:analysis_list"), write, "Wat de moestuin ons leerde", None


def concept_edited():
    concept = ConceptFactory(description_nl="Een oude uitleg.")

    def write():
        concept.description_nl = "Een nieuwe uitleg."
        concept.save()

    return concept.get_absolute_url(), write, "Een nieuwe uitleg.", "Een oude uitleg."


def initiative_linked_to_concept():
    """A many-to-many change: the initiative's page names its concepts."""
    concept = ConceptFactory(label_nl="Eigenaarschap van de buurt")
    initiative = InitiativeFactory()
    return initiative.get_absolute_url(), lambda: initiative.concepts.add(concept), concept.label_nl, None


def page_edited():
    page = Page.objects.get(slug="over-het-loket")

    def write():
        page.body_nl = "Het loket is vernieuwd."
        page.save()

    return reverse("about"), write, "Het loket is vernieuwd.", None


def area_renamed():
    initiative = InitiativeFactory()
    area = initiative.area

    def write():
        area.name = "Wijk Nieuwstad"
        area.save()

    return LIST, write, "Wijk Nieuwstad", None


def new_lab_session():
    write = lambda: LabSessionFactory(topic="Samen over de Energietuin")  # noqa: E731
    return reverse("lab:index"), write, "Samen over de Energietuin", None


WRITES = [
    publish_initiative,
    hide_initiative,
    new_log_entry,
    new_comment,
    new_support,
    municipal_response,
    hide_comment,
    display_name_changed,
    new_article,
    article_edited,
    new_analysis,
    concept_edited,
    initiative_linked_to_concept,
    page_edited,
    area_renamed,
    new_lab_session,
]


@pytest.mark.parametrize("kind_of_write", WRITES, ids=[write.__name__ for write in WRITES])
def test_every_kind_of_write_shows_at_once(client, kind_of_write, django_capture_on_commit_callbacks):
    url, write, appears, disappears = kind_of_write()
    before = client.get(url)
    again = client.get(url)
    assert (before.status_code, state(before), state(again)) == (200, "miss", "hit")
    assert without_tokens(again.content) == without_tokens(before.content)

    with django_capture_on_commit_callbacks(execute=True):
        write()

    after = client.get(url)
    assert state(after) == "miss"
    text = after.content.decode()
    if appears:
        assert appears not in before.content.decode()
        assert appears in text
    if disappears:
        assert disappears in before.content.decode()
        assert disappears not in text


def test_the_version_is_replaced_again_when_the_write_commits(django_capture_on_commit_callbacks):
    """A page built while the write was not yet committed is stored under the version of the write; the
    commit replaces that version, so the page is not shown afterwards."""
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        InitiativeFactory()
        during = content_version.version()
    assert callbacks
    for callback in callbacks:
        callback()
    assert content_version.version() != during


def test_a_support_replaces_the_version_of_the_pages_not_that_of_the_log_counts():
    initiative = InitiativeFactory()
    pages, counts = content_version.version(), content_version.version(cached.SCOPE)
    support_add(initiative=initiative, user=VerifiedUserFactory())
    assert content_version.version() != pages
    assert content_version.version(cached.SCOPE) == counts

    log_entry_create(
        initiative=initiative, author=initiative.created_by, kind="update", title="Stap", text="Ja."
    )
    assert content_version.version(cached.SCOPE) != counts


def test_a_release_runs_migrate_which_replaces_the_version():
    version = content_version.version()
    call_command("migrate", verbosity=0)
    assert content_version.version() != version


@pytest.mark.parametrize(
    "private_write",
    [
        lambda: Session.objects.create(session_key="x" * 32, session_data="", expire_date=timezone.now()),
        lambda: Notification.objects.update(title="Bijgewerkt"),
        lambda: User.objects.first().save(update_fields=["last_login"]),
    ],
    ids=["session", "queryset update sends nothing", "last login"],
)
def test_writes_no_page_shows_leave_the_version(private_write):
    NotificationFactory()
    UserFactory()
    version = content_version.version()
    private_write()
    assert content_version.version() == version


def test_a_signed_in_person_never_gets_a_stored_page_nor_leaves_one(client):
    initiative = InitiativeFactory()
    url = initiative.get_absolute_url()
    assert state(client.get(url)) == "miss"
    signed_in = Client()
    signed_in.force_login(VerifiedUserFactory())

    page = signed_in.get(url)

    assert (page.status_code, state(page)) == (200, None)
    assert page.context is not None, "made afresh for them"
    # And what a signed-in person saw is not what the next anonymous visitor gets.
    cache.clear()
    assert state(signed_in.get(url)) is None
    assert state(client.get(url)) == "miss"


def test_staff_pages_are_not_stored(client):
    council = staff_in_role("council")
    client.force_login(council)
    response = client.get(reverse("dashboard:index"))
    assert (response.status_code, state(response)) == (200, None)


def test_each_visitor_gets_their_own_csrf_token_from_a_stored_page():
    url = InitiativeFactory().get_absolute_url()
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    one, two = first.get(url), second.get(url)
    assert (state(one), state(two)) == ("miss", "hit")

    token_one, token_two = TOKEN.search(one.content).group(1), TOKEN.search(two.content).group(1)
    assert PLACEHOLDER.encode() not in one.content + two.content
    assert first.cookies["csrftoken"].value != second.cookies["csrftoken"].value
    # Each token works with its own visitor's cookie only (the language switch is a POST form).
    switch = reverse("set_language")
    assert (
        second.post(switch, {"language": "en", "csrfmiddlewaretoken": token_two.decode()}).status_code == 302
    )
    assert (
        second.post(switch, {"language": "en", "csrfmiddlewaretoken": token_one.decode()}).status_code == 403
    )
    # The cache holds the page in parts around the tokens, never a token.
    pages = [cache.get(key.split(":", 2)[2]) for key in cache._cache if ":core:page:" in key]
    assert len(pages) == 1
    assert len(pages[0][3]) > 1, "split where the tokens go"
    assert not any(token_one in value or token_two in value for value in cache._cache.values())


def test_languages_are_kept_apart(client):
    url = reverse("knowledgebase:index")
    dutch = client.get(url)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = client.get(url)
    english_again = client.get(url)
    assert (state(dutch), state(english), state(english_again)) == ("miss", "miss", "hit")
    assert dutch["Content-Language"] == "nl"
    assert english_again["Content-Language"] == "en"
    assert '<html lang="en"' in english_again.content.decode()


def test_query_strings_are_kept_apart(client):
    InitiativeFactory(title="Speeltuin in de Hoop")
    InitiativeFactory(title="Bloembakken aan de Dijk")
    found = client.get(LIST, {"zoek": "speeltuin"})
    other = client.get(LIST, {"zoek": "bloembakken"})
    assert (state(found), state(other)) == ("miss", "miss")
    assert "Speeltuin in de Hoop" in client.get(LIST, {"zoek": "speeltuin"}).content.decode()
    assert "Speeltuin in de Hoop" not in client.get(LIST, {"zoek": "bloembakken"}).content.decode()


def test_a_request_with_a_session_or_messages_cookie_is_answered_afresh(client):
    url = reverse("home")
    assert state(client.get(url)) == "miss"
    client.cookies[settings.SESSION_COOKIE_NAME] = "not-a-session"
    assert state(client.get(url)) is None
    del client.cookies[settings.SESSION_COOKIE_NAME]
    client.cookies["messages"] = "something"
    assert state(client.get(url)) is None


@pytest.mark.parametrize("name", ["account_login", "account_signup", "account_reset_password"])
def test_the_pages_of_the_way_in_are_not_stored(client, name):
    assert state(client.get(reverse(name))) == "not stored"


def test_posts_and_heads_are_not_stored(client):
    url = reverse("home")
    assert state(client.head(url)) is None
    assert state(client.post(reverse("site_search"))) is None


# What a view answers decides whether it is stored; the views below stand in for any view.


def answer_with_cookie(request):
    response = HttpResponse("<p>hallo</p>")
    response.set_cookie("seen", "1")
    return response


def answer_private(request):
    response = HttpResponse("<p>hallo</p>")
    response["Cache-Control"] = "private"
    return response


def answer_not_found(request):
    return HttpResponse("<p>weg</p>", status=404)


def answer_streamed(request):
    return StreamingHttpResponse(iter([b"<p>hallo</p>"]))


def answer_json(request):
    return HttpResponse("{}", content_type="application/json")


def answer_with_own_token(request):
    return HttpResponse(f"<p>{get_token(request)}</p>")


def answer_after_writing_the_session(request):
    request.session["seen"] = True
    return HttpResponse("<p>hallo</p>")


def answer_with_a_message(request):
    messages.info(request, "Gelukt.")
    return HttpResponse("<p>hallo</p>")


def answer_plainly(request):
    return HttpResponse("<p>hallo</p>")


def through_middleware(view):
    """A GET through the session and messages middleware and the page cache, as the site has them."""
    from django.contrib.messages.middleware import MessageMiddleware
    from django.contrib.sessions.middleware import SessionMiddleware

    request = RequestFactory().get("/ergens/")
    request.resolver_match = resolve(reverse("home"))
    cached = PageCacheMiddleware(view)
    SessionMiddleware(lambda r: None).process_request(request)
    MessageMiddleware(lambda r: None).process_request(request)
    return cached(request)


@pytest.mark.parametrize(
    "view",
    [
        answer_with_cookie,
        answer_private,
        answer_not_found,
        answer_streamed,
        answer_json,
        answer_with_own_token,
        answer_after_writing_the_session,
        answer_with_a_message,
    ],
)
def test_answers_that_may_not_be_stored_are_not(view):
    first, second = through_middleware(view), through_middleware(view)
    assert (state(first), state(second)) == ("not stored", "not stored")


def test_a_plain_answer_is_stored():
    first, second = through_middleware(answer_plainly), through_middleware(answer_plainly)
    assert (state(first), state(second)) == ("miss", "hit")
    assert second.content == b"<p>hallo</p>"


def test_off_when_the_setting_is_zero(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    url = reverse("home")
    assert (state(client.get(url)), state(client.get(url))) == (None, None)


def test_a_stored_page_is_sent_gzipped_with_the_visitors_own_token():
    url = InitiativeFactory().get_absolute_url()
    plain_visitor, gzip_visitor = Client(), Client(HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    plain = plain_visitor.get(url)
    packed = gzip_visitor.get(url)
    again = gzip_visitor.get(url)
    assert (state(plain), state(packed), state(again)) == ("miss", "hit", "hit")

    assert "Content-Encoding" not in plain
    assert packed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed["Vary"]
    html = gzip.decompress(packed.content)  # checks the length and the check sum too
    assert without_tokens(html) == without_tokens(plain.content)
    tokens = TOKEN.findall(html)
    assert tokens
    assert all(t == tokens[0] for t in tokens), "one token for the whole page"
    assert tokens[0] not in plain.content
    # The token belongs to this visitor: the language switch takes it with their cookie.
    switch = Client(enforce_csrf_checks=True)
    switch.cookies = gzip_visitor.cookies
    assert (
        switch.post(
            reverse("set_language"), {"language": "en", "csrfmiddlewaretoken": tokens[0].decode()}
        ).status_code
        == 302
    )
    assert len(packed.content) < len(html) / 2


def test_a_page_stored_without_a_token_is_sent_gzipped_too():
    from core.page_cache import _answer, _stored

    page = HttpResponse(b"<p>" + b"hallo " * 100 + b"</p>")
    stored = _stored("v", page)
    request = RequestFactory().get("/", HTTP_ACCEPT_ENCODING="gzip")
    assert gzip.decompress(_answer(request, stored).content) == page.content


@pytest.mark.parametrize("name", ["liveness_check", "health_check"])
def test_the_health_checks_answer_without_asking_the_cache(client, name, monkeypatch):
    asked = []
    monkeypatch.setattr(page_cache.cache, "get_many", lambda keys: asked.append(keys) or {})

    response = client.get(reverse(name))
    page = client.get(reverse("home"))

    assert response.status_code == 200
    assert state(response) is None
    assert (state(page), len(asked)) == ("miss", 1)
