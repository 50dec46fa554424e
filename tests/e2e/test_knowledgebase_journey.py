"""The knowledge base in the browser: an editor publishes an article in the management site and it shows
on its concept's page; a visitor goes from the wheel to a concept to an article with the keyboard only."""

import re

from playwright.sync_api import expect

from accounts.roles import Role
from flywheels.models import Concept
from knowledgebase.models import Article, PublicationState
from tests.accounts.factories import PASSWORD, staff_in_role
from tests.knowledgebase.factories import ArticleFactory

from .helpers import axe_check, log_in

TITLE = "Zo kreeg de buurtmoestuin draagvlak"


def test_editor_publishes_an_article_that_appears_on_its_concept_page(page):
    editor = staff_in_role(Role.EDITOR, display_name="Rik Redacteur")
    log_in(page, email=editor.email, password=PASSWORD)

    page.goto("/beheer/knowledgebase/article/add/")
    page.get_by_label("Soort").select_option(label="lokaal voorbeeld")
    page.get_by_label("Titel").press_sequentially(TITLE)  # typed: the admin fills the slug from it
    expect(page.get_by_label("Webadres")).to_have_value("zo-kreeg-de-buurtmoestuin-draagvlak")
    page.get_by_label("Samenvatting").fill("Buren in IJsseltuinen vroegen eerst rond wie wilde meedoen.")
    page.get_by_label("Tekst").fill("## Eerst rondvragen\n\nZe belden bij **veertig** huizen aan.")
    # The two-pane chooser of the admin: pick the concept on the left, move it to the right.
    page.locator("#id_concepts_from").select_option(label="Draagvlak")
    page.locator("#id_concepts_add").click()
    page.get_by_label("Publicatiestatus").select_option(label="gepubliceerd")
    page.get_by_role("button", name="Opslaan", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text(TITLE)

    article = Article.objects.get(title=TITLE)
    assert article.state == PublicationState.PUBLISHED
    assert article.published_at is not None  # published without a date: from now on
    assert list(article.concepts.values_list("slug", flat=True)) == ["draagvlak"]

    page.context.clear_cookies()
    page.goto("/kennisbank/begrippen/draagvlak/")
    articles = page.get_by_role("main").get_by_role("region", name="Artikelen en voorbeelden")
    articles.get_by_role("link", name=TITLE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(page.get_by_role("main").get_by_role("heading", name="Eerst rondvragen", level=2)).to_be_visible()
    axe_check(page)


def _tab_to(page, name, limit=200):
    """Press Tab until the focused element is a link named `name`; fail when it never comes."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.textContent.trim()")
        if focused == name:
            return
    raise AssertionError(f"Tab never reached a link named {name!r}")


def test_visitor_goes_from_the_wheel_to_a_concept_to_an_article_with_the_keyboard(page):
    ArticleFactory(
        title="Draagvlak begint aan de keukentafel", concepts=[Concept.objects.get(slug="draagvlak")]
    )

    page.goto("/kennisbank/")
    _tab_to(page, "Draagvlak")
    focused_box = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert focused_box != "none", "the focused link has no visible focus indicator"
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/kennisbank/begrippen/draagvlak/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Draagvlak")

    _tab_to(page, "Draagvlak begint aan de keukentafel")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Draagvlak begint aan de keukentafel")
