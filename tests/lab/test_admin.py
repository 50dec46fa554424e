"""The samenwerkingslab in the management site (/beheer/lab/): the ombuds keep the sessions and read the
signals; no other role may touch either. Signals are never added or deleted there: they come from the
site, where the reporter is."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from accounts.roles import ROLE_PERMISSIONS, Role
from lab.models import LabSession, Signal, SignalStatus
from moderation.models import ActionKind, ModerationAction
from tests.accounts.factories import staff_in_role
from tests.lab.factories import LabSessionFactory, RegistrationFactory, SignalFactory, SignalMessageFactory

pytestmark = pytest.mark.django_db

LAB_PERMISSIONS = {
    "lab.view_labsession",
    "lab.add_labsession",
    "lab.change_labsession",
    "lab.delete_labsession",
    "lab.view_registration",
    "lab.view_signal",
    "lab.change_signal",
    "lab.view_signalmessage",
}
OTHER_ROLES = [Role.MODERATOR, Role.EDITOR, Role.COUNCIL]


def admin_url(model, view, *args):
    return reverse(f"admin:lab_{model}_{view}", args=args)


def signal_change_data(status):
    """What the change form of a signal posts: the status, and the empty management form of the
    (read-only) conversation."""
    return {
        "status": status,
        "messages-TOTAL_FORMS": "0",
        "messages-INITIAL_FORMS": "0",
        "messages-MIN_NUM_FORMS": "0",
        "messages-MAX_NUM_FORMS": "1000",
        "_save": "1",
    }


def test_ombuds_group_has_exactly_the_lab_permissions_it_needs():
    group = Group.objects.get(name=Role.OMBUDS)

    granted = {
        f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.select_related("content_type")
    }

    assert granted == set(ROLE_PERMISSIONS[Role.OMBUDS])
    assert {perm for perm in granted if perm.startswith("lab.")} == LAB_PERMISSIONS


@pytest.mark.parametrize("role", OTHER_ROLES)
def test_other_roles_have_no_lab_permission_at_all(role):
    assert not [perm for perm in ROLE_PERMISSIONS[role] if perm.startswith("lab.")]


@pytest.mark.parametrize(
    "url",
    [
        admin_url("labsession", "changelist"),
        admin_url("labsession", "add"),
        admin_url("signal", "changelist"),
    ],
)
def test_ombuds_opens_the_lab_pages_of_the_management_site(client, ombuds, url):
    client.force_login(ombuds)

    assert client.get(url).status_code == 200


def test_ombuds_sees_who_signed_up_for_a_session(client, ombuds):
    session = LabSessionFactory()
    registration = RegistrationFactory(session=session, user__display_name="Gerrit Deelnemer")
    client.force_login(ombuds)

    response = client.get(admin_url("labsession", "change", session.pk))

    assert response.status_code == 200
    assert registration.user.display_name in response.content.decode()


def test_ombuds_reads_a_signal_and_its_conversation_without_being_logged(client, ombuds):
    signal = SignalFactory(title="Een zorg over de subsidie")
    SignalMessageFactory(signal=signal, body="Een antwoord van de melder")
    client.force_login(ombuds)

    response = client.get(admin_url("signal", "change", signal.pk))

    assert response.status_code == 200
    content = response.content.decode()
    assert "Een zorg over de subsidie" in content
    assert "Een antwoord van de melder" in content
    assert not ModerationAction.objects.exists()


def test_ombuds_plans_a_session_in_the_management_site(client, ombuds):
    client.force_login(ombuds)

    response = client.post(
        admin_url("labsession", "add"),
        {
            "topic": "Samen subsidie aanvragen",
            "slug": "samen-subsidie",
            "description": "Hoe vraag je subsidie aan?",
            "starts_at_0": "2031-03-04",
            "starts_at_1": "19:30:00",
            "ends_at_0": "2031-03-04",
            "ends_at_1": "21:30:00",
            "place": "Stadhuis",
            "capacity": "12",
            "host": "",
            "is_published": "on",
            "report": "",
            "registrations-TOTAL_FORMS": "0",
            "registrations-INITIAL_FORMS": "0",
            "registrations-MIN_NUM_FORMS": "0",
            "registrations-MAX_NUM_FORMS": "1000",
            "_save": "1",
        },
    )

    assert response.status_code == 302
    session = LabSession.objects.get()
    assert (session.slug, session.capacity, session.is_published) == ("samen-subsidie", 12, True)


def test_session_that_ends_before_it_starts_is_refused_in_the_management_site(client, ombuds):
    client.force_login(ombuds)

    response = client.post(
        admin_url("labsession", "add"),
        {
            "topic": "Achterstevoren",
            "slug": "achterstevoren",
            "description": "x",
            "starts_at_0": "2031-03-04",
            "starts_at_1": "21:30:00",
            "ends_at_0": "2031-03-04",
            "ends_at_1": "19:30:00",
            "place": "Stadhuis",
            "capacity": "0",
            "registrations-TOTAL_FORMS": "0",
            "registrations-INITIAL_FORMS": "0",
            "registrations-MIN_NUM_FORMS": "0",
            "registrations-MAX_NUM_FORMS": "1000",
            "_save": "1",
        },
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.errors
    assert not LabSession.objects.exists()


def test_nobody_adds_or_deletes_a_signal_in_the_management_site(client, ombuds):
    signal = SignalFactory()
    client.force_login(ombuds)

    assert client.get(admin_url("signal", "add")).status_code == 403
    assert client.post(admin_url("signal", "delete", signal.pk), {"post": "yes"}).status_code == 403
    assert Signal.objects.filter(pk=signal.pk).exists()


@pytest.mark.parametrize("status", [SignalStatus.RESOLVED, SignalStatus.CLOSED])
def test_signal_closed_in_the_management_site_records_when(client, ombuds, status):
    # However the admin lets the ombuds move a signal on, `closed_at` says whether it is closed.
    signal = SignalFactory()
    client.force_login(ombuds)

    client.post(admin_url("signal", "change", signal.pk), signal_change_data(status))

    signal.refresh_from_db()
    assert signal.is_open == (signal.closed_at is None), (signal.status, signal.closed_at)


def test_ombuds_cannot_withdraw_a_signal_for_the_reporter_in_the_management_site(client, ombuds):
    signal = SignalFactory()
    client.force_login(ombuds)

    client.post(admin_url("signal", "change", signal.pk), signal_change_data(SignalStatus.WITHDRAWN))

    signal.refresh_from_db()
    assert signal.status != SignalStatus.WITHDRAWN


@pytest.mark.parametrize("role", OTHER_ROLES)
@pytest.mark.parametrize("view", ["changelist", "change", "history"])
def test_other_roles_get_403_on_signals_in_the_management_site(client, role, view):
    signal = SignalFactory(title="Alleen voor de ombuds")
    client.force_login(staff_in_role(role))

    response = client.get(admin_url("signal", view, *([signal.pk] if view != "changelist" else [])))

    assert response.status_code == 403
    assert "Alleen voor de ombuds" not in response.content.decode()


@pytest.mark.parametrize("role", OTHER_ROLES)
def test_other_roles_get_403_on_sessions_in_the_management_site(client, role):
    session = LabSessionFactory()
    client.force_login(staff_in_role(role))

    assert client.get(admin_url("labsession", "changelist")).status_code == 403
    assert client.get(admin_url("labsession", "change", session.pk)).status_code == 403


@pytest.mark.parametrize("role", OTHER_ROLES)
def test_other_roles_cannot_change_a_signal_in_the_management_site(client, role):
    signal = SignalFactory()
    client.force_login(staff_in_role(role))

    response = client.post(admin_url("signal", "change", signal.pk), signal_change_data(SignalStatus.CLOSED))

    assert response.status_code == 403
    signal.refresh_from_db()
    assert signal.status == SignalStatus.NEW


def test_superuser_opening_the_signal_list_is_logged_each_time(client, django_user_model):
    SignalFactory()
    superuser = django_user_model.objects.create_superuser(email="super@example.org", password="x" * 20)
    client.force_login(superuser)

    for _ in range(2):
        assert client.get(admin_url("signal", "changelist")).status_code == 200

    assert (
        ModerationAction.objects.filter(
            kind=ActionKind.VIEW_SIGNAL, moderator=superuser, account=None
        ).count()
        == 2
    )


def test_superuser_opening_an_unknown_signal_logs_nothing(client, django_user_model):
    superuser = django_user_model.objects.create_superuser(email="super@example.org", password="x" * 20)
    client.force_login(superuser)

    client.get(admin_url("signal", "change", 987654))
    client.get(admin_url("signal", "history", 987654))

    assert not ModerationAction.objects.exists()
