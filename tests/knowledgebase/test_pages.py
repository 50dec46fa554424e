"""The site's pages of prose (knowledgebase.Page): each at its own address, written in Markdown by the
editors in the management site, in Dutch and English, with a menu of all of them beside it."""

import pytest
from django.urls import reverse

from knowledgebase.models import PAGES, Page
from tests.accounts.factories import staff_in_role
from tests.html import elements, parse, text_of
from tests.initiatives.log_help_helpers import SCRIPT_MARKERS

pytestmark = pytest.mark.django_db

# slug -> the address people know (and link to); spelled out, so a changed address fails here.
ADDRESSES = {
    "over-het-loket": "/over-het-loket/",
    "zo-zijn-onze-manieren": "/zo-zijn-onze-manieren/",
    "gids-initiatiefnemers": "/gids/initiatiefnemers/",
    "gids-ambtenaren": "/gids/ambtenaren/",
    "samenwerkingslab": "/samenwerkingslab/",
    "privacy": "/privacy/",
    "toegankelijkheid": "/toegankelijkheid/",
    "contact": "/contact/",
}


def heading_of(content) -> str:
    [heading] = elements(parse(content), "h1")
    return text_of(heading)


def edit_page(slug, **fields):
    """As an editor does in the management site: the page saved whole, its Markdown rendered anew."""
    page = Page.objects.get(slug=slug)
    for name, value in fields.items():
        setattr(page, name, value)
    page.save()


def choose_english(client):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})


def admin_change(page) -> str:
    return reverse("admin:knowledgebase_page_change", args=[page.pk])


def test_every_page_has_an_address_and_every_address_a_page():
    assert set(PAGES) == set(ADDRESSES) == set(Page.objects.values_list("slug", flat=True))
    for slug, address in ADDRESSES.items():
        assert Page.objects.get(slug=slug).get_absolute_url() == address


@pytest.mark.parametrize(("slug", "address"), list(ADDRESSES.items()))
def test_visitor_opens_the_page_and_sees_its_title_as_the_heading(client, slug, address):
    page = Page.objects.get(slug=slug)

    response = client.get(address)

    assert response.status_code == 200
    assert response.context["page"] == page
    assert heading_of(response.content.decode()) == page.title_nl


@pytest.mark.parametrize(("slug", "address"), list(ADDRESSES.items()))
def test_visitor_reads_the_markdown_body_as_html(client, slug, address):
    edit_page(
        slug,
        title_nl=f"Titel van {slug}",
        lead_nl="Een korte inleiding.",
        body_nl=f"Eerste alinea met **nadruk**.\n\n## Kop van {slug}\n\n- een\n- twee\n",
    )

    content = client.get(address).content.decode()

    assert heading_of(content) == f"Titel van {slug}"
    document = parse(content)
    assert [text_of(node) for node in elements(document, "h2") if text_of(node) == f"Kop van {slug}"]
    assert "<strong>nadruk</strong>" in content
    assert "## Kop van" not in content
    assert "Een korte inleiding." in content


@pytest.mark.parametrize(("slug", "address"), list(ADDRESSES.items()))
def test_visitor_who_chose_english_reads_the_english_page(client, slug, address):
    edit_page(
        slug,
        title_nl="Nederlandse titel",
        body_nl="## Nederlandse kop\n\nNederlandse tekst.",
        title_en=f"English title of {slug}",
        body_en="## English heading\n\nEnglish text.",
    )
    choose_english(client)

    content = client.get(address).content.decode()

    assert heading_of(content) == f"English title of {slug}"
    assert "English heading" in [text_of(node) for node in elements(parse(content), "h2")]
    assert "Nederlandse tekst." not in content
    assert '<html lang="en"' in content


def test_the_migrated_pages_have_their_english_text_for_english_visitors(client):
    choose_english(client)

    for slug, address in ADDRESSES.items():
        page = Page.objects.get(slug=slug)
        assert page.title_en, slug
        assert heading_of(client.get(address).content.decode()) == page.title_en, slug


def test_english_visitor_reads_the_dutch_page_when_there_is_no_english_text(client):
    edit_page("contact", title_nl="Bel ons", body_nl="Alleen in het Nederlands.", title_en="", body_en="")
    choose_english(client)

    content = client.get(ADDRESSES["contact"]).content.decode()

    assert heading_of(content) == "Bel ons"
    assert "Alleen in het Nederlands." in content


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "[klik](javascript:alert(1))",
        "<a href='javascript:alert(1)'>x</a>",
        '<div style="position:fixed">over alles heen</div>',
        "<iframe src='https://example.org'></iframe>",
    ],
)
def test_raw_html_in_a_page_body_is_escaped_or_removed(client, hostile):
    edit_page("privacy", body_nl=f"Gewone tekst.\n\n{hostile}\n")

    content = client.get(ADDRESSES["privacy"]).content.decode()

    assert "Gewone tekst." in content
    for marker in [*SCRIPT_MARKERS, "onerror=", "javascript:", "<iframe", 'style="position']:
        assert marker not in content


def test_html_in_a_page_title_or_lead_is_escaped(client):
    edit_page("contact", title_nl="<b>Vet</b> contact", lead_nl="<script>alert(1)</script>")

    content = client.get(ADDRESSES["contact"]).content.decode()

    assert heading_of(content) == "<b>Vet</b> contact"
    assert "<b>Vet</b>" not in content
    assert "<script>alert(1)" not in content


# The samenwerkingslab's page is the lab's own front page (lab.views.index), in the main navigation.
MENU_PAGES = {slug: address for slug, address in ADDRESSES.items() if slug != "samenwerkingslab"}


@pytest.mark.parametrize(("slug", "address"), list(MENU_PAGES.items()))
def test_the_pages_menu_links_to_every_page_and_marks_the_current_one(client, slug, address):
    document = parse(client.get(address))

    [menu] = elements(document, "nav", aria_labelledby="pages-menu-title")
    links = [link.attrs for link in elements(menu, "a")]
    assert {link["href"] for link in links} == set(ADDRESSES.values())
    assert [link["href"] for link in links if link.get("aria-current") == "page"] == [address]


# --- Editors in the management site -------------------------------------------------------------------


EDITABLE = [
    "title_nl",
    "description_nl",
    "lead_nl",
    "body_nl",
    "title_en",
    "description_en",
    "lead_en",
    "body_en",
]


def _page_form(page) -> dict:
    """What the change form posts when the editor changes nothing."""
    return {field: getattr(page, field) for field in EDITABLE}


def test_editor_changes_a_page_and_the_site_shows_the_change(editor_client):
    page = Page.objects.get(slug="samenwerkingslab")
    assert editor_client.get(admin_change(page)).status_code == 200
    data = {
        **_page_form(page),
        "title_nl": "Het lab van Doetinchem",
        "body_nl": "## Wat we doen\n\nWe leren samen van wat schuurt.",
    }

    response = editor_client.post(admin_change(page), data)

    assert response.status_code == 302
    content = editor_client.get(ADDRESSES["samenwerkingslab"]).content.decode()
    assert heading_of(content) == "Het lab van Doetinchem"
    assert "Wat we doen" in [text_of(node) for node in elements(parse(content), "h2")]
    assert "We leren samen van wat schuurt." in content
    assert Page.objects.get(slug="samenwerkingslab").slug == "samenwerkingslab"


def test_editor_cannot_change_a_pages_address(editor_client):
    page = Page.objects.get(slug="privacy")

    response = editor_client.post(admin_change(page), {**_page_form(page), "slug": "iets-anders"})

    assert response.status_code == 302
    assert Page.objects.filter(slug="privacy").exists()
    assert editor_client.get(ADDRESSES["privacy"]).status_code == 200


def test_editor_cannot_add_a_page(editor_client):
    add = reverse("admin:knowledgebase_page_add")

    assert editor_client.get(add).status_code == 403
    assert editor_client.post(add, {"title_nl": "Nieuwe pagina", "body_nl": "Tekst."}).status_code == 403
    assert Page.objects.count() == len(ADDRESSES)


def test_editor_cannot_delete_a_page(editor_client):
    page = Page.objects.get(slug="contact")
    delete = reverse("admin:knowledgebase_page_delete", args=[page.pk])

    assert editor_client.get(delete).status_code == 403
    assert editor_client.post(delete, {"post": "yes"}).status_code == 403
    assert Page.objects.filter(pk=page.pk).exists()


def test_editor_cannot_delete_pages_from_the_list_either(editor_client):
    changelist = editor_client.get(reverse("admin:knowledgebase_page_changelist"))

    assert changelist.status_code == 200
    assert "delete_selected" not in changelist.content.decode()


def test_moderator_may_not_change_pages(client):
    client.force_login(staff_in_role("moderators"))
    page = Page.objects.get(slug="contact")

    assert client.get(admin_change(page)).status_code == 403
    assert client.post(admin_change(page), {"title_nl": "Gekaapt", "body_nl": "x"}).status_code == 403
    assert Page.objects.get(pk=page.pk).title_nl != "Gekaapt"
