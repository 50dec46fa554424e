"""A new staff member sets up two-step verification in the browser, and logs in with a code from then on.
Every page on the way passes axe."""

import re

from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value, yield_hotp_counters_from_time
from playwright.sync_api import expect

from tests.accounts.factories import PASSWORD, UserFactory, app_code, verify_email

from .helpers import axe_check


def code_for(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, next(iter(yield_hotp_counters_from_time()))))


def test_a_new_staff_member_sets_up_the_app_and_logs_in_with_a_code_from_then_on(page):
    newcomer = UserFactory(is_staff=True, is_superuser=True, authenticator_app=False, display_name="Nina")
    verify_email(newcomer)

    page.goto("/account/login/")
    main = page.get_by_role("main")
    main.get_by_label("E-mailadres").fill(newcomer.email)
    main.get_by_label("Wachtwoord", exact=True).fill(PASSWORD)
    main.get_by_role("button", name="Inloggen").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Tweestapsverificatie instellen")
    expect(page.get_by_text("Daarvoor heb je tweestapsverificatie nodig")).to_be_visible()
    expect(main.get_by_role("img", name="QR-code voor je authenticator-app")).to_be_visible()
    axe_check(page)
    key = main.locator("#authenticator-key").inner_text()
    main.get_by_label("Code uit de app").fill(code_for(key))
    main.get_by_role("button", name="Aanzetten").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Je herstelcodes")
    expect(
        main.get_by_role("list", name="Herstelcodes die je nog kunt gebruiken").get_by_role("listitem")
    ).to_have_count(10)
    axe_check(page)
    main.get_by_role("link", name="Verder naar het beheer").click()
    expect(page).to_have_url(re.compile(r"/beheer/$"))

    page.context.clear_cookies()
    page.goto("/beheer/")
    main = page.get_by_role("main")
    main.get_by_label("E-mailadres").fill(newcomer.email)
    main.get_by_label("Wachtwoord", exact=True).fill(PASSWORD)
    main.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Vul je code in")
    axe_check(page)
    main.get_by_label("Code", exact=True).fill(app_code(newcomer))
    main.get_by_role("button", name="Inloggen", exact=True).click()

    expect(page).to_have_url(re.compile(r"/beheer/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Beheer")


def test_the_page_of_two_step_verification_passes_axe(logged_in_page):
    logged_in_page.goto("/account/2fa/")

    expect(logged_in_page.get_by_role("heading", level=1)).to_have_text("Tweestapsverificatie")
    axe_check(logged_in_page)
