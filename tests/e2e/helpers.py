"""What the browser tests do again and again: log in like a person, and ask axe-core about a page."""

from pathlib import Path

from playwright.sync_api import expect

from accounts.models import User
from tests.accounts.factories import PASSWORD, app_code, give_authenticator_app

AXE_JS = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.1 A and AA, and 2.2 AA, which adds target size (2.5.8: 24 by 24 pixels), as EN 301 549 v4 does.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def log_in(page, *, email, password):
    """Log in with the form; staff then fill in the code from their app, as the site asks of them. Their
    app gets a fresh secret first: a code is good once, and a test may log the same person in twice."""
    staff = User.objects.filter(email=email, is_staff=True).first()
    if staff is not None:
        give_authenticator_app(staff)
    page.goto("/account/login/")
    main = page.get_by_role("main")
    main.get_by_label("E-mailadres").fill(email)
    main.get_by_label("Wachtwoord", exact=True).fill(password)
    main.get_by_role("button", name="Inloggen").click()
    if staff is not None:
        main.get_by_label("Code", exact=True).fill(app_code(staff))
        main.get_by_role("button", name="Inloggen", exact=True).click()
    expect(
        page.get_by_role("navigation", name="Je account").get_by_role("link", name="Uitloggen")
    ).to_be_visible()


def log_in_staff(page, person):
    """Log a staff member (or anyone of tests/e2e/world.py) in, in the browser.

    The one place that knows what a staff member needs to log in, with `log_in_client` below: when the
    management site asks more than a password, both change here and nowhere else.
    """
    log_in(page, email=person.email, password=PASSWORD)


def log_in_client(client, person):
    """Log `person` in on Django's test client (the pages the HTML check renders without a browser)."""
    client.force_login(person)


def axe_check(page):
    """Run axe-core's WCAG 2.1 A/AA rules on the current page; fail listing every violation."""
    violations = axe_violations(page)
    assert not violations, f"axe found {len(violations)} violation(s) on {page.url}:\n" + "\n".join(
        violations
    )


def axe_violations(page):
    """axe-core's WCAG 2.1 A/AA violations on the current page: rule, impact, help and where."""
    page.add_script_tag(path=AXE_JS)
    violations = page.evaluate(
        # resultTypes only trims the detail axe gathers about passing rules; every rule still runs.
        """async (tags) => {
            const options = {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]};
            return (await axe.run(document, options)).violations;
        }""",
        AXE_TAGS,
    )
    return [_describe(violation) for violation in violations]


def _describe(violation):
    targets = "\n".join(f"      {' '.join(map(str, node['target']))}" for node in violation["nodes"])
    return f"  - {violation['id']} ({violation['impact']}): {violation['help']}\n{targets}"
