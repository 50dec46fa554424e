"""Who may see the council's dashboard and download its numbers: the council group and staff. Everyone
else signed in gets a 403, a visitor the login page. One table for the permission, the page and the CSV."""

import pytest
from django.contrib.auth.models import AnonymousUser, Group
from django.urls import reverse

from accounts.models import User
from accounts.roles import Role
from dashboard.permissions import can_view_dashboard
from tests.accounts.factories import UserFactory, staff_in_role, verify_email
from tests.dashboard.helpers import CSV, INDEX
from tests.initiatives.factories import InitiativeFactory, VerifiedUserFactory

pytestmark = pytest.mark.django_db

ALLOWED = {
    "council",
    "council_not_staff",  # a council or college member need not be a civil servant
    "moderator",
    "editor",
    "ombuds",
    "staff_without_role",
    "superuser",
}
DENIED = {"resident", "unverified", "initiator"}
SIGNED_OUT = {"anonymous", "inactive_council"}  # an inactive account cannot be signed in


def make_actor(name):
    if name == "anonymous":
        return AnonymousUser()
    if name == "resident":
        return VerifiedUserFactory()
    if name == "unverified":
        return UserFactory()
    if name == "initiator":
        return InitiativeFactory().created_by
    if name == "council":
        return staff_in_role(Role.COUNCIL)
    if name == "council_not_staff":
        member = VerifiedUserFactory()
        member.groups.add(Group.objects.get(name=Role.COUNCIL))
        return User.objects.get(pk=member.pk)
    if name == "inactive_council":
        return staff_in_role(Role.COUNCIL, is_active=False)
    if name == "moderator":
        return staff_in_role(Role.MODERATOR)
    if name == "editor":
        return staff_in_role(Role.EDITOR)
    if name == "ombuds":
        return staff_in_role(Role.OMBUDS)
    if name == "staff_without_role":
        return VerifiedUserFactory(is_staff=True)
    if name == "superuser":
        superuser = UserFactory(is_staff=True, is_superuser=True)
        verify_email(superuser)
        return superuser
    raise AssertionError(name)


ACTORS = sorted(ALLOWED | DENIED | SIGNED_OUT)


@pytest.mark.parametrize("name", ACTORS)
def test_permission_table(name):
    assert can_view_dashboard(make_actor(name)) is (name in ALLOWED)


@pytest.mark.parametrize("url", [INDEX, CSV], ids=["page", "csv"])
@pytest.mark.parametrize("name", ACTORS)
def test_who_gets_the_dashboard_and_its_csv(client, name, url):
    actor = make_actor(name)
    if not isinstance(actor, AnonymousUser):
        client.force_login(actor)

    response = client.get(url)

    if name in ALLOWED:
        assert response.status_code == 200
    elif name in DENIED:
        assert response.status_code == 403
    else:
        assert response.status_code == 302
        login = reverse("account_login")
        assert response["Location"].startswith(f"{login}?next=")
        assert url in response["Location"]


@pytest.mark.parametrize("url", [INDEX, CSV], ids=["page", "csv"])
def test_a_denied_user_never_sees_a_number(client, url):
    """The 403 is a page of its own, not the dashboard with a warning on top."""
    InitiativeFactory.create_batch(3)
    client.force_login(VerifiedUserFactory())

    response = client.get(url)

    assert response.status_code == 403
    assert "figures" not in (response.context or {})
    assert not response.get("Content-Disposition")


@pytest.mark.parametrize("method", ["post", "put", "delete"])
def test_the_dashboard_only_answers_reading_requests(council_client, method):
    assert getattr(council_client, method)(INDEX).status_code == 405
    assert getattr(council_client, method)(CSV).status_code == 405


def test_csv_is_an_attachment_in_utf8(council_client):
    response = council_client.get(CSV)

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment;")
    assert 'filename="loket-cijfers-2025-06-15.csv"' in response["Content-Disposition"]
