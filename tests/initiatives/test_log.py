"""The team keeps the log: who may write it, what a valid entry is, and what happens after a change."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst
from PIL import Image

from core.ratelimit import TOO_MANY_MESSAGE
from initiatives.choices import LogKind, NotificationKind, ObstacleCategory
from initiatives.models import Initiative, LogEntry, Notification
from tests.accounts.factories import UserFactory
from tests.initiatives.factories import (
    FollowFactory,
    InitiativeFactory,
    LogEntryFactory,
    VerifiedUserFactory,
)
from tests.initiatives.log_help_helpers import (
    HOSTILE_STRINGS,
    SCRIPT_MARKERS,
    STATES,
    initiative_in,
    jpeg_with_exif,
    staff_member,
    team_member_of,
)

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def create_url(initiative):
    return reverse("initiatives:log_entry_create", kwargs={"slug": initiative.slug})


def edit_url(entry):
    return reverse("initiatives:log_entry_edit", kwargs={"slug": entry.initiative.slug, "pk": entry.pk})


def delete_url(entry):
    return reverse("initiatives:log_entry_delete", kwargs={"slug": entry.initiative.slug, "pk": entry.pk})


def entry_data(**overrides):
    data = {
        "kind": LogKind.UPDATE,
        "obstacle_category": "",
        "happened_on": TODAY().isoformat(),
        "title": "Eerste plantdag",
        "text": "We hebben **twintig** bomen geplant met de buurt.",
        "image_alt": "",
        "website": "",
    }
    data.update(overrides)
    return data


@pytest.fixture
def initiative():
    return InitiativeFactory()


@pytest.fixture
def team_client(client, initiative):
    client.force_login(team_member_of(initiative))
    return client


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


# --- Followers and search -----------------------------------------------------------------------------


def test_followers_hear_of_a_new_entry_of_a_published_initiative(
    team_client, initiative, mailoutbox, django_capture_on_commit_callbacks
):
    right_away = FollowFactory(initiative=initiative)
    FollowFactory(initiative=initiative, frequency="weekly")

    with django_capture_on_commit_callbacks(execute=True):
        team_client.post(create_url(initiative), entry_data(title="Bomen geplant"))

    entry = LogEntry.objects.get()
    notifications = Notification.objects.filter(follow__initiative=initiative)
    assert notifications.count() == 2
    assert {n.kind for n in notifications} == {NotificationKind.LOG_ENTRY}
    assert {n.path for n in notifications} == {entry.get_absolute_url()}
    assert [mail.to for mail in mailoutbox] == [[right_away.user.email]]
    assert "Bomen geplant" in mailoutbox[0].body


@pytest.mark.parametrize("state", ["draft", "submitted", "rejected"])
def test_nobody_is_told_about_the_log_of_an_unpublished_initiative(
    client, state, mailoutbox, django_capture_on_commit_callbacks
):
    initiative = initiative_in(state)
    FollowFactory(initiative=initiative)
    client.force_login(team_member_of(initiative))

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(create_url(initiative), entry_data())

    assert response.status_code == 302
    assert not Notification.objects.exists()
    assert mailoutbox == []


def test_editing_an_entry_tells_nobody(
    team_client, initiative, mailoutbox, django_capture_on_commit_callbacks
):
    entry = LogEntryFactory(initiative=initiative)
    FollowFactory(initiative=initiative)

    with django_capture_on_commit_callbacks(execute=True):
        team_client.post(edit_url(entry), entry_data())

    assert not Notification.objects.exists()
    assert mailoutbox == []


def test_new_entry_marks_the_initiative_active(team_client, initiative):
    long_ago = timezone.now() - datetime.timedelta(days=90)
    Initiative.objects.filter(pk=initiative.pk).update(last_activity_at=long_ago)

    team_client.post(create_url(initiative), entry_data())

    initiative.refresh_from_db()
    assert initiative.last_activity_at > long_ago


def test_log_text_is_searchable_after_each_change(team_client, initiative):
    team_client.post(
        create_url(initiative), entry_data(title="Snoeiavond", text="Het wilgenknotten ging goed.")
    )
    entry = LogEntry.objects.get()
    initiative.refresh_from_db()
    assert "Snoeiavond" in initiative.search_document
    assert "wilgenknotten" in initiative.search_document
    assert Initiative.objects.search("wilgenknotten").filter(pk=initiative.pk).exists()

    team_client.post(edit_url(entry), entry_data(title="Snoeiavond", text="Het vlechten van heggen."))
    initiative.refresh_from_db()
    assert "wilgenknotten" not in initiative.search_document
    assert "vlechten" in initiative.search_document

    team_client.post(delete_url(entry))
    initiative.refresh_from_db()
    assert "vlechten" not in initiative.search_document


# --- Photos ------------------------------------------------------------------------------------------


def test_photo_is_stored_without_its_metadata(team_client, initiative):
    response = team_client.post(
        create_url(initiative),
        {**entry_data(image_alt="Kinderen planten een boom"), "image": jpeg_with_exif()},
    )

    assert response.status_code == 302
    entry = LogEntry.objects.get()
    stored = entry.image.read()
    assert b"GeheimeCamera" not in stored
    with Image.open(entry.image.path) as image:
        assert not image.getexif()
    assert entry.image_alt == "Kinderen planten een boom"


def test_photo_without_description_is_refused_and_the_text_is_kept(team_client, initiative):
    response = team_client.post(
        create_url(initiative), {**entry_data(title="Met foto"), "image": jpeg_with_exif()}
    )

    assert response.status_code == 200
    assert response.context["form"].has_error("image_alt", "required")
    assert 'value="Met foto"' in response.content.decode()
    assert not LogEntry.objects.exists()


def test_a_file_that_is_not_a_photo_is_refused(team_client, initiative):
    fake = SimpleUploadedFile("foto.jpg", b"<?php echo 'hallo'; ?>", content_type="image/jpeg")

    response = team_client.post(create_url(initiative), {**entry_data(image_alt="iets"), "image": fake})

    assert response.status_code == 200
    assert response.context["form"].has_error("image")


def test_deleting_an_entry_removes_its_photo(team_client, initiative, django_capture_on_commit_callbacks):
    team_client.post(create_url(initiative), {**entry_data(image_alt="Een boom"), "image": jpeg_with_exif()})
    entry = LogEntry.objects.get()
    storage, name = entry.image.storage, entry.image.name
    assert storage.exists(name)

    with django_capture_on_commit_callbacks(execute=True):
        team_client.post(delete_url(entry))

    assert not storage.exists(name)


def test_replacing_or_removing_a_photo_removes_the_old_file(
    team_client, initiative, django_capture_on_commit_callbacks
):
    team_client.post(create_url(initiative), {**entry_data(image_alt="Eerste"), "image": jpeg_with_exif()})
    entry = LogEntry.objects.get()
    storage, first = entry.image.storage, entry.image.name

    with django_capture_on_commit_callbacks(execute=True):
        team_client.post(
            edit_url(entry), {**entry_data(image_alt="Tweede"), "image": jpeg_with_exif("b.jpg")}
        )
    entry.refresh_from_db()
    second = entry.image.name
    assert second != first
    assert not storage.exists(first)
    assert storage.exists(second)

    with django_capture_on_commit_callbacks(execute=True):
        team_client.post(edit_url(entry), {**entry_data(image_alt="Tweede"), "image-clear": "on"})
    entry.refresh_from_db()
    assert not entry.image
    assert not storage.exists(second)


def test_editing_the_text_keeps_the_photo(team_client, initiative):
    team_client.post(create_url(initiative), {**entry_data(image_alt="Een boom"), "image": jpeg_with_exif()})
    entry = LogEntry.objects.get()
    name = entry.image.name

    response = team_client.post(edit_url(entry), entry_data(title="Andere titel", image_alt="Een boom"))

    assert response.status_code == 302
    entry.refresh_from_db()
    assert (entry.title, entry.image.name) == ("Andere titel", name)
    assert entry.image.storage.exists(name)


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


# --- The log on the initiative's page ---------------------------------------------------------------


def test_page_shows_the_log_newest_first_with_kind_date_and_author(client, initiative):
    old = LogEntryFactory(initiative=initiative, title="Het begin", happened_on=datetime.date(2023, 3, 1))
    new = LogEntryFactory(
        initiative=initiative,
        title="Een obstakel",
        kind=LogKind.OBSTACLE,
        obstacle_category=ObstacleCategory.RULES,
        happened_on=datetime.date(2024, 5, 2),
    )

    page = client.get(initiative.get_absolute_url()).content.decode()

    assert page.index(f'id="logboek-{new.pk}"') < page.index(f'id="logboek-{old.pk}"')
    assert str(capfirst(LogKind.OBSTACLE.label)) in page
    assert str(capfirst(ObstacleCategory.RULES.label)) in page
    assert 'datetime="2024-05-02"' in page
    assert initiative.created_by.display_name in page
    assert f"?soort={LogKind.OBSTACLE.value}" in page


def test_only_the_team_sees_links_to_change_the_log(client, initiative, other_user):
    entry = LogEntryFactory(initiative=initiative)

    client.force_login(other_user)
    visitor_page = client.get(initiative.get_absolute_url()).content.decode()
    client.force_login(team_member_of(initiative))
    team_page = client.get(initiative.get_absolute_url()).content.decode()

    for url in (edit_url(entry), delete_url(entry), create_url(initiative)):
        assert url not in visitor_page
        assert url in team_page


def test_photo_in_the_log_has_its_description(team_client, initiative):
    team_client.post(
        create_url(initiative), {**entry_data(image_alt="Kinderen bij de boom"), "image": jpeg_with_exif()}
    )

    page = team_client.get(initiative.get_absolute_url()).content.decode()

    assert 'alt="Kinderen bij de boom"' in page
    assert LogEntry.objects.get().image.url in page
