"""Demo moderation and samenwerkingslab: a few reports and a moderation history on demo content, two
upcoming lab sessions and a past one with a report, and a signal between the demo initiator and the demo
ombuds. Idempotent: what exists (by its title or topic) is left as it is."""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from initiatives.models import Comment, Initiative, LogEntry
from lab.models import LabSession, Registration, RegistrationStatus, Signal, SignalMessage, SignalStatus
from moderation.models import Report, ReportReason
from moderation.services import appeal_create, item_hide, item_restore, report_create

USERS = {
    "ivo": "initiatiefnemer@loket.example",
    "bea": "bewoner@loket.example",
    "anne": "ambtenaar@loket.example",
    "olga": "ombuds@loket.example",
    "kim": "kim@buurt.loket.example",
    "sanne": "sanne@buurt.loket.example",
}

SESSIONS = [
    {
        "topic": "Wie is mijn aanspreekpunt bij de gemeente?",
        "days": 12,
        "place": "Bibliotheek Doetinchem, Raadhuisstraat",
        "capacity": 20,
        "description": (
            "Veel initiatiefnemers zoeken lang naar de juiste persoon bij de gemeente. We bespreken met "
            "wijkregisseurs en initiatiefnemers wat helpt: een vast aanspreekpunt, korte lijnen, en weten "
            "wat je van elkaar kunt verwachten.\n\nKoffie en thee staan klaar."
        ),
    },
    {
        "topic": "Regels die in de weg zitten: samen zoeken naar ruimte",
        "days": 40,
        "place": "Dorpshuis Gaanderen",
        "capacity": 3,
        "description": (
            "Vergunningen, keuringen, aansprakelijkheid: soms lijkt een goed plan vast te lopen op regels. "
            "Neem je eigen voorbeeld mee. Met een ambtenaar vergunningen zoeken we samen waar de ruimte zit."
        ),
    },
]
PAST_SESSION = {
    "topic": "Samenwerkingslab: een jaar loket, wat loopt er goed en wat kan beter?",
    "days": -30,
    "place": "Stadhuis Doetinchem, Raadszaal",
    "capacity": 30,
    "description": "Een eerste verkenning met initiatiefnemers, ambtenaren en raadsleden.",
    "report": (
        "Twintig mensen kwamen: initiatiefnemers uit zes dorpen en wijken, vier ambtenaren en drie raadsleden.\n\n"
        "## Wat goed loopt\n\n- Wijkregisseurs die snel terugbellen.\n- Kleine budgetten die zonder veel papier "
        "beschikbaar zijn.\n\n## Wat beter kan\n\n- Het duurt vaak lang voor duidelijk is wie verantwoordelijk is.\n"
        "- Initiatiefnemers horen niet altijd wat er met hun vraag is gebeurd.\n\n"
        "Afspraak: de gemeente reageert binnen twee weken op elk gepubliceerd initiatief, met een naam erbij."
    ),
}


def _at(days: int, hour: int) -> datetime.datetime:
    moment = timezone.localtime() + datetime.timedelta(days=days)
    return moment.replace(hour=hour, minute=0, second=0, microsecond=0)


def _session(data: dict, host) -> tuple[LabSession, bool]:
    existing = LabSession.objects.filter(topic=data["topic"]).first()
    if existing:
        return existing, False
    session = LabSession.objects.create(
        topic=data["topic"],
        slug=slugify(data["topic"])[:170],
        description=data["description"],
        starts_at=_at(data["days"], 19),
        ends_at=_at(data["days"], 21),
        place=data["place"],
        capacity=data["capacity"],
        is_published=True,
        host=host,
        report=data.get("report", ""),
    )
    return session, True


@transaction.atomic
def load_demo_lab() -> int:
    """Add what is missing; returns how many sessions were added."""
    users = {key: get_user_model().objects.filter(email=email).first() for key, email in USERS.items()}
    if any(user is None for user in users.values()):
        return 0
    added = 0
    for data in SESSIONS:
        session, created = _session(data, users["olga"])
        added += created
        if created and data["capacity"] == 3:  # a full session with someone waiting
            for key in ("kim", "sanne", "bea"):
                Registration.objects.create(
                    session=session, user=users[key], status=RegistrationStatus.REGISTERED
                )
            Registration.objects.create(session=session, user=users["ivo"], status=RegistrationStatus.WAITING)
    past, created = _session(PAST_SESSION, users["olga"])
    added += created
    if created:
        for key in ("ivo", "kim", "anne"):
            Registration.objects.create(session=past, user=users[key], status=RegistrationStatus.REGISTERED)

    if not Signal.objects.filter(reporter=users["ivo"]).exists():
        initiative = Initiative.objects.filter(slug="geveltuinen-de-huet").first()
        signal = Signal.objects.create(
            reporter=users["ivo"],
            title="Al zes weken geen antwoord over de geveltuinen",
            description=(
                "We vroegen in september of we tegels langs de gevels mogen wippen. Eerst hoorden we dat het "
                "kon, daarna werden we doorverwezen naar een andere afdeling, en sindsdien horen we niets. "
                "De buren raken hun enthousiasme kwijt."
            ),
            initiative=initiative,
            status=SignalStatus.IN_PROGRESS,
        )
        SignalMessage.objects.create(
            signal=signal,
            author=users["olga"],
            from_ombuds=True,
            body=(
                "Dank voor je signaal, Ivo. Ik zoek uit bij wie jullie vraag nu ligt en kom deze week bij je "
                "terug. Zullen we daarna samen met de wijkregisseur om tafel?"
            ),
        )
        SignalMessage.objects.create(
            signal=signal,
            author=users["ivo"],
            body="Graag. Donderdagmiddag kunnen wij allebei, in de Huet of op het stadhuis.",
        )

    if not Report.objects.exists():
        _demo_moderation(users)
    return added


def _demo_moderation(users):
    """A moderation history on demo content: two reports waiting on one comment; a comment hidden with its
    reason, which its author appeals; a log entry hidden and shown again once the team had changed it."""
    comments = list(Comment.objects.filter(initiative__publication_state="published").order_by("pk")[:2])
    if len(comments) < 2:
        return
    waiting, hidden = comments
    reporters = [users[key] for key in ("bea", "sanne", "kim") if users[key].pk != waiting.author_id]
    for reporter, reason in zip(reporters, (ReportReason.OFFENSIVE, ReportReason.OTHER), strict=False):
        report_create(item=waiting, by=reporter, reason=reason, text="Dit vind ik niet netjes verwoord.")

    reporter = next(users[key] for key in ("kim", "sanne") if users[key].pk != hidden.author_id)
    report_create(
        item=hidden, by=reporter, reason=ReportReason.PERSONAL_DATA, text="Er staat een telefoonnummer in."
    )
    decision = item_hide(
        item=hidden,
        by=users["anne"],
        reason="In deze reactie stond een telefoonnummer van iemand anders. Dat zetten we niet op de site.",
    )
    appeal_create(
        action=decision,
        by=hidden.author,
        message=(
            "Het was mijn eigen nummer, zodat buren mij kunnen bellen als ze willen meehelpen. "
            "Mag de reactie terug?"
        ),
    )

    entry = LogEntry.objects.filter(initiative__slug="geveltuinen-de-huet").order_by("happened_on").first()
    if entry is not None:
        item_hide(
            item=entry,
            by=users["anne"],
            reason="Er stonden de naam en het adres van een buurtbewoner in. Wil het team die eruit halen?",
        )
        item_restore(
            item=entry, by=users["anne"], reason="Het team heeft de naam en het adres eruit gehaald."
        )
