"""Offering help and the team's answer. Offers are private: only the team sees them, by email and on
its own offers page, and nobody's email address is passed on."""

import pytest
from django.urls import reverse
from django.utils import timezone

from core.ratelimit import TOO_MANY_MESSAGE
from initiatives.models import HelpOffer
from tests.accounts.factories import UserFactory
from tests.html import ancestor, by_id, parse
from tests.initiatives.factories import (
    HelpOfferFactory,
    HelpRequestFactory,
    InitiativeFactory,
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

MESSAGE = "Ik heb een aanhanger en ben zaterdag vrij."


def offer_url(help_request):
    return reverse(
        "initiatives:help_offer_create", kwargs={"slug": help_request.initiative.slug, "pk": help_request.pk}
    )


def offers_url(initiative):
    return reverse("initiatives:help_offer_list", kwargs={"slug": initiative.slug})


def reply_url(offer):
    return reverse(
        "initiatives:help_offer_reply", kwargs={"slug": offer.help_request.initiative.slug, "pk": offer.pk}
    )


@pytest.fixture
def co_initiator():
    return VerifiedUserFactory(display_name="Carla")


@pytest.fixture
def initiative(co_initiator):
    return InitiativeFactory(team=[co_initiator])


@pytest.fixture
def help_request(initiative):
    return HelpRequestFactory(initiative=initiative, title="Vervoer van planten")


@pytest.fixture
def resident(client, user):
    client.force_login(user)
    return user


# --- Offering help ----------------------------------------------------------------------------------


def test_resident_offers_help_and_every_team_member_gets_an_email(
    client, resident, help_request, initiative, co_initiator, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(offer_url(help_request), {"message": MESSAGE, "website": ""})

    assert response.status_code == 302
    offer = HelpOffer.objects.get()
    assert (offer.help_request, offer.offered_by, offer.message) == (help_request, resident, MESSAGE)
    assert sorted(mail.to[0] for mail in mailoutbox) == sorted(
        [initiative.created_by.email, co_initiator.email]
    )
    for mail in mailoutbox:
        assert len(mail.to) == 1
        assert MESSAGE in mail.body
        assert resident.display_name in mail.body
        assert "Vervoer van planten" in mail.body
        assert reply_url(offer) in mail.body
        assert resident.email not in mail.body
        assert resident.email not in mail.subject


def test_offer_form_shows_the_help_request(client, resident, help_request):
    response = client.get(offer_url(help_request))

    assert response.status_code == 200
    assert "Vervoer van planten" in response.content.decode()


def test_offer_is_not_shown_on_the_public_page_nor_to_other_people(
    client, resident, help_request, other_user
):
    client.post(offer_url(help_request), {"message": MESSAGE})
    initiative = help_request.initiative

    for person in (resident, other_user, None):
        client.logout()
        if person:
            client.force_login(person)
        assert "aanhanger" not in client.get(initiative.get_absolute_url()).content.decode()


def test_team_member_cannot_offer_help_to_their_own_initiative(client, help_request, co_initiator):
    client.force_login(co_initiator)

    assert client.get(offer_url(help_request)).status_code == 403
    assert client.post(offer_url(help_request), {"message": MESSAGE}).status_code == 403
    assert not HelpOffer.objects.exists()


def test_nobody_can_offer_help_to_a_fulfilled_request(client, resident, initiative):
    done = HelpRequestFactory(initiative=initiative, is_fulfilled=True, fulfilled_at=timezone.now())

    assert client.post(offer_url(done), {"message": MESSAGE}).status_code == 403
    assert not HelpOffer.objects.exists()


def test_person_without_confirmed_email_cannot_offer_help(client, help_request):
    client.force_login(UserFactory())

    assert client.post(offer_url(help_request), {"message": MESSAGE}).status_code == 403


def test_anonymous_visitor_is_sent_to_log_in(client, help_request):
    response = client.get(offer_url(help_request))

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


@pytest.mark.parametrize("state", ["draft", "submitted", "rejected", "hidden"])
def test_resident_cannot_offer_help_to_an_initiative_they_cannot_see(client, resident, state):
    help_request = HelpRequestFactory(initiative=initiative_in(state))

    assert client.post(offer_url(help_request), {"message": MESSAGE}).status_code == 404


@pytest.mark.parametrize("state", ["draft", "submitted", "rejected", "hidden"])
def test_moderator_cannot_offer_help_to_an_unpublished_initiative(client, state):
    help_request = HelpRequestFactory(initiative=initiative_in(state))
    client.force_login(staff_member(with_role=True))

    assert client.post(offer_url(help_request), {"message": MESSAGE}).status_code == 403


def test_request_of_another_initiative_is_not_found(client, resident, initiative):
    elsewhere = HelpRequestFactory()

    url = reverse("initiatives:help_offer_create", kwargs={"slug": initiative.slug, "pk": elsewhere.pk})

    assert client.post(url, {"message": MESSAGE}).status_code == 404


@pytest.mark.parametrize("hostile", HOSTILE_STRINGS, ids=range(len(HOSTILE_STRINGS)))
def test_hostile_offers_never_break_anything(client, resident, help_request, hostile):
    response = client.post(offer_url(help_request), {"message": hostile})

    assert response.status_code in (200, 302)
    for marker in SCRIPT_MARKERS:
        assert marker not in response.content.decode()
    client.force_login(team_member_of(help_request.initiative))
    page = client.get(offers_url(help_request.initiative)).content.decode()
    for marker in SCRIPT_MARKERS:
        assert marker not in page


def test_empty_or_too_long_offer_is_a_form_error(client, resident, help_request):
    for message in ("", "   ", "x" * 2001):
        response = client.post(offer_url(help_request), {"message": message})
        assert response.status_code == 200
        assert response.context["form"].has_error("message")
    assert not HelpOffer.objects.exists()


def test_honeypot_filled_in_is_refused(client, resident, help_request, mailoutbox):
    response = client.post(offer_url(help_request), {"message": MESSAGE, "website": "http://spam"})

    assert response.status_code == 200
    assert response.context["form"].has_error("__all__", "honeypot")
    assert not HelpOffer.objects.exists()


def test_too_many_offers_get_429_and_keep_what_was_typed(client, resident, help_request, settings):
    settings.LOKET_POSTING_RATES = {"offer": "1/h"}
    client.post(offer_url(help_request), {"message": MESSAGE})

    response = client.post(offer_url(help_request), {"message": "Nog iets: ik kan ook koken."})

    assert response.status_code == 429
    assert str(TOO_MANY_MESSAGE) in response.context["form"].non_field_errors()
    assert "Nog iets: ik kan ook koken." in response.content.decode()
    assert HelpOffer.objects.count() == 1


# --- The team's offers page -------------------------------------------------------------------------


def test_team_sees_the_offers_grouped_per_help_request(client, initiative, help_request, co_initiator):
    other_request = HelpRequestFactory(initiative=initiative, title="Een ruimte voor de kick-off")
    offer = HelpOfferFactory(help_request=help_request, message=MESSAGE)
    HelpOfferFactory(help_request=other_request, message="Ons buurthuis is op dinsdag vrij.")
    client.force_login(co_initiator)

    response = client.get(offers_url(initiative))

    page = response.content.decode()
    assert response.status_code == 200
    assert MESSAGE in page
    assert "buurthuis" in page
    assert offer.offered_by.display_name in page
    assert offer.offered_by.email not in page
    assert reply_url(offer) in page
    listed_under = ancestor(by_id(parse(page), f"aanbod-{offer.pk}"), "section")
    assert listed_under["id"] == f"hulpvraag-{help_request.pk}"


def test_offers_page_is_empty_friendly(client, initiative):
    client.force_login(team_member_of(initiative))

    assert client.get(offers_url(initiative)).status_code == 200


def test_offers_of_another_initiative_are_not_shown(client, initiative, help_request):
    HelpOfferFactory(message="Voor een ander initiatief")
    client.force_login(team_member_of(initiative))

    assert "Voor een ander initiatief" not in client.get(offers_url(initiative)).content.decode()


OFFERS_PAGE_EXPECTED = {
    "team": dict.fromkeys(STATES, 200),
    "resident": {"draft": 404, "submitted": 404, "published": 403, "rejected": 404, "hidden": 404},
    "offerer": {"draft": 404, "submitted": 404, "published": 403, "rejected": 404, "hidden": 404},
    "moderator": dict.fromkeys(STATES, 403),
    "staff_without_role": {"draft": 404, "submitted": 404, "published": 403, "rejected": 404, "hidden": 404},
}


@pytest.mark.parametrize("state", list(STATES))
@pytest.mark.parametrize("role", list(OFFERS_PAGE_EXPECTED))
@pytest.mark.parametrize("page", ["offers", "reply"])
def test_only_the_team_sees_and_answers_offers(client, role, state, page, mailoutbox):
    initiative = initiative_in(state)
    offer = HelpOfferFactory(help_request=HelpRequestFactory(initiative=initiative), message=MESSAGE)
    person = {
        "team": lambda: team_member_of(initiative),
        "resident": VerifiedUserFactory,
        "offerer": lambda: offer.offered_by,
        "moderator": lambda: staff_member(with_role=True),
        "staff_without_role": lambda: staff_member(with_role=False),
    }[role]()
    client.force_login(person)
    url = offers_url(initiative) if page == "offers" else reply_url(offer)

    response = client.get(url)

    assert response.status_code == OFFERS_PAGE_EXPECTED[role][state]
    if response.status_code != 200:
        assert MESSAGE not in response.content.decode()
        assert client.post(reply_url(offer), {"reply": "Hoi!"}).status_code == response.status_code
        offer.refresh_from_db()
        assert offer.reply == ""


def test_anonymous_visitor_is_sent_to_log_in_for_offers(client, initiative):
    response = client.get(offers_url(initiative))

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def _initiative_with_offers(count, team_member):
    initiative = InitiativeFactory(team=[team_member])
    requests = HelpRequestFactory.create_batch(min(count, 5), initiative=initiative)
    for number in range(count):
        replied = number % 2 == 0
        HelpOfferFactory(
            help_request=requests[number % len(requests)],
            reply="Dank je!" if replied else "",
            replied_at=timezone.now() if replied else None,
            replied_by=team_member if replied else None,
        )
    return initiative


def test_offers_page_queries_do_not_grow_with_the_offers(client, count_queries):
    member = VerifiedUserFactory()
    small, large = _initiative_with_offers(2, member), _initiative_with_offers(40, member)
    client.force_login(member)

    small_count = count_queries(lambda: client.get(offers_url(small)))
    large_count = count_queries(lambda: client.get(offers_url(large)))

    assert small_count == large_count, f"{small_count} queries with 2 offers, {large_count} with 40"
    assert small_count <= 10


# --- The team answers -------------------------------------------------------------------------------


def test_team_answers_and_the_offerer_gets_the_answer_by_email(
    client, initiative, help_request, co_initiator, mailoutbox, django_capture_on_commit_callbacks
):
    offer = HelpOfferFactory(help_request=help_request, message=MESSAGE)
    client.force_login(co_initiator)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reply_url(offer), {"reply": "Fijn! Bel Carla op 0314-123456.", "website": ""})

    assert response.status_code == 302
    assert response.url == offers_url(initiative) + f"#aanbod-{offer.pk}"
    offer.refresh_from_db()
    assert offer.reply == "Fijn! Bel Carla op 0314-123456."
    assert offer.replied_by == co_initiator
    assert offer.replied_at is not None
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == [offer.offered_by.email]
    assert "0314-123456" in mail.body
    assert "Carla" in mail.body
    assert initiative.get_absolute_url() in mail.body
    for member in (co_initiator, initiative.created_by):
        assert member.email not in mail.body


def test_answer_shows_on_the_offers_page(client, initiative, help_request, co_initiator):
    offer = HelpOfferFactory(help_request=help_request)
    client.force_login(co_initiator)
    client.post(reply_url(offer), {"reply": "We bellen je morgen."})

    page = client.get(offers_url(initiative)).content.decode()

    assert "We bellen je morgen." in page
    assert "Carla" in page


def test_team_can_send_a_second_answer(
    client, help_request, co_initiator, mailoutbox, django_capture_on_commit_callbacks
):
    offer = HelpOfferFactory(help_request=help_request, reply="Eerste", replied_at=timezone.now())
    client.force_login(co_initiator)

    form_page = client.get(reply_url(offer)).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reply_url(offer), {"reply": "Tweede"})

    assert "Eerste" in form_page
    offer.refresh_from_db()
    assert offer.reply == "Tweede"
    assert len(mailoutbox) == 1


@pytest.mark.parametrize("reply", ["", "   ", "x" * 2001])
def test_empty_or_too_long_answer_is_a_form_error(client, help_request, co_initiator, reply, mailoutbox):
    offer = HelpOfferFactory(help_request=help_request)
    client.force_login(co_initiator)

    response = client.post(reply_url(offer), {"reply": reply})

    assert response.status_code == 200
    assert response.context["form"].has_error("reply")
    offer.refresh_from_db()
    assert offer.reply == ""
    assert mailoutbox == []


@pytest.mark.parametrize("hostile", HOSTILE_STRINGS, ids=range(len(HOSTILE_STRINGS)))
def test_hostile_answers_never_break_anything(client, help_request, co_initiator, hostile):
    offer = HelpOfferFactory(help_request=help_request)
    client.force_login(co_initiator)

    response = client.post(reply_url(offer), {"reply": hostile})

    assert response.status_code in (200, 302)
    page = client.get(offers_url(help_request.initiative)).content.decode()
    for marker in SCRIPT_MARKERS:
        assert marker not in page
        assert marker not in response.content.decode()


def test_answer_honeypot_filled_in_is_refused(client, help_request, co_initiator):
    offer = HelpOfferFactory(help_request=help_request)
    client.force_login(co_initiator)

    response = client.post(reply_url(offer), {"reply": "Hoi", "website": "spam"})

    assert response.status_code == 200
    offer.refresh_from_db()
    assert offer.reply == ""


def test_offer_of_another_initiative_cannot_be_answered(client, initiative, co_initiator):
    elsewhere = HelpOfferFactory()
    client.force_login(co_initiator)

    url = reverse("initiatives:help_offer_reply", kwargs={"slug": initiative.slug, "pk": elsewhere.pk})

    assert client.post(url, {"reply": "Hoi"}).status_code == 404
    elsewhere.refresh_from_db()
    assert elsewhere.reply == ""
