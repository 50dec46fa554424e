"""Every write of the site, three ways (the writes: tests/loket/post_scenarios.py).

- As it is: the POST writes something. This keeps the other two honest: a refusal of a post that would
  have changed nothing proves nothing.
- By a blocked account: nothing is written and the answer says, in Dutch, that the account is blocked; or,
  for the few writes a block leaves open (deleting the account, the appeal, taking back one's own), the
  write happens.
- Past the rate limit (the view's group set to 0 per hour): nothing is written, and the answer is a 429 or
  a page that says to wait a while; never a server error.

"Written" means any row of any table changed, so a view that writes somewhere unexpected is caught too.
"""

import pytest
from django.apps import apps
from django.contrib.sessions.models import Session
from django.urls import resolve
from django.utils import timezone

from accounts.models import BlockKind, User
from accounts.posting import posting_rule_of

from .post_scenarios import SCENARIOS

pytestmark = pytest.mark.django_db

BLOCKED_PAGE = "Je account is geblokkeerd"
# Both the forms' message and the page of accounts/posting.py say it this way.
WAIT = "korte tijd"


def database_contents():
    """Every row of every table, except the sessions (logging in writes one)."""
    return {
        model._meta.db_table: list(model._base_manager.order_by("pk").values_list())
        for model in apps.get_models(include_auto_created=True)
        if model is not Session
    }


def changed_tables(before, after):
    return sorted(table for table in before if before[table] != after[table])


def _ids(scenarios):
    return [scenario.id for scenario in scenarios]


@pytest.fixture
def post(client, settings):
    """Build the scenario's world, log its person in, and post; the database before and after with it.
    `past_limit` sets the rate of the view's group (its `@posting` rule) to none at all."""

    def run(scenario, *, blocked=False, past_limit=False):
        write = scenario.build()
        if past_limit:
            limit = posting_rule_of(resolve(write.url).func).limit
            settings.LOKET_POSTING_RATES = {limit: "0/h"}
        if blocked:
            User.objects.filter(pk=write.who.pk).update(
                blocked_at=timezone.now(), block_kind=BlockKind.SOFT, block_reason="Drie keer gescholden."
            )
        client.force_login(User.objects.get(pk=write.who.pk))
        before = database_contents()
        response = client.post(write.url, write.data)
        return response, changed_tables(before, database_contents())

    return run


def _content(client, response) -> str:
    """What the person reads: the page itself, or the page a redirect leads to (with its messages)."""
    if response.status_code in (301, 302, 303):
        response = client.get(response["Location"])
    return response.content.decode()


@pytest.mark.parametrize("scenario", SCENARIOS, ids=_ids(SCENARIOS))
def test_the_write_writes_for_a_person_who_may_post(post, scenario):
    response, changed = post(scenario)

    assert response.status_code < 400, response.status_code
    assert changed, "the scenario's POST wrote nothing: its refusals below would prove nothing"


REFUSED = [scenario for scenario in SCENARIOS if not scenario.blocked_may]
STILL_OPEN = [scenario for scenario in SCENARIOS if scenario.blocked_may]


@pytest.mark.parametrize("scenario", REFUSED, ids=_ids(REFUSED))
def test_a_blocked_account_writes_nothing_and_is_told_why(post, scenario):
    response, changed = post(scenario, blocked=True)

    assert response.status_code == 403
    assert BLOCKED_PAGE in response.content.decode()
    assert "Drie keer gescholden." in response.content.decode()
    assert changed == []


@pytest.mark.parametrize("scenario", STILL_OPEN, ids=_ids(STILL_OPEN))
def test_a_blocked_account_may_still_do_this(post, scenario):
    response, changed = post(scenario, blocked=True)

    assert response.status_code < 400, response.status_code
    assert changed


@pytest.mark.parametrize("scenario", SCENARIOS, ids=_ids(SCENARIOS))
def test_past_the_limit_nothing_is_written_and_the_person_is_asked_to_wait(client, post, scenario):
    response, changed = post(scenario, past_limit=True)

    assert response.status_code < 500
    assert changed == []
    assert response.status_code == 429 or WAIT in _content(client, response)
