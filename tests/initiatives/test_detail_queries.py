"""The initiative page runs the same number of queries however long its log, team or discussion."""

import pytest

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


@pytest.mark.parametrize("as_team", [False, True], ids=["visitor", "team"])
def test_detail_page_queries_do_not_grow_with_the_data(client, as_team, count_queries):
    small, large = _initiative_with(3), _initiative_with(120)
    if as_team:
        member = VerifiedUserFactory()
        for initiative in (small, large):
            initiative.memberships.create(user=member)
        client.force_login(member)

    small_count = count_queries(lambda: client.get(small.get_absolute_url()))
    large_count = count_queries(lambda: client.get(large.get_absolute_url()))

    assert small_count == large_count, f"{small_count} queries with little data, {large_count} with much"
    assert small_count <= 20
