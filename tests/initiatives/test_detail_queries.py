"""The initiative page runs the same number of queries however long its log, team or discussion."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.initiatives.factories import (
    CommentFactory,
    FollowFactory,
    HelpRequestFactory,
    InitiativeFactory,
    LogEntryFactory,
    MunicipalResponseFactory,
    SupportFactory,
    VerifiedUserFactory,
)

pytestmark = pytest.mark.django_db


def _initiative_with(rows):
    initiative = InitiativeFactory(
        team=VerifiedUserFactory.create_batch(min(rows, 10)), tags=["groen", "spelen"]
    )
    LogEntryFactory.create_batch(rows, initiative=initiative)
    HelpRequestFactory.create_batch(rows, initiative=initiative)
    CommentFactory.create_batch(rows, initiative=initiative)
    MunicipalResponseFactory.create_batch(min(rows, 20), initiative=initiative)
    SupportFactory.create_batch(rows, initiative=initiative, is_named=True)
    FollowFactory.create_batch(rows, initiative=initiative)
    return initiative


def _queries_for(client, initiative):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(initiative.get_absolute_url())
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("as_team", [False, True], ids=["visitor", "team"])
def test_detail_page_queries_do_not_grow_with_the_data(client, as_team):
    small, large = _initiative_with(3), _initiative_with(120)
    if as_team:
        member = VerifiedUserFactory()
        for initiative in (small, large):
            initiative.memberships.create(user=member)
        client.force_login(member)

    small_count, large_count = _queries_for(client, small), _queries_for(client, large)

    assert small_count == large_count, f"{small_count} queries with little data, {large_count} with much"
    assert small_count <= 20
