"""The number of supporters stored on the initiative (`support_count`) follows the Support rows on every
way they come and go: a support, a withdrawal, a deleted account (by the person or in the management
site), the migration that fills it, and an initiative saved whole after someone supported it."""

import importlib

import pytest
from django.apps import apps
from django.urls import reverse

from accounts.models import User
from accounts.services import user_delete
from initiatives.choices import Stage
from initiatives.models import Initiative, Support
from initiatives.services.authoring import initiative_update
from initiatives.services.participation import support_add, support_toggle, support_withdraw
from tests.accounts.factories import UserFactory
from tests.initiatives.factories import InitiativeFactory, SupportFactory, VerifiedUserFactory

pytestmark = pytest.mark.django_db


def stored(initiative) -> int:
    return Initiative.objects.values_list("support_count", flat=True).get(pk=initiative.pk)


def rows(initiative) -> int:
    return Support.objects.filter(initiative=initiative).count()


def test_a_support_adds_one_and_a_second_click_adds_nothing():
    initiative, resident = InitiativeFactory(), VerifiedUserFactory()

    support_add(initiative=initiative, user=resident)
    support_add(initiative=initiative, user=resident, is_named=True)

    assert stored(initiative) == rows(initiative) == 1


def test_withdrawing_takes_one_off_and_withdrawing_again_nothing():
    initiative = InitiativeFactory()
    resident, neighbour = VerifiedUserFactory.create_batch(2)
    support_add(initiative=initiative, user=resident)
    support_add(initiative=initiative, user=neighbour)

    assert support_withdraw(initiative=initiative, user=resident) is True
    assert support_withdraw(initiative=initiative, user=resident) is False

    assert stored(initiative) == rows(initiative) == 1


def test_toggling_counts_both_ways():
    initiative, resident = InitiativeFactory(), VerifiedUserFactory()

    support_toggle(initiative=initiative, user=resident)
    assert stored(initiative) == 1
    support_toggle(initiative=initiative, user=resident)
    assert stored(initiative) == rows(initiative) == 0


def test_a_deleted_account_leaves_the_counts_of_what_it_supported_and_no_other():
    supported, also_supported, untouched = InitiativeFactory.create_batch(3)
    leaving, staying = VerifiedUserFactory.create_batch(2)
    for initiative in (supported, also_supported):
        support_add(initiative=initiative, user=leaving)
        support_add(initiative=initiative, user=staying)
    support_add(initiative=untouched, user=staying)

    user_delete(user=leaving)

    for initiative in (supported, also_supported, untouched):
        assert stored(initiative) == rows(initiative) == 1


def test_an_account_deleted_in_the_management_site_leaves_the_counts_too(client):
    boss = UserFactory(is_staff=True, is_superuser=True)
    initiative = InitiativeFactory()
    leaving, staying = VerifiedUserFactory.create_batch(2)
    support_add(initiative=initiative, user=leaving)
    support_add(initiative=initiative, user=staying)
    client.force_login(boss)

    response = client.post(reverse("admin:accounts_user_delete", args=[leaving.pk]), {"post": "yes"})

    assert response.status_code == 302
    assert not User.objects.filter(pk=leaving.pk).exists()
    assert stored(initiative) == rows(initiative) == 1


def test_accounts_deleted_together_in_the_management_site_leave_the_counts_too(client):
    boss = UserFactory(is_staff=True, is_superuser=True)
    initiative = InitiativeFactory()
    leaving = VerifiedUserFactory.create_batch(2)
    for person in [*leaving, VerifiedUserFactory()]:
        support_add(initiative=initiative, user=person)
    client.force_login(boss)

    response = client.post(
        reverse("admin:accounts_user_changelist"),
        {"action": "delete_selected", "_selected_action": [p.pk for p in leaving], "post": "yes"},
    )

    assert response.status_code == 302
    assert stored(initiative) == rows(initiative) == 1


def test_an_initiative_read_before_a_support_and_saved_whole_keeps_the_support():
    initiative = InitiativeFactory(stage=Stage.IDEA)
    read_before = Initiative.objects.get(pk=initiative.pk)
    support_add(initiative=initiative, user=VerifiedUserFactory())

    initiative_update(initiative=read_before, by=initiative.created_by, stage=Stage.PREPARING)

    assert stored(initiative) == rows(initiative) == 1
    assert Initiative.objects.get(pk=initiative.pk).stage == Stage.PREPARING


def test_the_migration_counts_the_supports_already_there():
    counted, empty = InitiativeFactory.create_batch(2)
    SupportFactory.create_batch(3, initiative=counted)
    Initiative.objects.update(support_count=7)
    migration = importlib.import_module("initiatives.migrations.0008_support_count")

    migration.count_the_supports(apps, None)

    assert stored(counted) == 3
    assert stored(empty) == 0
