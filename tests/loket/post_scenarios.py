"""One valid write for every view that accepts a POST from a person on the site: who posts, to which
address, with what. tests/loket/test_post_views_blocks_and_limits.py posts each one three ways (as it is,
by a blocked account, past the limit) and compares the database before and after.

`blocked_may` is the policy, written out: the writes a blocked account may still make (accounts/posting.py
says why). A scenario is named after the view's URL name, with a variant after "/" when one view does two
things a block treats differently (following and unfollowing).
"""

import hashlib
from dataclasses import dataclass

from django.urls import reverse

from initiatives.choices import FollowFrequency, HelpKind
from initiatives.models import TeamInvitation
from initiatives.services.authoring import team_invite
from lab.forms import SignalReplyForm
from moderation.models import ReportReason
from moderation.services import item_hide
from places.models import Area
from tests.accounts.factories import PASSWORD, staff_in_role
from tests.initiatives.authoring_helpers import initiative_data
from tests.initiatives.factories import (
    CommentFactory,
    FollowFactory,
    HelpOfferFactory,
    HelpRequestFactory,
    InitiativeFactory,
    LogEntryFactory,
    VerifiedUserFactory,
)
from tests.initiatives.log_help_helpers import entry_data
from tests.knowledgebase.suggest_helpers import suggestion_data
from tests.lab.factories import LabSessionFactory, RegistrationFactory, SignalFactory
from tests.moderation.factories import report_url


@dataclass(frozen=True)
class Post:
    who: object  # the account that posts
    url: str
    data: dict


@dataclass(frozen=True)
class Scenario:
    view: str  # the URL name
    variant: str
    build: object  # () -> Post, run inside the test's database
    blocked_may: bool

    @property
    def id(self) -> str:
        return f"{self.view}/{self.variant}" if self.variant else self.view


SCENARIOS: list[Scenario] = []


def scenario(view, *, variant="", blocked_may=False):
    def register(build):
        SCENARIOS.append(Scenario(view=view, variant=variant, build=build, blocked_may=blocked_may))
        return build

    return register


def _url(name, **kwargs):
    return reverse(name, kwargs=kwargs)


def _own_initiative(**traits):
    person = VerifiedUserFactory()
    return person, InitiativeFactory(created_by=person, **traits)


# --- initiatives: the team's pages ---------------------------------------------------------------------


@scenario("initiatives:initiative_create")
def _initiative_create():
    area = Area.objects.filter(is_active=True).first()
    return Post(VerifiedUserFactory(), _url("initiatives:initiative_create"), initiative_data(area))


@scenario("initiatives:initiative_edit")
def _initiative_edit():
    person, initiative = _own_initiative(draft=True)
    data = initiative_data(initiative.area, title="Een betere titel voor ons plan")
    return Post(person, _url("initiatives:initiative_edit", slug=initiative.slug), data)


@scenario("initiatives:initiative_submit")
def _initiative_submit():
    person, initiative = _own_initiative(draft=True)
    return Post(person, _url("initiatives:initiative_submit", slug=initiative.slug), {})


@scenario("initiatives:initiative_delete")
def _initiative_delete():
    person, initiative = _own_initiative(draft=True)
    return Post(person, _url("initiatives:initiative_delete", slug=initiative.slug), {})


@scenario("initiatives:team_edit")
def _team_edit():
    person, initiative = _own_initiative()
    data = {"email": "buurvrouw@example.org", "website": ""}
    return Post(person, _url("initiatives:team_edit", slug=initiative.slug), data)


@scenario("initiatives:invitation_accept")
def _invitation_accept():
    initiative = InitiativeFactory()
    invitation = team_invite(initiative=initiative, email="nieuw@example.org", by=initiative.created_by)
    # The token only lives in the email; store the hash of one we know.
    token = "uitnodiging-voor-de-proef"
    TeamInvitation.objects.filter(pk=invitation.pk).update(
        token_hash=hashlib.sha256(token.encode()).hexdigest()
    )
    return Post(VerifiedUserFactory(), _url("initiatives:invitation_accept", token=token), {})


@scenario("initiatives:log_entry_create")
def _log_entry_create():
    person, initiative = _own_initiative()
    return Post(person, _url("initiatives:log_entry_create", slug=initiative.slug), entry_data())


@scenario("initiatives:log_entry_edit")
def _log_entry_edit():
    person, initiative = _own_initiative()
    entry = LogEntryFactory(initiative=initiative, author=person)
    url = _url("initiatives:log_entry_edit", slug=initiative.slug, pk=entry.pk)
    return Post(person, url, entry_data(title="Tweede plantdag"))


@scenario("initiatives:log_entry_delete")
def _log_entry_delete():
    person, initiative = _own_initiative()
    entry = LogEntryFactory(initiative=initiative, author=person)
    return Post(person, _url("initiatives:log_entry_delete", slug=initiative.slug, pk=entry.pk), {})


def _help_request_data(**overrides):
    return {
        "kind": HelpKind.VOLUNTEERS,
        "title": "Handen voor de plantdag",
        "description": "Wie helpt zaterdag een paar uur mee?",
        "website": "",
        **overrides,
    }


@scenario("initiatives:help_request_create")
def _help_request_create():
    person, initiative = _own_initiative()
    return Post(person, _url("initiatives:help_request_create", slug=initiative.slug), _help_request_data())


@scenario("initiatives:help_request_edit")
def _help_request_edit():
    person, initiative = _own_initiative()
    help_request = HelpRequestFactory(initiative=initiative)
    url = _url("initiatives:help_request_edit", slug=initiative.slug, pk=help_request.pk)
    return Post(person, url, _help_request_data(title="Handen voor de oogstdag"))


@scenario("initiatives:help_request_fulfil")
def _help_request_fulfil():
    person, initiative = _own_initiative()
    help_request = HelpRequestFactory(initiative=initiative)
    url = _url("initiatives:help_request_fulfil", slug=initiative.slug, pk=help_request.pk)
    return Post(person, url, {"fulfilled": "1"})


@scenario("initiatives:help_offer_reply")
def _help_offer_reply():
    person, initiative = _own_initiative()
    offer = HelpOfferFactory(help_request=HelpRequestFactory(initiative=initiative))
    url = _url("initiatives:help_offer_reply", slug=initiative.slug, pk=offer.pk)
    return Post(person, url, {"reply": "Graag! Zaterdag om tien uur bij het grasveld.", "website": ""})


@scenario("initiatives:municipal_response_create")
def _municipal_response_create():
    initiative = InitiativeFactory()
    url = _url("initiatives:municipal_response_create", slug=initiative.slug)
    data = {"body": "Mooi plan. De wijkregisseur neemt deze week contact op.", "website": ""}
    return Post(staff_in_role("moderators"), url, data)


# --- initiatives: taking part --------------------------------------------------------------------------


@scenario("initiatives:help_offer_create")
def _help_offer_create():
    help_request = HelpRequestFactory()
    url = _url("initiatives:help_offer_create", slug=help_request.initiative.slug, pk=help_request.pk)
    return Post(VerifiedUserFactory(), url, {"message": "Ik kan zaterdag helpen.", "website": ""})


@scenario("initiatives:support_toggle")
def _support():
    url = _url("initiatives:support_toggle", slug=InitiativeFactory().slug)
    return Post(VerifiedUserFactory(), url, {"action": "support", "is_named": "on"})


@scenario("initiatives:follow_toggle", variant="follow")
def _follow():
    url = _url("initiatives:follow_toggle", slug=InitiativeFactory().slug)
    return Post(VerifiedUserFactory(), url, {"frequency": FollowFrequency.WEEKLY})


@scenario("initiatives:follow_toggle", variant="unfollow", blocked_may=True)
def _unfollow():
    follow = FollowFactory()
    url = _url("initiatives:follow_toggle", slug=follow.initiative.slug)
    return Post(follow.user, url, {"action": "unfollow"})


@scenario("initiatives:comment_create")
def _comment_create():
    url = _url("initiatives:comment_create", slug=InitiativeFactory().slug)
    return Post(VerifiedUserFactory(), url, {"body": "Wat een goed idee!", "website": ""})


@scenario("initiatives:comment_edit")
def _comment_edit():
    comment = CommentFactory()
    url = _url("initiatives:comment_edit", slug=comment.initiative.slug, pk=comment.pk)
    return Post(comment.author, url, {"body": "Wat een goed idee, ik kom helpen!", "website": ""})


@scenario("initiatives:comment_delete", blocked_may=True)
def _comment_delete():
    comment = CommentFactory()
    return Post(
        comment.author, _url("initiatives:comment_delete", slug=comment.initiative.slug, pk=comment.pk), {}
    )


# --- knowledge base, moderation ------------------------------------------------------------------------


@scenario("knowledgebase:example_suggest")
def _example_suggest():
    return Post(VerifiedUserFactory(), _url("knowledgebase:example_suggest"), suggestion_data())


@scenario("moderation:report_create")
def _report_create():
    data = {"reason": ReportReason.SPAM, "text": "Reclame.", "website": ""}
    return Post(VerifiedUserFactory(), report_url(CommentFactory()), data)


@scenario("moderation:appeal_create", blocked_may=True)
def _appeal_create():
    comment = CommentFactory()
    action = item_hide(item=comment, by=staff_in_role("moderators"), reason="Niet netjes.")
    data = {"message": "Ik bedoelde het grappig, niet gemeen.", "website": ""}
    return Post(comment.author, _url("moderation:appeal_create", pk=action.pk), data)


# --- samenwerkingslab ----------------------------------------------------------------------------------


@scenario("lab:session_signup")
def _session_signup():
    return Post(VerifiedUserFactory(), _url("lab:session_signup", slug=LabSessionFactory().slug), {})


@scenario("lab:session_cancel", blocked_may=True)
def _session_cancel():
    registration = RegistrationFactory()
    return Post(registration.user, _url("lab:session_cancel", slug=registration.session.slug), {})


@scenario("lab:signal_create")
def _signal_create():
    data = {
        "title": "Geen antwoord over de speeltuin",
        "description": "Al twee maanden wachten we op antwoord van de gemeente.",
        "initiative": "",
        "website": "",
    }
    return Post(VerifiedUserFactory(), _url("lab:signal_create"), data)


@scenario("lab:signal_detail", variant="reply")
def _signal_reply():
    signal = SignalFactory()
    data = {"action": SignalReplyForm.ACTION, "body": "Is er al nieuws?", "website": ""}
    return Post(signal.reporter, _url("lab:signal_detail", pk=signal.pk), data)


@scenario("lab:signal_withdraw", blocked_may=True)
def _signal_withdraw():
    signal = SignalFactory()
    return Post(signal.reporter, _url("lab:signal_withdraw", pk=signal.pk), {})


# --- the account ---------------------------------------------------------------------------------------


@scenario("accounts:profile_edit")
def _profile_edit():
    return Post(VerifiedUserFactory(), _url("accounts:profile_edit"), {"display_name": "Bea", "area": ""})


@scenario("accounts:account_delete", blocked_may=True)
def _account_delete():
    return Post(VerifiedUserFactory(), _url("accounts:account_delete"), {"password": PASSWORD})
