"""Suggesting an example past the rate limit: a form without a single field filled in (an empty POST)
gets the same friendly 429 as a filled-in one, not a server error."""

import pytest
from django.urls import reverse

from core.ratelimit import TOO_MANY_MESSAGE
from knowledgebase.models import Article

pytestmark = pytest.mark.django_db


def test_an_empty_suggestion_past_the_limit_gets_429_not_a_server_error(client_logged_in, settings):
    settings.LOKET_POSTING_RATES = {"suggestion": "0/h"}

    response = client_logged_in.post(reverse("knowledgebase:example_suggest"))

    assert response.status_code == 429
    assert str(TOO_MANY_MESSAGE) in response.context["form"].non_field_errors()
    assert not Article.objects.exists()
