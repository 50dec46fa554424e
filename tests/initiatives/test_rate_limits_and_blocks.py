"""Limits and blocks on taking part, where the issue found them missing: the team's answer to an offer
had no rate limit and was open to a blocked account, and an empty comment past the limit was a server
error. The walk over every write is tests/loket/test_post_views_blocks_and_limits.py; these say it in
the words of the pages."""

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from core.ratelimit import TOO_MANY_MESSAGE
from initiatives.models import Comment, HelpOffer
from tests.initiatives.factories import (
    CommentFactory,
    HelpOfferFactory,
    HelpRequestFactory,
    InitiativeFactory,
    VerifiedUserFactory,
)

pytestmark = pytest.mark.django_db

BLOCKED = "Je account is geblokkeerd"
ANSWER = "Graag! Zaterdag om tien uur bij het grasveld."


def _block(person):
    User.objects.filter(pk=person.pk).update(blocked_at=timezone.now(), block_kind="soft")


@pytest.fixture
def offer():
    return HelpOfferFactory(help_request=HelpRequestFactory(initiative=InitiativeFactory()))


def reply_url(offer):
    return reverse(
        "initiatives:help_offer_reply", kwargs={"slug": offer.help_request.initiative.slug, "pk": offer.pk}
    )


def answer(client, offer, reply=ANSWER):
    client.force_login(User.objects.get(pk=offer.help_request.initiative.created_by_id))
    return client.post(reply_url(offer), {"reply": reply, "website": ""})


# --- Answering offers --------------------------------------------------------------------------------


def test_answers_to_offers_past_the_limit_get_429_and_keep_the_text(client, offer, settings):
    settings.LOKET_POSTING_RATES = {"offer_reply": "1/h"}
    second = HelpOfferFactory(help_request=offer.help_request)
    assert answer(client, offer).status_code == 302

    response = answer(client, second, reply="Het tweede antwoord.")

    assert response.status_code == 429
    assert str(TOO_MANY_MESSAGE) in response.context["form"].non_field_errors()
    assert "Het tweede antwoord." in response.content.decode()
    assert HelpOffer.objects.get(pk=second.pk).reply == ""


def test_the_default_limit_lets_a_team_answer_thirty_offers_an_hour(client, offer):
    offers = [offer, *HelpOfferFactory.create_batch(30, help_request=offer.help_request)]

    statuses = [answer(client, each, reply=f"Antwoord {n}").status_code for n, each in enumerate(offers)]

    assert statuses == [302] * 30 + [429]


def test_a_blocked_team_member_cannot_answer_an_offer(client, offer):
    _block(offer.help_request.initiative.created_by)

    response = answer(client, offer)

    assert response.status_code == 403
    assert BLOCKED in response.content.decode()
    assert HelpOffer.objects.get(pk=offer.pk).reply == ""


# --- Comments ------------------------------------------------------------------------------------------


def test_an_empty_comment_past_the_limit_gets_429_not_a_server_error(client, settings):
    settings.LOKET_POSTING_RATES = {"comment": "0/h"}
    client.force_login(VerifiedUserFactory())
    initiative = InitiativeFactory()

    response = client.post(reverse("initiatives:comment_create", kwargs={"slug": initiative.slug}))

    assert response.status_code == 429
    assert str(TOO_MANY_MESSAGE) in response.context["form"].non_field_errors()
    assert not Comment.objects.exists()


def test_an_empty_comment_edit_past_the_limit_gets_429_not_a_server_error(client, settings):
    settings.LOKET_POSTING_RATES = {"comment": "0/h"}
    comment = CommentFactory(body="Zoals het was.")
    client.force_login(comment.author)

    response = client.post(
        reverse("initiatives:comment_edit", kwargs={"slug": comment.initiative.slug, "pk": comment.pk})
    )

    assert response.status_code == 429
    assert str(TOO_MANY_MESSAGE) in response.context["form"].non_field_errors()
    assert Comment.objects.get(pk=comment.pk).body == "Zoals het was."


def test_a_blocked_author_cannot_change_their_comment_but_can_delete_it(client):
    comment = CommentFactory(body="Zoals het was.")
    _block(comment.author)
    client.force_login(comment.author)
    kwargs = {"slug": comment.initiative.slug, "pk": comment.pk}

    edited = client.post(reverse("initiatives:comment_edit", kwargs=kwargs), {"body": "Iets anders"})

    assert edited.status_code == 403
    assert BLOCKED in edited.content.decode()
    assert Comment.objects.get(pk=comment.pk).body == "Zoals het was."

    deleted = client.post(reverse("initiatives:comment_delete", kwargs=kwargs))

    assert deleted.status_code == 302
    assert not Comment.objects.filter(pk=comment.pk).exists()
