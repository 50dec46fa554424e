"""What a suggested example (/kennisbank/voorbeeld-voorstellen/) may not be: a form with mistakes keeps what
was typed, too many suggestions in an hour are refused, and hostile text is saved harmlessly or refused,
never live on a page or as a mail header."""

import pytest
from django.urls import reverse

from knowledgebase.models import Article
from knowledgebase.services.suggestions import SUMMARY_LENGTH
from places.models import Area
from tests.html import by_id, parse
from tests.initiatives.log_help_helpers import HOSTILE_STRINGS, SCRIPT_MARKERS
from tests.knowledgebase.suggest_helpers import suggest

pytestmark = pytest.mark.django_db


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
