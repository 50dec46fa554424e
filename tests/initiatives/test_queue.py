"""Staff's queue: published initiatives still waiting for a first response from the municipality, the
longest waiting first, measured against the promised number of days."""

import datetime

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from initiatives.models import Initiative
from initiatives.services.municipality import municipal_response_create
from tests.accounts.factories import staff_in_role
from tests.initiatives.factories import InitiativeFactory

pytestmark = pytest.mark.django_db

QUEUE = reverse("initiatives:waiting_initiative_list")


@pytest.fixture
def civil_servant():
    return staff_in_role("moderators", display_name="Anne Ambtenaar")


@pytest.fixture
def servant_client(client, civil_servant):
    client.force_login(civil_servant)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"  # the texts below are the English originals
    return client


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days, hours=1)


def titles(response):
    return [row["initiative"].title for row in response.context["rows"]]


def test_anonymous_visitor_is_asked_to_log_in(client):
    response = client.get(QUEUE)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("who", ["resident", "council"])
def test_people_who_do_not_respond_for_the_municipality_are_forbidden(client, user, who):
    client.force_login(user if who == "resident" else staff_in_role("council"))

    assert client.get(QUEUE).status_code == 403


def test_the_oldest_publication_comes_first(servant_client):
    InitiativeFactory(title="Vijf dagen", published_at=days_ago(5))
    InitiativeFactory(title="Twintig dagen", published_at=days_ago(20))
    InitiativeFactory(title="Tien dagen", published_at=days_ago(10))

    response = servant_client.get(QUEUE)

    assert response.status_code == 200
    assert titles(response) == ["Twintig dagen", "Tien dagen", "Vijf dagen"]


def test_only_published_initiatives_without_a_response_wait(servant_client, civil_servant):
    InitiativeFactory(title="Wacht")
    answered = InitiativeFactory(title="Beantwoord")
    InitiativeFactory(submitted=True, title="Ingediend")
    InitiativeFactory(hidden=True, title="Verborgen")
    municipal_response_create(initiative=answered, author=civil_servant, body="Dank!")

    assert titles(servant_client.get(QUEUE)) == ["Wacht"]


def test_an_initiative_leaves_the_queue_when_the_municipality_responds(servant_client, civil_servant):
    initiative = InitiativeFactory(title="Speeltuin")
    assert titles(servant_client.get(QUEUE)) == ["Speeltuin"]

    servant_client.post(
        reverse("initiatives:municipal_response_create", kwargs={"slug": initiative.slug}), {"body": "Mooi!"}
    )

    assert titles(servant_client.get(QUEUE)) == []
    assert "Nothing is waiting." in servant_client.get(QUEUE).content.decode()


def test_overdue_initiatives_say_by_how_many_days_in_words(servant_client, settings):
    settings.MUNICIPAL_RESPONSE_PROMISE_DAYS = 7
    InitiativeFactory(title="Te laat", published_at=days_ago(10))
    InitiativeFactory(title="Op tijd", published_at=days_ago(2))

    response = servant_client.get(QUEUE)

    late, on_time = response.context["rows"]
    assert (late["days_waiting"], late["is_overdue"], late["days_over"]) == (10, True, 3)
    assert (on_time["days_waiting"], on_time["is_overdue"], on_time["days_left"]) == (2, False, 5)
    html = response.content.decode()
    assert "3 days over the promised 7 days" in html
    assert "5 days left to respond in time" in html
    assert "1 of them has waited longer than promised." in html


def test_the_promise_defaults_to_two_weeks(servant_client):
    assert settings.MUNICIPAL_RESPONSE_PROMISE_DAYS == 14
    InitiativeFactory(published_at=days_ago(15))

    assert "1 day over the promised 14 days" in servant_client.get(QUEUE).content.decode()


def test_each_waiting_initiative_shows_its_contact_and_a_link_to_respond(servant_client):
    contact = staff_in_role("moderators", display_name="Wim", public_role="wijkregisseur Noord")
    initiative = InitiativeFactory(contact_person=contact)

    html = servant_client.get(QUEUE).content.decode()

    assert "Wim, wijkregisseur Noord" in html
    assert reverse("initiatives:municipal_response_create", kwargs={"slug": initiative.slug}) in html
    assert reverse("admin:initiatives_initiative_change", args=[initiative.pk]) in html


def _waiting(count):
    contact = staff_in_role("moderators", public_role="wijkregisseur")
    InitiativeFactory.create_batch(count, contact_person=contact, published_at=days_ago(20))


def test_the_queue_runs_the_same_number_of_queries_for_5_or_60_waiting(client, civil_servant, count_queries):
    client.force_login(civil_servant)
    _waiting(5)
    few = count_queries(lambda: client.get(QUEUE))
    assert len(count_queries.result.context["rows"]) == 5
    Initiative.objects.all().delete()
    _waiting(60)

    assert count_queries(lambda: client.get(QUEUE)) == few
    assert len(count_queries.result.context["rows"]) == 60
