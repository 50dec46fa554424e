"""Who may do what: every function in initiatives/permissions.py, for every kind of person and every
publication state, against an explicit table. Views and templates ask these same functions, so this table
is the site's access policy."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils import timezone

from accounts.models import User
from initiatives import permissions
from initiatives.models import Initiative, LogEntry
from initiatives.shortcuts import get_initiative_for
from tests.accounts.factories import UserFactory, staff_in_role, verify_email
from tests.initiatives.factories import (
    CommentFactory,
    HelpRequestFactory,
    InitiativeFactory,
    LogEntryFactory,
    MunicipalResponseFactory,
    VerifiedUserFactory,
)

pytestmark = pytest.mark.django_db

ACTORS = [
    "anonymous",
    "resident",  # signed in, email confirmed, not in the team
    "unverified",  # signed in, email not confirmed
    "inactive",  # email confirmed, account deactivated
    "initiator",  # registered the initiative: first member of the team
    "co_initiator",  # invited into the team
    "moderator",  # civil servant in the moderators group
    "editor",  # staff in the editors group: writes the knowledge base
    "council",  # council member: staff, read-only
    "ombuds",  # staff in the ombuds group: the samenwerkingslab
    "superuser",
]
STATES = ["draft", "submitted", "published", "rejected", "hidden"]

EVERYONE = frozenset(ACTORS)
NOBODY = frozenset()
TEAM = frozenset({"initiator", "co_initiator"})
MODERATORS = frozenset({"moderator", "superuser"})
STAFF = frozenset({"moderator", "editor", "council", "ombuds", "superuser"})
CONFIRMED = frozenset({"resident", "initiator", "co_initiator"}) | STAFF
OUTSIDERS_CONFIRMED = frozenset({"resident"}) | STAFF


def _per_state(**allowed):
    assert set(allowed) == set(STATES)
    return allowed


# check -> state -> who may.
INITIATIVE_MATRIX = {
    # Not public: the team and the moderators, who decide on it. Editors and council members read
    # initiatives in the management site, but only what everyone may read.
    "can_view_initiative": _per_state(
        draft=TEAM | MODERATORS,
        submitted=TEAM | MODERATORS,
        published=EVERYONE,
        rejected=TEAM | MODERATORS,
        hidden=TEAM | MODERATORS,
    ),
    "is_team_member": _per_state(draft=TEAM, submitted=TEAM, published=TEAM, rejected=TEAM, hidden=TEAM),
    "can_edit_initiative": _per_state(
        draft=TEAM, submitted=TEAM, published=TEAM, rejected=TEAM, hidden=NOBODY
    ),
    "can_submit_initiative": _per_state(
        draft=TEAM, submitted=NOBODY, published=NOBODY, rejected=TEAM, hidden=NOBODY
    ),
    # Only what was never public: a hidden initiative was published once.
    "can_delete_initiative": _per_state(
        draft=TEAM, submitted=TEAM, published=NOBODY, rejected=TEAM, hidden=NOBODY
    ),
    "can_support": _per_state(
        draft=NOBODY, submitted=NOBODY, published=CONFIRMED, rejected=NOBODY, hidden=NOBODY
    ),
    "can_follow": _per_state(
        draft=NOBODY, submitted=NOBODY, published=CONFIRMED, rejected=NOBODY, hidden=NOBODY
    ),
    "can_comment": _per_state(
        draft=NOBODY, submitted=NOBODY, published=CONFIRMED, rejected=NOBODY, hidden=NOBODY
    ),
    "can_see_offers": _per_state(draft=TEAM, submitted=TEAM, published=TEAM, rejected=TEAM, hidden=TEAM),
}

# (state, request fulfilled?) -> who may offer help. The team does not offer help to itself.
OFFER_HELP_MATRIX = {
    (state, fulfilled): (OUTSIDERS_CONFIRMED if state == "published" and not fulfilled else NOBODY)
    for state in STATES
    for fulfilled in (False, True)
}

# whose comment -> who may change it, in every state: only its author, whatever their role.
CHANGE_COMMENT_MATRIX = {
    "own": frozenset({"resident", "unverified", "initiator", "co_initiator"}) | STAFF,
    "other": NOBODY,
}

# What belongs to an initiative (a log entry, help request, response or comment): (state of its
# initiative, hidden by moderation?) -> who may see it. Log entries and comments can be hidden.
PART_MATRIX = {
    (state, hidden): (MODERATORS if hidden else INITIATIVE_MATRIX["can_view_initiative"][state])
    for state in STATES
    for hidden in (False, True)
}
PART_KINDS = {
    "log_entry": (LogEntryFactory, True),
    "comment": (CommentFactory, True),
    "help_request": (HelpRequestFactory, False),
    "municipal_response": (MunicipalResponseFactory, False),
}

# Checks about a person, not about an initiative.
USER_MATRIX = {
    "can_register_initiative": CONFIRMED,
    "can_view_every_initiative": MODERATORS,
    "can_respond_for_municipality": MODERATORS,
    "can_see_response_queue": MODERATORS,
}


def test_the_tables_cover_every_function_in_the_permissions_module():
    public = {
        name
        for name, function in vars(permissions).items()
        if name.startswith(("can_", "is_", "has_"))
        and callable(function)
        and function.__module__ == permissions.__name__  # not what it imports (can_post: accounts)
    }
    covered = (
        set(INITIATIVE_MATRIX)
        | set(USER_MATRIX)
        | {"can_offer_help", "can_change_comment", "can_view_initiative_part"}
    )
    assert public == covered


@pytest.fixture
def actors():
    superuser = UserFactory(is_staff=True, is_superuser=True)
    verify_email(superuser)
    return {
        "anonymous": AnonymousUser(),
        "resident": VerifiedUserFactory(),
        "unverified": UserFactory(),
        "inactive": VerifiedUserFactory(is_active=False),
        "initiator": VerifiedUserFactory(),
        "co_initiator": VerifiedUserFactory(),
        "moderator": staff_in_role("moderators"),
        "editor": staff_in_role("editors"),
        "council": staff_in_role("council"),
        "ombuds": staff_in_role("ombuds"),
        "superuser": User.objects.get(pk=superuser.pk),
    }


def initiative_in(state, actors):
    traits = {} if state == "published" else {state: True}
    return InitiativeFactory(created_by=actors["initiator"], team=[actors["co_initiator"]], **traits)


def who_may(check, actors, obj):
    return {name for name, actor in actors.items() if check(actor, obj)}


@pytest.mark.parametrize(
    ("check", "state"),
    [(check, state) for check in INITIATIVE_MATRIX for state in STATES],
    ids=[f"{check}-{state}" for check in INITIATIVE_MATRIX for state in STATES],
)
def test_who_may_do_what_with_an_initiative(actors, check, state):
    initiative = initiative_in(state, actors)

    assert who_may(getattr(permissions, check), actors, initiative) == INITIATIVE_MATRIX[check][state]


@pytest.mark.parametrize(
    ("state", "fulfilled"),
    list(OFFER_HELP_MATRIX),
    ids=[f"{state}-{'fulfilled' if fulfilled else 'open'}" for state, fulfilled in OFFER_HELP_MATRIX],
)
def test_who_may_offer_help(actors, state, fulfilled):
    help_request = HelpRequestFactory(initiative=initiative_in(state, actors), is_fulfilled=fulfilled)

    assert who_may(permissions.can_offer_help, actors, help_request) == OFFER_HELP_MATRIX[(state, fulfilled)]


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("whose", ["own", "other"])
def test_only_the_author_may_change_a_comment(actors, state, whose):
    initiative = initiative_in(state, actors)
    someone_else = VerifiedUserFactory()
    allowed = set()
    for name, actor in actors.items():
        author = actor if whose == "own" and actor.is_authenticated else someone_else
        comment = CommentFactory(initiative=initiative, author=author)
        if permissions.can_change_comment(actor, comment):
            allowed.add(name)

    assert allowed == CHANGE_COMMENT_MATRIX[whose]


@pytest.mark.parametrize("check", list(USER_MATRIX))
def test_who_has_which_role(actors, check):
    assert {name for name, actor in actors.items() if getattr(permissions, check)(actor)} == USER_MATRIX[
        check
    ]


@pytest.mark.parametrize("state", STATES)
def test_the_visible_to_queryset_agrees_with_can_view_initiative(actors, state):
    initiative = initiative_in(state, actors)

    for name, actor in actors.items():
        listed = Initiative.objects.visible_to(actor).filter(pk=initiative.pk).exists()
        assert listed == permissions.can_view_initiative(actor, initiative), name


PART_CASES = [
    (kind, state, hidden)
    for kind, (_factory, hideable) in PART_KINDS.items()
    for state in STATES
    for hidden in ((False, True) if hideable else (False,))
]
PART_IDS = [f"{kind}-{state}{'-hidden' if hidden else ''}" for kind, state, hidden in PART_CASES]


def part_of(kind, initiative, hidden):
    factory, _hideable = PART_KINDS[kind]
    return factory(initiative=initiative, **({"hidden_at": timezone.now()} if hidden else {}))


@pytest.mark.parametrize(("kind", "state", "hidden"), PART_CASES, ids=PART_IDS)
def test_who_may_see_what_belongs_to_an_initiative(actors, kind, state, hidden):
    part = part_of(kind, initiative_in(state, actors), hidden)

    assert who_may(permissions.can_view_initiative_part, actors, part) == PART_MATRIX[(state, hidden)]


@pytest.mark.parametrize(("kind", "state", "hidden"), PART_CASES, ids=PART_IDS)
def test_the_parts_visible_to_queryset_agrees_with_can_view_initiative_part(actors, kind, state, hidden):
    part = part_of(kind, initiative_in(state, actors), hidden)

    for name, actor in actors.items():
        listed = type(part).objects.visible_to(actor).filter(pk=part.pk).exists()
        assert listed == permissions.can_view_initiative_part(actor, part), name


def test_what_everyone_may_see_is_what_is_published():
    """The open data and the public lists ask `published()`: the rule for someone who is not signed in."""
    initiatives = [InitiativeFactory(**({} if state == "published" else {state: True})) for state in STATES]
    entries = [LogEntryFactory(initiative=initiative) for initiative in initiatives]
    entries.append(LogEntryFactory(initiative=initiatives[2], hidden_at=timezone.now()))
    anonymous = AnonymousUser()

    assert set(Initiative.objects.visible_to(anonymous)) == set(Initiative.objects.published())
    assert set(LogEntry.objects.visible_to(anonymous)) == set(LogEntry.objects.published())


def test_visible_to_lists_an_initiative_once_for_a_team_of_many():
    initiative = InitiativeFactory(draft=True, team=VerifiedUserFactory.create_batch(3))

    assert list(Initiative.objects.visible_to(initiative.created_by)) == [initiative]


# --- get_initiative_for: 404 when you may not see it, 403 when you may see it but not do it ---


def test_anonymous_visitor_gets_not_found_for_a_draft():
    initiative = InitiativeFactory(draft=True)

    with pytest.raises(Http404):
        get_initiative_for(AnonymousUser(), initiative.slug)


def test_resident_gets_not_found_for_someone_elses_submitted_initiative(user):
    initiative = InitiativeFactory(submitted=True)

    with pytest.raises(Http404):
        get_initiative_for(user, initiative.slug)


def test_unknown_slug_is_not_found(user):
    with pytest.raises(Http404):
        get_initiative_for(user, "bestaat-niet")


def test_resident_may_see_but_not_edit_a_published_initiative(user):
    initiative = InitiativeFactory()

    assert get_initiative_for(user, initiative.slug) == initiative
    with pytest.raises(PermissionDenied):
        get_initiative_for(user, initiative.slug, check=permissions.can_edit_initiative)


def test_team_member_gets_their_draft_to_edit():
    initiative = InitiativeFactory(draft=True)

    found = get_initiative_for(initiative.created_by, initiative.slug, check=permissions.can_edit_initiative)

    assert found == initiative


def test_moderator_sees_a_submitted_initiative_but_may_not_edit_it_on_the_site():
    moderator = staff_in_role("moderators")
    initiative = InitiativeFactory(submitted=True)

    assert get_initiative_for(moderator, initiative.slug) == initiative
    with pytest.raises(PermissionDenied):
        get_initiative_for(moderator, initiative.slug, check=permissions.can_edit_initiative)


def test_get_initiative_for_only_looks_in_the_queryset_it_is_given(user):
    initiative = InitiativeFactory()

    with pytest.raises(Http404):
        get_initiative_for(user, initiative.slug, queryset=Initiative.objects.none())
