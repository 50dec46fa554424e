"""The lab's front page (/samenwerkingslab/): the editors' text about the lab, the published sessions
ahead (soonest first, with the places taken) and a few past ones. Unpublished sessions never show."""

import pytest
from django.urls import reverse

from knowledgebase.models import Page
from lab.models import RegistrationStatus
from lab.views import PAST_SESSIONS_SHOWN
from tests.lab.factories import WEEK, LabSessionFactory, RegistrationFactory, minutes_from_now

pytestmark = pytest.mark.django_db

LAB = reverse("lab:index")


def test_the_lab_front_page_has_two_names_and_one_address():
    assert LAB == reverse("lab:index") == "/samenwerkingslab/"


def test_visitor_sees_upcoming_sessions_soonest_first(client):
    later = LabSessionFactory(topic="Later in het jaar", starts_at=minutes_from_now(3 * WEEK))
    soon = LabSessionFactory(topic="Binnenkort", starts_at=minutes_from_now(60))
    between = LabSessionFactory(topic="Daartussen", starts_at=minutes_from_now(WEEK))

    response = client.get(LAB)

    assert response.status_code == 200
    assert response.context["upcoming"] == [soon, between, later]
    content = response.content.decode()
    assert content.find("Binnenkort") < content.find("Daartussen") < content.find("Later in het jaar")


def test_upcoming_session_comes_with_the_places_taken(client):
    session = LabSessionFactory(capacity=5)
    RegistrationFactory.create_batch(2, session=session)
    RegistrationFactory(session=session, status=RegistrationStatus.WAITING)
    RegistrationFactory(session=session, status=RegistrationStatus.CANCELLED)

    [shown] = client.get(LAB).context["upcoming"]

    assert (shown.registered_count, shown.waiting_count) == (2, 1)


def test_session_that_is_running_now_is_still_upcoming(client):
    running = LabSessionFactory(
        starts_at=minutes_from_now(-30), ends_at=minutes_from_now(60), topic="Nu bezig"
    )

    response = client.get(LAB)

    assert response.context["upcoming"] == [running]
    assert response.context["past"] == []


def test_visitor_sees_past_sessions_latest_first(client):
    older = LabSessionFactory(past=True, starts_at=minutes_from_now(-3 * WEEK), topic="Lang geleden")
    recent = LabSessionFactory(past=True, topic="Vorige week")

    response = client.get(LAB)

    assert response.context["past"] == [recent, older]
    assert response.context["upcoming"] == []
    assert "Lang geleden" in response.content.decode()


def test_only_the_latest_past_sessions_are_shown(client):
    sessions = [
        LabSessionFactory(past=True, starts_at=minutes_from_now(-WEEK - days * 24 * 60))
        for days in range(PAST_SESSIONS_SHOWN + 2)
    ]

    assert client.get(LAB).context["past"] == sessions[:PAST_SESSIONS_SHOWN]


@pytest.mark.parametrize("when", ["upcoming", "past"])
def test_unpublished_session_is_never_shown(client, when):
    LabSessionFactory(unpublished=True, topic="Nog geheim overleg", past=when == "past")

    response = client.get(LAB)

    assert response.context["upcoming"] == []
    assert response.context["past"] == []
    assert "Nog geheim overleg" not in response.content.decode()


def test_front_page_shows_the_editors_text_about_the_lab(client):
    page = Page.objects.get(slug="samenwerkingslab")
    page.title_nl = "Ons eigen samenwerkingslab"
    page.lead_nl = "Een inleiding van de redactie."
    page.body_nl = "## Hoe het werkt\n\nWe zitten **elke maand** aan de keukentafel."
    page.save()

    response = client.get(LAB)

    assert response.context["page"] == page
    content = response.content.decode()
    for text in (
        "Ons eigen samenwerkingslab",
        "Een inleiding van de redactie.",
        "<strong>elke maand</strong>",
    ):
        assert text in content


def test_front_page_works_without_the_editors_text(client):
    Page.objects.filter(slug="samenwerkingslab").delete()
    LabSessionFactory(topic="Toch een sessie")

    response = client.get(LAB)

    assert response.status_code == 200
    assert response.context["page"] is None
    assert "Toch een sessie" in response.content.decode()


@pytest.mark.parametrize("signed_in", [False, True], ids=["anonymous", "resident"])
def test_front_page_queries_stay_constant_with_many_sessions(
    client, user, signed_in, django_assert_num_queries, count_queries
):
    if signed_in:
        client.force_login(user)
    LabSessionFactory()
    LabSessionFactory(past=True)
    baseline = count_queries(lambda: client.get(LAB))

    for days in range(1, 9):
        session = LabSessionFactory(starts_at=minutes_from_now(WEEK + days * 24 * 60))
        RegistrationFactory.create_batch(2, session=session)
        LabSessionFactory(past=True, starts_at=minutes_from_now(-WEEK - days * 24 * 60))

    with django_assert_num_queries(baseline):
        response = client.get(LAB)
    assert len(response.context["upcoming"]) == 9


def test_front_page_answers_only_safe_methods(client_logged_in):
    assert client_logged_in.post(LAB).status_code == 405


def test_past_and_upcoming_are_split_by_the_end_of_a_session(client):
    ended = LabSessionFactory(starts_at=minutes_from_now(-120), ends_at=minutes_from_now(-1))

    response = client.get(LAB)

    assert response.context["past"] == [ended]
    assert response.context["upcoming"] == []
