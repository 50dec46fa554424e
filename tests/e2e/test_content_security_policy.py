"""The site works under its own strict Content-Security-Policy: the browser refuses nothing it loads.

The other browser tests bypass the policy so that axe can be injected; here it is enforced.
"""

import pytest
from playwright.sync_api import expect

from accounts.models import User
from tests.accounts.factories import PASSWORD, verify_email

from .helpers import log_in
from .world import World


@pytest.fixture
def csp_page(browser, base_url):
    context = browser.new_context(base_url=base_url, locale="nl-NL", bypass_csp=False)
    page = context.new_page()
    page.refusals = []
    page.on(
        "console",
        lambda message: (
            page.refusals.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    yield page
    context.close()


def test_public_pages_and_a_form_with_errors_load_everything_under_the_policy(csp_page):
    for path in ["/", "/kennisbank/", "/account/login/"]:
        csp_page.goto(path)
    csp_page.goto("/account/signup/")
    main = csp_page.get_by_role("main")
    main.locator("form").evaluate("form => { form.noValidate = true; }")
    main.get_by_role("button", name="Registreren").click()
    expect(main.get_by_label("E-mailadres")).to_have_attribute("aria-invalid", "true")

    assert csp_page.refusals == []
    # The site's own stylesheet applied: the browser's default body text is 16px, ours is larger.
    assert csp_page.evaluate("getComputedStyle(document.body).fontSize") != "16px"


def test_staff_use_the_management_site_under_the_policy(csp_page):
    admin = User.objects.create_superuser(email="beheer@example.org", password=PASSWORD, display_name="B")
    verify_email(admin)
    log_in(csp_page, email=admin.email, password=PASSWORD)

    csp_page.goto("/beheer/flywheels/concept/add/")
    csp_page.get_by_label("Naam (Nederlands)").press_sequentially("Samen leren")
    # The admin's own script fills the slug from the name: it only runs if the policy lets it.
    expect(csp_page.get_by_label("Korte naam (in webadres)")).to_have_value("samen-leren")

    assert csp_page.refusals == []


def test_initiative_pages_and_their_moderation_work_under_the_policy(csp_page, user):
    world = World.build(user)
    log_in(csp_page, email=user.email, password=PASSWORD)
    for path in [
        "/initiatieven/",
        "/initiatieven/logboek/",
        "/initiatieven/obstakels/",
        "/initiatieven/nieuw/",
    ]:
        csp_page.goto(path)
    csp_page.goto(f"/initiatieven/{world.paths['slug']}/")
    expect(csp_page.get_by_role("heading", level=1)).to_have_text("Geveltuinen in De Huet")

    csp_page.context.clear_cookies()
    log_in(csp_page, email=world.people["civil_servant"].email, password=PASSWORD)
    csp_page.goto("/beheer/initiatives/initiative/")
    csp_page.get_by_role("link", name="Geveltuinen in De Huet").click()
    # The two-pane concept chooser is built by the admin's script: it only appears if the policy allows it.
    expect(csp_page.locator(".selector-available")).to_be_visible()

    assert csp_page.refusals == []


def test_the_api_documentation_works_under_the_policy(csp_page):
    response = csp_page.goto("/api/docs/")
    assert "'unsafe-inline'" not in response.headers["content-security-policy"]

    # Swagger UI draws the page from the schema: the operations appear only if its scripts ran.
    operation = csp_page.locator(".opblock-summary").first
    expect(operation).to_be_visible()
    operation.click()
    csp_page.get_by_role("button", name="Try it out").first.click()
    csp_page.get_by_role("button", name="Execute").first.click()
    expect(csp_page.locator(".responses-table .response").first).to_be_visible()
    csp_page.locator("#model-Area .model-box-control").click()
    expect(csp_page.locator("#model-Area .property-row").first).to_be_visible()
    # Swagger UI's stylesheet and the page's own applied.
    assert csp_page.evaluate("getComputedStyle(document.querySelector('.opblock')).borderRadius") == "4px"
    assert csp_page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(250, 250, 250)"

    assert csp_page.refusals == []
