"""Reporting past the rate limit: an empty POST gets the friendly 429 too, not a server error."""

import pytest

from core.ratelimit import TOO_MANY_MESSAGE
from moderation.models import Report
from tests.initiatives.factories import CommentFactory

from .factories import report_url

pytestmark = pytest.mark.django_db


def test_an_empty_report_past_the_limit_gets_429_not_a_server_error(client_logged_in, settings):
    settings.LOKET_POSTING_RATES = {"report": "0/h"}

    response = client_logged_in.post(report_url(CommentFactory()))

    assert response.status_code == 429
    assert str(TOO_MANY_MESSAGE) in response.context["form"].non_field_errors()
    assert not Report.objects.exists()
