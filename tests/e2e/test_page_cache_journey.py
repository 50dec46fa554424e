"""Anonymous pages from the cache in a real browser (core/page_cache.py): the second visitor gets the stored
page gzipped, and its language switch (a POST form) works with that visitor's own CSRF token."""

from playwright.sync_api import expect

from tests.initiatives.factories import InitiativeFactory


def test_a_second_visitor_switches_language_on_a_stored_page(browser, base_url, page_cache):
    initiative = InitiativeFactory(title="Speeltuin aan de Dijk")
    first, second = (browser.new_context(base_url=base_url, locale="nl-NL") for _ in range(2))
    try:
        answer = first.new_page().goto(initiative.get_absolute_url())
        assert answer.headers["x-page-cache"] == "miss"

        page = second.new_page()
        answer = page.goto(initiative.get_absolute_url())
        assert answer.headers["x-page-cache"] == "hit"
        assert answer.headers["content-encoding"] == "gzip"
        expect(page.get_by_role("heading", level=1)).to_have_text("Speeltuin aan de Dijk")

        page.get_by_role("button", name="English").click()

        expect(page.locator("html")).to_have_attribute("lang", "en")
        expect(page.get_by_role("button", name="Nederlands")).to_be_visible()
    finally:
        first.close()
        second.close()
