"""The municipality's voice: civil servants respond on an initiative, named and with their role; the first
response is timed from publication, and followers hear about every response."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone, translation

from core.text import clean_text
from initiatives.choices import FollowFrequency, NotificationKind
from initiatives.models import Initiative, MunicipalResponse, Notification
from initiatives.services.municipality import municipal_response_create
from tests.accounts.factories import staff_in_role
from tests.initiatives.factories import FollowFactory, InitiativeFactory, MunicipalResponseFactory

pytestmark = pytest.mark.django_db

HOSTILE = [
    '<script>alert("x")</script>',
    '<img src=x onerror="alert(1)">',
    "[klik](javascript:alert(1))",
    "' OR 1=1; --",
    "\u202egnp.exe",
    "x" * 5000,
]


@pytest.fixture
def civil_servant():
    return staff_in_role("moderators", display_name="Anne Ambtenaar", public_role="wijkregisseur De Huet")


@pytest.fixture
def servant_client(client, civil_servant):
    client.force_login(civil_servant)
    return client


def respond_url(initiative):
    return reverse("initiatives:municipal_response_create", kwargs={"slug": initiative.slug})


def fresh(initiative):
    return Initiative.objects.get(pk=initiative.pk)


# --- the service ---


def test_the_first_response_sets_the_response_time_and_a_second_keeps_it(civil_servant):
    published = timezone.now() - datetime.timedelta(days=5)
    initiative = InitiativeFactory(published_at=published)

    first = municipal_response_create(initiative=initiative, author=civil_servant, body="Mooi plan!")
    municipal_response_create(initiative=fresh(initiative), author=civil_servant, body="Nog een vraag.")

    initiative = fresh(initiative)
    assert initiative.first_response_at == first.created_at
    assert initiative.response_time == first.created_at - published
    assert initiative.response_time.days == 5


def test_a_response_counts_as_activity(civil_servant):
    initiative = InitiativeFactory(last_activity_at=timezone.now() - datetime.timedelta(days=9))

    municipal_response_create(initiative=initiative, author=civil_servant, body="Goed bezig.")

    assert timezone.now() - fresh(initiative).last_activity_at < datetime.timedelta(minutes=1)


def test_followers_are_told_about_a_response(civil_servant, mailoutbox, django_capture_on_commit_callbacks):
    initiative = InitiativeFactory()
    at_once = FollowFactory(initiative=initiative, frequency=FollowFrequency.IMMEDIATELY)
    FollowFactory(initiative=initiative, frequency=FollowFrequency.WEEKLY)
    FollowFactory(initiative=initiative, frequency=FollowFrequency.NEVER)

    with django_capture_on_commit_callbacks(execute=True):
        response = municipal_response_create(initiative=initiative, author=civil_servant, body="Dank jullie.")

    notifications = Notification.objects.filter(kind=NotificationKind.MUNICIPAL_RESPONSE)
    assert notifications.count() == 2
    assert {n.path for n in notifications} == {response.get_absolute_url()}
    assert "Anne Ambtenaar (wijkregisseur De Huet)" in notifications.first().title
    assert [message.to for message in mailoutbox] == [[at_once.user.email]]


@pytest.mark.parametrize("who", ["resident", "council", "inactive"])
def test_only_civil_servants_who_may_respond_can(user, who):
    author = {
        "resident": user,
        "council": staff_in_role("council"),
        "inactive": staff_in_role("moderators", is_active=False),
    }[who]

    with pytest.raises(PermissionDenied):
        municipal_response_create(initiative=InitiativeFactory(), author=author, body="Hallo")
    assert not MunicipalResponse.objects.exists()


@pytest.mark.parametrize("state", ["draft", "submitted", "rejected", "hidden"])
def test_the_municipality_only_responds_to_published_initiatives(civil_servant, state):
    initiative = InitiativeFactory(**{state: True})

    with pytest.raises(ValidationError):
        municipal_response_create(initiative=initiative, author=civil_servant, body="Hallo")
    assert fresh(initiative).first_response_at is None


@pytest.mark.parametrize("body", ["", "   ", "x" * 5001])
def test_an_empty_or_too_long_response_is_refused(civil_servant, body):
    with pytest.raises(ValidationError):
        municipal_response_create(initiative=InitiativeFactory(), author=civil_servant, body=body)


# --- the page to respond ---


def test_anonymous_visitor_is_asked_to_log_in(client):
    initiative = InitiativeFactory()

    response = client.get(respond_url(initiative))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("who", ["resident", "council"])
def test_people_who_may_not_respond_get_forbidden(client, user, who):
    client.force_login(user if who == "resident" else staff_in_role("council"))
    initiative = InitiativeFactory()

    assert client.get(respond_url(initiative)).status_code == 403
    assert client.post(respond_url(initiative), {"body": "Namens de gemeente!"}).status_code == 403
    assert not MunicipalResponse.objects.exists()


def test_resident_does_not_learn_that_a_draft_exists(client_logged_in):
    assert client_logged_in.get(respond_url(InitiativeFactory(draft=True))).status_code == 404


def test_civil_servant_cannot_respond_to_a_submitted_initiative(servant_client):
    assert servant_client.get(respond_url(InitiativeFactory(submitted=True))).status_code == 403


def test_civil_servant_responds_and_lands_on_the_response(
    servant_client, civil_servant, mailoutbox, django_capture_on_commit_callbacks
):
    initiative = InitiativeFactory()
    follower = FollowFactory(initiative=initiative).user
    form_page = servant_client.get(respond_url(initiative))
    assert form_page.status_code == 200
    assert "website" in form_page.context["form"].fields  # the honeypot

    with django_capture_on_commit_callbacks(execute=True):
        response = servant_client.post(respond_url(initiative), {"body": "We denken graag mee. **Bel** me."})

    assert response.status_code == 302
    assert response["Location"] == initiative.get_absolute_url() + "#gemeente"
    answer = MunicipalResponse.objects.get()
    assert answer.author == civil_servant
    assert answer.body == "We denken graag mee. **Bel** me."
    assert fresh(initiative).first_response_at == answer.created_at
    assert [message.to for message in mailoutbox] == [[follower.email]]


@pytest.mark.parametrize("body", ["", "   ", "x" * 5001])
def test_an_empty_or_too_long_response_shows_the_form_again(servant_client, body):
    response = servant_client.post(respond_url(InitiativeFactory()), {"body": body})

    assert response.status_code == 200
    assert response.context["form"].errors["body"]
    assert not MunicipalResponse.objects.exists()


def test_a_filled_in_honeypot_posts_nothing(servant_client):
    response = servant_client.post(
        respond_url(InitiativeFactory()), {"body": "Hallo", "website": "spam.example"}
    )

    assert response.status_code == 200
    assert response.context["form"].errors
    assert not MunicipalResponse.objects.exists()


@pytest.mark.parametrize("body", HOSTILE)
def test_hostile_text_is_stored_as_typed_or_refused_never_an_error(servant_client, body):
    initiative = InitiativeFactory()

    response = servant_client.post(respond_url(initiative), {"body": body})

    assert response.status_code in (200, 302)
    if response.status_code == 302:
        assert MunicipalResponse.objects.get().body == clean_text(body).strip()  # less direction controls
        page = servant_client.get(initiative.get_absolute_url()).content.decode()
        assert "<script>alert" not in page
        assert "onerror=" not in page
        assert "javascript:alert" not in page


# --- how responses look on the initiative's page ---


def render_responses(initiative, user, **context):
    request = RequestFactory().get(initiative.get_absolute_url())
    request.user = user
    initiative = (
        Initiative.objects.filter(pk=initiative.pk)
        .select_related("contact_person")
        .prefetch_related("municipal_responses__author")
    ).get()
    return render_to_string(
        "initiatives/includes/detail/municipal_responses.html",
        {"initiative": initiative, "user": user, **context},
        request=request,
    )


def test_a_response_shows_the_civil_servants_name_and_role(civil_servant):
    initiative = InitiativeFactory()
    answer = municipal_response_create(initiative=initiative, author=civil_servant, body="Een *mooi* plan.")

    html = render_responses(initiative, AnonymousUser())

    assert 'id="gemeente"' in html
    assert f'id="gemeente-{answer.pk}"' in html
    assert "Anne Ambtenaar" in html
    assert "wijkregisseur De Huet" in html
    assert "<em>mooi</em>" in html
    assert respond_url(initiative) not in html


def test_without_responses_the_promise_is_mentioned():
    with translation.override("en"):
        html = render_responses(InitiativeFactory(), AnonymousUser(), response_promise_days=14)

    assert "has not responded yet" in html
    assert "14 days" in html


def test_civil_servant_sees_the_link_to_respond(civil_servant):
    initiative = InitiativeFactory()

    assert respond_url(initiative) in render_responses(initiative, civil_servant)
    assert respond_url(initiative) not in render_responses(initiative, staff_in_role("council"))


def test_the_initiative_page_shows_the_response_with_name_and_role(client):
    initiative = InitiativeFactory()
    author = staff_in_role("moderators", display_name="Wim", public_role="beleidsadviseur groen")
    MunicipalResponseFactory(initiative=initiative, author=author, body="Fijn initiatief.")

    page = client.get(initiative.get_absolute_url())

    assert page.status_code == 200
    html = page.content.decode()
    assert "Fijn initiatief." in html
    assert "beleidsadviseur groen" in html
