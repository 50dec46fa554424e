"""The team asks for help: adding, correcting and marking help requests fulfilled, and who may do it."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from core.ratelimit import TOO_MANY_MESSAGE
from initiatives.choices import HelpKind, NotificationKind
from initiatives.models import HelpRequest, Initiative, Notification
from tests.html import elements, parse
from tests.initiatives.factories import (
    FollowFactory,
    HelpOfferFactory,
    HelpRequestFactory,
    VerifiedUserFactory,
)
from tests.initiatives.log_help_helpers import (
    HOSTILE_STRINGS,
    SCRIPT_MARKERS,
    STATES,
    initiative_in,
    staff_member,
    team_member_of,
)

pytestmark = pytest.mark.django_db


def create_url(initiative):
    return reverse("initiatives:help_request_create", kwargs={"slug": initiative.slug})


def edit_url(help_request):
    return reverse(
        "initiatives:help_request_edit", kwargs={"slug": help_request.initiative.slug, "pk": help_request.pk}
    )


def fulfilled_url(help_request):
    return reverse(
        "initiatives:help_request_fulfil",
        kwargs={"slug": help_request.initiative.slug, "pk": help_request.pk},
    )


def request_data(**overrides):
    data = {
        "kind": HelpKind.MATERIALS,
        "title": "Schoppen en kruiwagens",
        "description": "Voor de plantdag op 12 april zoeken we gereedschap.",
        "website": "",
    }
    data.update(overrides)
    return data


# --- Asking for help --------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", list(HelpKind))
def test_team_member_asks_for_help_of_each_kind(team_client, initiative, kind):
    response = team_client.post(create_url(initiative), request_data(kind=kind))

    help_request = HelpRequest.objects.get(initiative=initiative)
    assert response.status_code == 302
    assert response.url == help_request.get_absolute_url()
    assert help_request.kind == kind
    assert not help_request.is_fulfilled


def test_followers_hear_of_a_new_help_request(
    team_client, initiative, mailoutbox, django_capture_on_commit_callbacks
):
    follow = FollowFactory(initiative=initiative)

    with django_capture_on_commit_callbacks(execute=True):
        team_client.post(create_url(initiative), request_data(title="Handen gezocht"))

    notification = Notification.objects.get(follow=follow)
    assert notification.kind == NotificationKind.HELP_REQUEST
    assert notification.title == "Handen gezocht"
    assert notification.path == HelpRequest.objects.get().get_absolute_url()
    assert [mail.to for mail in mailoutbox] == [[follow.user.email]]


@pytest.mark.parametrize("state", ["draft", "submitted", "rejected"])
def test_nobody_hears_of_help_requests_of_an_unpublished_initiative(
    client, state, mailoutbox, django_capture_on_commit_callbacks
):
    initiative = initiative_in(state)
    FollowFactory(initiative=initiative)
    client.force_login(team_member_of(initiative))

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(create_url(initiative), request_data())

    assert response.status_code == 302
    assert not Notification.objects.exists()
    assert mailoutbox == []


def test_new_help_request_marks_the_initiative_active(team_client, initiative):
    long_ago = timezone.now() - datetime.timedelta(days=60)
    Initiative.objects.filter(pk=initiative.pk).update(last_activity_at=long_ago)

    team_client.post(create_url(initiative), request_data())

    initiative.refresh_from_db()
    assert initiative.last_activity_at > long_ago


def test_team_member_corrects_a_help_request_without_emailing_followers(
    team_client, initiative, mailoutbox, django_capture_on_commit_callbacks
):
    help_request = HelpRequestFactory(initiative=initiative)
    FollowFactory(initiative=initiative)

    with django_capture_on_commit_callbacks(execute=True):
        response = team_client.post(
            edit_url(help_request),
            request_data(kind=HelpKind.PLACE, title="Een schuur", description="Droog."),
        )

    assert response.status_code == 302
    help_request.refresh_from_db()
    assert (help_request.kind, help_request.title, help_request.description) == (
        HelpKind.PLACE,
        "Een schuur",
        "Droog.",
    )
    assert mailoutbox == []


def test_edit_form_shows_the_request_as_it_is(team_client, initiative):
    help_request = HelpRequestFactory(initiative=initiative, title="Zaagmachine nodig")

    response = team_client.get(edit_url(help_request))

    assert response.status_code == 200
    assert 'value="Zaagmachine nodig"' in response.content.decode()


# --- Fulfilled and open again --------------------------------------------------------------------


def test_team_marks_a_request_fulfilled_and_followers_hear_of_it(
    team_client, initiative, mailoutbox, django_capture_on_commit_callbacks
):
    help_request = HelpRequestFactory(initiative=initiative, title="Tien vrijwilligers")
    FollowFactory(initiative=initiative)

    with django_capture_on_commit_callbacks(execute=True):
        response = team_client.post(fulfilled_url(help_request), {"fulfilled": "1"})

    assert response.status_code == 302
    help_request.refresh_from_db()
    assert help_request.is_fulfilled
    assert help_request.fulfilled_at is not None
    notification = Notification.objects.get()
    assert notification.kind == NotificationKind.HELP_REQUEST
    assert "Tien vrijwilligers" in notification.title
    assert len(mailoutbox) == 1


def test_fulfilled_button_toggles_without_a_value(team_client, initiative):
    help_request = HelpRequestFactory(initiative=initiative)

    team_client.post(fulfilled_url(help_request))
    help_request.refresh_from_db()
    assert help_request.is_fulfilled

    team_client.post(fulfilled_url(help_request))
    help_request.refresh_from_db()
    assert not help_request.is_fulfilled
    assert help_request.fulfilled_at is None


def test_clicking_fulfilled_twice_keeps_it_fulfilled_and_tells_followers_once(team_client, initiative):
    help_request = HelpRequestFactory(initiative=initiative)
    FollowFactory(initiative=initiative)

    team_client.post(fulfilled_url(help_request), {"fulfilled": "1"})
    team_client.post(fulfilled_url(help_request), {"fulfilled": "1"})

    help_request.refresh_from_db()
    assert help_request.is_fulfilled
    assert Notification.objects.count() == 1


def test_reopening_a_request_tells_followers_too(team_client, initiative):
    help_request = HelpRequestFactory(initiative=initiative, is_fulfilled=True, fulfilled_at=timezone.now())
    FollowFactory(initiative=initiative)

    team_client.post(fulfilled_url(help_request), {"fulfilled": "0"})

    help_request.refresh_from_db()
    assert not help_request.is_fulfilled
    assert help_request.fulfilled_at is None
    assert Notification.objects.count() == 1


def test_fulfilled_only_answers_post(team_client, initiative):
    help_request = HelpRequestFactory(initiative=initiative)

    assert team_client.get(fulfilled_url(help_request)).status_code == 405


def test_request_of_another_initiative_is_not_found(team_client, initiative):
    elsewhere = HelpRequestFactory()

    for name in ("initiatives:help_request_edit", "initiatives:help_request_fulfil"):
        url = reverse(name, kwargs={"slug": initiative.slug, "pk": elsewhere.pk})
        assert team_client.post(url, request_data()).status_code == 404
    elsewhere.refresh_from_db()
    assert not elsewhere.is_fulfilled


# --- Who may: role x action x state -------------------------------------------------------------

EXPECTED = {
    "team": {"draft": 200, "submitted": 200, "published": 200, "rejected": 200, "hidden": 403},
    "resident": {"draft": 404, "submitted": 404, "published": 403, "rejected": 404, "hidden": 404},
    "moderator": dict.fromkeys(STATES, 403),
    "staff_without_role": {"draft": 404, "submitted": 404, "published": 403, "rejected": 404, "hidden": 404},
}


def _person(role, initiative):
    return {
        "team": lambda: team_member_of(initiative),
        "resident": VerifiedUserFactory,
        "moderator": lambda: staff_member(with_role=True),
        "staff_without_role": lambda: staff_member(with_role=False),
    }[role]()


@pytest.mark.parametrize("state", list(STATES))
@pytest.mark.parametrize("role", list(EXPECTED))
@pytest.mark.parametrize("action", ["create", "edit", "fulfilled"])
def test_who_may_ask_for_help(client, role, state, action):
    initiative = initiative_in(state)
    help_request = HelpRequestFactory(initiative=initiative, title="Blijft staan")
    client.force_login(_person(role, initiative))
    url = {
        "create": create_url(initiative),
        "edit": edit_url(help_request),
        "fulfilled": fulfilled_url(help_request),
    }[action]
    expected = EXPECTED[role][state]

    response = client.post(url, request_data(title="Gewijzigd"))

    if expected == 200:
        assert response.status_code == 302
    else:
        assert response.status_code == expected
        help_request.refresh_from_db()
        assert (help_request.title, help_request.is_fulfilled) == ("Blijft staan", False)
        assert HelpRequest.objects.filter(initiative=initiative).count() == 1


@pytest.mark.parametrize("action", ["create", "edit", "fulfilled"])
def test_anonymous_visitor_is_sent_to_log_in(client, initiative, action):
    help_request = HelpRequestFactory(initiative=initiative)
    url = {
        "create": create_url(initiative),
        "edit": edit_url(help_request),
        "fulfilled": fulfilled_url(help_request),
    }[action]

    response = client.post(url, request_data())

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


# --- Bad input, bots and floods --------------------------------------------------------------------


@pytest.mark.parametrize("field", ["title", "description"])
@pytest.mark.parametrize("hostile", HOSTILE_STRINGS, ids=range(len(HOSTILE_STRINGS)))
def test_hostile_text_never_breaks_help_requests(team_client, initiative, field, hostile):
    response = team_client.post(create_url(initiative), request_data(**{field: hostile}))

    assert response.status_code in (200, 302)
    page = team_client.get(initiative.get_absolute_url()).content.decode()
    for marker in SCRIPT_MARKERS:
        assert marker not in page
        assert marker not in response.content.decode()


@pytest.mark.parametrize("kind", ["", "unicorns", "<script>"])
def test_unknown_kind_is_a_form_error(team_client, initiative, kind):
    response = team_client.post(create_url(initiative), request_data(kind=kind))

    assert response.status_code == 200
    assert response.context["form"].has_error("kind")


def test_honeypot_filled_in_is_refused(team_client, initiative):
    response = team_client.post(create_url(initiative), request_data(website="spam"))

    assert response.status_code == 200
    assert response.context["form"].has_error("__all__", "honeypot")
    assert not HelpRequest.objects.exists()


def test_too_many_help_requests_get_429_and_keep_what_was_typed(team_client, initiative, settings):
    settings.LOKET_POSTING_RATES = {"help_request": "1/h"}
    team_client.post(create_url(initiative), request_data())

    response = team_client.post(create_url(initiative), request_data(title="Nog een vraag"))

    assert response.status_code == 429
    assert str(TOO_MANY_MESSAGE) in response.context["form"].non_field_errors()
    assert 'value="Nog een vraag"' in response.content.decode()
    assert HelpRequest.objects.count() == 1


# --- On the initiative's page --------------------------------------------------------------------


def test_page_shows_open_requests_before_fulfilled_ones(client, initiative):
    done = HelpRequestFactory(initiative=initiative, is_fulfilled=True, fulfilled_at=timezone.now())
    open_request = HelpRequestFactory(initiative=initiative)

    page = client.get(initiative.get_absolute_url()).content.decode()

    listed = elements(parse(page), "li", "loket-help-request")
    assert [item["id"] for item in listed] == [f"hulpvraag-{open_request.pk}", f"hulpvraag-{done.pk}"]


def test_signed_in_resident_gets_an_offer_button_for_open_requests_only(client, initiative, other_user):
    open_request = HelpRequestFactory(initiative=initiative)
    done = HelpRequestFactory(initiative=initiative, is_fulfilled=True, fulfilled_at=timezone.now())
    client.force_login(other_user)

    page = client.get(initiative.get_absolute_url()).content.decode()

    assert (
        reverse("initiatives:help_offer_create", kwargs={"slug": initiative.slug, "pk": open_request.pk})
        in page
    )
    assert (
        reverse("initiatives:help_offer_create", kwargs={"slug": initiative.slug, "pk": done.pk}) not in page
    )
    assert fulfilled_url(open_request) not in page
    assert edit_url(open_request) not in page


def test_anonymous_visitor_is_invited_to_log_in_to_offer_help(client, initiative):
    help_request = HelpRequestFactory(initiative=initiative)

    page = client.get(initiative.get_absolute_url()).content.decode()

    offer_url = reverse(
        "initiatives:help_offer_create", kwargs={"slug": initiative.slug, "pk": help_request.pk}
    )
    assert f"{reverse('account_login')}?next={offer_url}" in page


def test_team_gets_edit_and_fulfil_buttons_but_no_offer_button(team_client, initiative):
    help_request = HelpRequestFactory(initiative=initiative)

    page = team_client.get(initiative.get_absolute_url()).content.decode()

    assert edit_url(help_request) in page
    assert f'action="{fulfilled_url(help_request)}"' in page
    assert (
        reverse("initiatives:help_offer_create", kwargs={"slug": initiative.slug, "pk": help_request.pk})
        not in page
    )
    assert reverse("initiatives:help_offer_list", kwargs={"slug": initiative.slug}) in page


def test_offers_never_show_on_the_page(client, initiative, other_user):
    help_request = HelpRequestFactory(initiative=initiative)
    HelpOfferFactory(help_request=help_request, message="Ik heb een aanhanger die jullie mogen lenen.")

    for person in (None, other_user, team_member_of(initiative)):
        if person:
            client.force_login(person)
        page = client.get(initiative.get_absolute_url()).content.decode()
        assert "aanhanger" not in page
