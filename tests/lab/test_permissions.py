"""Who may do what in the samenwerkingslab: every function in lab/permissions.py against an explicit
table. The views and templates ask these same functions, so this table is the lab's access policy."""

import inspect

import pytest
from django.contrib.auth.models import AnonymousUser, Group
from django.http import Http404
from django.utils import timezone

from accounts.models import User
from accounts.roles import Role
from lab import permissions
from lab.models import Signal, SignalStatus
from tests.accounts.factories import UserFactory, staff_in_role, verify_email
from tests.initiatives.factories import VerifiedUserFactory
from tests.lab.factories import LabSessionFactory, SignalFactory

pytestmark = pytest.mark.django_db

ACTORS = [
    "anonymous",
    "resident",  # signed in, email confirmed
    "reporter",  # raised the signal in question
    "unverified",  # email not confirmed
    "inactive",
    "blocked",  # blocked by a moderator
    "moderator",
    "editor",
    "council",
    "superuser",  # every permission, but not an ombuds
    "ombuds",
    "ombuds_not_staff",  # in the ombuds group without being staff: not an ombuds
]

NOBODY = frozenset()
CONFIRMED = frozenset(
    {"resident", "reporter", "moderator", "editor", "council", "superuser", "ombuds", "ombuds_not_staff"}
)

USER_MATRIX = {
    "is_ombuds": frozenset({"ombuds"}),
    "can_raise_signal": CONFIRMED,
}

# signal status -> who may see it, and who may withdraw it.
VIEW_SIGNAL_MATRIX = {status: frozenset({"reporter", "ombuds"}) for status in SignalStatus.values}
WITHDRAW_SIGNAL_MATRIX = {
    SignalStatus.NEW: frozenset({"reporter"}),
    SignalStatus.IN_PROGRESS: frozenset({"reporter"}),
    SignalStatus.RESOLVED: NOBODY,
    SignalStatus.CLOSED: NOBODY,
    SignalStatus.WITHDRAWN: NOBODY,
}

SESSIONS = {
    "upcoming": {},
    "unpublished": {"unpublished": True},
    "past": {"past": True},
}
SIGN_UP_MATRIX = {"upcoming": CONFIRMED, "unpublished": NOBODY, "past": NOBODY}


def test_the_tables_cover_every_function_in_the_permissions_module():
    own = {
        name
        for name, value in vars(permissions).items()
        if name.startswith(("can_", "is_"))
        and inspect.isfunction(value)
        and value.__module__ == permissions.__name__
    }

    assert own == set(USER_MATRIX) | {"can_view_signal", "can_withdraw_signal", "can_sign_up"}


@pytest.fixture
def actors():
    superuser = UserFactory(is_staff=True, is_superuser=True)
    verify_email(superuser)
    ombuds_not_staff = VerifiedUserFactory()
    ombuds_not_staff.groups.add(Group.objects.get(name=Role.OMBUDS))
    return {
        "anonymous": AnonymousUser(),
        "resident": VerifiedUserFactory(),
        "reporter": VerifiedUserFactory(),
        "unverified": UserFactory(),
        "inactive": VerifiedUserFactory(is_active=False),
        "blocked": VerifiedUserFactory(blocked_at=timezone.now()),
        "moderator": staff_in_role(Role.MODERATOR),
        "editor": staff_in_role(Role.EDITOR),
        "council": staff_in_role(Role.COUNCIL),
        "superuser": User.objects.get(pk=superuser.pk),
        "ombuds": staff_in_role(Role.OMBUDS),
        "ombuds_not_staff": User.objects.get(pk=ombuds_not_staff.pk),
    }


def who_may(check, actors, *args):
    return {name for name, actor in actors.items() if check(actor, *args)}


@pytest.mark.parametrize("check", list(USER_MATRIX))
def test_who_has_which_lab_role(actors, check):
    assert who_may(getattr(permissions, check), actors) == USER_MATRIX[check]


@pytest.mark.parametrize("status", SignalStatus.values)
def test_only_the_reporter_and_the_ombuds_may_see_a_signal(actors, status):
    signal = SignalFactory(reporter=actors["reporter"], status=status)

    assert who_may(permissions.can_view_signal, actors, signal) == VIEW_SIGNAL_MATRIX[status]


@pytest.mark.parametrize("status", SignalStatus.values)
def test_only_the_reporter_may_withdraw_an_open_signal(actors, status):
    signal = SignalFactory(reporter=actors["reporter"], status=status)

    assert who_may(permissions.can_withdraw_signal, actors, signal) == WITHDRAW_SIGNAL_MATRIX[status]


@pytest.mark.parametrize("kind", list(SESSIONS))
def test_who_may_sign_up_for_a_session(actors, kind):
    session = LabSessionFactory(**SESSIONS[kind])

    assert who_may(permissions.can_sign_up, actors, session) == SIGN_UP_MATRIX[kind]


def test_superuser_is_not_an_ombuds_although_they_have_every_permission(actors):
    superuser = actors["superuser"]

    assert superuser.has_perm("lab.view_signal")
    assert not permissions.is_ombuds(superuser)


# --- get_signal_for: the signal, or a 404 that does not tell whether it exists ---


@pytest.mark.parametrize("name", ["anonymous", "resident", "moderator", "superuser", "ombuds_not_staff"])
def test_outsider_gets_not_found_for_someone_elses_signal(actors, name):
    signal = SignalFactory(reporter=actors["reporter"])

    with pytest.raises(Http404):
        permissions.get_signal_for(actors[name], signal.pk, Signal.objects.all())


@pytest.mark.parametrize("name", ["reporter", "ombuds"])
def test_reporter_and_ombuds_get_the_signal(actors, name):
    signal = SignalFactory(reporter=actors["reporter"])

    assert permissions.get_signal_for(actors[name], signal.pk, Signal.objects.all()) == signal


def test_unknown_signal_is_not_found_for_the_ombuds_too(actors):
    with pytest.raises(Http404):
        permissions.get_signal_for(actors["ombuds"], 987654, Signal.objects.all())


def test_get_signal_for_only_looks_in_the_queryset_it_is_given(actors):
    signal = SignalFactory(reporter=actors["reporter"])

    with pytest.raises(Http404):
        permissions.get_signal_for(actors["reporter"], signal.pk, Signal.objects.none())
