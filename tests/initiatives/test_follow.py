"""Following an initiative: how often to get email, unfollowing, the email itself and one-click unsubscribe."""

import datetime
from urllib.parse import quote

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from initiatives.choices import FollowFrequency, NotificationKind
from initiatives.models import Follow, Notification
from initiatives.services.notifications import followers_notify, unsubscribe_token, unsubscribe_url
from initiatives.services.participation import follow_remove, follow_set
from tests.accounts.factories import UserFactory
from tests.initiatives.factories import FollowFactory, InitiativeFactory, VerifiedUserFactory
from tests.initiatives.participation_helpers import messages_of, unsubscribe_links, unsubscribed_by, url

pytestmark = pytest.mark.django_db

FOLLOWING = reverse("initiatives:followed_initiative_list")
SIGNED_AT = datetime.datetime(2025, 3, 12, 7, 0, 59, tzinfo=datetime.UTC)


def follow(client, initiative, **data):
    return client.post(url("follow_toggle", initiative), data)


def notify(initiative, title="Nieuw logboekbericht: de eerste schop in de grond"):
    return followers_notify(
        initiative=initiative,
        kind=NotificationKind.LOG_ENTRY,
        title=title,
        path=initiative.get_absolute_url() + "#logboek-1",
    )


def path_of(link):
    return link.removeprefix("http://127.0.0.1:8000").removeprefix("http://testserver")


# --- Following and unfollowing ---------------------------------------------------------------------


def test_resident_follows_an_initiative_with_immediate_email(client_logged_in, user):
    initiative = InitiativeFactory()

    response = follow(client_logged_in, initiative, frequency="immediately")

    assert response.status_code == 302
    assert response.url == initiative.get_absolute_url() + "#volgen"
    assert Follow.objects.get(initiative=initiative, user=user).frequency == FollowFrequency.IMMEDIATELY


def test_follower_changes_to_the_weekly_digest_and_then_unfollows(client_logged_in, user):
    initiative = InitiativeFactory()
    follow(client_logged_in, initiative, frequency="immediately")

    follow(client_logged_in, initiative, frequency="weekly")
    assert Follow.objects.get(user=user).frequency == FollowFrequency.WEEKLY
    assert Follow.objects.count() == 1

    response = follow(client_logged_in, initiative, action="unfollow")

    assert response.status_code == 302
    assert not Follow.objects.filter(user=user).exists()


def test_follow_block_shows_the_current_choice(client_logged_in, user):
    initiative = InitiativeFactory()
    FollowFactory(initiative=initiative, user=user, frequency=FollowFrequency.DAILY)

    content = client_logged_in.get(initiative.get_absolute_url()).content.decode()

    assert 'value="daily" id="volgen-daily" checked' in content
    assert 'value="unfollow"' in content


@pytest.mark.parametrize("frequency", ["", "hourly", "<script>alert(1)</script>"])
def test_unknown_frequency_changes_nothing_and_says_so(client_logged_in, user, frequency):
    initiative = InitiativeFactory()

    response = client_logged_in.post(url("follow_toggle", initiative), {"frequency": frequency}, follow=True)

    assert response.status_code == 200
    assert not Follow.objects.exists()
    assert messages_of(response)


def test_anonymous_visitor_is_sent_to_login_to_follow(client):
    initiative = InitiativeFactory()

    response = follow(client, initiative, frequency="daily")

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert not Follow.objects.exists()


def test_resident_without_confirmed_email_may_not_follow(client):
    client.force_login(UserFactory())
    initiative = InitiativeFactory()

    assert follow(client, initiative, frequency="daily").status_code == 403
    assert not Follow.objects.exists()


@pytest.mark.parametrize("state", ["draft", "submitted", "rejected", "hidden"])
def test_resident_cannot_follow_an_unpublished_initiative(client_logged_in, state):
    initiative = InitiativeFactory(**{state: True})

    assert follow(client_logged_in, initiative, frequency="daily").status_code == 404
    assert not Follow.objects.exists()


def test_follower_can_stop_following_an_initiative_that_was_hidden(client_logged_in, user):
    initiative = InitiativeFactory(hidden=True)
    FollowFactory(initiative=initiative, user=user)

    response = client_logged_in.post(
        url("follow_toggle", initiative), {"action": "unfollow", "next": FOLLOWING}
    )

    assert response.status_code == 302
    assert response.url == FOLLOWING
    assert not Follow.objects.exists()


def test_unfollowing_a_hidden_initiative_one_does_not_follow_is_a_404(client_logged_in):
    initiative = InitiativeFactory(hidden=True)

    assert follow(client_logged_in, initiative, action="unfollow").status_code == 404


def test_follow_form_ignores_a_next_address_on_another_site(client_logged_in):
    initiative = InitiativeFactory()

    response = follow(client_logged_in, initiative, frequency="daily", next="https://evil.example/")

    assert response.url == initiative.get_absolute_url() + "#volgen"


def test_follow_services_create_update_and_remove(user):
    initiative = InitiativeFactory()

    created = follow_set(initiative=initiative, user=user, frequency=FollowFrequency.DAILY)
    updated = follow_set(initiative=initiative, user=user, frequency=FollowFrequency.NEVER)

    assert created.pk == updated.pk
    assert Follow.objects.get().frequency == FollowFrequency.NEVER
    assert follow_remove(initiative=initiative, user=user) is True
    assert follow_remove(initiative=initiative, user=user) is False


# --- The immediate email and unsubscribing ---------------------------------------------------------


def test_immediate_follower_gets_an_email_with_the_change_and_an_unsubscribe_link(
    django_capture_on_commit_callbacks, mailoutbox
):
    initiative = InitiativeFactory(title="Speeltuin & Plein")
    follow_row = FollowFactory(initiative=initiative, frequency=FollowFrequency.IMMEDIATELY)

    with django_capture_on_commit_callbacks(execute=True):
        told = notify(initiative)

    assert told == 1
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == [follow_row.user.email]
    assert "Speeltuin & Plein" in message.subject
    assert "de eerste schop in de grond" in message.body
    assert "Speeltuin & Plein" in message.body  # plain text: not HTML-escaped
    assert initiative.get_absolute_url() + "#logboek-1" in message.body
    [link] = unsubscribe_links(message.body)
    assert unsubscribed_by(link) == follow_row
    assert message.extra_headers["List-Unsubscribe"] == f"<{link}>"
    assert Notification.objects.get().sent_at is not None


def test_digest_and_silent_followers_get_no_immediate_email(django_capture_on_commit_callbacks, mailoutbox):
    initiative = InitiativeFactory()
    FollowFactory(initiative=initiative, frequency=FollowFrequency.DAILY)
    FollowFactory(initiative=initiative, frequency=FollowFrequency.NEVER)

    with django_capture_on_commit_callbacks(execute=True):
        told = notify(initiative)

    assert told == 1
    assert mailoutbox == []
    assert Notification.objects.filter(sent_at__isnull=True).count() == 1


def test_unsubscribe_link_from_the_email_works_without_logging_in(
    django_capture_on_commit_callbacks, mailoutbox
):
    initiative = InitiativeFactory(title="Groen in de wijk")
    follow_row = FollowFactory(initiative=initiative, frequency=FollowFrequency.IMMEDIATELY)
    with django_capture_on_commit_callbacks(execute=True):
        notify(initiative)
    link = next(line for line in mailoutbox[0].body.splitlines() if "/afmelden/" in line).strip()
    visitor = Client()

    page = visitor.get(path_of(link))

    assert page.status_code == 200
    assert "Groen in de wijk" in page.content.decode()
    follow_row.refresh_from_db()
    assert follow_row.frequency == FollowFrequency.IMMEDIATELY  # looking never changes anything

    response = visitor.post(path_of(link), {"action": "stop_email"})

    assert response.status_code == 200
    follow_row.refresh_from_db()
    assert follow_row.frequency == FollowFrequency.NEVER


def test_mail_program_one_click_unsubscribes_without_csrf_token():
    follow_row = FollowFactory(frequency=FollowFrequency.DAILY)
    mail_program = Client(enforce_csrf_checks=True)

    response = mail_program.post(
        path_of(unsubscribe_url(follow_row)),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code == 200
    follow_row.refresh_from_db()
    assert follow_row.frequency == FollowFrequency.NEVER


def test_unsubscribe_page_can_stop_following_entirely():
    follow_row = FollowFactory()

    response = Client().post(path_of(unsubscribe_url(follow_row)), {"action": "unfollow"})

    assert response.status_code == 200
    assert not Follow.objects.exists()


def test_get_on_the_unsubscribe_link_changes_nothing():
    follow_row = FollowFactory(frequency=FollowFrequency.WEEKLY)

    response = Client().get(path_of(unsubscribe_url(follow_row)))

    assert response.status_code == 200
    assert response["X-Robots-Tag"] == "noindex"
    follow_row.refresh_from_db()
    assert follow_row.frequency == FollowFrequency.WEEKLY


@pytest.mark.parametrize("token", ["nonsense", "eyJmb2xsb3ciOjF9:1abc:xyz", "<script>alert(1)</script>"])
def test_bad_unsubscribe_token_is_a_404(client, token):
    FollowFactory()
    address = reverse("initiatives:follow_unsubscribe", kwargs={"token": "x"}).replace(
        "/x/", f"/{quote(token)}/"
    )

    assert client.get(address).status_code == 404
    assert client.post(address).status_code == 404


def test_unsubscribe_link_made_again_later_reads_differently_but_stops_the_same_follow(client):
    # Why tests compare where unsubscribe links lead, not their text: the token holds the second it was
    # signed, so two links made a second apart differ (and a test comparing them failed now and then).
    follow_row = FollowFactory(frequency=FollowFrequency.DAILY)
    with time_machine.travel(SIGNED_AT, tick=False):
        first = unsubscribe_url(follow_row)
    with time_machine.travel(SIGNED_AT + datetime.timedelta(seconds=1), tick=False):
        again = unsubscribe_url(follow_row)

    assert first != again
    assert unsubscribed_by(first) == unsubscribed_by(again) == follow_row
    # The link never runs out: a year later it still stops the email.
    with time_machine.travel(SIGNED_AT + datetime.timedelta(days=365)):
        assert client.post(path_of(first), {"action": "stop_email"}).status_code == 200
    follow_row.refresh_from_db()
    assert follow_row.frequency == FollowFrequency.NEVER


def test_token_of_a_removed_follow_is_a_404(client):
    follow_row = FollowFactory()
    token = unsubscribe_token(follow_row)
    follow_row.delete()

    assert client.get(reverse("initiatives:follow_unsubscribe", kwargs={"token": token})).status_code == 404


# --- What I follow ---------------------------------------------------------------------------------


def test_anonymous_visitor_is_sent_to_login_for_what_i_follow(client):
    response = client.get(FOLLOWING)

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_what_i_follow_lists_own_follows_with_their_frequency(client_logged_in, user, other_user):
    mine = FollowFactory(user=user, initiative=InitiativeFactory(title="Mijn buurtfeest"), frequency="weekly")
    FollowFactory(user=other_user, initiative=InitiativeFactory(title="Andermans moestuin"))

    response = client_logged_in.get(FOLLOWING)

    content = response.content.decode()
    assert response.status_code == 200
    assert "Mijn buurtfeest" in content
    assert "Andermans moestuin" not in content
    assert f'id="follow-{mine.pk}-frequency_2" checked' in content
    assert 'value="unfollow"' in content


def test_what_i_follow_changes_a_frequency_and_comes_back(client_logged_in, user):
    follow_row = FollowFactory(user=user)

    response = client_logged_in.post(
        url("follow_toggle", follow_row.initiative), {"frequency": "never", "next": FOLLOWING}
    )

    assert response.url == FOLLOWING
    follow_row.refresh_from_db()
    assert follow_row.frequency == FollowFrequency.NEVER


def test_what_i_follow_shows_no_frequency_form_for_a_hidden_initiative(client_logged_in, user):
    follow_row = FollowFactory(user=user, initiative=InitiativeFactory(hidden=True, title="Verborgen plan"))

    content = client_logged_in.get(FOLLOWING).content.decode()

    assert "Verborgen plan" in content
    assert f"follow-{follow_row.pk}-frequency" not in content
    assert 'value="unfollow"' in content


def test_what_i_follow_runs_the_same_queries_for_few_and_many_follows(
    client, django_assert_max_num_queries, count_queries
):
    few, many = VerifiedUserFactory(), VerifiedUserFactory()
    FollowFactory.create_batch(3, user=few)
    FollowFactory.create_batch(40, user=many)

    client.force_login(few)
    few_queries = count_queries(lambda: client.get(FOLLOWING))
    client.force_login(many)
    many_queries = count_queries(lambda: client.get(FOLLOWING))

    assert few_queries == many_queries
