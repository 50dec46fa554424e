"""The demo council member opens the dashboard, narrows it to one village and the whole history, and the
figures follow; the page passes axe and prints on one A4 page. (test_accessibility checks it at phone width.)"""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from .helpers import axe_check, log_in

DEMO_PASSWORD = "loket-demo"
COUNCIL_MEMBER = "raadslid@loket.example"


@pytest.fixture(autouse=True)
def _demo_content(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.DOCUMENTS_ROOT = tmp_path / "documents"
    call_command("loket_demo", "--force", verbosity=0)


def headline(page, name):
    """The number under a headline's label, as the page shows it."""
    item = page.locator(".loket-headlines__item").filter(has=page.get_by_role("link", name=name))
    return item.locator("dd").inner_text()


def test_council_member_sees_the_dashboard_and_the_filters_change_the_figures(page):
    log_in(page, email=COUNCIL_MEMBER, password=DEMO_PASSWORD)
    page.get_by_role("navigation", name="Je account").get_by_role("link", name="Dashboard").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Voortgang van de samenwerking")
    expect(page.get_by_role("heading", name="Initiatieven in de loop van de tijd")).to_be_visible()
    last_year = headline(page, re.compile("^Gepubliceerde initiatieven"))
    axe_check(page)

    main = page.get_by_role("main")
    main.get_by_label("Periode", exact=True).select_option(label="alles")
    main.get_by_role("button", name="Toon de cijfers").click()
    expect(page).to_have_url(re.compile(r"periode=alles"))
    all_time = headline(page, re.compile("^Gepubliceerde initiatieven"))
    assert int(all_time) > int(last_year), "the whole history has more initiatives than the last year"

    main.get_by_label("Dorp of wijk", exact=True).select_option(label="Wehl")
    main.get_by_role("button", name="Toon de cijfers").click()
    expect(page).to_have_url(re.compile(r"gebied=wehl"))
    in_wehl = headline(page, re.compile("^Gepubliceerde initiatieven"))
    assert 0 < int(in_wehl) < int(all_time)

    # Every chart is an image with a name, and its numbers are a click away.
    charts = page.locator("svg.loket-chart")
    assert charts.count() >= 6
    for index in range(charts.count()):
        expect(charts.nth(index)).to_have_attribute("role", "img")
    page.get_by_text("Toon de getallen als tabel").first.click()
    expect(page.locator(".loket-figure-table").first).to_be_visible()
    axe_check(page)


def test_the_dashboard_prints_on_one_a4_page(page):
    log_in(page, email=COUNCIL_MEMBER, password=DEMO_PASSWORD)
    page.goto("/dashboard/")
    page.emulate_media(media="print")

    pdf = page.pdf(format="A4", print_background=True)

    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1
