import pytest
from django.urls import reverse

from tests.html import elements, parse

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = [
    "home",
    "initiatives:initiative_list",
    "knowledgebase:index",
    "lab:index",
    "about",
    "privacy",
    "accessibility",
    "contact",
    "account_login",
    "account_signup",
    "account_reset_password",
]
MAIN_NAV = ["initiatives:initiative_list", "knowledgebase:index", "lab:index", "about"]
FOOTER = ["privacy", "accessibility", "contact"]


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_anonymous_visitor_can_open_public_page(client, name):
    response = client.get(reverse(name))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"


@pytest.mark.parametrize("name", ["lab:index", "about", "privacy", "accessibility", "contact"])
def test_prose_page_is_written_in_dutch_and_has_a_heading(client, name):
    content = client.get(reverse(name)).content.decode()

    assert '<html lang="nl"' in content
    assert "<h1" in content


@pytest.mark.parametrize("name", MAIN_NAV + FOOTER + ["account_login", "account_signup"])
def test_home_page_links_to_main_sections_and_footer_pages(client, name):
    content = client.get(reverse("home")).content.decode()

    assert f'href="{reverse(name)}"' in content


def current_links(content: str) -> list[str]:
    """The hrefs of links marked as the page the visitor is on."""
    return [link["href"] for link in elements(parse(content), "a", aria_current="page")]


def test_nav_marks_the_current_section(client):
    content = client.get(reverse("knowledgebase:index")).content.decode()

    assert current_links(content) == [reverse("knowledgebase:index")]


def test_home_page_marks_no_section_as_current(client):
    content = client.get(reverse("home")).content.decode()

    assert reverse("initiatives:initiative_list") not in current_links(content)


def test_member_sees_profile_link_instead_of_login(client_logged_in):
    content = client_logged_in.get(reverse("home")).content.decode()

    assert f'href="{reverse("accounts:profile_edit")}"' in content
    assert f'href="{reverse("account_signup")}"' not in content


def test_unknown_address_answers_404_in_dutch_in_the_site_layout(client):
    response = client.get("/bestaat-niet/")

    assert response.status_code == 404
    content = response.content.decode()
    assert '<html lang="nl"' in content
    assert "niet gevonden" in content.lower()
    assert "Not Found" not in content
    assert f'href="{reverse("knowledgebase:index")}"' in content


def test_visitor_switches_the_site_to_english(client):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})

    assert response.status_code == 302
    content = client.get(reverse("home")).content.decode()
    assert '<html lang="en"' in content


def test_visitor_switches_back_to_dutch(client):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    client.post(reverse("set_language"), {"language": "nl", "next": "/"})

    assert '<html lang="nl"' in client.get(reverse("home")).content.decode()


def test_language_switch_offers_english_on_a_dutch_page(client):
    content = client.get(reverse("home")).content.decode()

    assert f'action="{reverse("set_language")}"' in content
    assert 'name="language" value="en"' in content


def test_page_refuses_post(client):
    assert client.post(reverse("about")).status_code == 405
