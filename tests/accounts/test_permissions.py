"""The permission vocabulary every app writes its rules in (accounts/permissions.py), the rules asked by
name from templates with `{% may %}`, and the roles loaded with the signed-in person."""

import pytest
from django.contrib.auth.models import AnonymousUser, Group
from django.template import Context, Template
from django.urls import reverse
from django.utils import timezone

from accounts import permissions
from accounts.backends import AuthenticationBackend
from accounts.models import User
from accounts.roles import Role
from dashboard import permissions as dashboard_permissions
from initiatives import permissions as initiative_permissions
from knowledgebase import permissions as knowledgebase_permissions
from lab import permissions as lab_permissions
from moderation import permissions as moderation_permissions
from tests.accounts.factories import UserFactory, staff_in_role, verify_email
from tests.html import elements, links, parse
from tests.initiatives.factories import InitiativeFactory

pytestmark = pytest.mark.django_db


def council_member_not_staff():
    member = UserFactory()
    verify_email(member)
    member.groups.add(Group.objects.get(name=Role.COUNCIL))
    return User.objects.get(pk=member.pk)


@pytest.fixture
def actors():
    resident = UserFactory()
    verify_email(resident)
    unverified = UserFactory()
    blocked = UserFactory(blocked_at=timezone.now())
    verify_email(blocked)
    inactive = UserFactory(is_active=False)
    verify_email(inactive)
    superuser = UserFactory(is_staff=True, is_superuser=True)
    verify_email(superuser)
    return {
        "anonymous": AnonymousUser(),
        "resident": User.objects.get(pk=resident.pk),
        "unverified": User.objects.get(pk=unverified.pk),
        "blocked": User.objects.get(pk=blocked.pk),
        "inactive": User.objects.get(pk=inactive.pk),
        "moderator": staff_in_role(Role.MODERATOR),
        "council": staff_in_role(Role.COUNCIL),
        "council_not_staff": council_member_not_staff(),
        "ombuds": staff_in_role(Role.OMBUDS),
        "superuser": User.objects.get(pk=superuser.pk),
    }


def who(check, actors, *args):
    return {name for name, actor in actors.items() if check(actor, *args)}


SIGNED_IN = {
    "resident",
    "unverified",
    "blocked",
    "moderator",
    "council",
    "council_not_staff",
    "ombuds",
    "superuser",
}


def test_signed_in_means_an_active_account(actors):
    assert who(permissions.is_signed_in, actors) == SIGNED_IN


def test_posting_needs_a_confirmed_address_and_no_block(actors):
    assert who(permissions.can_post, actors) == {
        "resident",
        "moderator",
        "council",
        "council_not_staff",
        "ombuds",
        "superuser",
    }


def test_staff_with_a_permission_is_staff_that_has_it_through_a_role_or_as_superuser(actors):
    assert who(permissions.is_staff_with, actors, "moderation.change_report") == {"moderator", "superuser"}
    assert who(permissions.is_staff_with, actors, "initiatives.view_initiative") == {
        "moderator",
        "council",
        "superuser",
    }


def test_a_role_is_membership_of_its_group_not_a_permission(actors):
    assert who(permissions.in_role, actors, Role.COUNCIL) == {"council", "council_not_staff"}
    assert who(permissions.in_role, actors, Role.OMBUDS) == {"ombuds"}


def test_the_management_site_is_for_active_staff(actors):
    assert who(permissions.can_use_management_site, actors) == {"moderator", "council", "ombuds", "superuser"}


def test_the_signed_in_person_comes_with_their_roles_so_asking_one_costs_no_query(
    actors, django_assert_num_queries
):
    loaded = AuthenticationBackend().get_user(actors["council_not_staff"].pk)
    resident = AuthenticationBackend().get_user(actors["resident"].pk)

    with django_assert_num_queries(0):
        assert permissions.in_role(loaded, Role.COUNCIL)
        assert not permissions.in_role(loaded, Role.OMBUDS)
        assert not permissions.in_role(resident, Role.COUNCIL)
        assert dashboard_permissions.can_view_dashboard(loaded)
        assert not dashboard_permissions.can_view_dashboard(resident)


def test_an_inactive_account_is_not_loaded_as_signed_in(actors):
    assert AuthenticationBackend().get_user(actors["inactive"].pk) is None


# --- Rules by name ---------------------------------------------------------------------------------------

PERMISSION_MODULES = {
    "accounts": permissions,
    "initiatives": initiative_permissions,
    "knowledgebase": knowledgebase_permissions,
    "moderation": moderation_permissions,
    "lab": lab_permissions,
    "dashboard": dashboard_permissions,
}


def test_every_rule_of_every_permission_module_can_be_asked_by_name():
    expected = {
        f"{app}.{name.removeprefix('can_')}"
        for app, module in PERMISSION_MODULES.items()
        for name, function in vars(module).items()
        if name.startswith("can_") and callable(function) and function.__module__ == module.__name__
    }

    assert set(permissions.rule_names()) == expected
    assert "initiatives.post" not in expected  # what a module imports is asked in the app that owns it


def test_asking_by_name_asks_the_same_function(actors):
    initiative = InitiativeFactory(draft=True, created_by=actors["resident"])

    for actor in actors.values():
        assert permissions.ask("initiatives.edit_initiative", actor, initiative) == (
            initiative_permissions.can_edit_initiative(actor, initiative)
        )
        assert permissions.ask("dashboard.view_dashboard", actor) == dashboard_permissions.can_view_dashboard(
            actor
        )


def test_a_rule_nobody_registered_is_an_error_not_a_no():
    with pytest.raises(LookupError, match=r"initiatives\.fly"):
        permissions.ask("initiatives.fly", AnonymousUser())


def test_the_may_tag_asks_the_rule(actors):
    template = Template('{% load permissions %}{% may "moderation.moderate" user as can %}{{ can }}')

    answers = {name: template.render(Context({"user": actor})) for name, actor in actors.items()}

    assert {name for name, answer in answers.items() if answer == "True"} == {"moderator", "superuser"}


# --- The account menu asks what the pages behind it ask ---------------------------------------------------


@pytest.mark.parametrize(
    ("who_", "dashboard", "management"),
    [
        ("resident", False, False),
        ("council_not_staff", True, False),
        ("council", True, True),
        ("moderator", True, True),
    ],
)
def test_the_account_menu_offers_the_dashboard_and_management_to_whom_they_let_in(
    client, actors, who_, dashboard, management
):
    client.force_login(actors[who_])

    [menu] = elements(parse(client.get(reverse("home"))), "nav", cls="loket-account-nav")

    assert (reverse("dashboard:index") in links(menu)) is dashboard
    assert (reverse("admin:index") in links(menu)) is management
    assert (client.get(reverse("dashboard:index")).status_code == 200) is dashboard
