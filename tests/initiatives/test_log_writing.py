"""The team writes the log: an entry of each kind, what a valid entry is, who may write in which state of the
initiative, and bad input, bots and floods."""

import datetime

import pytest
from django.urls import reverse

from core.ratelimit import TOO_MANY_MESSAGE
from initiatives.choices import LogKind, ObstacleCategory
from initiatives.models import LogEntry
from tests.accounts.factories import UserFactory
from tests.initiatives.factories import InitiativeFactory, LogEntryFactory, VerifiedUserFactory
from tests.initiatives.log_help_helpers import (
    HOSTILE_STRINGS,
    SCRIPT_MARKERS,
    STATES,
    TODAY,
    create_url,
    delete_url,
    edit_url,
    entry_data,
    initiative_in,
    staff_member,
    team_member_of,
)

pytestmark = pytest.mark.django_db


# --- Writing the log ---------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", [k for k in LogKind if k != LogKind.OBSTACLE])
def test_team_member_adds_log_entry_of_each_kind(team_client, initiative, kind):
    response = team_client.post(create_url(initiative), entry_data(kind=kind))

    entry = LogEntry.objects.get(initiative=initiative)
    assert response.status_code == 302
    assert response.url == entry.get_absolute_url()
    assert entry.kind == kind
    assert entry.author == team_member_of(initiative)
    assert entry.obstacle_category == ""


def test_team_member_adds_obstacle_with_its_category(team_client, initiative):
    response = team_client.post(
        create_url(initiative),
        entry_data(kind=LogKind.OBSTACLE, obstacle_category=ObstacleCategory.LEAD_TIME),
    )

    assert response.status_code == 302
    entry = LogEntry.objects.get(initiative=initiative)
    assert (entry.kind, entry.obstacle_category) == (LogKind.OBSTACLE, ObstacleCategory.LEAD_TIME)


def test_obstacle_without_category_is_refused(team_client, initiative):
    response = team_client.post(create_url(initiative), entry_data(kind=LogKind.OBSTACLE))

    assert response.status_code == 200
    assert response.context["form"].has_error("obstacle_category", "required")
    assert not LogEntry.objects.exists()


@pytest.mark.parametrize("kind", [LogKind.DILEMMA, LogKind.WORKING_ELEMENT, LogKind.MILESTONE])
def test_category_is_dropped_quietly_for_other_kinds(team_client, initiative, kind):
    response = team_client.post(
        create_url(initiative), entry_data(kind=kind, obstacle_category=ObstacleCategory.MONEY)
    )

    assert response.status_code == 302
    assert LogEntry.objects.get(initiative=initiative).obstacle_category == ""


def test_changing_an_obstacle_into_a_reflection_clears_the_category(team_client, initiative):
    entry = LogEntryFactory(initiative=initiative, kind=LogKind.OBSTACLE)

    response = team_client.post(
        edit_url(entry), entry_data(kind=LogKind.REFLECTION, obstacle_category=ObstacleCategory.RULES)
    )

    assert response.status_code == 302
    entry.refresh_from_db()
    assert (entry.kind, entry.obstacle_category) == (LogKind.REFLECTION, "")


@pytest.mark.parametrize(
    ("happened_on", "code"),
    [
        (lambda: TODAY() + datetime.timedelta(days=1), "future"),
        (lambda: datetime.date(1999, 12, 31), "too_early"),
    ],
    ids=["tomorrow", "last-century"],
)
def test_date_in_the_future_or_before_2000_is_refused(team_client, initiative, happened_on, code):
    response = team_client.post(create_url(initiative), entry_data(happened_on=happened_on().isoformat()))

    assert response.status_code == 200
    assert response.context["form"].has_error("happened_on", code)


@pytest.mark.parametrize(
    "field_values",
    [
        {"kind": "gossip"},
        {"kind": LogKind.OBSTACLE, "obstacle_category": "weather"},
        {"happened_on": "gisteren"},
        {"happened_on": "2024-02-30"},
        {"title": ""},
        {"text": ""},
        {"title": "x" * 121},
    ],
)
def test_bad_values_give_form_errors(team_client, initiative, field_values):
    response = team_client.post(create_url(initiative), entry_data(**field_values))

    assert response.status_code == 200
    assert response.context["form"].errors
    assert not LogEntry.objects.exists()


def test_today_is_allowed_and_prefilled(team_client, initiative):
    response = team_client.get(create_url(initiative))

    assert response.status_code == 200
    assert f'value="{TODAY().isoformat()}"' in response.content.decode()
    assert 'type="date"' in response.content.decode()


def test_team_member_edits_log_entry(team_client, initiative):
    entry = LogEntryFactory(initiative=initiative)

    response = team_client.post(edit_url(entry), entry_data(title="Bijgewerkt", text="Nieuwe tekst"))

    assert response.status_code == 302
    entry.refresh_from_db()
    assert (entry.title, entry.text) == ("Bijgewerkt", "Nieuwe tekst")


def test_team_member_deletes_log_entry_after_confirming(team_client, initiative):
    entry = LogEntryFactory(initiative=initiative, title="Weg ermee")

    confirm = team_client.get(delete_url(entry))
    response = team_client.post(delete_url(entry))

    assert confirm.status_code == 200
    assert "Weg ermee" in confirm.content.decode()
    assert response.status_code == 302
    assert not LogEntry.objects.filter(pk=entry.pk).exists()


def test_co_initiator_writes_in_the_log_too(client):
    co_initiator = VerifiedUserFactory()
    initiative = InitiativeFactory(team=[co_initiator])
    client.force_login(co_initiator)

    response = client.post(create_url(initiative), entry_data())

    assert response.status_code == 302
    assert LogEntry.objects.get().author == co_initiator


def test_team_member_without_confirmed_email_cannot_write(client):
    unconfirmed = UserFactory()
    initiative = InitiativeFactory(team=[unconfirmed])
    client.force_login(unconfirmed)

    assert client.post(create_url(initiative), entry_data()).status_code == 403


def test_entry_of_another_initiative_is_not_found(team_client, initiative):
    elsewhere = LogEntryFactory()

    url = reverse("initiatives:log_entry_edit", kwargs={"slug": initiative.slug, "pk": elsewhere.pk})

    assert team_client.get(url).status_code == 404
    assert (
        team_client.post(
            reverse("initiatives:log_entry_delete", kwargs={"slug": initiative.slug, "pk": elsewhere.pk})
        ).status_code
        == 404
    )
    assert LogEntry.objects.filter(pk=elsewhere.pk).exists()


# --- Who may write: role x action x state -----------------------------------------------------------

ROLES = ["team", "resident", "moderator", "staff_without_role", "anonymous"]
# What each role gets from the log pages, per state of the initiative ("login" = sent to log in).
EXPECTED = {
    "team": {"draft": 200, "submitted": 200, "published": 200, "rejected": 200, "hidden": 403},
    "resident": {"draft": 404, "submitted": 404, "published": 403, "rejected": 404, "hidden": 404},
    "moderator": {"draft": 403, "submitted": 403, "published": 403, "rejected": 403, "hidden": 403},
    "staff_without_role": {"draft": 404, "submitted": 404, "published": 403, "rejected": 404, "hidden": 404},
    "anonymous": dict.fromkeys(STATES, "login"),
}


def _log_in_as(client, role, initiative):
    person = {
        "team": lambda: team_member_of(initiative),
        "resident": VerifiedUserFactory,
        "moderator": lambda: staff_member(with_role=True),
        "staff_without_role": lambda: staff_member(with_role=False),
        "anonymous": lambda: None,
    }[role]()
    if person is not None:
        client.force_login(person)


def _assert_status(response, expected):
    if expected == "login":
        assert response.status_code == 302
        assert response.url.startswith(reverse("account_login"))
    else:
        assert response.status_code == expected


@pytest.mark.parametrize("state", list(STATES))
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", ["create", "edit", "delete"])
def test_who_may_write_the_log(client, role, state, action):
    initiative = initiative_in(state)
    entry = LogEntryFactory(initiative=initiative, title="Blijft staan")
    _log_in_as(client, role, initiative)
    url = {"create": create_url(initiative), "edit": edit_url(entry), "delete": delete_url(entry)}[action]
    expected = EXPECTED[role][state]

    _assert_status(client.get(url), expected)
    posted = client.post(url, entry_data(title="Gewijzigd"))

    if expected == 200:
        assert posted.status_code == 302
    else:
        _assert_status(posted, expected)
        assert LogEntry.objects.filter(initiative=initiative).get().title == "Blijft staan"


# --- Bad input, bots and floods ------------------------------------------------------------------


@pytest.mark.parametrize("field", ["title", "text", "image_alt"])
@pytest.mark.parametrize("hostile", HOSTILE_STRINGS, ids=range(len(HOSTILE_STRINGS)))
def test_hostile_text_never_breaks_the_log_or_the_page(team_client, initiative, field, hostile):
    response = team_client.post(create_url(initiative), entry_data(**{field: hostile}))

    assert response.status_code in (200, 302)
    page = team_client.get(initiative.get_absolute_url()).content.decode()
    form_page = response.content.decode()
    for marker in SCRIPT_MARKERS:
        assert marker not in page
        assert marker not in form_page


def test_the_log_on_the_page_escapes_what_the_team_wrote(client, initiative):
    LogEntryFactory(
        initiative=initiative,
        title="<script>alert(1)</script>",
        text="<script>alert(1)</script> [klik](javascript:alert(1)) <img src=x onerror=alert(1)>",
        kind=LogKind.DILEMMA,
    )

    page = client.get(initiative.get_absolute_url()).content.decode()

    for marker in SCRIPT_MARKERS:
        assert marker not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_honeypot_filled_in_is_refused(team_client, initiative):
    response = team_client.post(create_url(initiative), entry_data(website="https://spam.example"))

    assert response.status_code == 200
    assert response.context["form"].has_error("__all__", "honeypot")
    assert not LogEntry.objects.exists()


def test_too_many_entries_get_429_and_keep_what_was_typed(team_client, initiative, settings):
    settings.LOKET_POSTING_RATES = {"log_entry": "2/h"}
    for number in range(2):
        assert (
            team_client.post(create_url(initiative), entry_data(title=f"Bericht {number}")).status_code == 302
        )

    response = team_client.post(create_url(initiative), entry_data(title="Nog eentje", text="Wat ik typte"))

    assert response.status_code == 429
    content = response.content.decode()
    assert str(TOO_MANY_MESSAGE) in response.context["form"].non_field_errors()
    assert 'value="Nog eentje"' in content
    assert "Wat ik typte" in content
    assert LogEntry.objects.count() == 2
