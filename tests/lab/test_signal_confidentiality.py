"""A signal is confidential: only the person who raised it and the ombuds read it. This file tries every
address that could show a signal — on the site, in the management site and in the audit log — as every
kind of person, and checks that its title, description and conversation never reach anyone else.

On the site, others get a 404 (a signal's existence is confidential too). In the management site a
superuser may look, but every look is logged ("view_signal"); other staff get 403. Whatever the way in,
a response that shows a signal to someone who is neither its reporter nor the ombuds must have been
logged: that is the rule the table below encodes, together with the expected status codes."""

from urllib.parse import urlencode

import pytest
from django.urls import reverse

from accounts.models import User
from accounts.roles import Role
from lab.models import Signal, SignalMessage, SignalStatus
from moderation.models import ActionKind, ModerationAction
from tests.accounts.factories import UserFactory, staff_in_role, verify_email
from tests.initiatives.factories import InitiativeFactory, VerifiedUserFactory
from tests.lab.factories import LabSessionFactory, SignalFactory, SignalMessageFactory

pytestmark = pytest.mark.django_db

# Plain ASCII, so the check works in HTML and in JSON alike. Searches use one word of the title, which
# the search box repeats: the check is for the whole sentences.
TITLE = "Wethouder Zwijgzaam beantwoordt onze mails niet"
DESCRIPTION = "Sinds maart horen we niets over de vergunning voor de Kattenpleinspeeltuin"
OMBUDS_MESSAGE = "Ik bel morgen met de afdeling Vergunningsbureaucratie"
SECRETS = (TITLE, DESCRIPTION, OMBUDS_MESSAGE)

ACTORS = [
    "anonymous",
    "resident",  # someone else with an account
    "initiator",  # of the initiative the signal is about
    "moderator",
    "editor",
    "council",
    "superuser",  # may look in the management site, and is logged when they do
    "reporter",
    "ombuds",
]
INSIDERS = frozenset({"reporter", "ombuds"})
NOT_STAFF = ("anonymous", "resident", "initiator", "reporter")


def site_only(*, insiders: int, others: int) -> dict:
    """Pages behind the site's login: anonymous visitors are sent to log in."""
    return {
        actor: (302 if actor == "anonymous" else insiders if actor in INSIDERS else others)
        for actor in ACTORS
    }


def public(status=200) -> dict:
    return dict.fromkeys(ACTORS, status)


def admin(**staff) -> dict:
    """The management site: people who are not staff are sent to its login; staff as given."""
    assert set(staff) == set(ACTORS) - set(NOT_STAFF)
    return {**dict.fromkeys(NOT_STAFF, 302), **staff}


SIGNAL_ADMIN = admin(moderator=403, editor=403, council=403, superuser=200, ombuds=200)

# place -> actor -> expected status code
STATUS = {
    "site_signal_list": site_only(insiders=200, others=200),  # everyone has a list: their own signals
    "site_signal_detail": site_only(insiders=200, others=404),
    "site_signal_reply": site_only(insiders=302, others=404),
    "site_signal_status": {**site_only(insiders=302, others=404), "reporter": 403},
    "site_signal_withdraw": {**site_only(insiders=302, others=404), "ombuds": 403},
    "lab_front_page": public(),
    "site_search": public(),
    "initiative_page": public(),
    "own_data_export": site_only(insiders=200, others=200),  # everyone downloads their own data
    "admin_index": admin(moderator=200, editor=200, council=200, superuser=200, ombuds=200),
    "admin_signal_changelist": SIGNAL_ADMIN,
    "admin_signal_search": SIGNAL_ADMIN,
    "admin_signal_change": SIGNAL_ADMIN,
    "admin_signal_history": SIGNAL_ADMIN,
    "admin_signal_delete": admin(moderator=403, editor=403, council=403, superuser=403, ombuds=403),
    # Either refused, or (for those who may look) answered: the table below says what may be seen.
    "admin_autocomplete": admin(moderator=403, editor=403, council=403, superuser={200, 403}, ombuds=200),
    "audit_log": admin(moderator=200, editor=403, council=403, superuser=200, ombuds=403),
    "audit_log_search": admin(moderator=200, editor=403, council=403, superuser=200, ombuds=403),
    "moderation_account_page": admin(moderator=200, editor=403, council=403, superuser=200, ombuds=403),
}

# Where the insiders read the signal (a test that the checks below look at the right thing).
INSIDERS_READ = {
    "site_signal_list": {"reporter": (TITLE,), "ombuds": (TITLE,)},
    "site_signal_detail": {"reporter": SECRETS, "ombuds": SECRETS},
    "own_data_export": {"reporter": SECRETS},
    "admin_signal_changelist": {"ombuds": (TITLE,)},
    "admin_signal_search": {"ombuds": (TITLE,)},
    "admin_signal_change": {"ombuds": SECRETS},
}
# Where a superuser's look is always logged: True when the line is about the one signal, False when it is
# about the list. The line names neither the signal's content nor its reporter: moderators read the log.
LOGGED_FOR_SUPERUSER = {
    "admin_signal_changelist": False,
    "admin_signal_search": False,
    "admin_signal_change": True,
    "admin_signal_history": True,
}


@pytest.fixture
def world(client):
    initiative = InitiativeFactory(title="Speeltuin aan het Kattenplein")
    superuser = UserFactory(is_staff=True, is_superuser=True, display_name="Super Beheer")
    verify_email(superuser)
    people = {
        "anonymous": None,
        "resident": VerifiedUserFactory(),
        "initiator": initiative.created_by,
        "moderator": staff_in_role(Role.MODERATOR),
        "editor": staff_in_role(Role.EDITOR),
        "council": staff_in_role(Role.COUNCIL),
        "superuser": User.objects.get(pk=superuser.pk),
        "reporter": VerifiedUserFactory(display_name="Rosa Melder"),
        "ombuds": staff_in_role(Role.OMBUDS),
    }
    signal = SignalFactory(
        reporter=people["reporter"], initiative=initiative, title=TITLE, description=DESCRIPTION
    )
    SignalMessageFactory(signal=signal, author=people["ombuds"], from_ombuds=True, body=OMBUDS_MESSAGE)
    LabSessionFactory()
    # A superuser looked once before, so the audit log has a line about this signal.
    client.force_login(people["superuser"])
    assert client.get(reverse("admin:lab_signal_change", args=[signal.pk])).status_code == 200
    client.logout()
    assert ModerationAction.objects.filter(kind=ActionKind.VIEW_SIGNAL).count() == 1
    return {"people": people, "signal": signal, "initiative": initiative}


def request_for(place, world):
    """(method, url, data) for `place`."""
    signal, initiative = world["signal"], world["initiative"]
    reporter = world["people"]["reporter"]
    word = "Zwijgzaam"
    autocomplete = {"app_label": "lab", "model_name": "signalmessage", "field_name": "signal", "term": word}
    return {
        "site_signal_list": ("get", reverse("lab:signal_list"), None),
        "site_signal_detail": ("get", reverse("lab:signal_detail", args=[signal.pk]), None),
        "site_signal_reply": (
            "post",
            reverse("lab:signal_detail", args=[signal.pk]),
            {"action": "reply", "body": "Nog een vraag"},
        ),
        "site_signal_status": (
            "post",
            reverse("lab:signal_detail", args=[signal.pk]),
            {"action": "status", "status": SignalStatus.CLOSED},
        ),
        "site_signal_withdraw": ("post", reverse("lab:signal_withdraw", args=[signal.pk]), {}),
        "lab_front_page": ("get", reverse("lab:index"), None),
        "site_search": ("get", f"{reverse('site_search')}?{urlencode({'q': word})}", None),
        "initiative_page": ("get", initiative.get_absolute_url(), None),
        "own_data_export": ("get", reverse("accounts:data_export"), None),
        "admin_index": ("get", reverse("admin:index"), None),
        "admin_signal_changelist": ("get", reverse("admin:lab_signal_changelist"), None),
        "admin_signal_search": ("get", f"{reverse('admin:lab_signal_changelist')}?q={word}", None),
        "admin_signal_change": ("get", reverse("admin:lab_signal_change", args=[signal.pk]), None),
        "admin_signal_history": ("get", reverse("admin:lab_signal_history", args=[signal.pk]), None),
        "admin_signal_delete": ("get", reverse("admin:lab_signal_delete", args=[signal.pk]), None),
        "admin_autocomplete": ("get", f"{reverse('admin:autocomplete')}?{urlencode(autocomplete)}", None),
        "audit_log": ("get", reverse("admin:moderation_moderationaction_changelist"), None),
        "audit_log_search": (
            "get",
            f"{reverse('admin:moderation_moderationaction_changelist')}?q={word}",
            None,
        ),
        "moderation_account_page": ("get", reverse("admin:moderation_account", args=[reporter.pk]), None),
    }[place]


def test_the_table_covers_every_place_for_every_actor():
    for place, expected in STATUS.items():
        assert set(expected) == set(ACTORS), place


@pytest.mark.parametrize("actor", ACTORS)
@pytest.mark.parametrize("place", list(STATUS))
def test_signal_reaches_only_its_reporter_and_the_ombuds(client, world, place, actor):
    person = world["people"][actor]
    signal = world["signal"]
    if person is not None:
        client.force_login(person)
    method, url, data = request_for(place, world)
    logged_before = set(ModerationAction.objects.values_list("pk", flat=True))
    messages_before = SignalMessage.objects.count()

    response = getattr(client, method)(url, data) if data is not None else getattr(client, method)(url)

    expected = STATUS[place][actor]
    assert response.status_code in (expected if isinstance(expected, set) else {expected})
    content = response.content.decode()
    shown = [secret for secret in SECRETS if secret in content]
    logged = ModerationAction.objects.exclude(pk__in=logged_before)
    # Whoever is not an insider sees nothing, unless this very look was logged.
    if actor not in INSIDERS and shown:
        assert logged.filter(kind=ActionKind.VIEW_SIGNAL, moderator=person).exists(), (
            f"{actor} saw {shown} at {url} without it being logged"
        )
    # Only a superuser's looks are logged; not the ombuds', not anyone else's.
    if actor != "superuser":
        assert not logged.exists()
    for secret in INSIDERS_READ.get(place, {}).get(actor, ()):
        assert secret in content
    if actor == "superuser" and place in LOGGED_FOR_SUPERUSER:
        [line] = logged
        assert (line.kind, line.moderator) == (ActionKind.VIEW_SIGNAL, person)
        assert line.account is None
        assert TITLE not in line.item_label
        assert (str(signal.pk) in line.item_label) is LOGGED_FOR_SUPERUSER[place]
    # Nobody but an insider changes anything.
    if actor not in INSIDERS:
        refreshed = Signal.objects.get(pk=signal.pk)
        assert (refreshed.status, refreshed.closed_at) == (SignalStatus.NEW, None)
        assert SignalMessage.objects.count() == messages_before


def test_search_does_not_find_a_signal_even_for_its_reporter(client, world):
    client.force_login(world["people"]["reporter"])

    response = client.get(reverse("site_search"), {"q": "Zwijgzaam"})

    assert response.context["total"] == 0


def test_audit_log_does_not_tell_moderators_who_raised_a_signal(client, world):
    client.force_login(world["people"]["moderator"])

    content = client.get(reverse("admin:moderation_moderationaction_changelist")).content.decode()

    assert "Rosa Melder" not in content


def test_account_page_does_not_tell_moderators_that_someone_raised_a_signal(client, world):
    reporter = world["people"]["reporter"]
    client.force_login(world["people"]["moderator"])

    response = client.get(reverse("admin:moderation_account", args=[reporter.pk]))

    assert response.status_code == 200
    assert ActionKind.VIEW_SIGNAL not in [action.kind for action in response.context["history"]]
