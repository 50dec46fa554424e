"""Dutch first: the site is Dutch unless the visitor chooses English with the switch."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_visitor_with_an_english_browser_still_sees_dutch(client):
    response = client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")

    assert response.headers["Content-Language"] == "nl"
    assert '<html lang="nl"' in response.content.decode()


def test_visitor_who_chooses_english_gets_english_until_switching_back(client):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert client.get(reverse("home")).headers["Content-Language"] == "en"

    client.post(reverse("set_language"), {"language": "nl", "next": "/"})
    assert client.get(reverse("home")).headers["Content-Language"] == "nl"


def test_an_unknown_language_in_the_cookie_falls_back_to_dutch(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "xx"

    assert client.get(reverse("home")).headers["Content-Language"] == "nl"
