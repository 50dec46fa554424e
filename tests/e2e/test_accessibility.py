"""Every page meets WCAG 2.1 AA (and 2.2's target size) as far as axe-core can tell, and reflows on a phone
without scrolling sideways.

A new page gets its line in PAGES and is then checked both ways, and for valid HTML (test_valid_html.py).
The management site (/beheer/) has its own check, for every staff role: test_accessibility_management.py.
"""

from dataclasses import dataclass

import pytest
from django.conf import settings
from playwright.sync_api import expect

from tests.accounts.factories import PASSWORD

from .helpers import axe_violations, log_in
from .world import World

PHONE = {"width": 375, "height": 740}


def submit_signup_empty(page):
    """Send the sign-up form without any input, as a browser without form validation would."""
    main = page.get_by_role("main")
    main.locator("form").evaluate("form => { form.noValidate = true; }")
    main.get_by_role("button", name="Registreren").click()
    expect(main.get_by_label("E-mailadres")).to_have_attribute("aria-invalid", "true")


def submit_suggestion_empty(page):
    main = page.get_by_role("main")
    main.get_by_role("button", name="Mijn voorbeeld versturen").click()
    expect(main.get_by_label("Hoe heet het voorbeeld?")).to_have_attribute("aria-invalid", "true")


def submit_initiative_empty(page):
    """Send the initiative form without input: the error summary and every field's error on one page."""
    main = page.get_by_role("main")
    main.get_by_role("button", name="Opslaan als concept").click()
    expect(main.get_by_label("Naam van je initiatief")).to_have_attribute("aria-invalid", "true")


@dataclass(frozen=True)
class Visit:
    path: str  # braces name the objects of tests/e2e/world.py: "/initiatieven/{slug}/"
    logged_in: bool | str = False  # True: the `user` fixture (a resident); or a person of the world
    language: str = "nl"
    status: int = 200
    then: tuple = ()  # steps taking the page, run after it loaded
    full: bool = False  # build the world even though the path names nothing of it (lists that show it)

    def open(self, page, request):
        path = self.path
        world = None
        if "{" in path or self.full or isinstance(self.logged_in, str):
            world = World.build(request.getfixturevalue("user"))
            path = path.format(**world.paths)
        if self.language != settings.LANGUAGE_CODE:
            # The language switch stores the choice in this cookie; test_signup_journey clicks the switch.
            cookie = {"name": settings.LANGUAGE_COOKIE_NAME, "value": self.language}
            page.context.add_cookies([{**cookie, "url": request.getfixturevalue("base_url")}])
        if self.logged_in is True:
            request.getfixturevalue("logged_in_page")  # the same page, after the login form
        elif self.logged_in:
            log_in(page, email=world.people[self.logged_in].email, password=PASSWORD)
        response = page.goto(path)
        assert response.status == self.status, f"{self.path} answered {response.status}"
        expect(page.locator("html")).to_have_attribute("lang", self.language)
        for step in self.then:
            step(page)


PAGES = [
    pytest.param(Visit("/"), id="home"),
    pytest.param(Visit("/", language="en"), id="home-en"),
    pytest.param(Visit("/initiatieven/"), id="initiatives"),
    pytest.param(Visit("/kennisbank/"), id="knowledgebase"),
    pytest.param(Visit("/samenwerkingslab/"), id="lab"),
    pytest.param(Visit("/over-het-loket/"), id="about"),
    pytest.param(Visit("/privacy/"), id="privacy"),
    pytest.param(Visit("/toegankelijkheid/"), id="accessibility-statement"),
    pytest.param(Visit("/contact/"), id="contact"),
    pytest.param(Visit("/bestaat-niet/", status=404), id="not-found"),
    pytest.param(Visit("/account/login/"), id="login"),
    pytest.param(Visit("/account/signup/"), id="signup"),
    pytest.param(Visit("/account/signup/", then=(submit_signup_empty,)), id="signup-with-errors"),
    pytest.param(Visit("/account/password/reset/"), id="password-reset"),
    pytest.param(Visit("/account/profiel/", logged_in=True), id="profile"),
    pytest.param(Visit("/account/profiel/verwijderen/", logged_in=True), id="delete-account"),
    pytest.param(Visit("/account/email/", logged_in=True), id="email-addresses"),
    pytest.param(Visit("/account/password/change/", logged_in=True), id="password-change"),
    pytest.param(Visit("/account/logout/", logged_in=True), id="logout"),
    # Initiatives, as a visitor
    pytest.param(Visit("/initiatieven/?fase=running&sorteer=steun"), id="initiatives-filtered"),
    pytest.param(Visit("/initiatieven/?zoek=geveltuinen"), id="initiatives-search"),
    pytest.param(Visit("/initiatieven/?zoek=onvindbaar"), id="initiatives-search-no-match"),
    pytest.param(Visit("/initiatieven/{slug}/"), id="initiative"),
    pytest.param(Visit("/initiatieven/{slug}/", language="en"), id="initiative-en"),
    pytest.param(Visit("/initiatieven/{slug}/logboek/"), id="initiative-log"),
    pytest.param(Visit("/initiatieven/{slug}/reacties/"), id="initiative-comments"),
    pytest.param(Visit("/initiatieven/{slug}/steun/"), id="initiative-supporters"),
    pytest.param(Visit("/initiatieven/logboek/"), id="log-entries"),
    pytest.param(Visit("/initiatieven/logboek/?soort=obstacle&categorie=rules"), id="log-entries-of-a-kind"),
    pytest.param(Visit("/initiatieven/obstakels/"), id="obstacles"),
    pytest.param(Visit("/initiatieven/afmelden/{unsubscribe}/"), id="unsubscribe"),
    # as a resident
    pytest.param(Visit("/initiatieven/{slug}/", logged_in=True), id="initiative-resident"),
    pytest.param(Visit("/initiatieven/nieuw/", logged_in=True), id="initiative-create"),
    pytest.param(
        Visit("/initiatieven/nieuw/", logged_in=True, then=(submit_initiative_empty,)),
        id="initiative-create-with-errors",
    ),
    pytest.param(Visit("/initiatieven/mijn/", logged_in=True), id="my-initiatives"),
    pytest.param(Visit("/initiatieven/volgend/", logged_in=True), id="following"),
    pytest.param(Visit("/initiatieven/{slug}/hulpvragen/{help}/aanbieden/", logged_in=True), id="offer-help"),
    pytest.param(Visit("/initiatieven/{slug}/reacties/nieuw/", logged_in=True), id="comment-create"),
    pytest.param(
        Visit("/initiatieven/{slug}/reacties/{comment}/bewerken/", logged_in=True), id="comment-edit"
    ),
    pytest.param(
        Visit("/initiatieven/{slug}/reacties/{comment}/verwijderen/", logged_in=True), id="comment-delete"
    ),
    pytest.param(Visit("/initiatieven/uitnodiging/{invitation}/", logged_in=True), id="invitation"),
    # as its team
    pytest.param(Visit("/initiatieven/{slug}/", logged_in="team"), id="initiative-team"),
    pytest.param(Visit("/initiatieven/{draft}/", logged_in="team"), id="draft-team"),
    pytest.param(Visit("/initiatieven/mijn/", logged_in="team"), id="my-initiatives-team"),
    pytest.param(Visit("/initiatieven/{slug}/bewerken/", logged_in="team"), id="initiative-edit"),
    pytest.param(Visit("/initiatieven/{draft}/verwijderen/", logged_in="team"), id="initiative-delete"),
    pytest.param(Visit("/initiatieven/{slug}/team/", logged_in="team"), id="team"),
    pytest.param(Visit("/initiatieven/{slug}/logboek/nieuw/", logged_in="team"), id="log-create"),
    pytest.param(Visit("/initiatieven/{slug}/logboek/{entry}/bewerken/", logged_in="team"), id="log-edit"),
    pytest.param(
        Visit("/initiatieven/{slug}/logboek/{entry}/verwijderen/", logged_in="team"), id="log-delete"
    ),
    pytest.param(Visit("/initiatieven/{slug}/hulpvragen/nieuw/", logged_in="team"), id="help-create"),
    pytest.param(Visit("/initiatieven/{slug}/hulpvragen/{help}/bewerken/", logged_in="team"), id="help-edit"),
    pytest.param(Visit("/initiatieven/{slug}/aanbod/", logged_in="team"), id="offers"),
    pytest.param(
        Visit("/initiatieven/{slug}/aanbod/{offer}/antwoorden/", logged_in="team"), id="offer-reply"
    ),
    # The knowledge base and the pages
    pytest.param(Visit("/", full=True), id="home-with-content"),
    pytest.param(Visit("/kennisbank/", full=True), id="knowledgebase-with-content"),
    pytest.param(Visit("/kennisbank/begrippen/{concept}/"), id="concept"),
    pytest.param(Visit("/kennisbank/begrippen/{concept}/casussen/"), id="concept-findings"),
    pytest.param(Visit("/kennisbank/begrippen/{concept}/lessen/"), id="concept-lessons"),
    pytest.param(Visit("/kennisbank/artikelen/"), id="articles"),
    pytest.param(Visit("/kennisbank/artikelen/?begrip=draagvlak&soort=example"), id="articles-filtered"),
    pytest.param(Visit("/kennisbank/artikelen/{article}/"), id="article"),
    pytest.param(Visit("/kennisbank/artikelen/{article}/", language="en"), id="article-en"),
    pytest.param(Visit("/kennisbank/analyses/"), id="analyses"),
    pytest.param(Visit("/kennisbank/analyses/{analysis}/"), id="analysis"),
    pytest.param(Visit("/kennisbank/artikelen/{draft_article}/", logged_in="editor"), id="article-preview"),
    pytest.param(Visit("/kennisbank/voorbeeld-voorstellen/", logged_in=True), id="suggest-example"),
    pytest.param(
        Visit("/kennisbank/voorbeeld-voorstellen/", logged_in=True, then=(submit_suggestion_empty,)),
        id="suggest-example-with-errors",
    ),
    pytest.param(Visit("/zoeken/?q=geveltuinen"), id="search"),
    pytest.param(Visit("/zoeken/"), id="search-empty"),
    pytest.param(Visit("/zo-zijn-onze-manieren/"), id="our-ways"),
    pytest.param(Visit("/gids/initiatiefnemers/"), id="guide-initiators"),
    pytest.param(Visit("/gids/ambtenaren/"), id="guide-civil-servants"),
    pytest.param(Visit("/gids/ambtenaren/", language="en"), id="guide-civil-servants-en"),
    # Moderation and the samenwerkingslab
    pytest.param(Visit("/moderatie/melden/reactie/{comment_of_team}/", logged_in=True), id="report"),
    pytest.param(Visit("/moderatie/bezwaar/{decision}/", logged_in=True), id="appeal"),
    pytest.param(Visit("/samenwerkingslab/", full=True), id="lab-with-sessions"),
    pytest.param(Visit("/samenwerkingslab/sessies/{session}/"), id="lab-session"),
    pytest.param(Visit("/samenwerkingslab/sessies/{session}/", logged_in=True), id="lab-session-resident"),
    pytest.param(Visit("/samenwerkingslab/signalen/", full=True, logged_in=True), id="my-signals"),
    pytest.param(Visit("/samenwerkingslab/signalen/nieuw/", logged_in=True), id="signal-new"),
    pytest.param(Visit("/samenwerkingslab/signalen/{signal}/", logged_in=True), id="signal-reporter"),
    pytest.param(Visit("/samenwerkingslab/signalen/{signal}/", logged_in="ombuds"), id="signal-ombuds"),
    # The dashboard and open data
    pytest.param(Visit("/dashboard/", logged_in="council"), id="dashboard"),
    pytest.param(
        Visit("/dashboard/?periode=alles&gebied=de-huet", logged_in="council"), id="dashboard-filtered"
    ),
    pytest.param(
        Visit("/dashboard/?periode=eigen&van=2026-13-01", logged_in="council"), id="dashboard-bad-input"
    ),
    pytest.param(Visit("/open-data/", full=True), id="open-data"),
    pytest.param(Visit("/ingebed/initiatieven/", full=True), id="embed"),
    # as a civil servant
    pytest.param(Visit("/initiatieven/wachtrij/", logged_in="civil_servant"), id="response-queue"),
    pytest.param(Visit("/initiatieven/{slug}/reactie-gemeente/", logged_in="civil_servant"), id="respond"),
]


# What sticks out past the right edge: text (a long word that does not wrap) and elements (an image).
STICKING_OUT = """(width) => {
    const describe = (el) => el.tagName.toLowerCase() + [...el.classList].map((name) => "." + name).join("");
    const found = [];
    const texts = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (texts.nextNode()) {
        const range = document.createRange();
        range.selectNodeContents(texts.currentNode);
        if (range.getBoundingClientRect().right > width) {
            const text = texts.currentNode.textContent.trim().slice(0, 60);
            found.push(`      text in ${describe(texts.currentNode.parentElement)}: "${text}"`);
        }
    }
    for (const el of document.body.querySelectorAll("img, svg, video, iframe, table, pre, input, select")) {
        if (el.getBoundingClientRect().right > width) found.push(`      element ${describe(el)}`);
    }
    return found.slice(0, 10);
}"""


def reflow_problems(page):
    """WCAG 1.4.10 Reflow: at a phone's width nothing needs scrolling sideways."""
    page.set_viewport_size(PHONE)
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    if scroll_width <= PHONE["width"]:
        return []
    return [
        f"  - it is {scroll_width}px wide at a {PHONE['width']}px viewport; sticking out:",
        *page.evaluate(STICKING_OUT, PHONE["width"]),
    ]


@pytest.mark.parametrize("visit", PAGES)
def test_page_passes_axe_and_reflows_at_phone_width(page, request, visit):
    # Both checks on one visit: half the page loads and logins. Narrowing the loaded page is what zooming
    # in does, and zooming is what the reflow criterion is about.
    visit.open(page, request)
    problems = []
    if violations := axe_violations(page):
        problems += [f"axe found {len(violations)} WCAG 2.1 A/AA violation(s):", *violations]
    if reflow := reflow_problems(page):
        problems += ["it does not reflow on a phone:", *reflow]
    assert not problems, f"{visit.path} ({visit.language}):\n" + "\n".join(problems)


def test_stylesheets_load(page):
    """Without the CSS, axe would judge contrast and reflow of an unstyled page."""
    stylesheets = {}

    def record(response):
        if response.request.resource_type == "stylesheet":
            stylesheets[response.url] = (response.status, bool(response.body().strip()))

    page.on("response", record)
    page.goto("/")
    linked = page.locator('link[rel="stylesheet"]').evaluate_all("links => links.map(link => link.href)")
    assert linked, "the home page links no stylesheet"
    # Each answers, and has rules in it: an empty file would pass for a stylesheet.
    assert {url: stylesheets.get(url) for url in linked} == dict.fromkeys(linked, (200, True))
