"""A resident suggests a local example (/kennisbank/voorbeeld-voorstellen/): it arrives as a draft article
for the editors, who hear of it by email; the public sees nothing until an editor publishes it."""

import pytest
from django.urls import reverse

from accounts.roles import Role
from knowledgebase.forms import SuggestExampleForm
from knowledgebase.models import Article, ArticleKind, PublicationState
from knowledgebase.services.suggestions import SUMMARY_LENGTH
from places.models import Area
from tests.accounts.factories import UserFactory, staff_in_role
from tests.html import by_id, parse
from tests.initiatives.log_help_helpers import HOSTILE_STRINGS, SCRIPT_MARKERS

pytestmark = pytest.mark.django_db

SUGGEST = reverse("knowledgebase:example_suggest")
STORY = (
    "In de oude bibliotheek van Wehl stond een zaal leeg. Een paar buren vroegen de gemeente of ze die "
    "mochten gebruiken.\n\nNu is er elke dinsdag koffie, op donderdag een taalcafé en in het weekend "
    "een repaircafé. Wat hielp: een vast aanspreekpunt bij de gemeente en een huurcontract voor een jaar, "
    "zodat we konden proberen. Wat lastig was: de verzekering. Tip voor anderen: begin klein, en vraag "
    "de woningcorporatie mee te denken over de ruimte."
)


def suggestion_data(**overrides) -> dict:
    """What a resident fills in: valid unless overridden."""
    data = {
        "title": "Buurtkamer in de oude bibliotheek",
        "story": STORY,
        "area": "",
        "place": "",
        "link": "",
        "website": "",
    }
    data.update(overrides)
    return data


@pytest.fixture
def editors():
    return [staff_in_role(Role.EDITOR), staff_in_role(Role.EDITOR)]


def suggest(client, django_capture_on_commit_callbacks, **overrides):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(SUGGEST, suggestion_data(**overrides))


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


# --- Mistakes -----------------------------------------------------------------------------------------


def test_empty_form_gives_errors_for_title_and_story(
    client_logged_in, mailoutbox, django_capture_on_commit_callbacks
):
    response = suggest(client_logged_in, django_capture_on_commit_callbacks, title="", story="   ")

    assert response.status_code == 200
    form = response.context["form"]
    assert form.has_error("title", "required")
    assert form.has_error("story", "required")
    assert not form.has_error("area")
    assert not form.has_error("place")
    assert not form.has_error("link")
    assert not Article.objects.exists()
    assert mailoutbox == []


def test_what_was_typed_is_kept_after_an_error(client_logged_in, django_capture_on_commit_callbacks):
    wehl = Area.objects.get(slug="wehl")

    response = suggest(
        client_logged_in,
        django_capture_on_commit_callbacks,
        title="",
        story="Ons verhaal over de buurtkamer.",
        area=str(wehl.pk),
        place="Wehl-Noord",
        link="https://www.example.org/",
    )

    assert response.status_code == 200
    form = response.context["form"]
    assert form["story"].value() == "Ons verhaal over de buurtkamer."
    assert str(form["area"].value()) == str(wehl.pk)
    content = response.content.decode()
    assert "Ons verhaal over de buurtkamer." in content
    assert 'value="Wehl-Noord"' in content
    assert 'value="https://www.example.org/"' in content


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("title", "t" * 121),
        ("story", "s" * 5001),
        ("place", "p" * 121),
        ("link", "https://example.org/" + "l" * 490),
    ],
)
def test_too_long_text_is_a_form_error_and_is_kept(
    client_logged_in, field, value, django_capture_on_commit_callbacks
):
    response = suggest(client_logged_in, django_capture_on_commit_callbacks, **{field: value})

    assert response.status_code == 200
    form = response.context["form"]
    assert form.has_error(field, "max_length")
    assert form[field].value() == value
    assert form["title"].value() == (value if field == "title" else "Buurtkamer in de oude bibliotheek")
    assert not Article.objects.exists()


def test_longest_allowed_texts_are_accepted(client_logged_in, django_capture_on_commit_callbacks):
    response = suggest(
        client_logged_in,
        django_capture_on_commit_callbacks,
        title="t" * 120,
        story="s " * 2500,
        place="p" * 120,
    )

    assert response.status_code == 302
    article = Article.objects.get()
    assert len(article.title) == 120
    assert len(article.summary) <= SUMMARY_LENGTH


@pytest.mark.parametrize(
    "link",
    ["geen adres", "javascript:alert(1)", "https://", "http://<script>/", "ftp://example.org/voorbeeld"],
)
def test_link_that_is_no_web_address_is_a_form_error(
    client_logged_in, link, django_capture_on_commit_callbacks
):
    response = suggest(client_logged_in, django_capture_on_commit_callbacks, link=link)

    assert response.status_code == 200
    assert response.context["form"].has_error("link", "invalid")
    assert not Article.objects.exists()


def test_unknown_or_retired_place_is_a_form_error(client_logged_in, django_capture_on_commit_callbacks):
    retired = Area.objects.get(slug="de-huet")
    Area.objects.filter(pk=retired.pk).update(is_active=False)

    for value in [str(retired.pk), "999999", "wehl"]:
        response = suggest(client_logged_in, django_capture_on_commit_callbacks, area=value)
        assert response.status_code == 200, value
        assert response.context["form"].has_error("area", "invalid_choice"), value
    assert not Article.objects.exists()


def test_filled_in_honeypot_saves_nothing_and_mails_nobody(
    client_logged_in, editors, mailoutbox, django_capture_on_commit_callbacks
):
    response = suggest(client_logged_in, django_capture_on_commit_callbacks, website="https://spam.example/")

    assert response.status_code == 200
    assert response.context["form"].has_error("__all__", "honeypot")
    assert not Article.objects.exists()
    assert mailoutbox == []


# --- Floods -------------------------------------------------------------------------------------------


def test_too_many_suggestions_in_an_hour_give_429_and_keep_the_text(
    client_logged_in, settings, editors, mailoutbox, django_capture_on_commit_callbacks
):
    settings.LOKET_POSTING_RATES = {"suggestion": "2/h"}
    for number in (1, 2):
        response = suggest(client_logged_in, django_capture_on_commit_callbacks, title=f"Voorbeeld {number}")
        assert response.status_code == 302

    response = suggest(
        client_logged_in, django_capture_on_commit_callbacks, title="Voorbeeld 3", story="Het derde verhaal."
    )

    assert response.status_code == 429
    form = response.context["form"]
    assert form["title"].value() == "Voorbeeld 3"
    assert form["story"].value() == "Het derde verhaal."
    assert 'value="Voorbeeld 3"' in response.content.decode()
    assert "Het derde verhaal." in response.content.decode()
    assert sorted(Article.objects.values_list("title", flat=True)) == ["Voorbeeld 1", "Voorbeeld 2"]
    assert len(mailoutbox) == 2 * len(editors)


def test_the_limit_is_per_person(client_logged_in, other_user, settings, django_capture_on_commit_callbacks):
    settings.LOKET_POSTING_RATES = {"suggestion": "1/h"}
    assert suggest(client_logged_in, django_capture_on_commit_callbacks, title="Eerste").status_code == 302
    assert suggest(client_logged_in, django_capture_on_commit_callbacks, title="Tweede").status_code == 429

    client_logged_in.force_login(other_user)

    assert (
        suggest(client_logged_in, django_capture_on_commit_callbacks, title="Van de buurman").status_code
        == 302
    )
    assert Article.objects.count() == 2


def test_the_default_limit_allows_a_few_suggestions_an_hour(
    client_logged_in, django_capture_on_commit_callbacks
):
    statuses = [
        suggest(client_logged_in, django_capture_on_commit_callbacks, title=f"Voorbeeld {n}").status_code
        for n in range(6)
    ]

    assert statuses == [302] * 5 + [429]


# --- Hostile input ------------------------------------------------------------------------------------


def _no_live_html(content: str, where: str):
    for marker in SCRIPT_MARKERS:
        assert marker not in content, f"{marker!r} on {where}"


@pytest.mark.parametrize("field", ["title", "story", "place", "link"])
@pytest.mark.parametrize("text", HOSTILE_STRINGS, ids=range(len(HOSTILE_STRINGS)))
def test_hostile_text_in_any_field_is_saved_harmlessly_or_refused(
    client_logged_in, client, editors, field, text, mailoutbox, django_capture_on_commit_callbacks
):
    response = suggest(client_logged_in, django_capture_on_commit_callbacks, **{field: text})

    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert response.context["form"].errors
        assert not Article.objects.exists()
        _no_live_html(response.content.decode(), "the form")
        return
    article = Article.objects.get()
    client.force_login(editors[0])
    preview = client.get(article.get_absolute_url())
    assert preview.status_code == 200
    _no_live_html(preview.content.decode(), "the preview")
    management = client.get(reverse("admin:knowledgebase_article_change", args=[article.pk]))
    assert management.status_code == 200
    _no_live_html(management.content.decode(), "the management site")
    for message in mailoutbox:
        assert "\n" not in message.subject
        assert message.bcc == []
        assert message.cc == []


def test_a_title_that_tries_to_add_mail_headers_adds_none(
    client_logged_in, editors, mailoutbox, django_capture_on_commit_callbacks
):
    suggest(client_logged_in, django_capture_on_commit_callbacks, title="Buurtkamer\r\nBcc: spam@example.org")

    assert len(mailoutbox) == len(editors)
    for message in mailoutbox:
        assert "\n" not in message.subject
        assert "\r" not in message.subject
        assert message.bcc == []
        assert message.recipients() == message.to
        assert "spam@example.org" not in message.message()["To"]
        assert message.message()["Bcc"] is None


def test_script_in_the_story_is_never_a_script_on_the_preview(
    client_logged_in, client, editors, django_capture_on_commit_callbacks
):
    suggest(
        client_logged_in,
        django_capture_on_commit_callbacks,
        story="Mooi!\n\n<script>alert(1)</script>\n\n[klik](javascript:alert(1))\n\n<img src=x onerror=alert(1)>",
    )
    article = Article.objects.get()
    client.force_login(editors[0])

    content = client.get(article.get_absolute_url()).content.decode()

    _no_live_html(content, "the preview")
    assert by_id(parse(content), "article-title").find_all_next("img") == []  # none in the article
    assert "Mooi!" in content
