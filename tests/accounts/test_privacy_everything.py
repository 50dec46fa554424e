"""The whole promise at once (AVG/GDPR): a person who did everything the site allows downloads their data
and finds every text of theirs in it; then they delete the account, and no table of the database holds
their address, their name or a text only they wrote. What they wrote for a team that goes on stays with
it, without their name. Run on SQLite and on PostgreSQL (.ci/run runs both)."""

import json

import pytest
from django.urls import reverse

from accounts.models import User
from accounts.services import user_delete
from tests.accounts.factories import PASSWORD, UserFactory, verify_email
from tests.accounts.helpers import logged_in_user_id
from tests.accounts.privacy_helpers import admin_change_account, rows_containing
from tests.accounts.privacy_person import EMAIL, NAME, a_person_who_did_everything
from tests.places.factories import AreaFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media_root")]


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.DOCUMENTS_ROOT = tmp_path / "documents"
    return tmp_path


@pytest.fixture
def person(client):
    person = a_person_who_did_everything()
    # Signed in on another device through the login form (that session holds the address typed).
    response = client.post(reverse("account_login"), {"login": EMAIL, "password": PASSWORD})
    assert response.status_code == 302
    # And an administrator changed the account in the management site (its history names the account).
    administrator = UserFactory(is_staff=True, is_superuser=True)
    verify_email(administrator)
    admin_client = client.__class__()
    admin_client.force_login(administrator)
    admin_change_account(admin_client, person.user, area=str(AreaFactory().pk))
    return person


def test_the_export_holds_every_text_the_person_wrote(client, person):
    client.force_login(person.user)

    data = client.get(reverse("accounts:data_export")).content.decode()

    json.loads(data)
    for text in [EMAIL, NAME, *person.mine.values(), *person.team.values()]:
        assert text in data, text


def test_after_erasure_no_table_holds_their_address_name_or_words(
    client, person, django_capture_on_commit_callbacks
):
    before = rows_containing(EMAIL, NAME, *person.words)
    assert {table for table, _column, _value in before} >= {
        "initiatives_teaminvitation",
        "moderation_moderationaction",
        "django_admin_log",
        "django_session",
        "taggit_tag",
        "core_failedtask",
    }, "the person did not leave the traces the test is about"
    device = client.__class__()
    device.force_login(person.user)

    with django_capture_on_commit_callbacks(execute=True):
        response = device.post(reverse("accounts:account_delete"), {"password": PASSWORD})

    assert response.status_code == 302
    assert not User.objects.filter(pk=person.user.pk).exists()
    assert rows_containing(EMAIL, NAME, *person.words) == []
    assert logged_in_user_id(client) is None  # the other device is signed out too
    assert not [path for path in person.gone_files if path.exists()]


def test_after_erasure_what_they_wrote_for_the_team_stays_without_their_name(
    person, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        user_delete(user=person.user)

    for key, text in person.team.items():
        assert rows_containing(f"zq{key}"), f"the team's {key} is gone: {text}"
    assert all(path.exists() for path in person.kept_files)
    assert rows_containing(EMAIL, NAME) == []
