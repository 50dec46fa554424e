"""A resident's first visit: sign up, confirm the address, fill in the profile, log out.

Locators are the accessible names a screen reader announces, in Dutch: a missing label fails here.
The pages only this journey reaches (email sent, confirm, profile saved) get their axe check here.
"""

import re
from urllib.parse import urlsplit

from playwright.sync_api import expect

from accounts.models import User
from tests.accounts.factories import PASSWORD

from .helpers import axe_check

CONFIRMATION_LINK = re.compile(r"https?://\S+/account/confirm-email/\S+/")


def account_nav(page):
    return page.get_by_role("navigation", name="Je account")


def test_resident_signs_up_confirms_email_edits_profile_and_logs_out(page, mailoutbox):
    page.goto("/")
    account_nav(page).get_by_role("link", name="Registreren").click()

    main = page.get_by_role("main")
    main.get_by_label("E-mailadres").fill("jan@example.org")
    main.get_by_label("Weergavenaam").fill("Jan")
    main.get_by_label("Wachtwoord", exact=True).fill(PASSWORD)
    main.get_by_label("Wachtwoord (nog een keer)").fill(PASSWORD)
    main.get_by_role("button", name="Registreren").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Bevestig je e-mailadres")
    axe_check(page)
    assert [message.to for message in mailoutbox] == [["jan@example.org"]]
    link = CONFIRMATION_LINK.search(mailoutbox[0].body).group(0)
    # The link carries the production protocol (https); the live server speaks http on the same path.
    page.goto(urlsplit(link).path)
    axe_check(page)
    main.get_by_role("button", name="Bevestigen").click()

    expect(account_nav(page).get_by_role("link", name="Uitloggen")).to_be_visible()
    account_nav(page).get_by_role("link", name="Mijn profiel").click()
    expect(page).to_have_url(re.compile(r"/account/profiel/$"))
    main.get_by_label("Weergavenaam").fill("Jan de Vries")
    main.get_by_label("Dorp of wijk").select_option(label="Gaanderen")
    main.get_by_role("button", name="Profiel opslaan").click()

    expect(page.get_by_role("status")).to_contain_text("Je profiel is opgeslagen.")
    axe_check(page)
    page.reload()
    expect(main.get_by_label("Weergavenaam")).to_have_value("Jan de Vries")
    expect(main.get_by_label("Dorp of wijk").locator("option:checked")).to_have_text("Gaanderen")
    jan = User.objects.get(email="jan@example.org")
    assert (jan.display_name, jan.area.name) == ("Jan de Vries", "Gaanderen")

    account_nav(page).get_by_role("link", name="Uitloggen").click()
    main.get_by_role("button", name="Uitloggen").click()

    expect(account_nav(page).get_by_role("link", name="Inloggen")).to_be_visible()
    expect(account_nav(page).get_by_role("link", name="Uitloggen")).to_have_count(0)


def test_visitor_switches_the_home_page_to_english(page):
    page.goto("/")
    expect(page.locator("html")).to_have_attribute("lang", "nl")

    page.get_by_role("button", name="English").click()

    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page).to_have_url(re.compile(r"/$"))
    expect(page.get_by_role("button", name="Nederlands")).to_be_visible()
