"""What happens after the team writes in the log: followers hear of a new entry (only of a published
initiative, and not of an edit), the initiative counts as active and its search text follows every change;
and the log on the initiative's page, newest first, with links to change it for the team only."""

import datetime

import pytest
from django.utils import timezone
from django.utils.text import capfirst

from initiatives.choices import LogKind, NotificationKind, ObstacleCategory
from initiatives.models import Initiative, LogEntry, Notification
from tests.html import elements, parse
from tests.initiatives.factories import FollowFactory, LogEntryFactory
from tests.initiatives.log_help_helpers import (
    create_url,
    delete_url,
    edit_url,
    entry_data,
    initiative_in,
    team_member_of,
)

pytestmark = pytest.mark.django_db


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

    timeline = elements(parse(page), "li", "loket-timeline__item")
    assert [entry["id"] for entry in timeline] == [f"logboek-{new.pk}", f"logboek-{old.pk}"]
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
