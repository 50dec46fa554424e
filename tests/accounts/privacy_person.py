"""A resident who did everything the site allows, through the services (so the person stays complete as the
site grows: a new way to take part belongs here), for the tests of the data export and of erasure.

Every text the person wrote carries a word of its own ("zq" and a name), so a copy is found even when a
record cut it short. `mine` are the texts that are only theirs: none may be left after erasure. `team` are
the texts they wrote for a team that goes on: they stay with the initiative, without the person's name.
"""

import smtplib
from dataclasses import dataclass, field
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.mail import EmailMessage
from django.core.mail.backends.base import BaseEmailBackend
from django.test import override_settings

from accounts.roles import Role
from accounts.services import user_profile_update
from core.images import clean_photo
from core.mail import message_data
from core.tasks import send_email
from initiatives.choices import FollowFrequency, HelpKind, LogKind, Origin, Stage
from initiatives.services import authoring, help_requests, log_entries, participation, publication
from knowledgebase.services.suggestions import example_suggest, suggestion_reject
from lab import services as lab
from moderation import services as moderation
from moderation.models import ReportReason
from tests.accounts.factories import UserFactory, staff_in_role, verify_email
from tests.accounts.privacy_helpers import invite
from tests.initiatives.authoring_helpers import jpeg_bytes
from tests.initiatives.factories import (
    CommentFactory,
    HelpRequestFactory,
    InitiativeFactory,
    VerifiedUserFactory,
)
from tests.knowledgebase.factories import CaseAnalysisFactory
from tests.lab.factories import LabSessionFactory
from tests.places.factories import AreaFactory

NAME = "Wilhelmina Zonneveld-Qx"
EMAIL = "w.zonneveld.qx@example.org"


@dataclass
class Person:
    user: object
    mine: dict[str, str] = field(default_factory=dict)
    team: dict[str, str] = field(default_factory=dict)
    gone_files: list[Path] = field(default_factory=list)
    kept_files: list[Path] = field(default_factory=list)

    def says(self, key: str, text: str = "") -> str:
        """A text only the person owns: "<text> zq<key>"."""
        self.mine[key] = f"{text} zq{key}".strip()
        return self.mine[key]

    def says_for_the_team(self, key: str, text: str = "") -> str:
        self.team[key] = f"{text} zq{key}".strip()
        return self.team[key]

    @property
    def words(self) -> list[str]:
        """The marks of the texts only they own."""
        return [f"zq{key}" for key in self.mine]


def _photo(name="foto.jpg"):
    return clean_photo(SimpleUploadedFile(name, jpeg_bytes(), content_type="image/jpeg"))


def _new_initiative(person: Person, key: str, *, tags=(), photo=False):
    return authoring.initiative_create(
        author=person.user,
        title=person.says(f"{key}title", "Plan"),
        summary=person.says(f"{key}summary", "Kort gezegd"),
        story=person.says(f"{key}story", "Zo begon het"),
        origin=Origin.SOCIETY,
        stage=Stage.IDEA,
        area=AreaFactory(),
        tags=tags,
        cover_image=_photo() if photo else None,
        cover_alt=person.says(f"{key}alt", "Foto van") if photo else "",
        links=person.says(f"{key}links", "https://example.org/"),
    )


def a_person_who_did_everything() -> Person:
    person = Person(UserFactory(email=EMAIL, display_name="Nog geen naam"))
    user = person.user
    verify_email(user)
    user_profile_update(user=user, display_name=NAME, area=AreaFactory())

    moderator = staff_in_role(Role.MODERATOR, display_name="Mira Moderator")
    second_moderator = staff_in_role(Role.MODERATOR, display_name="Otto Tweede")
    ombuds = staff_in_role(Role.OMBUDS, display_name="Olga Ombuds")
    partner, neighbour = VerifiedUserFactory(display_name="Pim"), VerifiedUserFactory(display_name="Noor")

    # Their own initiative, with a team that goes on: what they wrote for it stays with the team.
    team_initiative = authoring.initiative_create(
        author=user,
        title=person.says_for_the_team("teamtitle", "Buurtmoestuin"),
        summary=person.says_for_the_team("teamsummary", "Samen groente kweken"),
        story=person.says_for_the_team("teamstory", "Het begon bij de buren"),
        origin=Origin.SOCIETY,
        stage=Stage.IDEA,
        area=AreaFactory(),
        tags=[person.says_for_the_team("teamtheme")],
        cover_image=_photo(),
        cover_alt=person.says_for_the_team("teamalt", "Tuinbedden"),
    )
    token = invite(team_initiative, partner.email, by=user)
    authoring.invitation_accept(token=token, user=partner)
    authoring.initiative_submit(initiative=team_initiative, by=user)
    publication.initiative_publish(initiative=team_initiative, by=moderator)
    entry = log_entries.log_entry_create(
        initiative=team_initiative,
        author=user,
        kind=LogKind.DILEMMA,
        title=person.says_for_the_team("logtitle", "Water of niet"),
        text=person.says_for_the_team("logtext", "We twijfelen"),
        image=_photo("log.jpg"),
        image_alt=person.says_for_the_team("logalt", "De regenton"),
    )
    help_request = help_requests.help_request_create(
        initiative=team_initiative,
        kind=HelpKind.VOLUNTEERS,
        title=person.says_for_the_team("helptitle", "Handen gezocht"),
        description=person.says_for_the_team("helptext", "Op zaterdag"),
    )
    offer = help_requests.help_offer_create(
        help_request=help_request, offered_by=neighbour, message="Ik kom!"
    )
    help_requests.help_offer_reply(offer=offer, by=user, reply=person.says_for_the_team("reply", "Welkom"))
    team_initiative.refresh_from_db()
    entry.refresh_from_db()
    person.kept_files += [Path(team_initiative.cover_image.path), Path(entry.image.path)]

    # A draft only they know, with a photo and a theme only it uses.
    draft = _new_initiative(person, "draft", tags=[person.says("drafttheme")], photo=True)
    person.gone_files += [Path(draft.cover_image.path), Path(draft.cover_thumbnail.path)]

    # A submitted initiative a moderator rejected; they appealed, another moderator denied it.
    rejected = _new_initiative(person, "rejected")
    authoring.initiative_submit(initiative=rejected, by=user)
    rejection = publication.initiative_reject(initiative=rejected, by=moderator, reason="Nog te vaag.")
    appeal = moderation.appeal_create(action=rejection, by=user, message=person.says("appealone", "Oneens"))
    moderation.appeal_decide(appeal=appeal, by=second_moderator, grant=False, reason="Blijft te vaag.")

    # Invited by email into someone else's team (an accepted invitation holds their address).
    theirs = InitiativeFactory(created_by=neighbour, title="Speeltuin van Noor")
    authoring.invitation_accept(token=invite(theirs, EMAIL.upper(), by=neighbour), user=user)

    # Taking part in someone else's initiative.
    elsewhere = InitiativeFactory(created_by=neighbour, title="Bankjes aan de Slingeweg")
    participation.support_add(initiative=elsewhere, user=user, is_named=True)
    participation.follow_set(initiative=elsewhere, user=user, frequency=FollowFrequency.WEEKLY)
    hidden = participation.comment_create(initiative=elsewhere, author=user, body=person.says("commentone"))
    reported = participation.comment_create(initiative=elsewhere, author=user, body=person.says("commenttwo"))
    help_requests.help_offer_create(
        help_request=HelpRequestFactory(initiative=elsewhere), offered_by=user, message=person.says("offer")
    )
    moderation.report_create(
        item=CommentFactory(initiative=elsewhere),
        by=user,
        reason=ReportReason.SPAM,
        text=person.says("report", "Reclame"),
    )
    moderation.report_create(item=reported, by=neighbour, reason=ReportReason.OFFENSIVE, text="Onaardig.")
    hiding = moderation.item_hide(item=hidden, by=moderator, reason="Niet vriendelijk.")
    appeal = moderation.appeal_create(
        action=hiding, by=user, message=person.says("appealtwo", "Het was grap")
    )
    moderation.appeal_decide(appeal=appeal, by=second_moderator, grant=True, reason="Mag blijven.")
    log_entries.log_entry_create(
        initiative=elsewhere, author=neighbour, kind=LogKind.UPDATE, title="Bankjes besteld", text="Ja."
    )

    # The knowledge base: one example waiting, one rejected.
    example_suggest(by=user, title=person.says("exampletitle"), story=person.says("examplestory"))
    rejected_example = example_suggest(by=user, title=person.says("rejectedtitle"), story="Iets")
    suggestion_reject(article=rejected_example, by=moderator, reason="Geen voorbeeld uit de buurt.")
    CaseAnalysisFactory(initiative=elsewhere).contributors.add(user)

    # The samenwerkingslab: a session and a confidential signal with its conversation.
    lab.registration_signup(session=LabSessionFactory(), user=user)
    signal = lab.signal_create(
        reporter=user,
        title=person.says("signaltitle"),
        description=person.says("signaltext", "Geen antwoord"),
        initiative=elsewhere,
    )
    lab.signal_reply(signal=signal, by=ombuds, body="We zoeken het uit.")
    lab.signal_reply(signal=signal, by=user, body=person.says("signalreply", "Dank"))

    # Blocked for a while by a moderator, then unblocked.
    moderation.user_block(user=user, by=moderator, hard=False, reason="Te veel reclame.")
    moderation.user_unblock(user=user, by=moderator, reason="Afgesproken.")
    # Emails the mail server refused for good (dead letters, core.FailedTask): one to them, and one to a
    # team partner that names them.
    _undeliverable(to=EMAIL, subject=person.says("deadletter", "Over je plan"), body=f"Beste {NAME},")
    _undeliverable(to=partner.email, subject="Nieuws van je team", body=f"{NAME} schreef in het logboek.")
    user.refresh_from_db()
    return person


class RefusingMailServer(BaseEmailBackend):
    def send_messages(self, messages):
        raise smtplib.SMTPRecipientsRefused(
            {message.to[0]: (550, b"mailbox unavailable") for message in messages}
        )


def _undeliverable(*, to: str, subject: str, body: str):
    with override_settings(EMAIL_BACKEND=f"{__name__}.RefusingMailServer"):
        send_email.apply(args=[message_data(EmailMessage(subject=subject, body=body, to=[to]))])
