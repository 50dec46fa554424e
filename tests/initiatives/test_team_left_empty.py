"""When the last member of a published initiative's team deletes their account, the initiative stays
without a team: its page says so, it takes no more offers of help, and whoever still waits for an answer
to an offer is told that none will come. (Erasure itself: test_account_deletion.)"""

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from accounts.services import user_delete
from initiatives import permissions
from initiatives.models import HelpOffer, Initiative
from tests.html import by_id, elements, parse, text_of
from tests.initiatives.factories import (
    HelpOfferFactory,
    HelpRequestFactory,
    InitiativeFactory,
    VerifiedUserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def help_request():
    return HelpRequestFactory(
        initiative=InitiativeFactory(title="Buurtmoestuin"), title="Wie kan er spitten?"
    )


def leave(user, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        user_delete(user=user)


def offer_url(help_request):
    return reverse(
        "initiatives:help_offer_create", kwargs={"slug": help_request.initiative.slug, "pk": help_request.pk}
    )


def fresh(initiative):
    return Initiative.objects.get(pk=initiative.pk)


def test_whoever_waits_for_an_answer_is_told_none_will_come(
    help_request, mailoutbox, django_capture_on_commit_callbacks
):
    waiting = HelpOfferFactory(help_request=help_request, offered_by__display_name="Wim")
    HelpOfferFactory(help_request=help_request, reply="Graag!", replied_at=timezone.now())
    HelpOfferFactory(help_request=help_request, offered_by__is_active=False)

    leave(help_request.initiative.created_by, django_capture_on_commit_callbacks)

    [message] = mailoutbox
    assert message.to == [waiting.offered_by.email]
    assert "Buurtmoestuin" in message.subject
    assert "Wie kan er spitten?" in message.body
    assert waiting.message in message.body


def test_nobody_is_told_while_someone_is_left_in_the_team(mailoutbox, django_capture_on_commit_callbacks):
    partner = VerifiedUserFactory()
    help_request = HelpRequestFactory(initiative=InitiativeFactory(team=[partner]))
    HelpOfferFactory(help_request=help_request)

    leave(help_request.initiative.created_by, django_capture_on_commit_callbacks)

    assert mailoutbox == []
    assert fresh(help_request.initiative).has_team


def test_no_more_offers_without_a_team(client, user, help_request, django_capture_on_commit_callbacks):
    leave(help_request.initiative.created_by, django_capture_on_commit_callbacks)
    help_request.refresh_from_db()

    assert not permissions.can_offer_help(user, help_request)
    client.force_login(user)
    response = client.post(offer_url(help_request), {"message": "Ik kom zaterdag helpen."})
    assert response.status_code == 403
    assert not HelpOffer.objects.exists()


def test_the_page_says_there_is_no_team_and_offers_no_help_form(
    client, settings, user, help_request, django_capture_on_commit_callbacks
):
    leave(help_request.initiative.created_by, django_capture_on_commit_callbacks)
    client.force_login(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    with translation.override("en"):
        page = parse(client.get(help_request.initiative.get_absolute_url()))

    facts = by_id(page, "facts-title").parent
    team = next(item for item in elements(facts, "div", cls="loket-data__item") if "Team" in text_of(item))
    assert "Nobody is in the team any more" in text_of(team)
    assert not elements(team, "ul")
    request = by_id(page, f"hulpvraag-{help_request.pk}")
    assert "Closed: nobody in the team to answer" in text_of(request)
    assert "Open: help is welcome" not in text_of(request)
    assert not [link for link in elements(page, "a") if link.get("href") == offer_url(help_request)]
