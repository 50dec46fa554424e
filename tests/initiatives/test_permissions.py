"""Who may do what: every function in initiatives/permissions.py, for every kind of person and every
publication state, against an explicit table. Views and templates ask these same functions, so this table
is the site's access policy."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404

from accounts.models import User
from initiatives import permissions
from initiatives.models import Initiative
from initiatives.shortcuts import get_initiative_for
from tests.accounts.factories import UserFactory, staff_in_role, verify_email
from tests.initiatives.factories import (
    CommentFactory,
    HelpRequestFactory,
    InitiativeFactory,
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
    "council",  # council member: staff, read-only
    "superuser",
]
STATES = ["draft", "submitted", "published", "rejected", "hidden"]

EVERYONE = frozenset(ACTORS)
NOBODY = frozenset()
TEAM = frozenset({"initiator", "co_initiator"})
STAFF_WHO_READ = frozenset({"moderator", "council", "superuser"})
CONFIRMED = frozenset({"resident", "initiator", "co_initiator", "moderator", "council", "superuser"})
OUTSIDERS_CONFIRMED = frozenset({"resident", "moderator", "council", "superuser"})
MODERATORS = frozenset({"moderator", "superuser"})


def _per_state(**allowed):
    assert set(allowed) == set(STATES)
    return allowed


# check -> state -> who may.
INITIATIVE_MATRIX = {
    "can_view_initiative": _per_state(
        draft=TEAM | STAFF_WHO_READ,
        submitted=TEAM | STAFF_WHO_READ,
        published=EVERYONE,
        rejected=TEAM | STAFF_WHO_READ,
        hidden=TEAM | STAFF_WHO_READ,
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
    "own": frozenset(
        {"resident", "unverified", "initiator", "co_initiator", "moderator", "council", "superuser"}
    ),
    "other": NOBODY,
}

# Checks about a person, not about an initiative.
USER_MATRIX = {
    "can_register_initiative": CONFIRMED,
    "can_view_every_initiative": STAFF_WHO_READ,
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
    covered = set(INITIATIVE_MATRIX) | set(USER_MATRIX) | {"can_offer_help", "can_change_comment"}
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
        "council": staff_in_role("council"),
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
