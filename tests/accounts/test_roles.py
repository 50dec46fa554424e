import pytest
from django.contrib.auth.models import Group, Permission

from accounts.models import User
from accounts.roles import ROLE_PERMISSIONS, Role, sync_role_groups
from tests.accounts.factories import UserFactory, staff_in_role

pytestmark = pytest.mark.django_db


def permissions_of(group: Group) -> set[str]:
    return {
        f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.select_related("content_type")
    }


def test_migrations_create_exactly_the_four_role_groups():
    assert set(Group.objects.values_list("name", flat=True)) == {
        "moderators",
        "editors",
        "council",
        "ombuds",
    }


@pytest.mark.parametrize("role", list(Role))
def test_each_role_group_has_exactly_its_listed_permissions(role):
    assert permissions_of(Group.objects.get(name=role.value)) == set(ROLE_PERMISSIONS[role])


def test_syncing_role_groups_twice_changes_nothing():
    before = {group.name: permissions_of(group) for group in Group.objects.all()}

    sync_role_groups()
    sync_role_groups()

    assert {group.name: permissions_of(group) for group in Group.objects.all()} == before
    assert Group.objects.count() == 4


def test_syncing_restores_a_removed_permission_and_drops_an_added_one():
    editors = Group.objects.get(name=Role.EDITOR.value)
    editors.permissions.remove(Permission.objects.get(codename="change_concept"))
    editors.permissions.add(Permission.objects.get(codename="delete_user"))

    sync_role_groups()

    assert permissions_of(editors) == set(ROLE_PERMISSIONS[Role.EDITOR])


def test_syncing_recreates_a_deleted_group():
    Group.objects.filter(name=Role.OMBUDS.value).delete()

    sync_role_groups()

    assert permissions_of(Group.objects.get(name=Role.OMBUDS.value)) == set(ROLE_PERMISSIONS[Role.OMBUDS])


MOD, EDIT, COUNCIL, OMBUDS = Role.MODERATOR, Role.EDITOR, Role.COUNCIL, Role.OMBUDS

# Which role may do what, written out by hand: a change to ROLE_PERMISSIONS must be a decision.
ALLOWED = {
    "accounts.view_user": {MOD, OMBUDS, EDIT},
    "accounts.change_user": set(),
    "accounts.delete_user": set(),
    "auth.change_group": set(),
    "places.view_area": {MOD, EDIT, COUNCIL},
    "places.add_area": {EDIT},
    "places.change_area": {EDIT},
    "places.delete_area": set(),
    "flywheels.view_flywheel": {MOD, EDIT, COUNCIL},
    "flywheels.change_flywheel": {EDIT},
    "flywheels.delete_flywheel": set(),
    "flywheels.view_concept": {MOD, EDIT, COUNCIL},
    "flywheels.add_concept": {EDIT},
    "flywheels.change_concept": {EDIT},
    "flywheels.delete_concept": set(),
    "knowledgebase.view_article": {MOD, EDIT, COUNCIL},
    "knowledgebase.add_article": {EDIT},
    "knowledgebase.change_article": {EDIT},
    "knowledgebase.delete_article": {EDIT},
    "knowledgebase.view_caseanalysis": {MOD, EDIT, COUNCIL},
    "knowledgebase.add_caseanalysis": {MOD, EDIT},
    "knowledgebase.change_caseanalysis": {MOD, EDIT},
    "knowledgebase.delete_caseanalysis": {EDIT},
    "knowledgebase.change_conceptfinding": {MOD, EDIT},
    "knowledgebase.view_page": {EDIT},
    "knowledgebase.change_page": {EDIT},
    "knowledgebase.add_page": set(),
    "knowledgebase.delete_page": set(),
    "moderation.view_report": {MOD},
    "moderation.change_report": {MOD},
    "moderation.delete_report": set(),
    "moderation.view_moderationaction": {MOD},
    "moderation.change_moderationaction": set(),
    "moderation.delete_moderationaction": set(),
    "lab.view_labsession": {OMBUDS},
    "lab.change_labsession": {OMBUDS},
    "lab.view_signal": {OMBUDS},
    "lab.change_signal": {OMBUDS},
    "lab.delete_signal": set(),
}
MATRIX = [(role, perm, role in roles) for perm, roles in ALLOWED.items() for role in Role]


@pytest.mark.parametrize(("role", "perm", "expected"), MATRIX, ids=[f"{r.value}-{p}" for r, p, _ in MATRIX])
def test_staff_member_in_role_has_exactly_the_permissions_of_the_role(role, perm, expected):
    member = staff_in_role(role.value)

    assert member.has_perm(perm) is expected


@pytest.mark.parametrize("perm", list(ALLOWED))
def test_resident_without_role_has_no_staff_permission(perm):
    assert UserFactory().has_perm(perm) is False


def test_superuser_has_every_permission():
    admin = User.objects.create_superuser(email="beheer@example.org", password="x", display_name="Beheer")

    assert all(admin.has_perm(perm) for perm in ALLOWED)
