"""Who sees an initiative, and what belongs to it, in every state and on every way in: for every role, on
the site (the initiative's page), in the management site (its list, its page, the autocomplete of other
forms) and in the open data (API, feeds, exports). One rule answers all of them
(initiatives/permissions.py; tests/initiatives/test_permissions.py holds the rule itself to its table):

- a published initiative is for everyone; a draft, submitted, rejected or hidden one only for its team and
  the moderators (and superusers). Editors and council members see what the public sees, although their
  role lets them read initiatives in the management site;
- log entries, help requests, responses of the municipality and comments are seen with their initiative;
  a log entry or comment hidden by moderation only by the moderators, in the management site;
- the open data is what everyone may see, whoever asks; so are the followers' emails.
"""

import pytest
from django.urls import reverse
from django.utils import timezone

from core.models import HiddenCause
from initiatives.choices import FollowFrequency
from initiatives.services.digests import digests_send
from tests.accounts.visibility import (
    EVERYONE,
    NOBODY,
    admin_shows,
    autocomplete_offers,
    page_opens,
    page_shows,
    people,
    who,
)
from tests.initiatives.factories import (
    CommentFactory,
    FollowFactory,
    HelpRequestFactory,
    InitiativeFactory,
    LogEntryFactory,
    MunicipalResponseFactory,
    NotificationFactory,
)

pytestmark = pytest.mark.django_db

STATES = ("draft", "submitted", "published", "rejected", "hidden")
NOT_PUBLIC = tuple(state for state in STATES if state != "published")

TEAM_AND_MODERATORS = frozenset({"team", "moderator", "superuser"})
MODERATORS = frozenset({"moderator", "superuser"})
# Whose role reads initiatives in the management site (accounts/roles.py).
MANAGEMENT_READERS = frozenset({"moderator", "editor", "council", "superuser"})


def _per_state(published, not_public):
    return {state: published if state == "published" else not_public for state in STATES}


# state -> way in -> who sees the initiative.
INITIATIVE = {
    "site": _per_state(EVERYONE, TEAM_AND_MODERATORS),
    "admin": _per_state(MANAGEMENT_READERS, MODERATORS),
    "open data": _per_state(EVERYONE, NOBODY),
}

# kind -> state (of its initiative, or "hidden by moderation" on a published one) -> way in -> who sees it.
# Help requests, responses and comments are not in the open data at all.
PARTS = {
    "log entry": {
        "site": {**_per_state(EVERYONE, TEAM_AND_MODERATORS), "hidden by moderation": NOBODY},
        "admin": {**_per_state(MODERATORS, MODERATORS), "hidden by moderation": MODERATORS},
        "open data": {**_per_state(EVERYONE, NOBODY), "hidden by moderation": NOBODY},
    },
    "comment": {
        "site": {**_per_state(EVERYONE, TEAM_AND_MODERATORS), "hidden by moderation": NOBODY},
        "admin": {**_per_state(MODERATORS, MODERATORS), "hidden by moderation": MODERATORS},
    },
    "help request": {
        "site": _per_state(EVERYONE, TEAM_AND_MODERATORS),
        "admin": _per_state(MODERATORS, MODERATORS),
    },
    # The council reads the municipality's responses in the management site: those anyone may read.
    "response of the municipality": {
        "site": _per_state(EVERYONE, TEAM_AND_MODERATORS),
        "admin": _per_state(frozenset({"moderator", "council", "superuser"}), MODERATORS),
    },
}


def test_the_tables_name_every_state_of_every_way_in():
    for ways in [INITIATIVE, *PARTS.values()]:
        for table in ways.values():
            assert set(STATES) <= set(table)


@pytest.fixture
def everyone():
    return people()


def initiative_in(state, everyone, **fields):
    traits = {} if state == "published" else {state: True}
    return InitiativeFactory(created_by=everyone["team"], **traits, **fields)


# --- The initiative ----------------------------------------------------------------------------------


def initiative_in_open_data(client, initiative) -> bool:
    in_api = page_opens(client, reverse("opendata:initiative-detail", kwargs={"slug": initiative.slug}))
    in_feed = page_shows(client, reverse("opendata:initiative_feed"), initiative.title)
    in_export = page_shows(
        client, reverse("opendata:dataset_download", args=["initiatieven", "csv"]), initiative.title
    )
    assert in_api == in_feed == in_export, initiative.publication_state
    return in_api


@pytest.mark.parametrize("state", STATES)
def test_who_sees_an_initiative_on_the_site(client, everyone, state):
    initiative = initiative_in(state, everyone)

    seen = who(client, everyone, lambda c: page_opens(c, initiative.get_absolute_url()))

    assert seen == INITIATIVE["site"][state]


@pytest.mark.parametrize("state", STATES)
def test_who_sees_an_initiative_in_the_management_site(client, everyone, state):
    initiative = initiative_in(state, everyone, title=f"Zichtbaar {state} speeltuin")

    seen = who(client, everyone, lambda c: admin_shows(c, initiative))
    offered = who(
        client,
        everyone,
        lambda c: autocomplete_offers(
            c, initiative, source="knowledgebase.article", field="initiative", term=initiative.title
        ),
    )

    assert seen == INITIATIVE["admin"][state]
    # The autocomplete of the articles' and analyses' forms offers what the list shows.
    assert offered == seen


@pytest.mark.parametrize("state", STATES)
def test_who_finds_an_initiative_in_the_open_data(client, everyone, state):
    initiative = initiative_in(state, everyone, title=f"Open data {state} moestuin")

    seen = who(client, everyone, lambda c: initiative_in_open_data(c, initiative))

    assert seen == INITIATIVE["open data"][state]


def test_the_management_sites_search_finds_only_what_the_person_may_see(client, everyone):
    hidden = initiative_in("hidden", everyone, title="Verborgen bankjesplan")
    published = initiative_in("published", everyone, title="Openbaar bankjesplan")
    client.force_login(everyone["council"])

    response = client.get(reverse("admin:initiatives_initiative_changelist"), {"q": "bankjesplan"})

    assert published.title in response.content.decode()
    assert hidden.title not in response.content.decode()


# --- What belongs to an initiative ----------------------------------------------------------------------


def _hidden():
    return {"hidden_at": timezone.now(), "hidden_cause": HiddenCause.MODERATOR, "hidden_reason": "Adres."}


def part_in(kind, state, everyone):
    """One item of `kind`, with a text of its own, on an initiative in `state` (or hidden itself)."""
    hidden = state == "hidden by moderation"
    initiative = initiative_in("published" if hidden else state, everyone)
    text = f"Eigen tekst {kind} {state}"
    if kind == "log entry":
        return LogEntryFactory(initiative=initiative, title=text, **(_hidden() if hidden else {})), text
    if kind == "comment":
        return CommentFactory(initiative=initiative, body=text, **(_hidden() if hidden else {})), text
    if kind == "help request":
        return HelpRequestFactory(initiative=initiative, title=text), text
    return MunicipalResponseFactory(initiative=initiative, body=text), text


def part_cases(way):
    return [(kind, state) for kind, ways in PARTS.items() if way in ways for state in ways[way]]


@pytest.mark.parametrize(("kind", "state"), part_cases("site"))
def test_who_sees_what_belongs_to_an_initiative_on_its_page(client, everyone, kind, state):
    part, text = part_in(kind, state, everyone)

    seen = who(client, everyone, lambda c: page_shows(c, part.initiative.get_absolute_url(), text))

    assert seen == PARTS[kind]["site"][state]


@pytest.mark.parametrize(("kind", "state"), part_cases("admin"))
def test_who_sees_what_belongs_to_an_initiative_in_the_management_site(client, everyone, kind, state):
    part, _text = part_in(kind, state, everyone)

    seen = who(client, everyone, lambda c: admin_shows(c, part))

    assert seen == PARTS[kind]["admin"][state]


@pytest.mark.parametrize(("kind", "state"), part_cases("open data"))
def test_who_finds_what_belongs_to_an_initiative_in_the_open_data(client, everyone, kind, state):
    _part, text = part_in(kind, state, everyone)

    def in_open_data(c):
        in_api = page_shows(c, reverse("opendata:logentry-list"), text)
        assert in_api == page_shows(c, reverse("opendata:log_entry_feed"), text)
        return in_api

    seen = who(client, everyone, in_open_data)

    assert seen == PARTS[kind]["open data"][state]


# --- The followers' emails -----------------------------------------------------------------------------


@pytest.mark.parametrize("state", ["published", "hidden"])
def test_a_digest_tells_followers_only_the_news_of_an_initiative_that_is_still_public(
    everyone, state, mailoutbox, django_capture_on_commit_callbacks
):
    """News recorded while it was published, then a moderator hid the initiative before the digest."""
    initiative = initiative_in(state, everyone, title=f"Gevolgd {state} buurtfeest")
    follow = FollowFactory(initiative=initiative, user=everyone["resident"], frequency=FollowFrequency.DAILY)
    NotificationFactory(follow=follow, title="Een adres dat weg moest")

    with django_capture_on_commit_callbacks(execute=True):
        digests_send(frequency=FollowFrequency.DAILY)

    told = {message.to[0] for message in mailoutbox if "Een adres dat weg moest" in message.body}
    assert told == ({everyone["resident"].email} if state == "published" else set())
