"""Open data's test world: published content next to everything that must never leave the loket (drafts,
submissions, rejected and hidden initiatives, draft, scheduled and hidden articles, hidden log entries and
those of unpublished initiatives), and people with recognisable names and email addresses around it."""

import datetime
import re
from dataclasses import dataclass, field

from django.urls import reverse
from django.utils import timezone

from flywheels.models import Concept
from initiatives.choices import LogKind, ObstacleCategory
from places.models import Area
from tests.initiatives.factories import (
    CommentFactory,
    HelpOfferFactory,
    HelpRequestFactory,
    InitiativeFactory,
    LogEntryFactory,
    MunicipalResponseFactory,
    SupportFactory,
    VerifiedUserFactory,
)
from tests.knowledgebase.factories import ArticleFactory

# Everything that must stay inside carries this word in its title, text and web address.
SECRET = "geheim"
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# People whose names are never open data: they supported, commented or offered help.
PRIVATE_NAMES = ["Sanne Steunbetuiger", "Kees Commentator", "Hanna Helper", "Anton Anoniem"]
UNPUBLISHED_STATES = ["draft", "submitted", "rejected", "hidden"]


def api(name, **kwargs) -> str:
    return reverse(f"opendata:{name}", kwargs=kwargs or None)


@dataclass
class World:
    initiative: object = None
    log_entry: object = None
    article: object = None
    secret_initiatives: list = field(default_factory=list)
    secret_log_entries: list = field(default_factory=list)
    secret_articles: list = field(default_factory=list)


def person(name, email, **kwargs):
    return VerifiedUserFactory(display_name=name, email=email, **kwargs)


def build() -> World:
    wehl = Area.objects.get(slug="wehl")
    draagvlak = Concept.objects.get(slug="draagvlak")
    world = World()
    initiator = person("Ilse Initiatiefnemer", "ilse.initiatiefnemer@example.org")
    civil_servant = person("Anna Ambtenaar", "anna.ambtenaar@doetinchem.example", is_staff=True)

    world.initiative = InitiativeFactory(
        slug="speeltuin-wehl",
        title="Speeltuin in Wehl",
        area=wehl,
        created_by=initiator,
        contact_person=civil_servant,
        tags=["spelen"],
        links="https://speeltuin.example.net/",
        team=[person("Carla Co", "carla.co@example.org")],
    )
    world.initiative.concepts.add(draagvlak)
    SupportFactory(
        initiative=world.initiative, user=person("Sanne Steunbetuiger", "sanne@example.org"), is_named=True
    )
    SupportFactory(initiative=world.initiative, user=person("Anton Anoniem", "anton@example.org"))
    CommentFactory(initiative=world.initiative, author=person("Kees Commentator", "kees@example.org"))
    request = HelpRequestFactory(initiative=world.initiative)
    HelpOfferFactory(help_request=request, offered_by=person("Hanna Helper", "hanna@example.org"))
    MunicipalResponseFactory(initiative=world.initiative, author=civil_servant)
    world.log_entry = LogEntryFactory(
        initiative=world.initiative, title="Eerste schop in de grond", author=initiator
    )
    LogEntryFactory(
        initiative=world.initiative,
        kind=LogKind.OBSTACLE,
        obstacle_category=ObstacleCategory.RULES,
        title="Vergunning",
    )
    hidden_entry = LogEntryFactory(
        initiative=world.initiative,
        title=f"Verborgen {SECRET} bericht",
        text=f"Tekst {SECRET}.",
        author=initiator,
    )
    hidden_entry.hidden_at = timezone.now()
    hidden_entry.save()
    world.secret_log_entries.append(hidden_entry)

    for state in UNPUBLISHED_STATES:
        secret = InitiativeFactory(
            **{state: True},
            slug=f"{SECRET}-{state}",
            title=f"Initiatief {SECRET} {state}",
            summary=f"Samenvatting {SECRET}.",
            area=wehl,
            tags=["spelen"],
            created_by=person(f"Maker {state}", f"maker.{state}@example.org"),
        )
        secret.concepts.add(draagvlak)
        world.secret_initiatives.append(secret)
        world.secret_log_entries.append(
            LogEntryFactory(initiative=secret, title=f"Logboek {SECRET} {state}", text=f"Tekst {SECRET}.")
        )

    suggester = person("Simon Suggestie", "simon.suggestie@example.org")
    world.article = ArticleFactory(
        slug="keukentafelgesprek",
        title="Keukentafelgesprek in Wehl",
        area=wehl,
        initiative=world.initiative,
        concepts=[draagvlak],
        tags=["spelen"],
        written_by=civil_servant,
        suggested_by=suggester,
    )
    world.secret_articles = [
        ArticleFactory(
            slug=f"{SECRET}-concept",
            title=f"Artikel {SECRET} concept",
            draft=True,
            area=wehl,
            concepts=[draagvlak],
        ),
        ArticleFactory(
            slug=f"{SECRET}-gepland",
            title=f"Artikel {SECRET} gepland",
            scheduled=True,
            area=wehl,
            concepts=[draagvlak],
        ),
        ArticleFactory(
            slug=f"{SECRET}-verborgen",
            title=f"Artikel {SECRET} verborgen",
            area=wehl,
            concepts=[draagvlak],
            hidden_at=timezone.now() - datetime.timedelta(hours=1),
        ),
    ]
    return world


def public_urls(world: World) -> list[str]:
    """Every open data address that shows content."""
    initiative, article, entry = world.initiative, world.article, world.log_entry
    feeds = [
        "initiative_feed",
        "initiative_feed_atom",
        "log_entry_feed",
        "log_entry_feed_atom",
        "article_feed",
        "article_feed_atom",
    ]
    return [
        api("initiative-list"),
        api("initiative-detail", slug=initiative.slug),
        api("logentry-list"),
        api("logentry-detail", pk=entry.pk),
        api("article-list"),
        api("article-detail", slug=article.slug),
        api("area-list"),
        api("concept-list"),
        api("initiative-list") + "?gebied=wehl",
        api("initiative-list") + "?begrip=draagvlak",
        api("logentry-list") + f"?initiatief={initiative.slug}",
        api("article-list") + "?plaats=wehl",
        *(reverse(f"opendata:{name}") for name in feeds),
        *(reverse(f"opendata:{name}") + "?gebied=wehl" for name in feeds),
        *(reverse(f"opendata:{name}") + "?begrip=draagvlak" for name in feeds),
        *(
            reverse("opendata:dataset_download", args=[what, fmt])
            for what in ("initiatieven", "artikelen")
            for fmt in ("csv", "json")
        ),
        reverse("opendata:initiative_embed"),
        reverse("opendata:initiative_embed") + "?gebied=wehl&aantal=20",
        reverse("opendata:index") + "?gebied=wehl",
    ]
