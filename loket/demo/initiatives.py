"""Demo initiatives: about fifteen cases in Doetinchem's villages and districts, with their logs, help
requests, offers, supporters, follows, comments and responses of the municipality.

The cases are invented, in the spirit of the seeds (dorpsplannen, groen in de wijk, a natuurspeelplaats,
a neighbourhood festival, municipal plans made with residents). Dates are counted back from the moment
the demo is loaded, so the site always looks alive. Loading is idempotent: an initiative whose slug
already exists is left as it is, like the demo accounts; delete it (or the database) to get it back fresh.
The cover images in static/img/demo/ are simple illustrations drawn with Pillow for this demo.
"""

import datetime
import functools
from dataclasses import dataclass
from pathlib import Path

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.files import File
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from core.images import clean_photo, make_thumbnail
from flywheels.models import Concept
from initiatives.choices import (
    GovernmentRole,
    HelpKind,
    LogKind,
    ObstacleCategory,
    Origin,
    ParticipationStep,
    PublicationState,
    Stage,
    TeamRole,
)
from initiatives.models import (
    Comment,
    Follow,
    HelpOffer,
    HelpRequest,
    Initiative,
    LogEntry,
    MunicipalResponse,
    Support,
    TeamMembership,
)
from initiatives.services.search import initiative_reindex
from places.models import Area

COVER_DIR = Path(settings.BASE_DIR) / "static" / "img" / "demo"

# The extra demo residents live on a subdomain, so the seven role accounts stay the only @loket.example ones.
RESIDENT_DOMAIN = "buurt.loket.example"
CIVIL_SERVANT_ROLE = "wijkregisseur Doetinchem-Oost"


# --- people ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Resident:
    key: str
    display_name: str
    area_slug: str

    @property
    def email(self):
        return f"{self.key}@{RESIDENT_DOMAIN}"


RESIDENTS = [
    Resident("marieke", "Marieke uit Wehl", "wehl"),
    Resident("bart", "Bart Ebbers", "wehl"),
    Resident("ria", "Ria Hofman", "wehl"),
    Resident("henk", "Henk te Molder", "wehl"),
    Resident("jeroen", "Jeroen Wassink", "gaanderen"),
    Resident("kim", "Kim de Vries", "de-huet"),
    Resident("ayla", "Ayla Demir", "dichteren"),
    Resident("lotte", "Lotte Bosman", "dichteren"),
    Resident("mehmet", "Mehmet Yilmaz", "dichteren"),
    Resident("sanne", "Sanne Hendriks", "schoneveld"),
    Resident("fatima", "Fatima El Amrani", "oosseld"),
    Resident("gerrit", "Gerrit Wolters", "nieuw-wehl"),
    Resident("wim", "Wim Klein Gunnewiek", "langerak"),
    Resident("joost", "Joost Tiemessen", "wijnbergen"),
]

# The demo accounts the command makes itself, by the same short keys.
ACCOUNTS = {
    "bewoner": "bewoner@loket.example",
    "ivo": "initiatiefnemer@loket.example",
    "anne": "ambtenaar@loket.example",
}


# --- the shape of the data ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Log:
    days_ago: int
    kind: LogKind
    title: str
    text: str
    category: str = ""  # an ObstacleCategory, only for obstacles
    by: str | None = None  # a person's key; the initiator when not given


@dataclass(frozen=True)
class Offer:
    by: str
    days_ago: int
    message: str
    reply: str = ""
    reply_days_ago: int | None = None


@dataclass(frozen=True)
class Help:
    kind: HelpKind
    days_ago: int
    title: str
    description: str
    fulfilled_days_ago: int | None = None
    offers: tuple[Offer, ...] = ()


@dataclass(frozen=True)
class Said:
    """A comment, or a response of the municipality."""

    by: str
    days_ago: int
    text: str


@dataclass(frozen=True)
class Cover:
    file: str
    alt: str


@dataclass(frozen=True)
class DemoInitiative:
    slug: str
    title: str
    area: str
    summary: str
    story: str
    initiator: str
    created_days_ago: int
    origin: Origin = Origin.SOCIETY
    stage: Stage = Stage.IDEA
    state: PublicationState = PublicationState.PUBLISHED
    published_days_ago: int | None = None
    submitted_days_ago: int | None = None
    rejection_reason: str = ""
    government_role: str = ""
    participation_step: str = ""
    team: tuple[str, ...] = ()  # co-initiators
    contact: str | None = None
    tags: tuple[str, ...] = ()
    concepts: tuple[str, ...] = ()
    links: tuple[str, ...] = ()
    cover: Cover | None = None
    log: tuple[Log, ...] = ()
    help: tuple[Help, ...] = ()
    named_supporters: tuple[str, ...] = ()
    anonymous_supporters: tuple[str, ...] = ()
    followers: tuple[str, ...] = ()
    comments: tuple[Said, ...] = ()
    responses: tuple[Said, ...] = ()


# --- the initiatives ---------------------------------------------------------------------------------

DEMO_INITIATIVES = [
    DemoInitiative(
        slug="dorpsplan-wehl",
        title="Dorpsplan Wehl: samen bepalen wat het dorp nodig heeft",
        area="wehl",
        summary=(
            "Met een vragenlijst, keukentafelgesprekken en dorpsavonden schrijven inwoners van Wehl hun "
            "eigen plan voor de komende tien jaar."
        ),
        story="""Wehl verandert. Er komen jonge gezinnen bij, de bakker is gestopt en veel ouderen willen graag in het dorp blijven wonen. De dorpsraad wilde niet wachten tot anderen daar plannen voor maken, en begon met een groep inwoners aan een **dorpsplan**.

Eerst ging er een vragenlijst huis aan huis. Daarna gingen vrijwilligers op bezoek bij mensen die je niet snel op een avond in het dorpshuis ziet.

Wat er tot nu toe uit komt:

- betaalbare woningen voor starters en ouderen;
- een veiligere oversteek bij de doorgaande weg;
- een plek waar jongeren terecht kunnen;
- meer ontmoeting tussen oud en nieuw Wehl.

Het plan is van het dorp, niet van de gemeente. We vragen de gemeente wel om mee te denken en de uitkomsten mee te nemen in haar eigen plannen.""",
        initiator="marieke",
        team=("bart",),
        created_days_ago=200,
        published_days_ago=195,
        stage=Stage.RUNNING,
        government_role=GovernmentRole.FACILITATE,
        contact="anne",
        tags=("dorpsplan", "wonen", "verkeer", "ontmoeting"),
        concepts=("animo", "draagvlak", "netwerk", "aanspreekpunt"),
        links=("https://dorpsraad-wehl.example/dorpsplan",),
        cover=Cover(
            "dorp.jpg",
            "Tekening van een dorp met een kerktoren en huizen met rode daken, met een akker op de voorgrond.",
        ),
        log=(
            Log(
                190,
                LogKind.MILESTONE,
                "Startavond in het dorpshuis",
                "Zo'n tachtig mensen kwamen naar de startavond. We legden uit wat een dorpsplan is en wat "
                "niet: het is geen verlanglijst voor de gemeente, maar een plan waar het dorp zelf mee aan "
                "de slag gaat. Twintig mensen schreven zich in voor een werkgroep.",
            ),
            Log(
                160,
                LogKind.UPDATE,
                "Vragenlijst bij elk adres bezorgd",
                "De vragenlijst is bij alle adressen in Wehl bezorgd, op papier en met een QR-code. "
                "Vrijwilligers halen de papieren versies weer op.\n\nTip van een bewoner: zet op de brief "
                "wanneer je langskomt, dan ligt hij klaar.",
                by="bart",
            ),
            Log(
                130,
                LogKind.OBSTACLE,
                "Zeven weken wachten op cijfers over woningbouw",
                "Voor het hoofdstuk wonen wilden we weten welke bouwplannen er al liggen. Het duurde zeven "
                "weken voor we antwoord kregen, en toen bleek een deel van de informatie al openbaar. Een "
                "vast aanspreekpunt had ons veel tijd gescheeld.",
                category=ObstacleCategory.LEAD_TIME,
            ),
            Log(
                100,
                LogKind.DILEMMA,
                "Wie praat er eigenlijk mee?",
                "Op de dorpsavonden zagen we vooral vijftigplussers. Jongeren waren er nauwelijks, terwijl "
                "hun wensen net zo zwaar moeten wegen. Organiseren we een aparte avond voor hen, of gaan "
                "we naar de plekken waar zij al zijn: de sportclub, de bushalte, de app-groep?",
            ),
            Log(
                70,
                LogKind.WORKING_ELEMENT,
                "Naar mensen toe gaan werkt",
                "Keukentafelgesprekken leverden veel meer op dan de avonden in het dorpshuis. Thuis "
                "vertellen mensen eerlijker wat ze missen. We maakten een kort gespreksformulier dat "
                "andere dorpen mogen gebruiken.",
                by="bart",
            ),
            Log(
                20,
                LogKind.REFLECTION,
                "Halverwege: wat hebben we geleerd?",
                "We onderschatten hoeveel tijd het schrijven kost. Ideeën ophalen is leuk, kiezen is "
                "lastig. De wijkregisseur hielp door te vertellen waar de gemeente al mee bezig is, zodat "
                "we geen dubbel werk doen.",
            ),
        ),
        help=(
            Help(
                HelpKind.EXPERTISE,
                40,
                "Hulp bij de vormgeving van het plan",
                "We zoeken iemand met ervaring in vormgeving die het dorpsplan leesbaar en aantrekkelijk "
                "maakt, met foto's en een paar kaartjes. Een paar avonden werk, schatten we.",
                offers=(
                    Offer(
                        "bewoner",
                        35,
                        "Ik werk als grafisch ontwerper en help graag een paar avonden mee. In Gaanderen "
                        "willen we ook een dorpsplan, dus ik leer er zelf ook van.",
                        reply="Wat fijn! Zullen we volgende week even bellen? Dan stuur ik je de teksten "
                        "die al klaar zijn.",
                        reply_days_ago=34,
                    ),
                ),
            ),
        ),
        named_supporters=("ria", "henk", "gerrit", "bewoner", "kim"),
        anonymous_supporters=("jeroen", "ayla"),
        followers=("jeroen", "ria"),
        comments=(
            Said(
                "bewoner",
                60,
                "In Gaanderen willen we ook een dorpsplan maken. Mogen we jullie vragenlijst gebruiken?",
            ),
            Said("marieke", 59, "Natuurlijk! Stuur me een bericht, dan deel ik de bestanden."),
        ),
        responses=(
            Said(
                "anne",
                187,
                "Dank voor jullie aanmelding. Als wijkregisseur ben ik jullie aanspreekpunt bij de "
                "gemeente. Ik kom graag naar de volgende werkgroepavond om te vertellen welke plannen er "
                "voor Wehl al lopen, zodat jullie daarop kunnen aansluiten.",
            ),
            Said(
                "anne",
                127,
                "Excuses voor de lange wachttijd bij jullie vraag over woningbouw. Zulke vragen lopen vanaf "
                "nu via mij. Ik laat binnen een week weten wanneer jullie een antwoord krijgen.",
            ),
        ),
    ),
    DemoInitiative(
        slug="dorpsplan-gaanderen",
        title="Dorpsplan Gaanderen: wat vinden we belangrijk?",
        area="gaanderen",
        summary=(
            "Een groep Gaanderenaren wil een dorpsplan maken en zoekt daarvoor mensen, een plek om samen "
            "te komen en een vast aanspreekpunt bij de gemeente."
        ),
        story="""In Wehl werken inwoners al aan een dorpsplan. Dat willen wij in Gaanderen ook: zelf op papier zetten wat het dorp nodig heeft, voordat anderen dat voor ons doen.

We denken aan onderwerpen als:

1. wonen voor jong en oud;
2. de toekomst van de winkels in het centrum van het dorp;
3. groen en de verbinding met de Oude IJssel;
4. verenigingen die leden en vrijwilligers zoeken.

We staan nog aan het begin. Wil je meedenken of meeschrijven? Laat het weten!""",
        initiator="jeroen",
        created_days_ago=45,
        published_days_ago=40,
        stage=Stage.PREPARING,
        government_role=GovernmentRole.STIMULATE,
        tags=("dorpsplan", "wonen", "ontmoeting"),
        concepts=("animo", "toerusting", "aanspreekpunt"),
        log=(
            Log(
                38,
                LogKind.UPDATE,
                "Eerste avond aan de keukentafel",
                "Met negen mensen zaten we om de keukentafel. Iedereen noemde drie dingen die hij of zij "
                "belangrijk vindt voor Gaanderen. Wonen en de winkels kwamen het vaakst terug.",
            ),
            Log(
                30,
                LogKind.OBSTACLE,
                "Bij wie moeten we zijn?",
                "We belden de gemeente met de vraag of er ondersteuning is voor een dorpsplan. We werden "
                "drie keer doorverbonden en hebben nog steeds geen naam van iemand die ons verder kan "
                "helpen.",
                category=ObstacleCategory.UNCLEAR_CONTACT,
            ),
            Log(
                15,
                LogKind.WORKING_ELEMENT,
                "Leren van Wehl",
                "Marieke van het dorpsplan Wehl gaf ons hun vragenlijst en vertelde wat zij nu anders "
                "zouden doen. Dat scheelt ons maanden. Tip: zoek een dorp dat een paar stappen verder is.",
            ),
        ),
        help=(
            Help(
                HelpKind.MUNICIPAL_CONTACT,
                30,
                "Een vast aanspreekpunt bij de gemeente",
                "Wie bij de gemeente wil met ons meedenken over de aanpak, en kan vertellen welke plannen "
                "er voor Gaanderen al liggen?",
            ),
            Help(
                HelpKind.PLACE,
                28,
                "Een zaal voor de dorpsavonden",
                "We zoeken een zaal voor ongeveer tachtig mensen, op een doordeweekse avond. Het liefst "
                "gratis of voor een kleine vergoeding.",
            ),
        ),
        named_supporters=("bewoner", "marieke"),
        anonymous_supporters=("ria",),
        followers=("bewoner", "marieke"),
        comments=(Said("bewoner", 25, "Ik doe graag mee met de werkgroep wonen."),),
    ),
    DemoInitiative(
        slug="geveltuinen-de-huet",
        title="Geveltuinen in De Huet",
        area="de-huet",
        summary=(
            "Bewoners van De Huet halen een rij stoeptegels weg en maken er smalle geveltuinen van: "
            "groener, koeler en een goede reden om met de buren te praten."
        ),
        story="""In onze straten is bijna alles verhard. In de zomer wordt het er heet, en na een flinke bui staat het water op straat. Een geveltuin is een eenvoudige oplossing: één rij tegels eruit, goede grond erin en planten die tegen een stootje kunnen.

**Hoe het werkt**

- Je meldt je aan en overlegt met je buren.
- Op de plantdag halen we samen de tegels weg.
- De gemeente neemt de tegels mee en levert compost.
- Je zorgt zelf voor de planten, wij helpen met tips en stekjes.

Er moet wel genoeg ruimte op de stoep overblijven voor rolstoelen en kinderwagens. Daar letten we samen op.""",
        initiator="ivo",
        team=("kim",),
        created_days_ago=160,
        published_days_ago=155,
        stage=Stage.RUNNING,
        government_role=GovernmentRole.FACILITATE,
        contact="anne",
        tags=("groen", "klimaat", "ontmoeting"),
        concepts=("animo", "eigenaarschap", "middelen", "regelruimte", "uitvoering"),
        cover=Cover(
            "groen-in-de-wijk.jpg",
            "Tekening van een rij huizen met smalle tuintjes vol planten en bloemen langs de gevel.",
        ),
        log=(
            Log(
                150,
                LogKind.UPDATE,
                "De eerste tien aanmeldingen",
                "Binnen een week meldden tien huishoudens zich aan. De meesten wonen in dezelfde twee "
                "straten: buren steken elkaar aan.",
            ),
            Log(
                135,
                LogKind.OBSTACLE,
                "Mag een geveltuin zomaar?",
                "Het was onduidelijk of je toestemming nodig hebt. Er bestaat een regel over een vrije "
                "doorgang op de stoep, maar niet hoe je die meet bij een smalle stoep. Na een paar mails "
                "kwam de wijkregisseur met een heldere uitleg op één A4.",
                category=ObstacleCategory.RULES,
            ),
            Log(
                120,
                LogKind.MILESTONE,
                "Plantdag: 23 geveltuinen in één ochtend",
                "Op zaterdag gingen in één ochtend 23 geveltuinen de grond in. De gemeente bracht compost "
                "en haalde de tegels op. Na afloop was er soep bij Kim.",
                by="kim",
            ),
            Log(
                90,
                LogKind.WORKING_ELEMENT,
                "Eén vaste plantdag maakt het makkelijk",
                "Door alles op één dag te doen, tegels eruit, grond erin, planten erbij, hoeft niemand het "
                "alleen uit te zoeken. Buren die twijfelden, deden mee toen ze de eerste tuintjes zagen.",
            ),
            Log(
                45,
                LogKind.DILEMMA,
                "Wat als iemand verhuist?",
                "Twee deelnemers verhuizen. Blijft hun geveltuin dan bestaan? De nieuwe bewoners hebben er "
                "niet voor gekozen. We willen het niemand opleggen, maar ook niet dat tuintjes verwilderen.",
            ),
            Log(
                12,
                LogKind.REFLECTION,
                "Wat we anders zouden doen",
                "We zouden eerder afspraken maken over het onderhoud, en de regels meteen bij de aanmelding "
                "uitleggen. De samenwerking met de gemeente voelde gelijkwaardig: wij deden het werk, zij "
                "maakten het makkelijk.",
            ),
        ),
        help=(
            Help(
                HelpKind.VOLUNTEERS,
                20,
                "Handen voor de najaarsplantdag",
                "Voor de tweede plantdag zoeken we mensen die een ochtend tegels willen sjouwen en grond "
                "willen scheppen. Koffie en soep staan klaar.",
                offers=(
                    Offer(
                        "bewoner",
                        18,
                        "Ik kan zaterdagochtend helpen en neem een kruiwagen mee.",
                        reply="Top, we beginnen om negen uur bij het speelveldje. Tot dan!",
                        reply_days_ago=17,
                    ),
                ),
            ),
            Help(
                HelpKind.MATERIALS,
                140,
                "Stekjes en vaste planten",
                "Heb je planten over die je wilt delen? Vooral stevige vaste planten zijn welkom.",
                fulfilled_days_ago=122,
            ),
        ),
        named_supporters=("marieke", "bewoner", "lotte", "fatima"),
        anonymous_supporters=("jeroen", "sanne", "henk", "ria"),
        followers=("lotte",),
        comments=(
            Said("marieke", 100, "Wat een mooi resultaat! Welke planten doen het goed op het zuiden?"),
            Said("ivo", 99, "Lavendel, tijm en ooievaarsbek. En een klimroos als je geduld hebt."),
        ),
        responses=(
            Said(
                "anne",
                152,
                "Mooi initiatief! De gemeente haalt de tegels gratis op en levert compost voor de "
                "plantdag. Laat me een week van tevoren weten hoeveel adressen meedoen.",
            ),
        ),
    ),
    DemoInitiative(
        slug="natuurspeelplaats-dichteren",
        title="Natuurspeelplaats Dichteren",
        area="dichteren",
        summary=(
            "Ouders in Dichteren willen de verouderde speeltuin aan de rand van de wijk ombouwen tot een "
            "natuurspeelplaats met boomstammen, water, zand en een wilgentunnel."
        ),
        story="""De speeltuin bij ons in de buurt is verouderd: een wipkip, een glijbaan en veel tegels. Kinderen spelen er nauwelijks. In andere wijken zagen we natuurspeeltuinen waar kinderen uren bezig zijn met water, zand en klimbomen.

Ons plan:

- boomstammen om op te klimmen en te balanceren;
- een waterpomp met een goot en een zandbak;
- een wilgentunnel en inheemse struiken;
- bankjes voor ouders en grootouders.

Kinderen uit de buurt tekenden mee aan het ontwerp. We willen de speelplaats samen met de buurt aanleggen en ook samen onderhouden.""",
        initiator="ayla",
        team=("ivo", "lotte"),
        created_days_ago=95,
        published_days_ago=92,
        stage=Stage.PREPARING,
        government_role=GovernmentRole.FACILITATE,
        contact="anne",
        tags=("spelen", "groen", "jeugd"),
        concepts=("animo", "draagvlak", "middelen", "regelruimte"),
        cover=Cover(
            "natuurspeelplaats.jpg",
            "Tekening van een groene speelplek met boomstammen om op te balanceren, stapstenen en een "
            "wilgentunnel onder een gele zon.",
        ),
        log=(
            Log(
                88,
                LogKind.UPDATE,
                "Tekenmiddag met de kinderen",
                "Dertig kinderen tekenden hun droomspeelplek. Water en klimmen kwamen op bijna elke "
                "tekening terug. Een paar ouders namen de tekeningen mee naar huis om over door te praten.",
            ),
            Log(
                70,
                LogKind.OBSTACLE,
                "Speeltoestellen moeten gekeurd worden",
                "Ook boomstammen en een waterpomp gelden als speeltoestel en moeten veilig zijn. Wie is "
                "aansprakelijk, en wie onderhoudt het? Dat wisten we niet. Via de gemeente hoorden we dat "
                "zij het onderhoud kan overnemen als het ontwerp aan de eisen voldoet.",
                category=ObstacleCategory.RULES,
            ),
            Log(
                55,
                LogKind.OBSTACLE,
                "De begroting valt hoger uit",
                "Een goede waterpomp en valondergrond kosten meer dan we dachten. We komen zo'n 6.000 euro "
                "tekort.",
                category=ObstacleCategory.MONEY,
                by="lotte",
            ),
            Log(
                40,
                LogKind.MILESTONE,
                "De buurt kiest het ontwerp",
                "Op een buurtavond kozen we uit twee schetsen. Het werd het ontwerp met de wilgentunnel. "
                "Bijna iedereen die kwam, wil helpen bij de aanleg.",
            ),
            Log(
                18,
                LogKind.WORKING_ELEMENT,
                "Een adviseur die meedenkt in plaats van toetst",
                "De speelruimte-adviseur van de gemeente kwam vroeg kijken en dacht mee over oplossingen. "
                "Daardoor hoefden we het ontwerp later niet om te gooien.",
                by="ivo",
            ),
        ),
        help=(
            Help(
                HelpKind.MATERIALS,
                60,
                "Boomstammen en keien",
                "We zoeken stevige boomstammen (zonder rot) en grote keien om op te klimmen.",
                fulfilled_days_ago=30,
            ),
            Help(
                HelpKind.MONEY,
                50,
                "Bijdrage voor de waterpomp",
                "Voor de waterpomp en de valondergrond komen we ongeveer 6.000 euro tekort. Weet jij een "
                "fonds, of wil je als ondernemer bijdragen?",
                fulfilled_days_ago=24,
            ),
            Help(
                HelpKind.VOLUNTEERS,
                15,
                "Helpers voor de aanlegdagen",
                "In het voorjaar leggen we de speelplaats in drie zaterdagen aan. We zoeken mensen die "
                "willen graven, sjouwen en planten. Ervaring is niet nodig.",
                offers=(
                    Offer(
                        "bewoner",
                        12,
                        "Ik help graag op een van de zaterdagen. Ik heb ook een aanhanger.",
                        reply="Een aanhanger is precies wat we nodig hebben! Ik zet je op de lijst voor "
                        "de eerste zaterdag.",
                        reply_days_ago=11,
                    ),
                    Offer("kim", 9, "Ik kom met mijn twee kinderen, die willen graag wilgen planten."),
                ),
            ),
        ),
        named_supporters=("mehmet", "bewoner", "marieke", "sanne"),
        anonymous_supporters=("ria", "henk", "jeroen", "fatima", "gerrit"),
        followers=("bewoner", "mehmet"),
        comments=(
            Said("kim", 50, "Mijn kinderen kunnen niet wachten! Laat het weten als er een klusdag is."),
        ),
        responses=(
            Said(
                "anne",
                80,
                "Fijn dat jullie dit oppakken. De gemeente kan het onderhoud overnemen als het ontwerp aan "
                "de eisen voor speeltoestellen voldoet. Ik breng jullie in contact met onze adviseur voor "
                "speelruimte.",
            ),
            Said(
                "anne",
                25,
                "Goed nieuws: uit het budget voor groen en spelen in de wijk is geld beschikbaar voor de "
                "waterpomp en de valondergrond. De aanvraag is rond.",
            ),
        ),
    ),
    DemoInitiative(
        slug="buurtfeest-schoneveld",
        title="Buurtfeest Schöneveld",
        area="schoneveld",
        summary=(
            "Een straatfeest voor heel Schöneveld, door en voor bewoners: met een lange tafel, muziek uit "
            "de buurt en gerechten uit alle keukens van de wijk."
        ),
        story="""Schöneveld is een wijk met veel verschillende mensen, maar we kennen elkaar vaak niet. Daarom organiseerden we een buurtfeest: één lange tafel door de straat, waar iedereen iets meeneemt.

Er was muziek van bandjes uit de wijk, een springkussen voor de kinderen en een proeverij met gerechten uit alle keukens van Schöneveld. Het feest is voorbij, maar de werkgroep gaat door met kleinere activiteiten.""",
        initiator="sanne",
        created_days_ago=130,
        published_days_ago=128,
        stage=Stage.COMPLETED,
        government_role=GovernmentRole.LET_GO,
        tags=("ontmoeting", "feest", "cultuur"),
        concepts=("animo", "netwerk", "toerusting", "delen-en-waarderen"),
        cover=Cover(
            "buurtfeest.jpg",
            "Tekening van vlaggetjes in vrolijke kleuren boven lange tafels, onder een sterrenhemel.",
        ),
        log=(
            Log(
                120,
                LogKind.UPDATE,
                "Een werkgroep van zes buren",
                "Zes buren vormen de werkgroep. We verdeelden de taken: muziek, eten, kinderen, "
                "vergunningen en opruimen.",
            ),
            Log(
                95,
                LogKind.OBSTACLE,
                "De flats doen nog niet mee",
                "Bewoners van de flats aan de rand van de wijk reageerden nauwelijks op de flyers. We gaan "
                "nu langs de deuren, met iemand die de mensen daar al kent.",
                category=ObstacleCategory.OTHER,
            ),
            Log(
                60,
                LogKind.WORKING_ELEMENT,
                "Een melding in plaats van een vergunning",
                "Voor een klein buurtfeest bleek een melding bij de gemeente genoeg, geen vergunning. Dat "
                "scheelde veel werk en wachttijd. Vraag het dus eerst na.",
            ),
            Log(
                42,
                LogKind.MILESTONE,
                "Het feest: driehonderd buren aan één tafel",
                "Het weer zat mee en er kwamen zo'n driehonderd buren. De tafel was bijna tweehonderd meter "
                "lang. Het eten was op voordat de band klaar was.",
            ),
            Log(
                35,
                LogKind.REFLECTION,
                "Wat het feest ons heeft gebracht",
                "Mensen groeten elkaar nu op straat. Drie buren hebben zich gemeld voor de werkgroep van "
                "volgend jaar. Een les: begin eerder met de flats, en vraag daar iemand om mee te "
                "organiseren in plaats van alleen uit te nodigen.",
            ),
        ),
        help=(
            Help(
                HelpKind.VOLUNTEERS,
                70,
                "Opbouwers en opruimers",
                "We zoeken mensen die 's ochtends helpen met opbouwen of 's avonds met opruimen.",
                fulfilled_days_ago=45,
                offers=(
                    Offer(
                        "fatima",
                        65,
                        "Ik help met opbouwen en kan ook hapjes uit de Marokkaanse keuken maken.",
                        reply="Heel graag, allebei! Ik zet je bij de proeverij.",
                        reply_days_ago=64,
                    ),
                ),
            ),
            Help(
                HelpKind.MATERIALS,
                75,
                "Partytenten en tafels",
                "Wie kan partytenten, tafels of bankjes uitlenen voor één dag?",
                fulfilled_days_ago=50,
            ),
        ),
        named_supporters=("fatima", "kim"),
        anonymous_supporters=("henk", "lotte"),
    ),
    DemoInitiative(
        slug="jeugdhonk-oosseld",
        title="Jeugdhonk in Oosseld",
        area="oosseld",
        summary=(
            "Jongeren uit Oosseld zochten een eigen plek om af te spreken. Na maanden zoeken is het plan "
            "gestopt; hun ervaringen staan in het logboek."
        ),
        story="""Jongeren uit Oosseld hebben weinig plekken om samen te zijn. Ze hangen bij het winkelcentrum, en dat geeft soms gedoe. Een groep van twintig jongeren wilde daarom een eigen jeugdhonk, dat ze zelf zouden beheren met hulp van een paar ouders.

We hebben lang gezocht naar een ruimte. Dat is niet gelukt, en daarom zijn we gestopt. We delen hier wat we tegenkwamen, zodat een volgende groep verder kan komen.""",
        initiator="fatima",
        created_days_ago=120,
        published_days_ago=118,
        stage=Stage.STOPPED,
        government_role=GovernmentRole.REGULATE,
        tags=("jeugd", "ontmoeting"),
        concepts=("animo", "eigenaarschap", "middelen", "regelruimte", "borging"),
        log=(
            Log(
                112,
                LogKind.UPDATE,
                "Twintig jongeren, één wens",
                "Twintig jongeren tussen 14 en 18 jaar kwamen naar de eerste bijeenkomst. Ze willen een "
                "plek met een bank, muziek en een tafeltennistafel, en ze willen die zelf openen en sluiten.",
            ),
            Log(
                95,
                LogKind.OBSTACLE,
                "De huur is niet op te brengen",
                "Een ruimte in het winkelcentrum kost meer dan duizend euro per maand. Met statiegeld en "
                "een paar acties komen we daar bij lange na niet.",
                category=ObstacleCategory.MONEY,
            ),
            Log(
                80,
                LogKind.OBSTACLE,
                "Het bestemmingsplan laat het niet toe",
                "Een leegstaande loods was ideaal, maar volgens het bestemmingsplan mag daar geen "
                "ontmoetingsruimte in. Een uitzondering aanvragen duurt maanden en is onzeker.",
                category=ObstacleCategory.RULES,
            ),
            Log(
                50,
                LogKind.DILEMMA,
                "Doorgaan zonder vaste plek?",
                "Sommige jongeren willen dan maar elke week in een gymzaal afspreken. Anderen zeggen: "
                "zonder eigen plek is het niet van ons. Wat is beter: iets half, of wachten op het hele?",
            ),
            Log(
                22,
                LogKind.REFLECTION,
                "Waarom we stoppen, en wat we meenemen",
                "De jongeren zijn ouder geworden en een deel is gestopt. Wat we anders zouden doen: eerder "
                "aan de gemeente vragen welke gebouwen wél kunnen, en een volwassene vinden die het jaren "
                "wil volhouden. Het idee is niet dood; het ligt klaar voor een nieuwe groep.",
            ),
        ),
        help=(
            Help(
                HelpKind.PLACE,
                100,
                "Een ruimte voor jongeren",
                "Wie weet een ruimte in of bij Oosseld die een paar avonden per week gebruikt mag worden "
                "door jongeren? Het hoeft niet groot te zijn.",
            ),
        ),
        named_supporters=("mehmet", "sanne"),
        anonymous_supporters=("kim",),
    ),
    DemoInitiative(
        slug="energiecooperatie-nieuw-wehl",
        title="Energiecoöperatie Nieuw-Wehl: zonnepanelen op de daken van het dorp",
        area="nieuw-wehl",
        summary=(
            "Inwoners van Nieuw-Wehl richten een energiecoöperatie op om samen zonnepanelen te leggen op "
            "grote daken, zoals die van boerenschuren en de sporthal."
        ),
        story="""Niet iedereen heeft een geschikt dak voor zonnepanelen. Daarom doen we het samen: de coöperatie legt panelen op grote daken in het dorp, en leden kopen een deel van de opbrengst.

De winst blijft in Nieuw-Wehl. Een deel gaat naar een dorpsfonds voor verenigingen.

Lid worden kan vanaf een klein bedrag. Kijk op onze site voor de voorwaarden.""",
        initiator="gerrit",
        created_days_ago=85,
        published_days_ago=82,
        stage=Stage.RUNNING,
        government_role=GovernmentRole.STIMULATE,
        contact="anne",
        tags=("energie", "duurzaamheid"),
        concepts=("animo", "toerusting", "middelen", "netwerk"),
        links=("https://energie-nieuwwehl.example", "https://energie-nieuwwehl.example/lid-worden"),
        cover=Cover(
            "energie.jpg",
            "Tekening van drie huizen met zonnepanelen op het dak, een windmolen en een grote gele zon.",
        ),
        log=(
            Log(
                80,
                LogKind.MILESTONE,
                "Coöperatie opgericht bij de notaris",
                "Met 41 leden hebben we de coöperatie opgericht. Het bestuur bestaat uit vijf inwoners, "
                "onder wie een boer en een elektricien.",
            ),
            Log(
                60,
                LogKind.OBSTACLE,
                "Hoeveel stroom kan het net aan?",
                "We wisten niet of het stroomnet de opgewekte energie kan opnemen. Die informatie is lastig "
                "te krijgen en verandert steeds. Zonder die zekerheid durft de bank geen lening te geven.",
                category=ObstacleCategory.INFORMATION,
            ),
            Log(
                35,
                LogKind.WORKING_ELEMENT,
                "Samen optrekken met de dorpsraad",
                "Doordat de dorpsraad achter ons staat, nemen de netbeheerder en de gemeente ons serieus. "
                "Eén gezamenlijke brief deed meer dan tien losse telefoontjes.",
            ),
            Log(
                10,
                LogKind.UPDATE,
                "Het eerste dak ligt vol",
                "Op het dak van de sporthal liggen nu 220 panelen. Volgende maand volgt een schuur aan de "
                "rand van het dorp.",
            ),
        ),
        help=(
            Help(
                HelpKind.EXPERTISE,
                55,
                "Iemand met verstand van subsidies",
                "We zoeken iemand die de weg kent in regelingen voor energiecoöperaties en ons helpt bij "
                "een aanvraag.",
                offers=(
                    Offer(
                        "henk",
                        50,
                        "Ik heb jarenlang aanvragen voor energieprojecten beoordeeld. Ik kijk graag mee.",
                        reply="Geweldig, Henk. Kun je donderdagavond naar de bestuursvergadering komen?",
                        reply_days_ago=49,
                    ),
                ),
            ),
        ),
        named_supporters=("marieke", "henk", "ria"),
        anonymous_supporters=("bart",),
        responses=(
            Said(
                "anne",
                57,
                "De gemeente steunt de coöperatie graag. Voor de vraag over de capaciteit van het net "
                "hebben we een overleg met de netbeheerder aangevraagd, waar jullie bij kunnen aanschuiven.",
            ),
        ),
    ),
    DemoInitiative(
        slug="aed-netwerk-langerak",
        title="AED-netwerk Langerak",
        area="langerak",
        summary=(
            "In het buurtschap Langerak zorgden bewoners ervoor dat er binnen zes minuten een AED en een "
            "getrainde hulpverlener kan zijn, ook op de verste boerderij."
        ),
        story="""Bij een hartstilstand telt elke minuut. In het buitengebied duurt het vaak lang voordat een ambulance er is. Daarom wilden we in Langerak zelf iets regelen: AED's op goed bereikbare plekken, en genoeg buren die weten wat ze moeten doen.

Inmiddels hangen er twee AED's in een verwarmd kastje en hebben ruim dertig bewoners een reanimatiecursus gevolgd. Ze zijn aangemeld bij het landelijke oproepsysteem voor burgerhulpverleners.""",
        initiator="wim",
        created_days_ago=110,
        published_days_ago=108,
        stage=Stage.COMPLETED,
        government_role=GovernmentRole.FACILITATE,
        tags=("zorg", "veiligheid"),
        concepts=("netwerk", "middelen", "borging"),
        log=(
            Log(
                100,
                LogKind.UPDATE,
                "Hoe ver is de dichtstbijzijnde AED?",
                "We tekenden op een kaart waar de AED's in de omgeving hangen. Voor een deel van Langerak "
                "duurt het meer dan tien minuten voordat er een is.",
            ),
            Log(
                75,
                LogKind.MILESTONE,
                "Twee AED's hangen",
                "Bij de voormalige school en bij een boerderij aan de doorgaande weg hangen nu twee AED's "
                "in een verwarmd kastje.",
            ),
            Log(
                55,
                LogKind.WORKING_ELEMENT,
                "Een reanimatiecursus in de schuur",
                "We hielden de cursus niet in de stad, maar in een schuur in het buurtschap. Daardoor "
                "kwamen ook mensen die anders nooit zouden gaan. En je leert meteen je buren kennen.",
            ),
            Log(
                30,
                LogKind.REFLECTION,
                "Wie onderhoudt de kastjes over vijf jaar?",
                "Batterijen en elektroden moeten op tijd vervangen worden. We hebben nu twee beheerders, "
                "maar dat is kwetsbaar. We zoeken een vaste plek voor die taak, bijvoorbeeld bij de "
                "buurtvereniging.",
            ),
        ),
        help=(
            Help(
                HelpKind.MONEY,
                105,
                "Geld voor een tweede AED",
                "Eén AED hebben we bij elkaar gespaard. Voor de tweede zoeken we nog ongeveer 1.800 euro.",
                fulfilled_days_ago=80,
            ),
            Help(
                HelpKind.VOLUNTEERS,
                70,
                "Buren die een reanimatiecursus willen volgen",
                "Hoe meer mensen kunnen reanimeren, hoe beter. De cursus is gratis en duurt één avond.",
                fulfilled_days_ago=40,
            ),
        ),
        named_supporters=("bewoner",),
        anonymous_supporters=("gerrit", "marieke"),
    ),
    DemoInitiative(
        slug="kerkpaden-buitengebied",
        title="Oude kerkpaden en kavelpaden weer begaanbaar",
        area="buitengebied",
        summary=(
            "Wandelaars en boeren werken samen aan een rondwandeling over oude kerkpaden en kavelpaden "
            "door het buitengebied, met toestemming van de grondeigenaren."
        ),
        story="""Vroeger liepen mensen over smalle paden dwars door de weilanden naar de kerk of naar de buren. Veel van die paden zijn verdwenen. Wij willen een paar ervan terugbrengen en verbinden tot een rondwandeling van zo'n twaalf kilometer.

Dat kan alleen met de boeren en andere eigenaren van de grond. We maken afspraken over hekjes, honden en het seizoen waarin een pad open is.""",
        initiator="wim",
        created_days_ago=10,
        published_days_ago=6,
        stage=Stage.PREPARING,
        government_role=GovernmentRole.DIRECT,
        tags=("wandelen", "natuur", "buitengebied"),
        concepts=("netwerk", "draagvlak", "regelruimte"),
        cover=Cover(
            "wandelroute.jpg",
            "Tekening van een kronkelend wandelpad door weilanden en akkers, met een rode wegwijzer en "
            "bomen aan de horizon.",
        ),
        log=(
            Log(
                8,
                LogKind.UPDATE,
                "Keukentafelgesprekken met de boeren",
                "We gingen bij zeven grondeigenaren langs. Vijf zijn positief, als er goede afspraken komen "
                "over hekjes en afval.",
            ),
            Log(
                4,
                LogKind.DILEMMA,
                "Honden wel of niet toestaan?",
                "Wandelaars met een hond vormen een grote groep. Maar boeren met jonge dieren willen geen "
                "honden in het weiland, ook niet aangelijnd. Kiezen we voor een kortere route zonder honden, "
                "of een omweg langs de rand?",
            ),
        ),
        help=(
            Help(
                HelpKind.VOLUNTEERS,
                5,
                "Helpers voor paaltjes en bordjes",
                "Zodra de route rond is, zoeken we mensen die een dag paaltjes willen slaan en bordjes "
                "willen ophangen.",
            ),
        ),
        anonymous_supporters=("henk", "gerrit"),
    ),
    DemoInitiative(
        slug="buurtmoestuin-ijsseltuinen",
        title="Buurtmoestuin IJsseltuinen",
        area="ijsseltuinen",
        summary=(
            "Op een braakliggend stuk grond naast het trapveldje willen we een moestuin voor de buurt "
            "beginnen, met bakken op hoogte zodat ook ouderen mee kunnen doen."
        ),
        story="""Naast het trapveldje ligt al jaren een stuk grond waar niets mee gebeurt. Wij zien daar een moestuin voor de hele buurt: groente kweken, samen oogsten en koken.

De bakken komen op tafelhoogte, zodat mensen in een rolstoel of met een slechte rug ook mee kunnen doen. De school in de buurt wil een bak adopteren.""",
        initiator="ivo",
        created_days_ago=5,
        state=PublicationState.SUBMITTED,
        submitted_days_ago=2,
        stage=Stage.IDEA,
        government_role=GovernmentRole.FACILITATE,
        tags=("groen", "voedsel", "ontmoeting", "zorg"),
        concepts=("animo", "eigenaarschap", "regelruimte"),
        cover=Cover("moestuin.jpg", "Tekening van drie houten moestuinbakken vol groene planten en tomaten."),
        log=(
            Log(
                4,
                LogKind.UPDATE,
                "Eerste rondje langs de buren",
                "Twaalf buren willen meedoen, en de school heeft interesse. Nu nog toestemming voor het "
                "stuk grond.",
            ),
        ),
        help=(
            Help(
                HelpKind.MATERIALS,
                4,
                "Steigerhout voor de bakken",
                "Voor zes bakken op tafelhoogte zoeken we steigerhout of ander stevig hout.",
            ),
        ),
    ),
    DemoInitiative(
        slug="bloeiende-boomspiegels-noord",
        title="Bloeiende boomspiegels in Noord",
        area="noord",
        summary="De kale grond rond de straatbomen in Noord inzaaien met bloemen, samen met de buren.",
        story="""Rond de bomen in onze straat ligt kale grond, vaak met zwerfafval. Met een zakje bloemzaad en wat onderhoud wordt dat een klein bloemenperk. Ik wil uitzoeken wat mag en wie mee wil doen.""",
        initiator="ivo",
        created_days_ago=3,
        state=PublicationState.DRAFT,
        stage=Stage.IDEA,
        tags=("groen",),
        concepts=("animo",),
    ),
    DemoInitiative(
        slug="hondenlosloopveld-wijnbergen",
        title="Hondenlosloopveld Wijnbergen",
        area="wijnbergen",
        summary="Een omheind veldje waar honden los mogen lopen, zodat ze niet meer door de weilanden rennen.",
        story="""Er is in Wijnbergen geen plek waar honden los mogen. Daardoor rennen ze soms door de weilanden, tot ergernis van boeren en buren. Vooral de familie Jansen op nummer 14 heeft daar veel last van.

Wij stellen een omheind veldje voor aan de rand van het buurtschap.""",
        initiator="joost",
        created_days_ago=20,
        state=PublicationState.REJECTED,
        submitted_days_ago=18,
        rejection_reason=(
            "In je verhaal staan de naam en het huisnummer van buren. Die kunnen we niet zonder hun "
            "toestemming publiceren. Wil je die weghalen en je initiatief opnieuw indienen? Dan kijken we er "
            "snel weer naar."
        ),
        stage=Stage.IDEA,
        government_role=GovernmentRole.REGULATE,
        tags=("dieren", "buitengebied"),
        concepts=("animo", "draagvlak"),
    ),
    # --- from the municipality ---
    DemoInitiative(
        slug="groener-plein-centrum",
        title="Een groener plein in het Centrum, samen ontworpen",
        area="centrum",
        summary=(
            "De gemeente richt een versteend plein in het Centrum opnieuw in en doet dat samen met "
            "bewoners, ondernemers en de wijkraad, die in vier ateliers meeontwerpen."
        ),
        story="""Het plein is in de zomer heet en biedt weinig schaduw. De gemeente wil er meer bomen, groen en plekken om te zitten. Dat ontwerp maken we niet achter een bureau, maar samen met de mensen die het plein gebruiken.

**Wat vastligt:** het budget, de kabels en leidingen in de grond, en de ruimte voor de weekmarkt.

**Wat open is:** hoe het plein eruitziet, waar de bomen en bankjes komen, en wat er te doen is.

In vier ateliers werken bewoners, ondernemers en ontwerpers van de gemeente aan het ontwerp. Wat daar besloten wordt, neemt de gemeente over, tenzij het niet binnen de kaders past; dan leggen we uit waarom.""",
        initiator="anne",
        origin=Origin.MUNICIPALITY,
        created_days_ago=140,
        published_days_ago=138,
        stage=Stage.RUNNING,
        participation_step=ParticipationStep.COPRODUCE,
        contact="anne",
        tags=("groen", "klimaat", "ontmoeting"),
        concepts=("vroeg-betrekken", "heldere-kaders", "gelijkwaardigheid", "terugkoppelen-en-leren"),
        links=("https://www.doetinchem.example/plein",),
        cover=Cover(
            "plein.jpg",
            "Tekening van een plein met bomen en bankjes, met aan de achterkant een rij stadshuizen.",
        ),
        log=(
            Log(
                135,
                LogKind.UPDATE,
                "Aftrap: een wandeling over het plein",
                "We liepen met veertig mensen over het plein en vroegen: waar sta je graag, waar loop je "
                "snel voorbij? De antwoorden hangen nu op een grote kaart in de bibliotheek.",
            ),
            Log(
                115,
                LogKind.WORKING_ELEMENT,
                "Eerst de kaders op tafel",
                "We begonnen het eerste atelier met wat vastligt: het budget, de leidingen en de markt. "
                "Daardoor ging het gesprek over wat wél kan, en voelde niemand zich later bedrogen.",
            ),
            Log(
                95,
                LogKind.DILEMMA,
                "Parkeerplaatsen of bomen?",
                "Ondernemers willen parkeerplaatsen houden, bewoners willen meer bomen. Allebei kan niet "
                "overal. Het atelier zoekt naar een tussenweg: laden en lossen aan de rand, bomen in het "
                "midden.",
            ),
            Log(
                60,
                LogKind.MILESTONE,
                "Schetsontwerp gepresenteerd",
                "Het schetsontwerp is gepresenteerd in de bibliotheek. Iedereen kon reageren; daarna volgt "
                "het definitieve ontwerp.",
            ),
        ),
        help=(
            Help(
                HelpKind.EXPERTISE,
                70,
                "Meedenkers voor het beplantingsplan",
                "Heb je verstand van planten of bomen in de stad? Denk mee over welke soorten het goed doen "
                "op het plein.",
            ),
        ),
        named_supporters=("sanne", "kim"),
        anonymous_supporters=("fatima",),
        comments=(
            Said(
                "sanne",
                50,
                "Fijn dat de bankjes in de schaduw komen. Is er ook plek voor een watertappunt?",
            ),
            Said("anne", 48, "Goed punt, dat nemen we mee in het definitieve ontwerp."),
        ),
        responses=(
            Said(
                "anne",
                100,
                "Naar aanleiding van vragen van ondernemers: de weekmarkt blijft op het plein. In het "
                "ontwerp houden we daar rekening mee met stroompunten en een vlakke ondergrond.",
            ),
        ),
    ),
    DemoInitiative(
        slug="omgevingsvisie-ijzevoorde",
        title="Omgevingsvisie: avond in IJzevoorde",
        area="ijzevoorde",
        summary=(
            "Voor de nieuwe omgevingsvisie haalde de gemeente in elk dorp en buurtschap op wat mensen "
            "belangrijk vinden. In IJzevoorde gebeurde dat aan de keukentafel van een boerderij."
        ),
        story="""De omgevingsvisie beschrijft hoe Doetinchem er over twintig jaar uit moet zien: waar we wonen, werken, recreëren en ruimte geven aan natuur. De gemeente vroeg inwoners per dorp en buurtschap wat voor hen belangrijk is.

In IJzevoorde praatten dertig bewoners mee over het landschap, bereikbaarheid en wonen in het buurtschap. Hun inbreng is verwerkt in het concept van de visie.""",
        initiator="anne",
        origin=Origin.MUNICIPALITY,
        created_days_ago=75,
        published_days_ago=73,
        stage=Stage.COMPLETED,
        participation_step=ParticipationStep.CONSULT,
        contact="anne",
        tags=("omgevingsvisie", "buitengebied", "wonen"),
        concepts=("van-buiten-naar-binnen", "vroeg-betrekken", "inleven", "terugkoppelen-en-leren"),
        log=(
            Log(
                70,
                LogKind.UPDATE,
                "Uitnodiging huis aan huis",
                "Alle huishoudens in IJzevoorde kregen een persoonlijke uitnodiging, bezorgd door leden van "
                "de buurtvereniging.",
            ),
            Log(
                50,
                LogKind.MILESTONE,
                "Dertig bewoners aan tafel",
                "Op een boerderij praatten dertig bewoners een avond lang over de toekomst van het "
                "buurtschap. Het landschap en het behoud van de rust kwamen het vaakst terug.",
            ),
            Log(
                47,
                LogKind.OBSTACLE,
                "Wat gebeurt er met onze inbreng?",
                "Bewoners vroegen wat er met hun inbreng gebeurt. Dat konden we die avond niet precies "
                "zeggen, omdat de planning van de visie nog niet vastlag. Dat gaf onrust.",
                category=ObstacleCategory.INFORMATION,
            ),
            Log(
                40,
                LogKind.REFLECTION,
                "Terugkoppelen is ook meedoen",
                "We stuurden iedereen een verslag en een overzicht van wat we met elk punt doen. Volgende "
                "keer vertellen we dat al bij de uitnodiging.",
            ),
        ),
        anonymous_supporters=("wim",),
    ),
    DemoInitiative(
        slug="schoolroute-overstegen",
        title="Veilige schoolroute Overstegen",
        area="overstegen",
        summary=(
            "De gemeente wil de route van de wijk naar de basisscholen veiliger maken en vraagt ouders, "
            "kinderen en buurtbewoners om advies over knelpunten en oplossingen."
        ),
        story="""Elke ochtend fietsen en lopen honderden kinderen door Overstegen naar school. Op een paar plekken gaat dat niet vanzelf goed: een drukke kruising, auto's die hard rijden, een stoep die te smal is.

De gemeente vraagt ouders, kinderen en buurtbewoners om die plekken aan te wijzen en mee te denken over oplossingen. Het advies van de buurt weegt zwaar mee bij het besluit.""",
        initiator="anne",
        origin=Origin.MUNICIPALITY,
        created_days_ago=25,
        published_days_ago=21,
        stage=Stage.PREPARING,
        participation_step=ParticipationStep.ADVISE,
        contact="anne",
        tags=("verkeer", "jeugd", "veiligheid"),
        concepts=("vroeg-betrekken", "heldere-kaders", "inleven"),
        log=(
            Log(
                19,
                LogKind.UPDATE,
                "Kinderen tekenen hun route",
                "In groep 7 en 8 tekenden kinderen hun route naar school en zetten een rode stip waar ze "
                "zich niet veilig voelen. Vier plekken kwamen steeds terug.",
            ),
            Log(
                9,
                LogKind.DILEMMA,
                "Drempels: veiliger, maar de bus rijdt er ook",
                "Drempels remmen auto's af, maar de buslijn en de hulpdiensten hebben er last van. We leggen "
                "beide kanten voor aan de ouders.",
            ),
        ),
        help=(
            Help(
                HelpKind.VOLUNTEERS,
                15,
                "Ouders die een ochtend willen tellen",
                "Om de drukte goed in beeld te krijgen, zoeken we ouders die op een schoolochtend een uur "
                "willen tellen hoeveel kinderen en auto's er langskomen.",
            ),
        ),
        anonymous_supporters=("joost", "kim"),
    ),
    DemoInitiative(
        slug="buurtbudget-de-pas",
        title="Buurtbudget De Pas: bewoners beslissen mee",
        area="de-pas",
        summary=(
            "De gemeente legt een deel van het wijkbudget van De Pas bij bewoners neer. Een bewonerspanel "
            "kiest samen met de gemeente welke ideeën geld krijgen."
        ),
        story="""Wie weet beter wat een wijk nodig heeft dan de mensen die er wonen? In De Pas beslist een panel van twaalf bewoners samen met de gemeente over een deel van het wijkbudget.

Iedereen kan een idee indienen, van een buurtbankje tot een kookclub. Het panel beoordeelt de ideeën aan de hand van afspraken die het zelf heeft gemaakt, en de gemeente volgt het advies van het panel, tenzij een idee niet mag volgens de wet.""",
        initiator="anne",
        origin=Origin.MUNICIPALITY,
        created_days_ago=60,
        published_days_ago=58,
        stage=Stage.RUNNING,
        participation_step=ParticipationStep.CODECIDE,
        contact="anne",
        tags=("buurtbudget", "ontmoeting"),
        concepts=("rolkeuze", "loslaten", "vertrouwen", "gelijkwaardigheid", "heldere-kaders"),
        log=(
            Log(
                55,
                LogKind.UPDATE,
                "Oproep: ideeën voor De Pas",
                "De oproep ging rond via de wijkkrant, de school en de buurtapp. In drie weken kwamen 34 "
                "ideeën binnen.",
            ),
            Log(
                40,
                LogKind.OBSTACLE,
                "Uitbetalen duurt lang",
                "Bewoners kregen hun toegekende geld pas na acht weken, omdat elke betaling langs drie "
                "afdelingen ging. Voor een buurtfeest is dat te laat.",
                category=ObstacleCategory.LEAD_TIME,
            ),
            Log(
                20,
                LogKind.WORKING_ELEMENT,
                "Het panel maakt zijn eigen spelregels",
                "Het panel bepaalde zelf waar een goed idee aan moet voldoen. Daardoor zijn de besluiten "
                "beter uit te leggen, ook aan wie niets kreeg.",
            ),
        ),
        named_supporters=("fatima",),
        anonymous_supporters=("sanne",),
        responses=(
            Said(
                "anne",
                36,
                "Naar aanleiding van de lange wachttijd: bedragen tot 2.500 euro betalen we voortaan binnen "
                "twee weken uit, met één handtekening in plaats van drie.",
            ),
        ),
    ),
]


# --- loading -----------------------------------------------------------------------------------------


@functools.cache
def _cleaned_cover(file_name: str) -> tuple[bytes, bytes]:
    """A cover image from static/img/demo/, cleaned like an upload, and its thumbnail (once per process)."""
    with (COVER_DIR / file_name).open("rb") as source:
        photo = clean_photo(File(source, name=file_name))
    small = make_thumbnail(photo)
    photo.seek(0)
    return photo.read(), small.read()


class _Loader:
    def __init__(self, password: str):
        self.password = password
        self.now = timezone.now()
        self.people = {}

    def at(self, days_ago: int, hour: int = 10) -> datetime.datetime:
        """A moment `days_ago` days back, at a believable hour of that day."""
        moment = timezone.localtime(self.now) - datetime.timedelta(days=days_ago)
        moment = moment.replace(hour=hour, minute=(days_ago * 7) % 60, second=0, microsecond=0)
        return min(moment, self.now)

    def ensure_people(self):
        User = get_user_model()
        for key, email in ACCOUNTS.items():
            self.people[key] = User.objects.get(email=email)
        anne = self.people["anne"]
        if not anne.public_role:
            anne.public_role = CIVIL_SERVANT_ROLE
            anne.save(update_fields=["public_role"])
        areas = {area.slug: area for area in Area.objects.all()}
        hashed = None  # hashing is slow on purpose: hash the shared demo password once
        for resident in RESIDENTS:
            user, created = User.objects.get_or_create(
                email=resident.email,
                defaults={"display_name": resident.display_name, "area": areas.get(resident.area_slug)},
            )
            if created:
                hashed = hashed or make_password(self.password)
                user.password = hashed
                user.save(update_fields=["password"])
            EmailAddress.objects.update_or_create(
                user=user, email=resident.email, defaults={"verified": True, "primary": True}
            )
            self.people[resident.key] = user

    def cover_files(self, demo: DemoInitiative) -> tuple[str, str]:
        """Storage names of the cleaned cover and its thumbnail; written once, reused by later runs."""
        cover = f"initiatives/covers/demo/{demo.slug}.jpg"
        thumbnail = f"initiatives/thumbnails/demo/{demo.slug}.jpg"
        if not (default_storage.exists(cover) and default_storage.exists(thumbnail)):
            photo_bytes, small_bytes = _cleaned_cover(demo.cover.file)
            for name, data in ((cover, photo_bytes), (thumbnail, small_bytes)):
                if default_storage.exists(name):
                    default_storage.delete(name)
                default_storage.save(name, ContentFile(data))
        return cover, thumbnail

    def create(self, demo: DemoInitiative) -> Initiative:
        person = self.people
        published_at = self.at(demo.published_days_ago, 9) if demo.published_days_ago is not None else None
        initiative = Initiative(
            slug=demo.slug,
            title=demo.title,
            summary=demo.summary,
            story=demo.story,
            origin=demo.origin,
            stage=demo.stage,
            publication_state=demo.state,
            area=Area.objects.get(slug=demo.area),
            links="\n".join(demo.links),
            government_role=demo.government_role,
            participation_step=demo.participation_step,
            contact_person=person[demo.contact] if demo.contact else None,
            created_by=person[demo.initiator],
            submitted_at=self.at(demo.submitted_days_ago, 21)
            if demo.submitted_days_ago is not None
            else None,
            published_at=published_at,
            rejection_reason=demo.rejection_reason,
        )
        if demo.state == PublicationState.PUBLISHED and initiative.submitted_at is None:
            initiative.submitted_at = self.at(demo.published_days_ago + 1, 21)
        if demo.cover:
            initiative.cover_image.name, initiative.cover_thumbnail.name = self.cover_files(demo)
            initiative.cover_alt = demo.cover.alt
        initiative.full_clean()
        initiative.save()
        initiative.tags.set(list(demo.tags))
        initiative.concepts.set(Concept.objects.filter(slug__in=demo.concepts))

        created_at = self.at(demo.created_days_ago, 20)
        for offset, (key, role) in enumerate(
            [(demo.initiator, TeamRole.INITIATOR)] + [(key, TeamRole.CO_INITIATOR) for key in demo.team]
        ):
            membership = TeamMembership.objects.create(initiative=initiative, user=person[key], role=role)
            joined = (
                created_at if offset == 0 else min(created_at + datetime.timedelta(days=offset), self.now)
            )
            TeamMembership.objects.filter(pk=membership.pk).update(created_at=joined)

        moments = [published_at or created_at]
        for entry in demo.log:
            log_entry = LogEntry(
                initiative=initiative,
                author=person[entry.by or demo.initiator],
                kind=entry.kind,
                obstacle_category=entry.category,
                happened_on=self.at(entry.days_ago).date(),
                title=entry.title,
                text=entry.text,
            )
            log_entry.full_clean(validate_constraints=False)  # the database checks them
            log_entry.save()
            written = self.at(entry.days_ago, 20)
            LogEntry.objects.filter(pk=log_entry.pk).update(created_at=written, updated_at=written)
            moments.append(written)

        for need in demo.help:
            asked = self.at(need.days_ago, 19)
            fulfilled = self.at(need.fulfilled_days_ago, 18) if need.fulfilled_days_ago is not None else None
            help_request = HelpRequest(
                initiative=initiative,
                kind=need.kind,
                title=need.title,
                description=need.description,
                is_fulfilled=fulfilled is not None,
                fulfilled_at=fulfilled,
            )
            help_request.full_clean(validate_constraints=False)
            help_request.save()
            HelpRequest.objects.filter(pk=help_request.pk).update(
                created_at=asked, updated_at=fulfilled or asked
            )
            moments += [asked, fulfilled] if fulfilled else [asked]
            for offer in need.offers:
                replied = self.at(offer.reply_days_ago, 21) if offer.reply_days_ago is not None else None
                help_offer = HelpOffer.objects.create(
                    help_request=help_request,
                    offered_by=person[offer.by],
                    message=offer.message,
                    reply=offer.reply,
                    replied_at=replied,
                    replied_by=person[demo.initiator] if offer.reply else None,
                )
                offered = self.at(offer.days_ago, 19)
                HelpOffer.objects.filter(pk=help_offer.pk).update(
                    created_at=offered, updated_at=replied or offered
                )

        for said in demo.comments:
            comment = Comment.objects.create(initiative=initiative, author=person[said.by], body=said.text)
            written = self.at(said.days_ago, 16)
            Comment.objects.filter(pk=comment.pk).update(created_at=written, updated_at=written)

        first_response = None
        for said in demo.responses:
            response = MunicipalResponse.objects.create(
                initiative=initiative, author=person[said.by], body=said.text
            )
            written = self.at(said.days_ago, 14)
            MunicipalResponse.objects.filter(pk=response.pk).update(created_at=written, updated_at=written)
            first_response = min(first_response or written, written)
            moments.append(written)

        self.add_supporters(initiative, demo, published_at or created_at)

        last_activity = max(moments)
        Initiative.objects.filter(pk=initiative.pk).update(
            created_at=created_at,
            updated_at=max(last_activity, initiative.submitted_at or created_at),
            last_activity_at=last_activity,
            first_response_at=first_response,
        )
        return initiative

    def add_supporters(self, initiative, demo, since):
        """Supports and follows trickle in between publication and now."""
        supporters = [(key, True) for key in demo.named_supporters] + [
            (key, False) for key in demo.anonymous_supporters
        ]
        span = max((self.now - since).total_seconds(), 3600)
        for index, (key, named) in enumerate(supporters, start=1):
            support = Support.objects.create(initiative=initiative, user=self.people[key], is_named=named)
            moment = since + datetime.timedelta(seconds=span * index / (len(supporters) + 1))
            Support.objects.filter(pk=support.pk).update(created_at=moment)
        for index, key in enumerate(demo.followers, start=1):
            follow = Follow.objects.create(initiative=initiative, user=self.people[key])
            moment = since + datetime.timedelta(seconds=span * index / (len(demo.followers) + 2))
            Follow.objects.filter(pk=follow.pk).update(created_at=moment)


@transaction.atomic
def load_demo_initiatives(*, password: str) -> int:
    """Create the demo residents and the demo initiatives that do not exist yet; return how many
    initiatives were added. The command's own demo accounts must exist already."""
    loader = _Loader(password)
    loader.ensure_people()
    existing = set(
        Initiative.objects.filter(slug__in=[demo.slug for demo in DEMO_INITIATIVES]).values_list(
            "slug", flat=True
        )
    )
    added = [loader.create(demo) for demo in DEMO_INITIATIVES if demo.slug not in existing]
    for initiative in Initiative.objects.filter(slug__in=[demo.slug for demo in DEMO_INITIATIVES]):
        initiative_reindex(initiative=initiative)
    return len(added)
