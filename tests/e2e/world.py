"""A small, full world for the pages of initiatives: one published initiative with every part, a draft,
one waiting for the municipality, and the people around them. The accessibility check visits every page
of it as each kind of person."""

import datetime
import re
from dataclasses import dataclass

from django.contrib.auth.models import Group
from django.core import mail
from django.utils import timezone

from accounts.roles import Role
from flywheels.models import Concept
from initiatives.choices import GovernmentRole, HelpKind, LogKind, ObstacleCategory
from initiatives.services.authoring import team_invite
from initiatives.services.notifications import unsubscribe_token
from lab.models import LabSession, Signal, SignalMessage
from moderation.services import item_hide
from places.models import Area
from tests.accounts.factories import staff_in_role
from tests.initiatives.factories import (
    CommentFactory,
    FollowFactory,
    HelpOfferFactory,
    HelpRequestFactory,
    InitiativeFactory,
    LogEntryFactory,
    MunicipalResponseFactory,
    SupportFactory,
    VerifiedUserFactory,
)
from tests.knowledgebase.factories import ArticleFactory, CaseAnalysisFactory

INVITATION_LINK = re.compile(r"/initiatieven/uitnodiging/([^/\s]+)/")


@dataclass
class World:
    people: dict
    paths: dict

    @classmethod
    def build(cls, resident):
        team = VerifiedUserFactory(display_name="Ayla Demir")
        civil_servant = staff_in_role(
            Role.MODERATOR, display_name="Anne Ambtenaar", public_role="wijkregisseur"
        )
        de_huet = Area.objects.get(slug="de-huet")
        initiative = InitiativeFactory(
            title="Geveltuinen in De Huet",
            slug="geveltuinen-de-huet",
            summary="Bewoners maken van tegels langs de gevel smalle tuintjes vol bloemen.",
            story="## Hoe het begon\n\nEen buurvrouw begon. **Nu** doet de halve straat mee.",
            area=de_huet,
            created_by=team,
            contact_person=civil_servant,
            government_role=GovernmentRole.FACILITATE,
            tags=["groen", "ontmoeten"],
            links="https://example.org/geveltuinen",
        )
        initiative.concepts.set(Concept.objects.filter(is_active=True)[:2])
        entries = [
            LogEntryFactory(
                initiative=initiative,
                kind=kind,
                obstacle_category=ObstacleCategory.RULES if kind == LogKind.OBSTACLE else "",
                title=f"Over {kind.label}",
            )
            for kind in LogKind
        ]
        help_request = HelpRequestFactory(initiative=initiative, kind=HelpKind.MATERIALS)
        HelpRequestFactory(initiative=initiative, is_fulfilled=True, title="Een plek voor de tegels")
        offer = HelpOfferFactory(help_request=help_request, offered_by=resident)
        MunicipalResponseFactory(initiative=initiative, author=civil_servant)
        comment = CommentFactory(initiative=initiative, author=resident)
        SupportFactory(initiative=initiative, user=resident, is_named=True)
        follow = FollowFactory(initiative=initiative, user=resident)
        draft = InitiativeFactory(draft=True, created_by=team, area=de_huet, title="Bloembakken op het plein")
        InitiativeFactory(title="Buurtfeest", area=de_huet)  # waits for a first response

        draagvlak = Concept.objects.get(slug="draagvlak")
        concepts = list(Concept.objects.filter(flywheel__slug="samenleving").order_by("order")[:3])
        article = ArticleFactory(
            title="Zo vonden de geveltuinen draagvlak",
            slug="geveltuinen-draagvlak",
            area=de_huet,
            initiative=initiative,
            concepts=[draagvlak],
            tags=["groen"],
            source_url="https://example.org/een-heel-lang-webadres/dat-niet-over-de-rand-mag-lopen-op-een-telefoon",
        )
        ArticleFactory(title="Tips voor een buurtavond", concepts=[draagvlak], is_featured=True)
        draft_article = ArticleFactory(draft=True, title="Nog niet af")
        analysis = CaseAnalysisFactory(
            initiative=initiative,
            title="Analyse: geveltuinen in De Huet",
            findings={concept: f"Wat er gebeurde rond {concept.label_nl}." for concept in concepts},
            other_contributors="Ria, wijkraad\nAnne, wijkregisseur",
        )

        ombuds = staff_in_role(Role.OMBUDS, display_name="Olga Ombuds")
        start = timezone.localtime() + datetime.timedelta(days=10)
        session = LabSession.objects.create(
            topic="Regels die in de weg zitten",
            slug="regels-in-de-weg",
            description="Neem je eigen voorbeeld mee. **Koffie** staat klaar.",
            starts_at=start,
            ends_at=start + datetime.timedelta(hours=2),
            place="Dorpshuis Gaanderen, Kerkstraat 1",
            capacity=12,
            is_published=True,
        )
        signal = Signal.objects.create(
            reporter=resident,
            title="Geen antwoord over de geveltuinen",
            description="Al zes weken niets gehoord.",
        )
        SignalMessage.objects.create(signal=signal, author=ombuds, from_ombuds=True, body="Ik zoek het uit.")
        own_comment = CommentFactory(initiative=initiative, author=resident, body="Bel me: 06-12345678.")
        decision = item_hide(item=own_comment, by=civil_servant, reason="Er staat een telefoonnummer in.")

        team_invite(initiative=initiative, email=resident.email, by=team)
        token = INVITATION_LINK.search(mail.outbox[-1].body).group(1)

        editor = staff_in_role(Role.EDITOR, display_name="Rik Redacteur")
        council_member = VerifiedUserFactory(display_name="Rosa Raadslid")
        council_member.groups.add(Group.objects.get(name=Role.COUNCIL))
        return cls(
            people={
                "team": team,
                "civil_servant": civil_servant,
                "editor": editor,
                "ombuds": ombuds,
                "council": council_member,
            },
            paths={
                "slug": initiative.slug,
                "draft": draft.slug,
                "entry": entries[0].pk,
                "help": help_request.pk,
                "offer": offer.pk,
                "comment": comment.pk,
                "unsubscribe": unsubscribe_token(follow),
                "invitation": token,
                "concept": draagvlak.slug,
                "article": article.slug,
                "draft_article": draft_article.slug,
                "analysis": analysis.slug,
                "session": session.slug,
                "signal": signal.pk,
                "comment_of_team": CommentFactory(initiative=initiative, author=team).pk,
                "decision": decision.pk,
            },
        )
