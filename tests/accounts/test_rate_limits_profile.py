"""The profile and the account's own pages: profile updates are rate limited and closed to a blocked
account (the display name is shown next to what it posted); deleting the account stays open to it, with a
limit that also stops guessing the password; the data export is a download, never a POST."""

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from core.ratelimit import TOO_MANY_MESSAGE
from tests.accounts.factories import PASSWORD

pytestmark = pytest.mark.django_db

PROFILE = reverse("accounts:profile_edit")
DELETE = reverse("accounts:account_delete")


def _block(person):
    User.objects.filter(pk=person.pk).update(blocked_at=timezone.now(), block_kind="soft")


def test_profile_updates_past_the_limit_get_429_and_keep_what_was_typed(client_logged_in, user, settings):
    settings.LOKET_POSTING_RATES = {"profile": "1/h"}
    assert client_logged_in.post(PROFILE, {"display_name": "Bea B.", "area": ""}).status_code == 302

    response = client_logged_in.post(PROFILE, {"display_name": "Bea de Bakker", "area": ""})

    assert response.status_code == 429
    assert str(TOO_MANY_MESSAGE) in response.context["form"].non_field_errors()
    assert 'value="Bea de Bakker"' in response.content.decode()
    assert User.objects.get(pk=user.pk).display_name == "Bea B."


def test_the_default_limit_allows_ten_profile_updates_an_hour(client_logged_in):
    statuses = [
        client_logged_in.post(PROFILE, {"display_name": f"Bea {n}", "area": ""}).status_code
        for n in range(11)
    ]

    assert statuses == [302] * 10 + [429]


def test_a_blocked_person_cannot_change_their_display_name(client, user):
    _block(user)
    client.force_login(user)

    response = client.post(PROFILE, {"display_name": "Iets grofs", "area": ""})

    assert response.status_code == 403
    assert "Je account is geblokkeerd" in response.content.decode()
    assert User.objects.get(pk=user.pk).display_name == "Bea"


def test_a_blocked_person_can_still_delete_their_account(client, user):
    _block(user)
    client.force_login(user)

    response = client.post(DELETE, {"password": PASSWORD})

    assert response.status_code == 302
    assert not User.objects.filter(pk=user.pk).exists()


def test_after_five_wrong_passwords_the_delete_form_waits_even_for_the_right_one(client_logged_in, user):
    for _attempt in range(5):
        assert client_logged_in.post(DELETE, {"password": "geraden"}).status_code == 200

    response = client_logged_in.post(DELETE, {"password": PASSWORD})

    assert response.status_code == 429
    assert "korte tijd" in response.content.decode()
    assert User.objects.filter(pk=user.pk).exists()


def test_the_data_export_is_a_download_not_a_post(client_logged_in):
    assert client_logged_in.get(reverse("accounts:data_export")).status_code == 200
    assert client_logged_in.post(reverse("accounts:data_export")).status_code == 405
