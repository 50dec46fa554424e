"""Comments: signed-in people with a confirmed address comment on published initiatives; only the author
edits or deletes a comment. The matrix covers role x action x publication state."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from accounts.roles import Role
from core.text import clean_text
from initiatives.models import Comment
from tests.accounts.factories import UserFactory, staff_in_role
from tests.initiatives.factories import CommentFactory, InitiativeFactory, VerifiedUserFactory
from tests.initiatives.participation_helpers import url

pytestmark = pytest.mark.django_db

HOSTILE = [
    "<script>alert('x')</script>",
    '"><img src=x onerror=alert(1)>',
    "<a href=\"javascript:alert('x')\">klik</a>",
    "{{ request.user.password }} {% now 'Y' %}",
    "'; DROP TABLE initiatives_comment; --",
    "\u202eoverride\u202c and zero\u200bwidth",
    "😀 émoji en ünïcode",
]


# --- The matrix ------------------------------------------------------------------------------------


@pytest.fixture
def people(db):
    """Who acts: the comment's author, another resident, a visitor, a moderator, a team member, and a
    resident whose email address is not confirmed."""
    return {
        "author": VerifiedUserFactory(display_name="Auteur"),
        "other": VerifiedUserFactory(display_name="Ander"),
        "anonymous": None,
        "staff": staff_in_role(Role.MODERATOR, display_name="Moderator"),
        "unverified": UserFactory(),
    }


def act_as(client, person):
    if person is not None:
        client.force_login(person)
    return client


def make(state, people):
    traits = {} if state == "published" else {state: True}
    initiative = InitiativeFactory(**traits)
    comment = CommentFactory(initiative=initiative, author=people["author"], body="Eerste reactie")
    return initiative, comment


def is_login_redirect(response):
    return response.status_code == 302 and response.url.startswith(reverse("account_login"))


# Creating: anyone verified on a published initiative; nobody on an unpublished one (404 when they may
# not see it, 403 for a moderator who may see it).
CREATE = [
    ("published", "author", 302),
    ("published", "other", 302),
    ("published", "staff", 302),
    ("published", "unverified", 403),
    ("published", "anonymous", "login"),
    ("draft", "author", 404),
    ("draft", "other", 404),
    ("draft", "staff", 403),
    ("draft", "unverified", 404),
    ("draft", "anonymous", "login"),
    ("hidden", "other", 404),
    ("hidden", "staff", 403),
]


@pytest.mark.parametrize(("state", "role", "expected"), CREATE)
def test_who_may_comment(client, people, state, role, expected):
    initiative, _comment = make(state, people)
    act_as(client, people[role])

    response = client.post(url("comment_create", initiative), {"body": "Wat een goed plan!"})

    created = Comment.objects.filter(body="Wat een goed plan!").exists()
    if expected == "login":
        assert is_login_redirect(response)
    else:
        assert response.status_code == expected
    assert created == (expected == 302)


# Editing and deleting: the author only, and only where the author can see the initiative.
CHANGE = [
    ("published", "author", "ok"),
    ("published", "other", 403),
    ("published", "staff", 403),
    ("published", "unverified", 403),
    ("published", "anonymous", "login"),
    ("draft", "author", 404),
    ("draft", "other", 404),
    ("draft", "staff", 403),
    ("draft", "anonymous", "login"),
    ("hidden", "author", 404),
    ("hidden", "staff", 403),
]


@pytest.mark.parametrize(("state", "role", "expected"), CHANGE)
def test_who_may_edit_a_comment(client, people, state, role, expected):
    initiative, comment = make(state, people)
    act_as(client, people[role])

    page = client.get(url("comment_edit", initiative, pk=comment.pk))
    response = client.post(url("comment_edit", initiative, pk=comment.pk), {"body": "Aangepast"})

    comment.refresh_from_db()
    if expected == "ok":
        assert page.status_code == 200
        assert response.status_code == 302
        assert comment.body == "Aangepast"
    else:
        if expected == "login":
            assert is_login_redirect(page) and is_login_redirect(response)
        else:
            assert page.status_code == response.status_code == expected
        assert comment.body == "Eerste reactie"


@pytest.mark.parametrize(("state", "role", "expected"), CHANGE)
def test_who_may_delete_a_comment(client, people, state, role, expected):
    initiative, comment = make(state, people)
    act_as(client, people[role])

    page = client.get(url("comment_delete", initiative, pk=comment.pk))
    response = client.post(url("comment_delete", initiative, pk=comment.pk))

    still_there = Comment.objects.filter(pk=comment.pk).exists()
    if expected == "ok":
        assert page.status_code == 200
        assert response.status_code == 302
        assert response.url == initiative.get_absolute_url() + "#reacties"
        assert not still_there
    else:
        if expected == "login":
            assert is_login_redirect(page) and is_login_redirect(response)
        else:
            assert page.status_code == response.status_code == expected
        assert still_there


def test_team_member_who_wrote_a_comment_may_still_edit_it_on_their_hidden_initiative(client):
    initiative = InitiativeFactory(hidden=True)
    comment = CommentFactory(initiative=initiative, author=initiative.created_by)
    client.force_login(initiative.created_by)

    assert client.get(url("comment_edit", initiative, pk=comment.pk)).status_code == 200


def test_comment_of_another_initiative_is_a_404(client, user):
    initiative, elsewhere = InitiativeFactory(), InitiativeFactory()
    comment = CommentFactory(initiative=elsewhere, author=user)
    client.force_login(user)

    assert client.get(url("comment_edit", initiative, pk=comment.pk)).status_code == 404
    assert client.post(url("comment_delete", initiative, pk=comment.pk)).status_code == 404
    assert Comment.objects.filter(pk=comment.pk).exists()


def test_unknown_comment_is_a_404(client_logged_in):
    initiative = InitiativeFactory()

    assert client_logged_in.get(url("comment_edit", initiative, pk=999999)).status_code == 404


# --- Writing ---------------------------------------------------------------------------------------


def test_new_comment_takes_the_reader_to_it(client_logged_in, user):
    initiative = InitiativeFactory()

    response = client_logged_in.post(url("comment_create", initiative), {"body": "  Leuk!  "})

    comment = Comment.objects.get()
    assert response.url == initiative.get_absolute_url() + f"#reactie-{comment.pk}"
    assert comment.author == user
    assert comment.body == "Leuk!"


def test_comment_form_page_is_shown_after_logging_in(client_logged_in):
    initiative = InitiativeFactory()

    response = client_logged_in.get(url("comment_create", initiative))

    assert response.status_code == 200
    assert "initiatives/comment_form.html" in [template.name for template in response.templates]


@pytest.mark.parametrize("body", ["", "   ", "\n\n"])
def test_empty_comment_shows_the_form_with_an_error(client_logged_in, body):
    initiative = InitiativeFactory()

    response = client_logged_in.post(url("comment_create", initiative), {"body": body})

    assert response.status_code == 200
    assert "body" in response.context["form"].errors
    assert not Comment.objects.exists()


def test_too_long_comment_keeps_the_typed_text(client_logged_in):
    initiative = InitiativeFactory()
    text = "lang " * 700  # 3500 characters

    response = client_logged_in.post(url("comment_create", initiative), {"body": text})

    assert response.status_code == 200
    assert "body" in response.context["form"].errors
    assert "lang lang lang" in response.content.decode()
    assert not Comment.objects.exists()


def test_filled_in_honeypot_stops_the_comment(client_logged_in):
    initiative = InitiativeFactory()

    response = client_logged_in.post(
        url("comment_create", initiative), {"body": "Koop nu!", "website": "http://spam.example"}
    )

    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert not Comment.objects.exists()


def test_rate_limited_commenter_gets_429_and_keeps_the_text(client_logged_in, settings):
    settings.LOKET_POSTING_RATES = {"comment": "2/h"}
    initiative = InitiativeFactory()
    for number in range(2):
        client_logged_in.post(url("comment_create", initiative), {"body": f"Reactie {number}"})

    response = client_logged_in.post(url("comment_create", initiative), {"body": "Mijn derde gedachte"})

    assert response.status_code == 429
    assert "Mijn derde gedachte" in response.content.decode()
    assert response.context["form"].non_field_errors()
    assert Comment.objects.count() == 2


def test_comment_create_refuses_other_methods(client_logged_in):
    initiative = InitiativeFactory()

    assert client_logged_in.put(url("comment_create", initiative)).status_code == 405


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_comments_are_stored_as_typed_and_shown_escaped(client, user, hostile):
    initiative = InitiativeFactory()
    client.force_login(user)

    response = client.post(url("comment_create", initiative), {"body": hostile})

    assert response.status_code == 302
    assert Comment.objects.get().body == clean_text(hostile).strip()  # less the direction controls
    content = client.get(initiative.get_absolute_url()).content.decode()
    assert "<script>alert" not in content
    assert "<img src=x" not in content
    assert 'href="javascript:' not in content
    assert "&lt;" in content or "<" not in hostile


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_comment_edits_are_escaped_on_the_edit_page(client, user, hostile):
    initiative = InitiativeFactory()
    comment = CommentFactory(initiative=initiative, author=user)
    client.force_login(user)

    client.post(url("comment_edit", initiative, pk=comment.pk), {"body": hostile})
    content = client.get(url("comment_edit", initiative, pk=comment.pk)).content.decode()

    assert "<script>alert" not in content
    assert "<img src=x" not in content


# --- Reading ---------------------------------------------------------------------------------------


def test_comments_show_author_text_with_line_breaks_and_an_anchor(client):
    initiative = InitiativeFactory()
    comment = CommentFactory(
        initiative=initiative, author=VerifiedUserFactory(display_name="Gerda"), body="Regel een\nRegel twee"
    )

    content = client.get(initiative.get_absolute_url()).content.decode()

    assert f'id="reactie-{comment.pk}"' in content
    assert "Gerda" in content
    assert "Regel een<br>Regel twee" in content


def test_only_the_author_sees_edit_and_delete_links(client, user, other_user):
    initiative = InitiativeFactory()
    comment = CommentFactory(initiative=initiative, author=user)
    edit = url("comment_edit", initiative, pk=comment.pk)

    client.force_login(user)
    assert edit in client.get(initiative.get_absolute_url()).content.decode()
    client.force_login(other_user)
    assert edit not in client.get(initiative.get_absolute_url()).content.decode()


def test_visitor_sees_a_login_link_and_no_form(client):
    initiative = InitiativeFactory()

    content = client.get(initiative.get_absolute_url()).content.decode()

    assert url("comment_create", initiative) not in content
    assert reverse("account_login") in content


def test_resident_sees_the_comment_form_with_a_honeypot(client_logged_in):
    initiative = InitiativeFactory()

    content = client_logged_in.get(initiative.get_absolute_url()).content.decode()

    assert url("comment_create", initiative) in content
    assert 'name="website"' in content


def test_edited_comment_is_marked_as_edited(client, user):
    initiative = InitiativeFactory()
    start = datetime.datetime(2025, 5, 1, 10, 0, tzinfo=datetime.UTC)
    with time_machine.travel(start, tick=False):
        comment = CommentFactory(initiative=initiative, author=user, body="Eerst zo")
    marker = "loket-comment__edited"
    assert marker not in client.get(initiative.get_absolute_url()).content.decode()

    client.force_login(user)
    with time_machine.travel(start + datetime.timedelta(hours=2), tick=False):
        client.post(url("comment_edit", initiative, pk=comment.pk), {"body": "Toch anders"})

    assert marker in client.get(initiative.get_absolute_url()).content.decode()


def test_delete_page_asks_first_and_deletes_nothing_on_get(client, user):
    initiative = InitiativeFactory()
    comment = CommentFactory(initiative=initiative, author=user, body="Weg ermee?")
    client.force_login(user)

    response = client.get(url("comment_delete", initiative, pk=comment.pk))

    assert response.status_code == 200
    assert "Weg ermee?" in response.content.decode()
    assert Comment.objects.filter(pk=comment.pk).exists()


def test_comment_pages_run_a_fixed_number_of_queries(client, user, count_queries):
    small, large = InitiativeFactory(), InitiativeFactory()
    CommentFactory.create_batch(2, initiative=small)
    CommentFactory.create_batch(60, initiative=large)
    mine_small = CommentFactory(initiative=small, author=user)
    mine_large = CommentFactory(initiative=large, author=user)
    client.force_login(user)

    small_queries = count_queries(lambda: client.get(url("comment_edit", small, pk=mine_small.pk)))
    large_queries = count_queries(lambda: client.get(url("comment_edit", large, pk=mine_large.pk)))

    assert small_queries == large_queries
