"""Fixtures every test can use. Browser tests (tests/e2e/) get these too, on top of their own."""

import pytest
from django.contrib.auth.signals import user_logged_in
from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, HttpResponseBase
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from accounts import second_factor
from tests.accounts.factories import PASSWORD, UserFactory, verify_email


def pytest_configure(config):
    # WhiteNoise looks for STATIC_ROOT, which only `collectstatic` creates; tests serve through the finders.
    config.addinivalue_line("filterwarnings", "ignore:No directory at:UserWarning")


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Browser tests last. They run on committed data and empty every table when they end, the villages,
    flywheels and role groups the migrations loaded included. pytest-django puts such tests after the
    others, but pytest then regroups tests by their session-wide parameters (the browser), which can pull
    them forward; this runs after both."""
    items.sort(key=lambda item: item.get_closest_marker("e2e") is not None)


@pytest.fixture(autouse=True)
def _plain_static_storage(settings):
    # The manifest storage only knows files after `collectstatic`; plain storage serves them as they are.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


# Real hashing is slow on purpose; rate-limit tests log in dozens of times.
FAST_PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = FAST_PASSWORD_HASHERS


@pytest.fixture(autouse=True)
def _fresh_cache():
    # allauth's rate limits live in the cache: one test's attempts must not count against the next.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    # Tests read a page's context, which a page from the cache has not; the page cache's own tests (and any
    # other that wants it) ask for `page_cache`.
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture
def page_cache(settings):
    """Anonymous pages cached (core/page_cache.py), as in production with Redis."""
    settings.PAGE_CACHE_SECONDS = 600


@pytest.fixture(autouse=True)
def _monthly_counts_at_once(request, monkeypatch):
    # The dashboard's monthly counts are added when a write commits (dashboard/monthly.py); a test's own
    # transaction never commits, so there they are added at once. Transactional tests commit for real and
    # keep the site's way.
    marker = request.node.get_closest_marker("django_db")
    if marker is None or not marker.kwargs.get("transaction"):
        monkeypatch.setattr("dashboard.monthly._later", _apply_at_once)


def _apply_at_once(change):
    from dashboard.monthly import _apply

    _apply(change)


@pytest.fixture(autouse=True)
def _dutch(settings):
    # The site speaks Dutch unless a visitor asks otherwise; a request in English must not leak on.
    settings.LANGUAGE_CODE = "nl"
    translation.activate("nl")
    yield
    translation.deactivate()


def _second_step_for_test_logins(sender, request, user, **kwargs):
    # `client.force_login()` and `client.login()` log in with a bare HttpRequest; the login form's
    # requests are WSGIRequests and go through allauth's real steps.
    if type(request) is HttpRequest:
        second_factor.record_passed(request, user)


@pytest.fixture(autouse=True)
def _second_step_on_force_login():
    """A test that logs in staff with `client.force_login()` gets a session that had its second step (as
    after a login with the code from the app), so staff reach the management site at once. Tests of that
    requirement itself ask for `real_second_step`."""
    user_logged_in.connect(_second_step_for_test_logins, dispatch_uid="tests_second_step")
    yield
    user_logged_in.disconnect(dispatch_uid="tests_second_step")


@pytest.fixture
def real_second_step(_second_step_on_force_login):
    """`client.force_login()` as it is: staff still owe their second step (accounts/second_factor.py)."""
    user_logged_in.disconnect(dispatch_uid="tests_second_step")


@pytest.fixture
def password():
    return PASSWORD


@pytest.fixture
def user(db):
    """A resident with a confirmed email address, who can log in with `PASSWORD`."""
    resident = UserFactory(display_name="Bea")
    verify_email(resident)
    return resident


@pytest.fixture
def other_user(db):
    neighbour = UserFactory(display_name="Nico")
    verify_email(neighbour)
    return neighbour


@pytest.fixture
def client_logged_in(client, user):
    client.force_login(user)
    return client


class QueryCounter:
    """`count_queries(run)` calls `run` (`lambda: client.get(url)`) and gives the number of database queries
    it made. A response it returns must have the status `status` (200 unless told; None checks nothing).
    What `run` returned last stays in `.result`, for a test that also looks at the page or the data."""

    def __init__(self):
        self.result = None

    def __call__(self, run, *, status=200) -> int:
        with CaptureQueriesContext(connection) as queries:
            self.result = run()
        if status is not None and isinstance(self.result, HttpResponseBase):
            assert self.result.status_code == status, f"status {self.result.status_code}, not {status}"
        return len(queries)


@pytest.fixture
def count_queries():
    """Counts the queries of one request or call; compare a page with a few rows and with many."""
    return QueryCounter()
