"""One way in: the site's login (allauth, with its rate limits, confirmed address and second step) is the
only form that takes a password for an account. The management site's own login, password change and
logout send people to the site's pages; nobody is logged in by posting a password anywhere else."""

import pytest
from django.urls import NoReverseMatch, reverse

from accounts.models import User
from tests.accounts.factories import PASSWORD, UserFactory, staff_in_role, verify_email
from tests.accounts.helpers import logged_in_user_id
from tests.html import elements, parse

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser():
    boss = UserFactory(is_staff=True, is_superuser=True, display_name="Baas")
    verify_email(boss)
    return boss


def password_fields(response) -> list:
    return elements(parse(response), "input", type="password")


def test_anonymous_visitor_of_the_management_site_is_sent_to_the_sites_login(client):
    response = client.get("/beheer/accounts/user/", follow=True)

    assert response.redirect_chain[-1][0] == f"{reverse('account_login')}?next=/beheer/accounts/user/"
    assert response.status_code == 200


def test_the_admins_login_page_sends_anonymous_visitors_to_the_sites_login_keeping_next(client):
    response = client.get(reverse("admin:login"), {"next": "/beheer/moderation/report/wachtrij/"})

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next=/beheer/moderation/report/wachtrij/"


@pytest.mark.parametrize("who", ["resident", "staff", "superuser"])
def test_posting_a_password_to_the_admins_login_logs_nobody_in(client, who, user, superuser):
    person = {"resident": user, "staff": staff_in_role("moderators"), "superuser": superuser}[who]

    response = client.post(
        reverse("admin:login"), {"username": person.email, "password": PASSWORD, "next": "/beheer/"}
    )

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert logged_in_user_id(client) is None


def test_thirty_wrong_passwords_and_the_right_one_at_the_admins_login_log_nobody_in(client, superuser):
    for attempt in range(30):
        client.post(reverse("admin:login"), {"username": superuser.email, "password": f"gok-{attempt}"})

    client.post(reverse("admin:login"), {"username": superuser.email, "password": PASSWORD})

    assert logged_in_user_id(client) is None


def test_a_signed_in_resident_cannot_log_in_as_the_superuser_at_the_admins_login(client, user, superuser):
    client.force_login(user)

    response = client.post(
        reverse("admin:login"), {"username": superuser.email, "password": PASSWORD, "next": "/beheer/"}
    )

    assert response.status_code == 403
    assert logged_in_user_id(client) == str(user.pk)


@pytest.mark.parametrize("address", ["/beheer/", "/beheer/login/", "/beheer/accounts/user/"])
def test_a_signed_in_resident_gets_a_dutch_403_at_the_management_site_never_a_password_form(
    client_logged_in, address
):
    response = client_logged_in.get(address, follow=True)

    assert response.status_code == 403
    assert "Je hebt geen toegang tot deze pagina" in response.content.decode()
    assert password_fields(response) == []


def test_staff_who_are_in_already_pass_the_admins_login_to_where_they_were_going(client):
    client.force_login(staff_in_role("moderators"))

    response = client.get(reverse("admin:login"), {"next": "/beheer/initiatives/initiative/"})

    assert response.status_code == 302
    assert response["Location"] == "/beheer/initiatives/initiative/"


def test_the_admins_login_never_sends_anyone_to_another_site(client):
    client.force_login(staff_in_role("moderators"))

    response = client.get(reverse("admin:login"), {"next": "https://elders.example/"})

    assert response["Location"] == reverse("admin:index")


def test_the_admins_password_change_is_the_sites_password_change(client):
    client.force_login(staff_in_role("editors"))

    for name in ["admin:password_change", "admin:password_change_done"]:
        response = client.get(reverse(name))

        assert response.status_code == 302
        assert response["Location"] == reverse("account_change_password")


def test_logging_out_of_the_management_site_logs_out_through_the_sites_logout(client):
    client.force_login(staff_in_role("editors"))

    response = client.post(reverse("admin:logout"), follow=True)

    assert response.redirect_chain[0] == (reverse("account_logout"), 307)
    assert logged_in_user_id(client) is None


def test_the_api_has_no_login_form_of_its_own(client):
    with pytest.raises(NoReverseMatch):
        reverse("rest_framework:login")
    assert client.get("/api/auth/login/").status_code == 404


def test_staff_log_in_on_the_site_with_their_code_and_reach_the_management_site(client):
    from tests.accounts.factories import app_code

    moderator = staff_in_role("moderators")

    response = client.post(reverse("account_login"), {"login": moderator.email, "password": PASSWORD})
    assert response["Location"] == reverse("mfa_authenticate")
    assert logged_in_user_id(client) is None
    client.post(reverse("mfa_authenticate"), {"code": app_code(moderator)})

    assert logged_in_user_id(client) == str(moderator.pk)
    assert client.get("/beheer/").status_code == 200


def test_the_admins_login_form_is_gone_for_everyone(client, user):
    """What the issue found: 30 wrong passwords and then the right one at /beheer/login/, as a signed-in
    resident, made them the superuser. Now the form is not even shown."""
    client.force_login(user)

    assert password_fields(client.get(reverse("admin:login"))) == []
    assert User.objects.get(pk=user.pk).is_staff is False
