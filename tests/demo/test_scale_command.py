"""`manage.py loket_scale` refuses in production and on a database with content, unless told to add to it
(--append) or to empty it first (--flush). Each test starts from the migrated, empty database."""

import io

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command

from accounts.models import User
from accounts.roles import Role
from flywheels.models import Concept
from initiatives.models import Initiative
from knowledgebase.models import Page
from places.models import Area
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db

SMALL = 20


@pytest.fixture(autouse=True)
def _fresh_content_types():
    """--flush makes the content types anew; the rollback after the test brings back the old ids, which
    the cache of content types must not hide from the next test."""
    yield
    ContentType.objects.clear_cache()


def scale(**options):
    call_command("loket_scale", initiatives=SMALL, stdout=io.StringIO(), **options)


def titles():
    return list(Initiative.objects.order_by("created_at").values_list("title", flat=True))


def test_scale_refuses_when_debug_is_off(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="DEBUG"):
        scale()

    assert not Initiative.objects.exists()


def test_scale_runs_when_debug_is_on(settings):
    settings.DEBUG = True

    scale()

    assert Initiative.objects.count() == SMALL


def test_scale_refuses_a_database_with_content():
    UserFactory()

    with pytest.raises(CommandError, match="--append"):
        scale(force=True)

    assert not Initiative.objects.exists()


def test_scale_appends_when_asked():
    scale(force=True)
    users = User.objects.count()

    scale(force=True, append=True, seed=2)

    assert Initiative.objects.count() == 2 * SMALL
    assert User.objects.count() == 2 * users


def test_scale_flush_empties_the_database_and_keeps_the_reference_data():
    UserFactory(email="someone@example.org")
    reference = (Area.objects.count(), Concept.objects.count(), Page.objects.count())

    scale(force=True, flush=True)

    assert not User.objects.filter(email="someone@example.org").exists()
    assert Initiative.objects.count() == SMALL
    assert (Area.objects.count(), Concept.objects.count(), Page.objects.count()) == reference
    assert Group.objects.get(name=Role.COUNCIL).permissions.exists()


def test_the_same_seed_gives_the_same_content_and_another_seed_other_content():
    scale(force=True, seed=7)
    first = titles()

    scale(force=True, flush=True, seed=7)
    again = titles()
    scale(force=True, flush=True, seed=8)

    assert first == again
    assert titles() != first


def test_append_and_flush_go_not_together():
    with pytest.raises(CommandError):
        scale(force=True, append=True, flush=True)
