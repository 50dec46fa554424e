"""Error pages: in the site's layout and in Dutch (Django's own are bare English)."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.loket.failing_urls")]


def dutch(source: str) -> str:
    with translation.override("nl"):
        translated = gettext(source)
    assert translated != source, f"{source!r} has no Dutch translation"
    return translated


@pytest.fixture
def visitor():
    """A browser that gets the error page a visitor would see, not the exception."""
    return Client(raise_request_exception=False)


def test_visitor_gets_a_dutch_500_page_when_the_site_breaks(visitor):
    response = visitor.get("/test/kapot/")

    assert response.status_code == 500
    content = response.content.decode()
    assert '<html lang="nl"' in content
    assert dutch("Something went wrong on our side") in content


def test_500_page_asks_nothing_of_the_database_even_for_a_member(
    visitor, user, django_assert_num_queries, settings
):
    # The failure may be the database itself. (Without the middleware that, before any view, looks up
    # whether a signed-in person is staff who still owe their second step: this is about the page.)
    settings.MIDDLEWARE = [
        name for name in settings.MIDDLEWARE if not name.endswith("StaffSecondFactorMiddleware")
    ]
    visitor.force_login(user)

    with django_assert_num_queries(0):
        response = visitor.get("/test/kapot/")

    assert response.status_code == 500


def test_visitor_without_access_gets_a_dutch_403_page(visitor):
    response = visitor.get("/test/verboden/")

    assert response.status_code == 403
    assert dutch("You do not have access to this page") in response.content.decode()


def test_odd_request_gets_a_dutch_400_page(visitor):
    response = visitor.get("/test/verdacht/")

    assert response.status_code == 400
    assert dutch("Something went wrong with your request") in response.content.decode()


def test_form_without_csrf_token_gets_a_dutch_explanation(db):
    browser = Client(enforce_csrf_checks=True)

    response = browser.post(reverse("account_login"), {"login": "a@example.org", "password": "x"})

    assert response.status_code == 403
    content = response.content.decode()
    assert dutch("Your form could not be sent") in content
    assert f'href="{reverse("home")}"' in content
