"""Two-step verification: required for staff (accounts/second_factor.py), allauth.mfa's app and recovery
codes. Tests here ask for `real_second_step`, so `force_login` gives a session that has not had it."""

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value, yield_hotp_counters_from_time
from django.urls import reverse

from tests.accounts.factories import PASSWORD, app_code, recovery_codes, staff_in_role
from tests.accounts.helpers import logged_in_user_id

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("real_second_step")]


def visited(response) -> list[str]:
    return [url.split("?")[0] for url, _status in response.redirect_chain]


def code_for(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, next(iter(yield_hotp_counters_from_time()))))


def log_in(client, person, **extra):
    return client.post(reverse("account_login"), {"login": person.email, "password": PASSWORD, **extra})


def test_staff_without_the_app_are_sent_to_set_it_up_before_any_management_page(client):
    client.force_login(staff_in_role("moderators", authenticator_app=False))

    response = client.get("/beheer/initiatives/initiative/", follow=True)

    assert reverse("mfa_activate_totp") in visited(response)
    assert "tweestapsverificatie" in response.content.decode()
    assert client.get("/beheer/").status_code == 302


@pytest.mark.parametrize("address", ["/", "/initiatieven/wachtrij/", "/account/profiel/", "/dashboard/"])
def test_staff_without_their_second_step_use_no_page_of_the_site_as_staff(client, address):
    client.force_login(staff_in_role("council", authenticator_app=False))

    response = client.get(address)

    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")


def test_staff_set_up_the_app_see_their_recovery_codes_and_then_reach_the_management_site(client):
    editor = staff_in_role("editors", authenticator_app=False)
    log_in(client, editor)
    assert logged_in_user_id(client) == str(editor.pk)  # no app yet: nothing more to ask at login

    response = client.get("/beheer/", follow=True)  # the login just asked the password: not again

    assert visited(response) == [reverse("admin:login"), reverse("mfa_activate_totp")]
    secret = response.context["form"].secret
    response = client.post(reverse("mfa_activate_totp"), {"code": code_for(secret)}, follow=True)

    assert visited(response) == [reverse("mfa_view_recovery_codes")]
    shown = response.content.decode()
    assert len(recovery_codes(editor)) == 10
    assert all(code in shown for code in recovery_codes(editor))
    assert 'href="/beheer/"' in shown
    assert client.get("/beheer/").status_code == 200


def test_staff_with_the_app_whose_session_had_no_second_step_give_a_code_first(client):
    moderator = staff_in_role("moderators")
    client.force_login(moderator)

    response = client.get("/beheer/initiatives/initiative/")
    assert response.status_code == 302
    response = client.get(response["Location"])
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("mfa_reauthenticate"))

    response = client.post(response["Location"], {"code": app_code(moderator)})

    assert response["Location"] == "/beheer/initiatives/initiative/"
    assert client.get("/beheer/initiatives/initiative/").status_code == 200


def test_login_of_staff_with_the_app_asks_for_the_code(client):
    ombuds = staff_in_role("ombuds")

    response = log_in(client, ombuds)

    assert response["Location"] == reverse("mfa_authenticate")
    assert logged_in_user_id(client) is None
    page = client.get(reverse("mfa_authenticate")).content.decode()
    assert "Vul je code in" in page


def test_a_wrong_code_logs_nobody_in(client):
    ombuds = staff_in_role("ombuds")
    log_in(client, ombuds)

    response = client.post(reverse("mfa_authenticate"), {"code": "000000"})

    assert response.status_code == 200
    assert logged_in_user_id(client) is None


def test_a_recovery_code_logs_in_once(client):
    editor = staff_in_role("editors")
    code = recovery_codes(editor)[0]
    log_in(client, editor)

    client.post(reverse("mfa_authenticate"), {"code": code})

    assert logged_in_user_id(client) == str(editor.pk)
    assert client.get("/beheer/").status_code == 200
    client.post(reverse("account_logout"))
    log_in(client, editor)
    client.post(reverse("mfa_authenticate"), {"code": code})
    assert logged_in_user_id(client) is None


def reauthenticate_with_the_app(client, person):
    response = client.post(reverse("mfa_reauthenticate"), {"code": app_code(person)})
    assert response.status_code == 302


def test_staff_cannot_turn_off_the_app(client):
    moderator = staff_in_role("moderators")
    client.force_login(moderator)
    reauthenticate_with_the_app(client, moderator)

    response = client.post(reverse("mfa_deactivate_totp"))

    assert response.status_code == 200
    assert "Medewerkers kunnen tweestapsverificatie niet uitzetten" in response.content.decode()
    assert Authenticator.objects.filter(user=moderator, type=Authenticator.Type.TOTP).exists()


def test_a_resident_may_turn_the_app_on_and_off(client, user):
    from tests.accounts.factories import give_authenticator_app

    give_authenticator_app(user)
    client.force_login(user)
    reauthenticate_with_the_app(client, user)

    response = client.post(reverse("mfa_deactivate_totp"))

    assert response.status_code == 302
    assert not Authenticator.objects.filter(user=user).exists()


def test_residents_owe_no_second_step(client, user):
    client.force_login(user)

    assert client.get(reverse("accounts:profile_edit")).status_code == 200


@pytest.mark.parametrize("name", ["mfa_index", "mfa_activate_totp"])
def test_the_pages_of_two_step_verification_speak_plain_dutch_in_the_sites_layout(client, user, name):
    client.force_login(user)
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})

    response = client.get(reverse(name))

    content = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="nl"' in content
    assert "Tweestapsverificatie" in content or "tweestapsverificatie" in content
    assert "Two-Factor" not in content
    assert 'href="/account/2fa/"' in content  # the account menu links here


def test_the_management_site_shows_no_secret_of_an_app(client):
    boss = staff_in_role("moderators", is_superuser=True)
    editor = staff_in_role("editors")
    app = Authenticator.objects.get(user=editor, type=Authenticator.Type.TOTP)
    client.force_login(boss)
    reauthenticate_with_the_app(client, boss)

    listing = client.get(reverse("admin:mfa_authenticator_changelist")).content.decode()
    page = client.get(reverse("admin:mfa_authenticator_change", args=[app.pk])).content.decode()

    assert editor.display_name in listing
    assert app.data["secret"] not in listing + page
    client.post(reverse("admin:mfa_authenticator_delete", args=[app.pk]), {"post": "yes"})
    assert not Authenticator.objects.filter(pk=app.pk).exists()


def test_changing_two_step_verification_long_after_logging_in_asks_to_show_it_is_you_first(client):
    moderator = staff_in_role("moderators")
    client.force_login(moderator)  # no login in the last minutes in this session

    response = client.get(reverse("mfa_generate_recovery_codes"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_reauthenticate"))


def test_the_data_export_says_what_was_set_up_but_holds_no_secret(client):
    from accounts.services import user_export_data

    editor = staff_in_role("editors")
    secret = Authenticator.objects.get(user=editor, type=Authenticator.Type.TOTP).data["secret"]

    section = user_export_data(user=editor)["authenticators"]

    assert len(section) == 2  # the app and the recovery codes
    assert all(entry["created"] for entry in section)
    assert secret not in str(section)
    assert not any(code in str(section) for code in recovery_codes(editor))
