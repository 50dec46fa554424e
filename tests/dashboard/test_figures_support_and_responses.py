"""Support (supporters, offers of help, help requests open or fulfilled) and how fast the municipality
responds (median days from publication to the first response, the share within the promise)."""

import datetime

import pytest

from places.models import Area
from tests.dashboard.helpers import DEFAULT_QUARTERS, NOW, backdate, days_before_now, figure, local, numbers
from tests.initiatives.factories import (
    HelpOfferFactory,
    HelpRequestFactory,
    InitiativeFactory,
    SupportFactory,
)

pytestmark = pytest.mark.django_db

IN_PERIOD, BEFORE_PERIOD = local(2025, 2, 1), local(2024, 5, 1)


@pytest.fixture(autouse=True)
def _promise_of_two_weeks(settings):
    settings.MUNICIPAL_RESPONSE_PROMISE_DAYS = 14


# --- Support ------------------------------------------------------------------------------------------


def support_in(initiative, *, when):
    return backdate(SupportFactory(initiative=initiative), created_at=when)


def help_request_in(initiative, *, when, fulfilled=False):
    request = HelpRequestFactory(
        initiative=initiative, is_fulfilled=fulfilled, fulfilled_at=when if fulfilled else None
    )
    return backdate(request, created_at=when)


def offer_on(request, *, when):
    return backdate(HelpOfferFactory(help_request=request), created_at=when)


@pytest.fixture
def support_world():
    in_wehl = InitiativeFactory(area=Area.objects.get(slug="wehl"), published_at=BEFORE_PERIOD)
    in_gaanderen = InitiativeFactory(area=Area.objects.get(slug="gaanderen"))
    draft = InitiativeFactory(draft=True, area=Area.objects.get(slug="wehl"))
    hidden = InitiativeFactory(hidden=True, area=Area.objects.get(slug="wehl"))

    support_in(in_wehl, when=IN_PERIOD)
    support_in(in_wehl, when=local(2025, 6, 15, 11, 0))
    support_in(in_wehl, when=BEFORE_PERIOD)
    support_in(in_gaanderen, when=IN_PERIOD)
    for unpublished in (draft, hidden):
        support_in(unpublished, when=IN_PERIOD)

    open_one = help_request_in(in_wehl, when=IN_PERIOD)
    help_request_in(in_wehl, when=IN_PERIOD)
    fulfilled = help_request_in(in_wehl, when=IN_PERIOD, fulfilled=True)
    help_request_in(in_wehl, when=BEFORE_PERIOD, fulfilled=True)
    help_request_in(in_gaanderen, when=IN_PERIOD, fulfilled=True)
    hidden_request = help_request_in(hidden, when=IN_PERIOD)
    draft_request = help_request_in(draft, when=IN_PERIOD)

    offer_on(open_one, when=IN_PERIOD)
    offer_on(open_one, when=IN_PERIOD)
    offer_on(fulfilled, when=BEFORE_PERIOD)  # the request is in the period, the offer is not
    offer_on(hidden_request, when=IN_PERIOD)
    offer_on(draft_request, when=IN_PERIOD)


def test_support_counts_supporters_offers_and_requests_of_published_initiatives_made_in_the_period(
    support_world,
):
    result = figure("support")

    supporters, offers, requests = numbers(result)
    assert supporters == 3
    assert offers == 2
    assert requests == 4
    assert result.series[0].values == [2, 2]  # open, fulfilled


def test_support_for_all_time_includes_what_came_before_the_period(support_world):
    result = figure("support", {"periode": "alles"})

    assert numbers(result) == [4, 3, 5]
    assert result.series[0].values == [2, 3]


def test_support_follows_the_village_or_district(support_world):
    result = figure("support", {"gebied": "gaanderen"})

    assert numbers(result) == [1, 0, 1]
    assert result.series[0].values == [0, 1]


# --- Responsiveness -----------------------------------------------------------------------------------


def published_on(when, *, answered_after=None, area="wehl", **kwargs):
    response = when + answered_after if answered_after is not None else None
    return InitiativeFactory(
        published_at=when, first_response_at=response, area=Area.objects.get(slug=area), **kwargs
    )


DAY = datetime.timedelta(days=1)


@pytest.fixture
def response_world():
    # Q2 2025
    published_on(local(2025, 5, 1), answered_after=3 * DAY)
    published_on(local(2025, 5, 1), answered_after=20 * DAY)
    published_on(local(2025, 5, 1))  # no answer and the promise long passed: counts, not in time
    published_on(days_before_now(5))  # no answer yet, still within the promise: not counted yet
    published_on(days_before_now(5), answered_after=1 * DAY)
    published_on(days_before_now(5), answered_after=2 * DAY)
    # Q4 2024, in Gaanderen
    published_on(
        local(2024, 10, 1), answered_after=14 * DAY, area="gaanderen"
    )  # exactly the promise: in time
    published_on(local(2024, 10, 1), answered_after=14 * DAY + datetime.timedelta(hours=1), area="gaanderen")
    # Not counted: before the period, or not published.
    published_on(local(2024, 3, 1), answered_after=1 * DAY)
    published_on(local(2025, 5, 1), answered_after=100 * DAY, hidden=True)
    backdate(
        published_on(local(2025, 5, 1), answered_after=100 * DAY, rejected=True),
        published_at=local(2025, 5, 1),
    )


def test_responsiveness_median_days_and_share_within_the_promise(response_world):
    result = figure("responsiveness")

    median, share, promise = numbers(result)
    # answered after 3, 20, 1, 2, 14 and 14 days and an hour: the median is (3 + 14) / 2
    assert median == 8.5
    # due: those 6 and the one never answered; in time: 3, 1, 2 and exactly 14 days
    assert share == round(100 * 4 / 7)
    assert promise == 14


def test_responsiveness_per_quarter_of_publication(response_world):
    result = figure("responsiveness")

    assert len(result.categories) == DEFAULT_QUARTERS
    share, median = result.series
    assert share.values == [None, 50, None, 60]
    assert median.values == [None, 14.0, None, 2.5]


def test_responsiveness_follows_the_village_or_district(response_world):
    result = figure("responsiveness", {"gebied": "gaanderen"})

    assert numbers(result)[:2] == [14.0, 50]


def test_an_unanswered_initiative_counts_once_its_promise_has_passed(settings):
    published_on(NOW - 14 * DAY)  # the promise ends now: not yet due
    published_on(NOW - 14 * DAY - datetime.timedelta(minutes=1))  # just passed: due, not in time
    published_on(local(2025, 5, 1), answered_after=DAY)

    assert numbers(figure("responsiveness"))[1] == 50


def test_the_promise_comes_from_the_settings(settings, response_world):
    settings.MUNICIPAL_RESPONSE_PROMISE_DAYS = 5

    median, share, promise = numbers(figure("responsiveness"))

    assert promise == 5
    assert median == 8.5
    # due: the same 7 (the unanswered one of exactly 5 days is not overdue); in time: after 3, 1 and 2 days
    assert share == round(100 * 3 / 7)


def test_no_responses_due_gives_no_median_and_no_share():
    published_on(days_before_now(2))

    median, share, _promise = numbers(figure("responsiveness"))

    assert median is None
    assert share is None
