"""Browser tests: Debian's Chromium, driven by Playwright, against pytest-django's live server.

Every test here gets the `e2e` marker, a fresh browser context (one browser per session) and a
transactional database: the live server answers from another thread, so the data a test creates must be
committed to be seen. The rows the migrations load (villages, flywheels, pages, role groups) are loaded again
for each test, so every page renders with its real reference data.
Static files come from the finders (tests/conftest.py switches to the plain storage), no collectstatic.
"""

from pathlib import Path

import pytest

from accounts.roles import sync_role_groups
from flywheels.reference_data import load_concept_questions, load_flywheels
from knowledgebase.reference_data import load_pages
from places.reference_data import load_areas

from .helpers import log_in

HERE = Path(__file__).resolve().parent
CHROMIUM = Path("/usr/bin/chromium")


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    # tryfirst: mark before `-m "not e2e"` deselects. A conftest hook sees the whole session's items.
    for item in items:
        if item.path.is_relative_to(HERE):
            item.add_marker(pytest.mark.e2e)
            # WhiteNoise looks for collectstatic's output, which the live server does not need.
            item.add_marker(pytest.mark.filterwarnings("ignore:No directory at:UserWarning"))


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    # Playwright's own browser download is not available (nor wanted): use the distribution's Chromium.
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make test`, which installs it.", pytrace=False)
    return {
        **browser_type_launch_args,
        "executable_path": str(CHROMIUM),
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
        ],
    }


@pytest.fixture(scope="session")
def base_url(live_server):
    """Relative URLs in `page.goto("/...")` go to the live server."""
    return live_server.url


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {
        **browser_context_args,
        # A Dutch browser, like most visitors'. (The site ignores Accept-Language and is Dutch unless
        # the language switch says otherwise; the locators in these tests are Dutch.)
        "locale": "nl-NL",
        # axe is injected as a script; a strict Content-Security-Policy must not stop the test doing so.
        "bypass_csp": True,
    }


@pytest.fixture(autouse=True)
def _quick_failures(context):
    # The live server answers in milliseconds: a missing element fails in seconds, not Playwright's 30.
    context.set_default_timeout(5_000)


@pytest.fixture(autouse=True)
def _e2e_database(transactional_db):
    """Committed data the live server can see, with the reference data the migrations load.

    A transactional test ends by emptying every table, so the villages, flywheels, pages and role groups are
    loaded again for each test, by the same idempotent loaders the data migrations use.
    """
    load_areas()
    load_flywheels()
    load_concept_questions()
    load_pages()
    sync_role_groups()


@pytest.fixture
def logged_in_page(page, user, password):
    """A page whose browser context is logged in as `user`, the way a person does it: the login form."""
    log_in(page, email=user.email, password=password)
    return page
