"""Demo history: twenty months of published initiatives in every village and district, with their logs,
help, supporters and (late or timely) responses of the municipality, plus past samenwerkingslab sessions
and signals. It gives the council dashboard something to show over time.

Everything is made directly with the ORM (no services, so no email), with one seeded random generator,
so the content is the same on every run; dates are counted back from the moment of loading and are never
in the future. Idempotent: once any "archief-" initiative exists, nothing is added. Run it after
load_demo_initiatives: it needs the command's demo accounts (and makes the demo residents if missing).
"""

import datetime
from dataclasses import dataclass
from random import Random
from typing import NamedTuple

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

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
    HelpOffer,
    HelpRequest,
    Initiative,
    LogEntry,
    MunicipalResponse,
    Support,
    TeamMembership,
)
from initiatives.services.search import initiative_reindex
from lab.models import LabSession, Registration, RegistrationStatus, Signal, SignalMessage, SignalStatus
from loket.demo.initiatives import ACCOUNTS, RESIDENTS, Resident
from places.models import Area

SLUG_PREFIX = "archief-"
SEED = 2024
MONTHS = 20  # publications are spread over this many months back
MONTH_DAYS = 30.4
OMBUDS_EMAIL = "ombuds@loket.example"
DAY = datetime.timedelta(days=1)
HOUR = datetime.timedelta(hours=1)

# More residents, on the same subdomain (RESIDENT_DOMAIN): supporters, helpers and lab participants.
EXTRA_RESIDENTS = [
    Resident("ingrid", "Ingrid Roelofsen", "centrum"),
    Resident("thijs", "Thijs Bruggink", "noord"),
    Resident("noor", "Noor Bakker", "ijsseltuinen"),
    Resident("youssef", "Youssef Amrani", "de-pas"),
    Resident("anouk", "Anouk Heijink", "overstegen"),
    Resident("frans", "Frans Lensink", "ijzevoorde"),
    Resident("els", "Els te Winkel", "buitengebied"),
    Resident("ruud", "Ruud Kuipers", "gaanderen"),
    Resident("dewi", "Dewi Pranoto", "de-huet"),
    Resident("bram", "Bram Nijhof", "oosseld"),
]
RESIDENT_KEYS = [resident.key for resident in RESIDENTS]  # initiators, team members, reporters of signals
EVERYONE = RESIDENT_KEYS + [resident.key for resident in EXTRA_RESIDENTS]
SUPPORTERS = [*EVERYONE, "bewoner", "ivo"]


# --- the initiatives ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Idea:
    key: str  # the slug without the prefix
    title: str
    area: str
    summary: str
    story: str
    tags: tuple[str, ...]
    concepts: tuple[str, ...]  # slugs in the flywheel of the origin
    step: str = ""  # a ParticipationStep: only initiatives from the municipality have one

    @property
    def origin(self) -> Origin:
        return Origin.MUNICIPALITY if self.step else Origin.SOCIETY


SOCIETY_IDEAS = [
    Idea(
        "jeu-de-boules-wehl",
        "Jeu-de-boulesbaan bij het dorpshuis",
        "wehl",
        "Senioren uit Wehl willen naast het dorpshuis een jeu-de-boulesbaan, zodat er een vaste plek is om "
        "elkaar buiten te zien.",
        "Elke dinsdag spelen we nu op het pad achter de kerk, maar daar is het te krap. Naast het dorpshuis "
        "ligt een stuk gras dat bijna niemand gebruikt. Het dorpshuis wil de baan beheren en een hovenier "
        "uit het dorp helpt met de aanleg. We zoeken nog geld voor grind en randen, en mensen die willen "
        "meespelen.",
        ("sport", "ouderen", "ontmoeting"),
        ("animo", "middelen", "netwerk"),
    ),
    Idea(
        "koffieochtend-oude-bakkerij",
        "Koffieochtend in de oude bakkerij",
        "wehl",
        "Sinds de bakker is gestopt staat het pand leeg. Bewoners willen er elke week een koffieochtend "
        "houden voor wie een praatje zoekt.",
        "De eigenaar vindt het goed dat we het pand gebruiken tot het verkocht is. Vrijwilligers zorgen om "
        "de beurt voor koffie en iets lekkers. We willen vooral mensen bereiken die alleen wonen en weinig "
        "buiten de deur komen. De huisarts en de wijkverpleging helpen om hen uit te nodigen.",
        ("ontmoeting", "eenzaamheid"),
        ("animo", "netwerk", "toerusting"),
    ),
    Idea(
        "opschoondag-oude-ijssel",
        "Opschoondag langs de Oude IJssel",
        "gaanderen",
        "Twee keer per jaar ruimen inwoners van Gaanderen samen zwerfafval op langs de oevers van de Oude "
        "IJssel.",
        "Na hoog water ligt er altijd veel plastic tussen het riet. Met grijpers en vuilniszakken van de "
        "gemeente lopen we in groepjes de oevers af. Na afloop is er soep in het clubhuis van de "
        "hengelsportvereniging. Kinderen van de basisschool doen ook mee.",
        ("zwerfafval", "natuur"),
        ("animo", "middelen", "delen-en-waarderen"),
    ),
    Idea(
        "bloembakken-gaanderen",
        "Bloembakken in de dorpskern",
        "gaanderen",
        "Ondernemers en bewoners hangen bloembakken aan de lantaarnpalen in het centrum van Gaanderen en "
        "geven samen water.",
        "Het centrum van Gaanderen mag wel wat vrolijker. De ondernemersvereniging betaalt de bakken, "
        "bewoners adopteren er elk een paar. Voor het ophangen aan lantaarnpalen is toestemming van de "
        "gemeente nodig. Als het lukt, willen we het elk voorjaar herhalen.",
        ("groen", "ondernemers"),
        ("eigenaarschap", "regelruimte", "borging"),
    ),
    Idea(
        "jongerenplek-gaanderen",
        "Een plek voor jongeren bij het sportpark",
        "gaanderen",
        "Jongeren uit Gaanderen willen een overdekte plek met bankjes en licht bij het sportpark, in plaats "
        "van bij de bushalte.",
        "Bij de bushalte krijgen ze vaak klachten van omwonenden. Bij het sportpark stoort niemand zich aan "
        "hen, en 's avonds is de kantine open. De jongeren tekenden zelf een ontwerp en zamelden geld in "
        "met een statiegeldactie. Ze zoeken nog een vergunning en iemand die kan lassen.",
        ("jeugd", "ontmoeting"),
        ("animo", "eigenaarschap", "regelruimte"),
    ),
    Idea(
        "jeugdsoos-nieuw-wehl",
        "Jeugdsoos in de oude schuur",
        "nieuw-wehl",
        "Ouders in Nieuw-Wehl knappen een oude schuur op tot een jeugdsoos voor kinderen van tien tot "
        "zestien jaar.",
        "In Nieuw-Wehl is voor tieners weinig te doen, en de bus naar Doetinchem rijdt niet vaak. Een boer "
        "stelt zijn oude schuur beschikbaar. Ouders, opa's en de kinderen zelf klussen op zaterdag. Voor "
        "brandveiligheid en verzekering zoeken we nog advies.",
        ("jeugd", "vrijwilligers"),
        ("animo", "toerusting", "regelruimte"),
    ),
    Idea(
        "aed-langerak",
        "Een AED en burgerhulpverleners in Langerak",
        "langerak",
        "Omdat een ambulance er lang over doet, willen bewoners van Langerak een AED aan de muur en een "
        "groep opgeleide burgerhulpverleners.",
        "Langerak ligt ver van de ambulancepost. Een AED in de buurtschap kan bij een hartstilstand het "
        "verschil maken. We zamelen geld in bij bewoners en bedrijven, en zoeken twaalf mensen die de "
        "cursus willen volgen. Een boerderij aan de doorgaande weg wil de kast aan de gevel hangen.",
        ("veiligheid", "gezondheid"),
        ("draagvlak", "middelen", "netwerk"),
    ),
    Idea(
        "oogstfeest-langerak",
        "Oogstfeest op de boerderij",
        "langerak",
        "Een jaarlijks oogstfeest waarop boeren uit Langerak hun erf openstellen en stadsbewoners laten "
        "proeven van wat er groeit.",
        "Veel Doetinchemmers weten niet wat er vlak buiten de stad gebeurt. Op het oogstfeest kun je "
        "aardappels rooien, kaas maken en streekproducten proeven. Drie boerenfamilies doen mee, de "
        "buurtvereniging regelt de vrijwilligers. We willen dat het feest zichzelf terugverdient.",
        ("landbouw", "evenement"),
        ("netwerk", "middelen", "delen-en-waarderen"),
    ),
    Idea(
        "bloemrijke-bermen-wijnbergen",
        "Bloemrijke bermen in Wijnbergen",
        "wijnbergen",
        "Bewoners van Wijnbergen willen de bermen minder vaak laten maaien en inzaaien met inheemse "
        "bloemen, voor bijen en vlinders.",
        "De bermen worden nu vaak gemaaid en het maaisel blijft liggen. Daar groeien weinig bloemen van. We "
        "willen met de gemeente afspreken welke stukken anders beheerd kunnen worden. Een imker uit de "
        "buurt helpt met kennis en zaad.",
        ("groen", "biodiversiteit"),
        ("regelruimte", "netwerk", "uitvoering"),
    ),
    Idea(
        "buurtschapsfeest-wijnbergen",
        "Wijnbergen viert: een buurtschapsfeest",
        "wijnbergen",
        "Na jaren zonder feest organiseert een groep bewoners weer een buurtschapsfeest met spelletjes, "
        "muziek en een gezamenlijke maaltijd.",
        "Er zijn de laatste jaren veel nieuwe mensen in Wijnbergen komen wonen. Een feest is de makkelijkste "
        "manier om kennis te maken. Een boer leent zijn schuur, de muziek komt uit eigen kring. Voor tenten "
        "en de melding bij de gemeente zoeken we hulp.",
        ("ontmoeting", "evenement"),
        ("animo", "netwerk", "regelruimte"),
    ),
    Idea(
        "ommetje-ijzevoorde",
        "Een ommetje langs de boerderijen",
        "ijzevoorde",
        "Bewoners van IJzevoorde willen met boeren afspreken dat er een wandelpad langs hun akkers komt, "
        "zodat je een rondje kunt lopen zonder langs de drukke weg.",
        "Wandelen in IJzevoorde betekent nu vaak lopen langs een weg zonder stoep. Drie boeren willen een "
        "strook langs hun akkers openstellen. We moeten nog regelen wie aansprakelijk is en wie het pad "
        "onderhoudt. Met bordjes en een kaartje wordt het een ommetje voor de hele buurt.",
        ("wandelen", "natuur"),
        ("netwerk", "regelruimte", "borging"),
    ),
    Idea(
        "burenhulp-ijzevoorde",
        "Burenhulplijst in IJzevoorde",
        "ijzevoorde",
        "Een lijst en een app-groep waarmee buren in IJzevoorde elkaar helpen met boodschappen, vervoer of "
        "een klusje.",
        "In een buurtschap ben je op elkaar aangewezen, maar niet iedereen durft om hulp te vragen. Met een "
        "lijst van wie wat kan doen, wordt dat makkelijker. Een bewoner houdt de lijst bij en belt ouderen "
        "zonder smartphone zelf op. Zo weet iedereen bij wie hij terechtkan.",
        ("zorg", "burenhulp"),
        ("netwerk", "toerusting", "borging"),
    ),
    Idea(
        "zon-op-de-schuren",
        "Zon op de schuren van het buitengebied",
        "buitengebied",
        "Boeren en bewoners in het buitengebied richten een coöperatie op om zonnepanelen op grote "
        "schuurdaken te leggen, waar de hele buurt van profiteert.",
        "Op de schuren in het buitengebied is veel ruimte voor zonnepanelen. Samen kunnen we goedkoper "
        "inkopen en de opbrengst verdelen over de leden. Het lastigste is de aansluiting, want het "
        "stroomnet zit vol. We leren van coöperaties elders in de Achterhoek.",
        ("energie", "duurzaamheid"),
        ("toerusting", "middelen", "netwerk"),
    ),
    Idea(
        "repaircafe-bibliotheek",
        "Repaircafé in de bibliotheek",
        "centrum",
        "Elke eerste zaterdag van de maand repareren vrijwilligers in de bibliotheek kapotte spullen samen "
        "met de eigenaar, in plaats van ze weg te gooien.",
        "Een broodrooster, een fietsband of een gescheurde jas: veel is met een beetje hulp te maken. De "
        "bibliotheek biedt ruimte en koffie, vrijwilligers brengen gereedschap en handigheid mee. Bezoekers "
        "leren zelf ook iets. We zoeken vooral mensen die met elektronica overweg kunnen.",
        ("duurzaamheid", "ontmoeting"),
        ("animo", "netwerk", "toerusting"),
    ),
    Idea(
        "kunstroute-binnenstad",
        "Kunstroute door de binnenstad",
        "centrum",
        "Kunstenaars exposeren een weekend lang in lege winkelpanden in de binnenstad, zodat die weer leven.",
        "In de binnenstad staan een paar winkels leeg. De eigenaren willen ze tijdelijk beschikbaar stellen "
        "aan kunstenaars uit de regio. Een plattegrond leidt bezoekers langs alle plekken. Cafés in de buurt "
        "doen mee met een kunstmenu.",
        ("cultuur", "binnenstad"),
        ("netwerk", "middelen", "delen-en-waarderen"),
    ),
    Idea(
        "moestuin-achter-de-flat",
        "Moestuin achter de flat",
        "de-huet",
        "Bewoners van een flat in De Huet maken van het grasveld achter hun gebouw een gezamenlijke "
        "moestuin.",
        "Veel bewoners hebben geen tuin, maar wel zin om te tuinieren. Het grasveld is van de "
        "woningcorporatie, en die staat er positief tegenover. We beginnen met tien bakken en een regenton. "
        "Kinderen van de school om de hoek krijgen een eigen bak.",
        ("groen", "voedsel", "ontmoeting"),
        ("animo", "eigenaarschap", "netwerk"),
    ),
    Idea(
        "taalcafe-de-huet",
        "Taalcafé in het wijkcentrum",
        "de-huet",
        "Elke woensdagmiddag oefenen nieuwkomers in De Huet hun Nederlands met vrijwilligers, bij een kop "
        "thee in het wijkcentrum.",
        "Wie Nederlands leert op een cursus, heeft weinig kans om het te oefenen. In het taalcafé praat je "
        "over gewone dingen: de markt, school, het weer. Vrijwilligers hoeven geen leraar te zijn. We werken "
        "samen met het taalhuis van de bibliotheek.",
        ("taal", "ontmoeting"),
        ("netwerk", "toerusting", "borging"),
    ),
    Idea(
        "huiswerkklas-dichteren",
        "Huiswerkklas in Dichteren",
        "dichteren",
        "Studenten en gepensioneerde leraren helpen kinderen uit Dichteren twee middagen per week met hun "
        "huiswerk.",
        "Niet elk kind krijgt thuis hulp bij rekenen of begrijpend lezen. In de huiswerkklas is een rustige "
        "plek en iemand die de tijd neemt. De basisscholen in de wijk verwijzen kinderen door. We zoeken "
        "vrijwilligers en een vaste ruimte.",
        ("jeugd", "onderwijs"),
        ("netwerk", "toerusting", "middelen"),
    ),
    Idea(
        "fietsenwerkplaats-dichteren",
        "Fietsenwerkplaats voor jongeren",
        "dichteren",
        "In een garagebox leren jongeren uit Dichteren oude fietsen opknappen, die daarna naar gezinnen "
        "gaan die er een nodig hebben.",
        "Bij de milieustraat worden veel fietsen weggegooid die nog prima te maken zijn. Jongeren leren "
        "sleutelen van twee gepensioneerde fietsenmakers. De opgeknapte fietsen gaan via de voedselbank naar "
        "gezinnen. Zo heeft iedereen er iets aan.",
        ("jeugd", "fietsen", "duurzaamheid"),
        ("animo", "middelen", "uitvoering"),
    ),
    Idea(
        "bankjes-oude-ijssel",
        "Bankjes langs de Oude IJssel",
        "ijsseltuinen",
        "Bewoners van de IJsseltuinen willen bankjes langs het wandelpad aan de Oude IJssel, zodat ook "
        "ouderen er een rondje kunnen lopen.",
        "Het pad langs de rivier is mooi, maar er is nergens een plek om even uit te rusten. Voor veel "
        "ouderen is het rondje daardoor te lang. Bewoners zochten de plekken uit waar een bank het meest "
        "nodig is. Een timmerman uit de wijk wil de banken maken.",
        ("ouderen", "wandelen", "groen"),
        ("draagvlak", "middelen", "aanspreekpunt"),
    ),
    Idea(
        "kledingruil-de-pas",
        "Kledingruil in het buurthuis",
        "de-pas",
        "Vier keer per jaar ruilen bewoners van De Pas kinderkleding en speelgoed in het buurthuis.",
        "Kinderen groeien snel uit hun kleren, en nieuwe kleding is duur. Bij de ruil breng je wat je niet "
        "meer nodig hebt en neem je mee wat past. Wat overblijft gaat naar de kringloop. De ruilochtend is "
        "ook een plek om andere ouders te ontmoeten.",
        ("duurzaamheid", "gezinnen"),
        ("animo", "netwerk", "borging"),
    ),
    Idea(
        "buurtbarbecue-de-pas",
        "Buurtbarbecue op het grasveld",
        "de-pas",
        "Elke zomer houden bewoners van De Pas een barbecue op het grasveld midden in de wijk, waar "
        "iedereen welkom is.",
        "Het idee ontstond toen buren elkaar na jaren nog steeds niet kenden. Iedereen neemt iets mee om te "
        "grillen, of een salade. De gemeente leent tafels en afvalbakken uit. We hopen elk jaar op meer "
        "mensen.",
        ("ontmoeting", "evenement"),
        ("animo", "draagvlak", "delen-en-waarderen"),
    ),
    Idea(
        "wandelgroep-overstegen",
        "Wandelgroep voor ouderen",
        "overstegen",
        "Elke donderdagochtend wandelt een groep ouderen uit Overstegen een uur door de wijk, met koffie na "
        "afloop.",
        "Bewegen is gezond, maar alleen wandelen is moeilijk vol te houden. In een groep is het gezelliger "
        "en let je op elkaar. Een fysiotherapeut uit de wijk gaf advies over het tempo. We willen een "
        "tweede groep starten voor wie minder goed ter been is.",
        ("ouderen", "gezondheid", "bewegen"),
        ("animo", "netwerk", "borging"),
    ),
    Idea(
        "regentonnen-schoneveld",
        "Regentonnen voor de hele straat",
        "schoneveld",
        "Bewoners van een straat in Schöneveld kopen samen regentonnen en koppelen ze aan hun regenpijpen, "
        "tegen wateroverlast en voor droge zomers.",
        "Bij hevige regen staat onze straat regelmatig blank. Als iedereen het water van zijn dak opvangt, "
        "scheelt dat al veel. Samen inkopen is goedkoper, en een handige buurman helpt met aansluiten. We "
        "vragen de gemeente of er subsidie mogelijk is.",
        ("klimaat", "water"),
        ("eigenaarschap", "middelen", "netwerk"),
    ),
    Idea(
        "wijkbus-noord",
        "Wijkbus voor ouderen",
        "noord",
        "Vrijwillige chauffeurs rijden ouderen uit Noord met een kleine bus naar de huisarts, de markt of "
        "familie.",
        "Voor veel ouderen is de bushalte te ver weg en een taxi te duur. Met een elektrische wijkbus en een "
        "belrooster willen we dat oplossen. Er hebben zich al acht chauffeurs gemeld. Voor de bus zelf "
        "zoeken we fondsen en steun van de gemeente.",
        ("ouderen", "vervoer", "vrijwilligers"),
        ("animo", "middelen", "toerusting"),
    ),
    Idea(
        "speeltuin-oosseld",
        "Speeltuin opknappen met de buurt",
        "oosseld",
        "Ouders in Oosseld willen de verouderde speeltuin in hun straat samen met de gemeente opknappen, met "
        "nieuwe toestellen en meer groen.",
        "De toestellen zijn oud en een deel is al weggehaald. Ouders maakten met de kinderen een "
        "verlanglijst. We willen zelf helpen met planten en schilderen, zodat het geld verder reikt. Een "
        "vaste contactpersoon bij de gemeente zou veel helpen.",
        ("spelen", "jeugd", "groen"),
        ("eigenaarschap", "aanspreekpunt", "uitvoering"),
    ),
    Idea(
        "samen-eten-oosseld",
        "Samen eten in de buurtkamer",
        "oosseld",
        "Eens in de twee weken koken vrijwilligers een maaltijd in de buurtkamer van Oosseld, voor een "
        "kleine bijdrage.",
        "Alleen eten is voor veel mensen het moment waarop ze zich eenzaam voelen. Aan een lange tafel "
        "schuiven buren van alle leeftijden aan. De groenteboer levert tegen inkoopprijs. We zoeken koks die "
        "een keer per maand willen helpen.",
        ("ontmoeting", "eenzaamheid", "voedsel"),
        ("animo", "netwerk", "middelen"),
    ),
]

MUNICIPAL_IDEAS = [
    Idea(
        "speelvisie",
        "Participatie bij de nieuwe speelvisie",
        "centrum",
        "De gemeente schrijft een nieuwe speelvisie en vraagt kinderen, ouders en buurten waar en hoe zij "
        "willen spelen.",
        "De huidige speelvisie is meer dan tien jaar oud. Sindsdien zijn er wijken bijgekomen en zijn veel "
        "toestellen aan vervanging toe. Met een vragenlijst, speelroutes en gesprekken op schoolpleinen "
        "halen we op wat kinderen belangrijk vinden. De uitkomsten gaan mee naar de gemeenteraad.",
        ("spelen", "jeugd"),
        ("vroeg-betrekken", "heldere-kaders", "terugkoppelen-en-leren"),
        ParticipationStep.CONSULT,
    ),
    Idea(
        "marktplein-wehl",
        "Nieuwe inrichting van het marktplein in Wehl",
        "wehl",
        "Het marktplein in Wehl wordt opnieuw ingericht. Bewoners en ondernemers ontwerpen samen met de "
        "gemeente hoe het plein eruit komt te zien.",
        "Het plein is nu vooral een parkeerplaats. Veel Wehlenaren willen er meer groen, ruimte voor de "
        "markt en plek voor evenementen. In drie ontwerpavonden tekenen bewoners, ondernemers en de gemeente "
        "samen een plan. Het budget en de eisen van de hulpdiensten staan vooraf vast.",
        ("openbare ruimte", "ondernemers"),
        ("heldere-kaders", "gelijkwaardigheid", "vroeg-betrekken"),
        ParticipationStep.COPRODUCE,
    ),
    Idea(
        "toekomst-buitengebied",
        "Meedenken over de toekomst van het buitengebied",
        "buitengebied",
        "Voor de omgevingsvisie wil de gemeente weten wat bewoners, boeren en natuurorganisaties belangrijk "
        "vinden in het landschap rond Doetinchem.",
        "Er komt veel af op het buitengebied: woningbouw, zonneparken, de toekomst van boerenbedrijven. "
        "Voordat de gemeente keuzes maakt, voeren we keukentafelgesprekken en houden we een avond per "
        "buurtschap. Later laten we zien wat we met elke inbreng hebben gedaan.",
        ("landschap", "landbouw", "energie"),
        ("van-buiten-naar-binnen", "vroeg-betrekken", "terugkoppelen-en-leren"),
        ParticipationStep.CONSULT,
    ),
    Idea(
        "wateroverlast-schoneveld",
        "Wateroverlast in Schöneveld: samen oplossingen zoeken",
        "schoneveld",
        "De gemeente brengt met bewoners in kaart waar het water blijft staan na hevige regen, en vraagt "
        "hun advies over oplossingen in de straat.",
        "Bij hevige buien lopen in Schöneveld kelders en tuinen onder. Bewoners weten precies waar het "
        "misgaat. Met een wandeling, een kaart en een buurtavond verzamelen we hun kennis. Hun advies "
        "gebruiken we bij het ontwerp van de nieuwe riolering en groenstroken.",
        ("klimaat", "water"),
        ("inleven", "vroeg-betrekken", "heldere-kaders"),
        ParticipationStep.ADVISE,
    ),
    Idea(
        "dorpshuis-nieuw-wehl",
        "Een nieuw dorpshuis voor Nieuw-Wehl",
        "nieuw-wehl",
        "Het oude dorpshuis is aan vervanging toe. Gemeente en dorpsbewoners ontwerpen samen een gebouw dat "
        "past bij wat het dorp nodig heeft.",
        "Verenigingen, de school en de dorpsraad gebruiken het dorpshuis allemaal op hun eigen manier. In "
        "een bouwgroep zitten bewoners en de gemeente samen aan tafel. De gemeente betaalt het grootste "
        "deel, het dorp regelt het beheer. Zo wordt het een huis van en voor het dorp.",
        ("dorpshuis", "ontmoeting"),
        ("gelijkwaardigheid", "loslaten", "faciliteren"),
        ParticipationStep.COPRODUCE,
    ),
    Idea(
        "wijkplan-noord",
        "Wijkplan Noord: wat moet er beter?",
        "noord",
        "De gemeente maakt met bewoners van Noord een wijkplan voor de komende vier jaar en vraagt iedereen "
        "wat er in de wijk beter kan.",
        "Een wijkplan zet op een rij waar gemeente, woningcorporatie en welzijnswerk de komende jaren aan "
        "werken. We beginnen niet met een plan, maar met vragen. Met een vragenlijst, een wijkwandeling en "
        "gesprekken bij de supermarkt horen we wat bewoners missen. Een groep bewoners adviseert welke "
        "punten voorrang krijgen.",
        ("wijkplan", "leefbaarheid"),
        ("van-buiten-naar-binnen", "vroeg-betrekken", "heldere-kaders"),
        ParticipationStep.ADVISE,
    ),
    Idea(
        "groenbeheer-ijsseltuinen",
        "Bewoners beheren het groen in de IJsseltuinen",
        "ijsseltuinen",
        "De gemeente draagt het onderhoud van een aantal plantsoenen over aan bewoners die dat willen, met "
        "gereedschap en een kleine vergoeding.",
        "Bewoners willen het groen in hun straat vaak anders: meer bloemen, minder snoeien. In de "
        "IJsseltuinen mogen groepen bewoners een plantsoen adopteren. Zij bepalen wat er groeit, de gemeente "
        "zorgt voor gereedschap, compost en het afvoeren van groenafval. Na een jaar kijken we samen hoe het "
        "ging.",
        ("groen", "beheer"),
        ("loslaten", "vertrouwen", "faciliteren"),
        ParticipationStep.SELF_MANAGE,
    ),
    Idea(
        "laadpalen-de-huet",
        "Laadpalen in De Huet: waar komen ze?",
        "de-huet",
        "De gemeente plaatst de komende jaren meer laadpalen. Bewoners van De Huet lezen hier waar ze komen "
        "en wanneer er gewerkt wordt.",
        "Steeds meer mensen rijden elektrisch, en dat vraagt om laadpalen in de straat. De plekken zijn "
        "gekozen op basis van aanvragen en de ligging van het stroomnet. Op deze pagina en bij een "
        "inloopavond leggen we uit waar de palen komen. Ook houden we bij wanneer er in welke straat gewerkt "
        "wordt.",
        ("energie", "verkeer"),
        ("heldere-kaders", "terugkoppelen-en-leren"),
        ParticipationStep.INFORM,
    ),
    Idea(
        "bomenplan-overstegen",
        "Bomenplan Overstegen: welke bomen komen terug?",
        "overstegen",
        "Veel zieke essen in Overstegen moeten weg. Bewoners beslissen per straat mee welke bomen ervoor in "
        "de plaats komen.",
        "Door de essentaksterfte moeten tientallen bomen in de wijk worden gekapt. Dat is een groot verlies "
        "voor de straten. Per straat kiezen bewoners uit een lijst van soorten die passen bij de ruimte en de "
        "ondergrond. De gemeente plant wat de straat kiest.",
        ("groen", "bomen"),
        ("heldere-kaders", "vertrouwen", "inleven"),
        ParticipationStep.CODECIDE,
    ),
]

# How often the municipality takes each role in a society initiative.
GOVERNMENT_ROLES = {
    GovernmentRole.FACILITATE: 4,
    GovernmentRole.STIMULATE: 3,
    GovernmentRole.LET_GO: 2,
    GovernmentRole.DIRECT: 1,
    GovernmentRole.REGULATE: 0.5,
}


# --- log entries -------------------------------------------------------------------------------------


class Entry(NamedTuple):
    kind: str
    title: str
    text: str
    category: str = ""  # only for obstacles


def _rows(table: str) -> list[list[str]]:
    """The rows of a small text table: one row a line, cells separated by " | "."""
    return [[cell.strip() for cell in line.split(" | ")] for line in table.strip().splitlines()]


def _entries(table: str) -> list[Entry]:
    """Log entries from a table of kind (for an obstacle: obstacle/category) | title | text."""
    entries = []
    for kind, title, text in _rows(table):
        kind, _, category = kind.partition("/")
        entries.append(Entry(LogKind(kind), title, text, ObstacleCategory(category) if category else ""))
    return entries


def _help(table: str) -> list[tuple[str, str, str]]:
    """Help requests from a table of kind | title | description."""
    return [(HelpKind(kind), title, description) for kind, title, description in _rows(table)]


KIND_WEIGHTS = {
    LogKind.UPDATE: 3,
    LogKind.OBSTACLE: 2.5,
    LogKind.WORKING_ELEMENT: 1.5,
    LogKind.DILEMMA: 1.2,
    LogKind.MILESTONE: 1.2,
    LogKind.REFLECTION: 1,
}
# Within an initiative's log, earlier phases come first: reflections at the end.
KIND_PHASE = {
    LogKind.UPDATE: 0,
    LogKind.DILEMMA: 1,
    LogKind.OBSTACLE: 1,
    LogKind.WORKING_ELEMENT: 2,
    LogKind.MILESTONE: 2,
    LogKind.REFLECTION: 3,
}
NOT_STARTED = (Stage.IDEA, Stage.PREPARING)  # no milestones yet
# Obstacle categories are dealt from a shuffled deck with these counts: rules and lead times most often.
CATEGORY_DECK = {
    ObstacleCategory.RULES: 3,
    ObstacleCategory.LEAD_TIME: 3,
    ObstacleCategory.UNCLEAR_CONTACT: 2,
    ObstacleCategory.MONEY: 2,
    ObstacleCategory.INFORMATION: 1,
    ObstacleCategory.OTHER: 1,
}

# What a team might write, whatever the initiative.
SOCIETY_LOG = _entries("""
update | Eerste bijeenkomst | Met twaalf mensen zaten we om tafel. We verdeelden de taken en spraken af elke maand bij elkaar te komen.
update | Flyers rondgebracht | Vrijwilligers brachten een flyer rond in de buurt. In een week kwamen er twintig reacties binnen, de meeste positief.
update | Plan besproken met de buurt | Op een inloopavond lieten we het plan zien. Er kwamen goede vragen, vooral over onderhoud en kosten. We passen het plan daarop aan.
update | Nieuwe vrijwilligers erbij | Drie buren meldden zich na het stukje in de wijkkrant. Nu kunnen we de taken beter verdelen.
update | Gesprek met de wijkregisseur | We spraken met de wijkregisseur over ons plan. Ze gaf tips over subsidies en over wie we nog meer moeten spreken.
dilemma | Groot beginnen of klein? | Sommigen willen meteen het hele plan uitvoeren, anderen eerst een proef. Een proef is veiliger, maar misschien zakt het enthousiasme dan weg.
dilemma | Wie zorgt later voor het onderhoud? | Aanleggen lukt wel, maar wie zorgt er over vijf jaar voor? We willen geen taak op ons nemen die we niet kunnen dragen, maar ook niet alles bij de gemeente neerleggen.
dilemma | Subsidie aanvragen of niet? | Een subsidie helpt, maar de aanvraag kost veel tijd en er horen voorwaarden bij. Zelf geld inzamelen gaat langzamer, maar dan houden we de vrijheid.
dilemma | Wachten tot iedereen ja zegt? | Niet alle buren zijn enthousiast. Wachten tot iedereen instemt duurt lang, maar we willen ook niemand passeren.
obstacle/rules | Vergunning nodig voor iets kleins | Voor ons plan bleek een vergunning nodig. Dat is veel werk voor iets kleins. We vroegen de gemeente of het eenvoudiger kan.
obstacle/rules | Regels voor activiteiten op straat | Voor een activiteit in de openbare ruimte moesten we een melding doen, een verkeersplan maken en een verzekering regelen. Dat wisten we niet van tevoren.
obstacle/rules | Wie is er aansprakelijk? | Wie is aansprakelijk als er iemand valt? Zonder antwoord wilde niemand tekenen. Een vrijwilligersverzekering bleek de oplossing, maar het zoeken kostte weken.
obstacle/lead_time | Zes weken wachten op antwoord | Op onze vraag aan de gemeente kwam pas na zes weken antwoord. Intussen haakten twee vrijwilligers af.
obstacle/lead_time | Aanvraag blijft liggen | Onze aanvraag ging van afdeling naar afdeling. Niemand voelde zich eigenaar, en het duurde twee maanden voor er een besluit kwam.
obstacle/unclear_contact | Bij wie moeten we zijn? | We werden bij de gemeente drie keer doorverbonden en kregen steeds een ander antwoord. Een vast aanspreekpunt zou veel schelen.
obstacle/unclear_contact | Contactpersoon vertrokken | Onze contactpersoon bij de gemeente kreeg een andere baan. Niemand wist bij wie onze vraag nu lag.
obstacle/money | Materiaal duurder dan gedacht | De offerte viel veel hoger uit dan we dachten. We zoeken nu een fonds en vragen bedrijven in de buurt om mee te betalen.
obstacle/money | Voorschieten is lastig | De subsidie wordt pas achteraf betaald. Tot die tijd moeten vrijwilligers het geld voorschieten, en dat kan niet iedereen.
obstacle/information | Liggen er kabels in de grond? | We wilden weten of er kabels of leidingen onder het grasveld liggen. Die informatie bleek moeilijk te krijgen.
obstacle/information | Wat is er al gepland? | We hoorden pas laat dat de gemeente zelf plannen had voor dezelfde plek. Dat had ons veel werk kunnen besparen.
obstacle/other | Vernield | Een deel van wat we hadden neergezet is vernield. We twijfelen of we het opnieuw moeten doen.
obstacle/other | Minder handen na de zomer | Na de zomer bleven er minder mensen over. Het werk komt nu op een paar schouders terecht.
working_element | Een vast aanspreekpunt werkt | Sinds we één contactpersoon bij de gemeente hebben, gaan vragen veel sneller. Zij weet bij wie ze moet zijn en belt terug als ze dat belooft.
working_element | Klein beginnen | We begonnen met een proef op één plek. Dat gaf vertrouwen, bij ons en bij de buren, en nu groeit het vanzelf.
working_element | Langs de deuren gaan | Aanbellen werkt beter dan een flyer. Mensen die we anders nooit zien, doen nu mee.
working_element | Taken verdelen | Iedereen heeft nu een eigen taak: de contacten met de gemeente, het geld of de vrijwilligers. Zo komt niet alles op één persoon neer.
reflection | Wat we hebben geleerd | We dachten dat het plan het moeilijkste zou zijn, maar het was de organisatie eromheen. Volgende keer zoeken we eerder hulp.
reflection | Terugblik na een halfjaar | Het ging langzamer dan gehoopt, maar de buurt is hechter geworden. Dat alleen al was de moeite waard.
reflection | Wat zouden we anders doen? | We hadden de gemeente eerder moeten betrekken. Nu kwamen we pas laat regels tegen die ons plan veranderden.
milestone | Eerste activiteit was een succes | Er kwamen meer mensen dan we hadden durven hopen. De reacties waren zo positief dat we er een vast ritme van maken.
milestone | Het geld is rond | Met bijdragen van een fonds, de buurt en de gemeente is de begroting rond. Nu kunnen we echt beginnen.
milestone | Toestemming gekregen | De gemeente gaf toestemming. Na maanden voorbereiding kunnen we aan de slag.
""")

# The same, written by the municipality about its own initiative.
MUNICIPAL_LOG = _entries("""
update | Inloopavond gehouden | Zo'n veertig bewoners kwamen naar de inloopavond. Op de kaarten aan de muur staan nu tientallen briefjes met ideeën en zorgen.
update | Vragenlijst gesloten | De vragenlijst is gesloten; bijna driehonderd mensen vulden hem in. De uitkomsten zetten we binnenkort op deze pagina.
update | Wat we tot nu toe hoorden | We zetten de reacties op een rij. Veel mensen noemen groen en veiligheid; over parkeren zijn de meningen verdeeld.
dilemma | Snel besluiten of langer ophalen? | De raad wil snel een besluit, maar we spraken nog weinig jongeren. Langer doorgaan kost tijd; nu besluiten maakt het plan minder breed gedragen.
obstacle/lead_time | Afstemming binnen de gemeente kost tijd | Het advies van bewoners moest langs drie afdelingen. Daardoor konden we minder snel terugkoppelen dan we hadden beloofd.
obstacle/rules | Wettelijke eisen beperken de keuze | Niet alles wat bewoners voorstelden mag: er gelden eisen voor de doorgang van hulpdiensten. We leggen uit waarom, zodat de keuze te volgen blijft.
obstacle/information | Gegevens over de ondergrond ontbraken | Voor het ontwerp misten we gegevens over kabels en leidingen. Het opvragen daarvan vertraagde de planning met een maand.
obstacle/unclear_contact | Wie trekt het project? | Door een reorganisatie was een tijd niet duidelijk wie binnen de gemeente het project trok. Bewoners wisten niet bij wie ze terechtkonden.
obstacle/other | Weinig mensen in de zomer | Tijdens de zomervakantie kwam bijna niemand naar de bijeenkomsten. We schoven de laatste avond op naar september.
obstacle/money | Budget krapper dan gedacht | Door hogere prijzen past niet alles binnen het budget. Met de bewoners kiezen we wat voorgaat.
working_element | Naar de mensen toe | Gesprekken bij de supermarkt en op het schoolplein leverden veel meer reacties op dan een avond in het stadhuis.
working_element | Vooraf zeggen wat vastligt | Doordat we meteen vertelden wat al vaststaat en waarover bewoners wel meepraten, ging het gesprek over de goede dingen.
reflection | Terugkoppelen is werk | We onderschatten hoeveel tijd het kost om iedereen te laten weten wat er met zijn inbreng gebeurt. Volgende keer plannen we dat vanaf het begin.
milestone | Plan vastgesteld | Het plan is vastgesteld. Bijna alle adviezen van bewoners zijn overgenomen; bij de rest staat uitgelegd waarom niet.
""")

# The last entry of an initiative that ended.
CLOSING_ENTRIES = {
    Stage.COMPLETED: Entry(
        LogKind.MILESTONE,
        "Afgerond!",
        "Het is klaar. Dank aan iedereen die heeft meegeholpen, met handen, geld of goede raad. Wil je iets "
        "vergelijkbaars in je eigen buurt? We delen graag wat we weten.",
    ),
    Stage.STOPPED: Entry(
        LogKind.REFLECTION,
        "Waarom we stoppen",
        "Na lang wikken en wegen stoppen we. Er waren te weinig mensen om het werk te dragen. Wat we hebben "
        "geleerd, delen we graag met anderen die iets vergelijkbaars willen.",
    ),
}


# --- help, responses ---------------------------------------------------------------------------------

HELP_TEXTS = _help("""
volunteers | Handen gezocht voor een zaterdag | Wie helpt een zaterdagochtend mee? Er is koffie en soep.
volunteers | Vrijwilligers voor vaste taken | We zoeken mensen die een paar uur per maand willen helpen, bijvoorbeeld met opbouwen of het rooster.
expertise | Hulp bij een fondsaanvraag | Wie heeft ervaring met fondsen en wil meelezen met onze aanvraag?
expertise | Een eenvoudige website | We willen een pagina met informatie en een aanmeldformulier. Wie kan dat voor ons opzetten?
materials | Gereedschap te leen | We zoeken voor een dag een aanhanger, kruiwagens en schoppen.
materials | Hout en verf | Restpartijen hout en buitenverf zijn van harte welkom.
place | Een ruimte voor onze bijeenkomsten | We zoeken een ruimte voor twintig mensen, één avond per maand.
place | Opslagruimte | Waar kunnen we onze spullen kwijt? Een garage of schuurtje is genoeg.
money | Bijdrage voor de aanschaf | We missen nog een paar honderd euro. Is er een bedrijf of fonds dat wil bijdragen?
municipal_contact | Een contactpersoon bij de gemeente | Wie bij de gemeente kan ons helpen met de vergunning, en weet wie waarover gaat?
""")
OFFER_TEXTS = [
    "Ik help graag. Stuur me een bericht, dan spreken we iets af.",
    "Dit heb ik eerder gedaan voor onze sportclub. Ik denk graag mee.",
    "Ik woon vlakbij en heb op zaterdag tijd. Laat maar weten wanneer.",
    "Via mijn werk kan ik misschien iets regelen. Zullen we even bellen?",
]
REPLY_TEXTS = [
    "Wat fijn, dank je! We nemen deze week contact op.",
    "Top, we bellen je snel om het af te spreken.",
]

RESPONSES = [
    "Dank voor jullie initiatief. Ik ben jullie aanspreekpunt bij de gemeente en neem deze week contact op "
    "om kennis te maken. Dan hoor ik graag wat jullie van ons nodig hebben.",
    "Mooi plan! Voor een deel ervan is toestemming van de gemeente nodig. Ik zoek uit welke regels gelden en "
    "kom daar binnen twee weken op terug.",
    "We hebben jullie initiatief besproken in het wijkteam. Er is een klein budget voor initiatieven in de "
    "wijk; ik stuur jullie de voorwaarden.",
    "Wat goed dat jullie dit oppakken. Ik breng jullie graag in contact met een initiatief elders in de "
    "gemeente dat iets vergelijkbaars doet.",
]
LATE_RESPONSES = [
    "Excuses dat het zo lang duurde voor jullie iets van ons hoorden. Jullie vraag lag bij verschillende "
    "afdelingen; vanaf nu loopt alles via mij. Ik bel jullie deze week.",
    "Dank voor jullie geduld. We hebben intern eerst moeten uitzoeken wie hierover gaat. Dat ben ik nu, en "
    "ik kom graag langs om het plan te bespreken.",
]
MUNICIPAL_RESPONSES = [
    "Dank aan iedereen die tot nu toe heeft meegedacht. Op deze pagina houden we bij wat we met de reacties "
    "doen.",
    "Een aanvulling: de stukken voor de raad staan vanaf nu ook op deze pagina, zodat iedereen kan nalezen "
    "wat er met de inbreng gebeurt.",
]


# --- samenwerkingslab --------------------------------------------------------------------------------


@dataclass(frozen=True)
class PastSession:
    topic: str
    place: str
    capacity: int
    description: str
    report: str = ""


# Oldest first, about two months apart.
PAST_SESSIONS = [
    PastSession(
        "Van idee naar plan: hoe begin je een initiatief?",
        "Bibliotheek Doetinchem, Raadhuisstraat",
        25,
        "Heb je een idee voor je straat, wijk of dorp, maar weet je niet waar je moet beginnen? "
        "Initiatiefnemers vertellen hoe zij het aanpakten, en we maken samen een eerste stappenplan.",
        "Achttien mensen kwamen met een idee, van een bankje tot een dorpsfeest.\n\n## Wat we leerden\n\n"
        "- Begin klein en laat zien dat het werkt.\n- Zoek twee of drie mensen die mee willen trekken.\n"
        "- Zet je idee op deze site, zodat buren en de gemeente het kunnen vinden.\n\n"
        "Veel deelnemers wisten niet dat er wijkregisseurs zijn. Daar gaan we beter over vertellen.",
    ),
    PastSession(
        "Geld voor je initiatief: fondsen, subsidies en crowdfunding",
        "Dorpshuis Wehl",
        20,
        "Waar vind je geld voor je plan, en hoe schrijf je een aanvraag die kans maakt? Met iemand van een "
        "fonds en een initiatiefnemer die net een crowdfunding achter de rug heeft.",
        "## Tips van de avond\n\n- Vraag niet alleen geld, maar ook spullen en handen.\n"
        "- Een fonds wil weten wie er achter het plan staan: laat zien hoeveel buren meedoen.\n"
        "- Kleine bedragen van de gemeente kunnen zonder uitgebreide aanvraag.\n\n"
        "Knelpunt: veel subsidies worden pas achteraf betaald. De gemeente kijkt of een voorschot kan.",
    ),
    PastSession(
        "Vrijwilligers vinden en vasthouden",
        "Wijkcentrum De Huet",
        20,
        "Bij veel initiatieven komt het werk op een paar mensen neer. Hoe vind je nieuwe vrijwilligers, en "
        "hoe zorg je dat ze blijven?",
        "Vijftien deelnemers, van sportclubs tot buurthuizen.\n\n- Vraag mensen persoonlijk; een oproep in "
        "de krant werkt minder goed.\n- Geef een kleine, duidelijke taak met een begin en een eind.\n"
        "- Zeg vaak dankjewel, en laat zien wat de inzet oplevert.",
    ),
    PastSession(
        "Hoe reageert de gemeente op initiatieven?",
        "Stadhuis Doetinchem, Raadszaal",
        30,
        "Initiatiefnemers en ambtenaren bespreken hoe snel en hoe goed de gemeente reageert op een nieuw "
        "initiatief, en wat er beter kan.",
        "## Wat we hoorden\n\n- Initiatiefnemers wachten soms weken op een eerste reactie.\n"
        "- Een reactie met een naam erbij geeft vertrouwen, een algemeen mailadres niet.\n"
        "- Ambtenaren willen graag helpen, maar weten niet altijd dat er een initiatief is.\n\n"
        "Afspraak: we houden bij hoe lang een eerste reactie duurt en bespreken dat over een halfjaar opnieuw.",
    ),
    PastSession(
        "Evenementen organiseren zonder papierwinkel",
        "Dorpshuis Gaanderen",
        20,
        "Een buurtfeest, een markt, een opschoondag: wanneer heb je een vergunning nodig, en wanneer is een "
        "melding genoeg? Met een medewerker vergunningen.",
        "- Voor een klein buurtfeest is een melding vaak genoeg.\n- Vraag ruim op tijd aan: acht weken voor "
        "een groot evenement.\n- Bel eerst even; dat voorkomt een aanvraag die niet nodig is.\n\n"
        "Deelnemers vroegen om één overzicht op de site. Dat komt er.",
    ),
    PastSession(
        "Samenwerken met de woningcorporatie",
        "Buurthuis De Pas",
        20,
        "Veel plannen voor groen en ontmoeting gaan over grond of gebouwen van de woningcorporatie. Twee "
        "wijkconsulenten vertellen hoe je met hen samenwerkt.",
    ),
    PastSession(
        "Jongeren betrekken bij je initiatief",
        "Bibliotheek Doetinchem, Raadhuisstraat",
        25,
        "Hoe krijg je jongeren mee, en hoe geef je ze echt iets te zeggen? Jongeren uit Gaanderen vertellen "
        "over hun eigen plan.",
        "- Ga naar jongeren toe, in plaats van ze uit te nodigen voor een avond.\n- Geef ze echt iets te "
        "beslissen.\n- Reageer snel: een maand wachten is voor een jongere heel lang.",
    ),
    PastSession(
        "Participatie door de gemeente: wat verwachten inwoners?",
        "Stadhuis Doetinchem, Raadszaal",
        30,
        "Als de gemeente inwoners om hun mening vraagt, wat mogen ze dan verwachten? We bespreken de "
        "participatieladder aan de hand van echte plannen.",
    ),
    PastSession(
        "Initiatieven in de buurtschappen: klein, ver weg en toch gehoord",
        "Buurtschapshuis Langerak",
        15,
        "Langerak, Wijnbergen, IJzevoorde en het buitengebied: hoe zorgen initiatieven daar dat ze gehoord "
        "worden?",
        "- Voor veel vragen moet je naar het stadhuis; een spreekuur in de buurtschap zou helpen.\n"
        "- Kleine plannen, zoals een AED of een ommetje, passen slecht in regelingen voor wijken.\n\n"
        "De gemeente onderzoekt een vast aanspreekpunt voor de buurtschappen.",
    ),
]

# Signals, oldest first: a title, what happened, and the ombuds' first answer.
PAST_SIGNALS = _rows("""
Geen reactie op onze melding voor een buurtfeest | We deden acht weken geleden een melding voor ons buurtfeest. Het feest is over drie weken en we hebben nog niets gehoord. | Dank voor je signaal. Ik vraag na waar jullie melding ligt en laat het je binnen twee dagen weten.
Van het kastje naar de muur over een bankje | We willen een bankje op een grasveld. Groen zegt dat het bij verkeer ligt, verkeer zegt dat het bij groen ligt. | Herkenbaar, helaas. Ik breng beide afdelingen bij elkaar en kom bij je terug.
Toezegging niet nagekomen | De wijkregisseur beloofde terug te bellen over het budget, maar dat is nooit gebeurd. Intussen is het potje leeg. | Vervelend dat dit zo is gelopen. Ik zoek uit wat er is gebeurd en of er nog ruimte is.
Voorwaarden veranderd na onze aanvraag | De voorwaarden voor de subsidie veranderden nadat we onze aanvraag hadden ingediend. Nu moeten we opnieuw beginnen. | Dank dat je dit meldt. Ik vraag na welke voorwaarden voor jullie aanvraag gelden.
Ons idee overgenomen zonder ons | Ons idee voor een speelplek staat nu in een plan van de gemeente, maar wij worden niet meer uitgenodigd om mee te praten. | Dat is niet de bedoeling. Ik neem contact op met de projectleider.
Onverwachte rekening | Voor een gratis activiteit op een grasveld kregen we een rekening, terwijl we vooraf hoorden dat het niets zou kosten. | Ik zoek uit hoe dit zit. Betaal de rekening nog niet tot je van me hoort.
Nooit gehoord wat er met onze reactie gebeurde | We reageerden met de hele straat op een plan, maar hoorden nooit wat er met onze reactie is gedaan. | Terecht dat je dit aankaart. Ik vraag het team om een terugkoppeling aan de straat.
Twee antwoorden over onze verzekering | Twee ambtenaren gaven een ander antwoord op de vraag of we als vrijwilligers verzekerd zijn. Wat klopt er nu? | Ik vraag het na bij de verzekeringsadviseur van de gemeente en laat je het antwoord weten.
Maaien rond de moestuin gebeurt niet | De gemeente zou het gras rond onze moestuin maaien, maar dat is dit jaar nog niet één keer gebeurd. | Dank voor je bericht. Ik vraag de wijkbeheerder wat er is afgesproken.
Al twee maanden geen afspraak | We vroegen twee maanden geleden om een gesprek over ons plan. We hebben nog steeds geen datum. | Ik begrijp je ongeduld. Ik zorg deze week voor een datum.
Niemand pakt onze vraag op | Onze vraag over een vergunning ligt bij een afdeling die niet reageert op mail of telefoon. | Ik zoek uit wie jullie vraag kan oppakken en bel je deze week.
Een kortaf antwoord | We kregen een mailtje dat ons plan 'niet past in het beleid', zonder uitleg. Dat voelde als een afwijzing van al ons werk. | Dank dat je dit deelt. Ik vraag om een uitleg en een gesprek, zodat jullie weten waar je aan toe bent.
""")
CLOSING_MESSAGES = {
    SignalStatus.RESOLVED: [
        "Goed nieuws: na het gesprek met de afdeling is er een oplossing, en jullie contactpersoon neemt deze "
        "week contact op. Ik sluit het signaal; laat het weten als het toch niet goed komt.",
        "Het is geregeld. Dank voor je geduld, en voor het melden: zo kunnen we het voor anderen ook "
        "verbeteren.",
    ],
    SignalStatus.CLOSED: [
        "We hebben gedaan wat we konden. Ik neem het punt mee in het overleg met de afdelingen, zodat het "
        "anderen niet meer overkomt. Ik sluit het signaal.",
    ],
}


# --- loading -----------------------------------------------------------------------------------------


def _weighted_sample(rng: Random, items, weights, count: int) -> list:
    """`count` different items, drawn one by one by their weights."""
    items, weights, chosen = list(items), list(weights), []
    for _ in range(min(count, len(items))):
        index = rng.choices(range(len(items)), weights=weights)[0]
        chosen.append(items.pop(index))
        weights.pop(index)
    return chosen


class _History:
    def __init__(self):
        self.rng = Random(SEED)  # noqa: S311 - reproducible demo data, not security
        self.now = timezone.now()
        self.people = {}
        self.areas = {}
        self.made = []  # (initiative, initiator key), oldest first
        self.deck = []  # obstacle categories still to deal

    # --- time

    def at(self, moment: datetime.datetime, hour: int, minute: int | None = None) -> datetime.datetime:
        """`moment`'s day at a believable hour, never after now."""
        minute = self.rng.randrange(60) if minute is None else minute
        local = timezone.localtime(moment).replace(hour=hour, minute=minute, second=0, microsecond=0)
        return min(local, self.now)

    def later(self, start, end, low: float, high: float, hour: int) -> datetime.datetime:
        """A moment at about `hour`, a fraction low..high of the way from start to end, and within them."""
        moment = self.at(start + (end - start) * self.rng.uniform(low, high), hour)
        moment = max(moment, start + datetime.timedelta(minutes=self.rng.randint(10, 90)))
        return min(moment, end, self.now)

    # --- people

    def ensure_people(self) -> bool:
        """The command's demo accounts (False when one is missing) and the demo residents."""
        User = get_user_model()
        for key, email in {**ACCOUNTS, "olga": OMBUDS_EMAIL}.items():
            self.people[key] = User.objects.filter(email=email).first()
            if self.people[key] is None:
                return False
        self.areas = Area.objects.in_bulk(field_name="slug")
        hashed = self.people["bewoner"].password  # the demo password, hashed once by loket_demo
        for resident in RESIDENTS + EXTRA_RESIDENTS:
            user, _ = User.objects.get_or_create(
                email=resident.email,
                defaults={
                    "display_name": resident.display_name,
                    "area": self.areas.get(resident.area_slug),
                    "password": hashed,
                },
            )
            EmailAddress.objects.update_or_create(
                user=user, email=resident.email, defaults={"verified": True, "primary": True}
            )
            self.people[resident.key] = user
        return True

    def pick_team(self, idea: Idea) -> list[str]:
        """Keys of the team, the initiator first: someone from the area when possible."""
        rng = self.rng
        local = [resident.key for resident in RESIDENTS if resident.area_slug == idea.area]
        if idea.step:
            first = "anne"
        elif local and rng.random() < 0.7:
            first = rng.choice(local)
        else:
            first = "ivo" if rng.random() < 0.4 else rng.choice(RESIDENT_KEYS)
        others = [key for key in dict.fromkeys([*local, *RESIDENT_KEYS, "ivo"]) if key != first]
        return [first, *rng.sample(others, rng.choice((0, 1, 1, 2)))]

    # --- initiatives

    def add_initiatives(self) -> int:
        rng = self.rng
        ideas = SOCIETY_IDEAS + MUNICIPAL_IDEAS
        rng.shuffle(ideas)
        oldest, newest = MONTHS * MONTH_DAYS - 3, 6
        step = (oldest - newest) / (len(ideas) - 1)
        published = [
            self.at(self.now - DAY * (oldest - index * step + rng.uniform(-3, 3)), rng.randint(9, 16))
            for index in range(len(ideas))
        ]
        plans = zip(
            ideas, published, self.plan_stages(published), self.plan_responses(len(ideas)), strict=True
        )
        for idea, published_at, stage, response in plans:
            self.create_initiative(idea, published_at, stage, response)
        return len(ideas)

    def plan_stages(self, published: list[datetime.datetime]) -> list[str]:
        """About 30% completed and 10% stopped, the older the likelier; the others are still going."""
        rng = self.rng
        ages = [min((self.now - moment).days / (MONTHS * MONTH_DAYS), 1) for moment in published]
        completed, stopped = round(0.3 * len(ages)), round(0.1 * len(ages))
        ended = _weighted_sample(rng, range(len(ages)), [age**2 for age in ages], completed + stopped)
        stages = []
        for index, age in enumerate(ages):
            if index in ended:
                stages.append(Stage.STOPPED if index in ended[:stopped] else Stage.COMPLETED)
            else:
                going = [Stage.IDEA, Stage.PREPARING, Stage.RUNNING]
                stages.append(rng.choices(going, weights=[1.2 - age, 1, 0.4 + age])[0])
        return stages

    def plan_responses(self, count: int) -> list[tuple[bool, bool]]:
        """(responded, within two weeks): 80% get a first response, 60% of those within two weeks."""
        answered = round(0.8 * count)
        fast = round(0.6 * answered)
        plan = (
            [(True, True)] * fast
            + [(True, False)] * (answered - fast)
            + [(False, False)] * (count - answered)
        )
        self.rng.shuffle(plan)
        return plan

    def pick_role(self) -> str:
        return self.rng.choices(list(GOVERNMENT_ROLES), weights=list(GOVERNMENT_ROLES.values()))[0]

    def create_initiative(self, idea: Idea, published_at, stage: str, response: tuple[bool, bool]):
        rng = self.rng
        ended = stage in CLOSING_ENTRIES
        stage_changed_at = self.later(published_at, self.now, 0.4, 0.9, 20) if ended else published_at
        team = self.pick_team(idea)
        initiative = Initiative(
            slug=SLUG_PREFIX + idea.key,
            title=idea.title,
            summary=idea.summary,
            story=idea.story,
            origin=idea.origin,
            stage=stage,
            stage_changed_at=stage_changed_at,
            publication_state=PublicationState.PUBLISHED,
            area=self.areas[idea.area],
            government_role="" if idea.step else self.pick_role(),
            participation_step=idea.step,
            created_by=self.people[team[0]],
            submitted_at=self.at(published_at - DAY * rng.uniform(2, 5), 21),
            published_at=published_at,
        )
        initiative.full_clean()
        initiative.save()
        initiative.tags.set(list(idea.tags))
        initiative.concepts.set(
            Concept.objects.filter(flywheel__slug=idea.origin.flywheel_slug, slug__in=idea.concepts)
        )
        created_at = self.at(published_at - DAY * rng.uniform(7.5, 21), 20)
        self.add_team(initiative, team, created_at)
        end = stage_changed_at if ended else self.now
        moments = [published_at, *self.add_log(initiative, team, end), *self.add_help(initiative, team, end)]
        first_response = self.add_response(initiative, *response)
        self.add_supports(initiative, team)
        last_activity = max([*moments, first_response or published_at])
        Initiative.objects.filter(pk=initiative.pk).update(
            created_at=created_at,
            updated_at=max(last_activity, stage_changed_at),
            last_activity_at=last_activity,
            first_response_at=first_response,
            contact_person=self.people["anne"] if first_response or idea.step else None,
        )
        initiative_reindex(initiative=initiative)
        self.made.append((initiative, team[0]))
        return initiative

    def add_team(self, initiative, team: list[str], created_at):
        for offset, key in enumerate(team):
            role = TeamRole.INITIATOR if offset == 0 else TeamRole.CO_INITIATOR
            membership = TeamMembership.objects.create(
                initiative=initiative, user=self.people[key], role=role
            )
            joined = min(created_at + DAY * offset, initiative.published_at)
            TeamMembership.objects.filter(pk=membership.pk).update(created_at=joined)

    def add_log(self, initiative, team: list[str], end) -> list[datetime.datetime]:
        """2 to 5 entries between publication and `end`; an ended initiative closes with its reason."""
        rng = self.rng
        municipal = initiative.origin == Origin.MUNICIPALITY
        closing = CLOSING_ENTRIES.get(initiative.stage)
        count = rng.randint(2, 5) - (1 if closing else 0)
        pool = [
            entry
            for entry in (MUNICIPAL_LOG if municipal else SOCIETY_LOG)
            if entry.kind != LogKind.MILESTONE or initiative.stage not in NOT_STARTED
        ]
        entries = sorted(self.pick_entries(pool, count), key=lambda entry: KIND_PHASE[entry.kind])
        fractions = sorted(rng.uniform(0.03, 0.95) for _ in entries)
        if fractions:
            fractions[0] *= 0.05  # the team writes its first entry in its first weeks
        dated = [
            (self.later(initiative.published_at, end, fraction, fraction, rng.randint(19, 21)), entry)
            for fraction, entry in zip(fractions, entries, strict=True)
        ]
        if closing:
            dated.append((end, closing))
        for written, entry in dated:
            log_entry = LogEntry(
                initiative=initiative,
                author=self.people[team[0] if municipal else rng.choice(team)],
                kind=entry.kind,
                obstacle_category=entry.category,
                happened_on=timezone.localdate(written),
                title=entry.title,
                text=entry.text,
            )
            log_entry.full_clean(validate_constraints=False)  # the database checks them
            log_entry.save()
            LogEntry.objects.filter(pk=log_entry.pk).update(created_at=written, updated_at=written)
        return [written for written, _ in dated]

    def pick_entries(self, pool: list[Entry], count: int) -> list[Entry]:
        """`count` different entries: kinds by their weights, obstacle categories dealt from the deck."""
        rng, chosen = self.rng, []
        while len(chosen) < count:
            kind = rng.choices(list(KIND_WEIGHTS), weights=list(KIND_WEIGHTS.values()))[0]
            category = self.deal_category() if kind == LogKind.OBSTACLE else ""
            unused = [entry for entry in pool if entry.kind == kind and entry not in chosen]
            fitting = [entry for entry in unused if entry.category == category] or unused
            if fitting:
                chosen.append(rng.choice(fitting))
        return chosen

    def deal_category(self) -> str:
        if not self.deck:
            self.deck = [category for category, times in CATEGORY_DECK.items() for _ in range(times)]
            self.rng.shuffle(self.deck)
        return self.deck.pop()

    def add_help(self, initiative, team: list[str], end) -> list[datetime.datetime]:
        """0 to 2 help requests; about half fulfilled, some with an offer from outside the team."""
        rng = self.rng
        moments = []
        for kind, title, description in rng.sample(HELP_TEXTS, rng.choices((0, 1, 2), weights=(4, 4, 2))[0]):
            asked = self.later(initiative.published_at, end, 0.05, 0.6, rng.randint(18, 21))
            fulfilled = self.later(asked, end, 0.2, 0.9, 17) if rng.random() < 0.5 else None
            request = HelpRequest(
                initiative=initiative,
                kind=kind,
                title=title,
                description=description,
                is_fulfilled=fulfilled is not None,
                fulfilled_at=fulfilled,
            )
            request.full_clean(validate_constraints=False)
            request.save()
            HelpRequest.objects.filter(pk=request.pk).update(created_at=asked, updated_at=fulfilled or asked)
            moments += [asked, fulfilled] if fulfilled else [asked]
            if rng.random() < 0.55:
                self.add_offer(request, team, asked, fulfilled)
        return moments

    def add_offer(self, request, team: list[str], asked, fulfilled):
        rng = self.rng
        offered = self.later(asked, fulfilled or self.now, 0.05, 0.6, 20)
        replied = self.later(offered, fulfilled, 0.1, 1, 21) if fulfilled else None
        offer = HelpOffer.objects.create(
            help_request=request,
            offered_by=self.people[rng.choice([key for key in SUPPORTERS if key not in team])],
            message=rng.choice(OFFER_TEXTS),
            reply=rng.choice(REPLY_TEXTS) if replied else "",
            replied_at=replied,
            replied_by=self.people[team[0]] if replied else None,
        )
        HelpOffer.objects.filter(pk=offer.pk).update(created_at=offered, updated_at=replied or offered)

    def add_response(self, initiative, has_response: bool, fast: bool) -> datetime.datetime | None:
        """The first response of the municipality, if planned and not in the future; its moment."""
        rng = self.rng
        published_at = initiative.published_at
        if fast:
            window = (published_at + 3 * HOUR, published_at + 14 * DAY - HOUR)
        else:
            window = (published_at + 15 * DAY, published_at + 60 * DAY)
        if not has_response or window[0] >= self.now:  # none, or not yet
            return None
        written = self.later(*window, 0, 1, rng.randint(9, 16))
        if initiative.origin == Origin.MUNICIPALITY:
            texts = MUNICIPAL_RESPONSES
        else:
            texts = RESPONSES if fast else LATE_RESPONSES
        response = MunicipalResponse.objects.create(
            initiative=initiative, author=self.people["anne"], body=rng.choice(texts)
        )
        MunicipalResponse.objects.filter(pk=response.pk).update(created_at=written, updated_at=written)
        return written

    def add_supports(self, initiative, team: list[str]):
        """0 to 25 supporters from outside the team, some of them named, after publication."""
        rng = self.rng
        candidates = [key for key in SUPPORTERS if key not in team]
        supports, moments = [], []
        for key in rng.sample(candidates, min(rng.randint(0, 25), len(candidates))):
            supports.append(
                Support(initiative=initiative, user=self.people[key], is_named=rng.random() < 0.4)
            )
            moments.append(self.later(initiative.published_at, self.now, 0, 1, rng.randint(8, 22)))
        supports = Support.objects.bulk_create(supports)
        for support, moment in zip(supports, moments, strict=True):
            support.created_at = moment  # after the insert: auto_now_add sets it on the way in
        Support.objects.bulk_update(supports, ["created_at"])

    # --- samenwerkingslab

    def add_lab_sessions(self) -> int:
        """A past session about every two months, with participants; existing topics are left alone."""
        rng = self.rng
        added = 0
        for index, data in enumerate(PAST_SESSIONS):
            day = self.now - DAY * (61 * (len(PAST_SESSIONS) - index) + rng.randint(-5, 5))
            weekday = timezone.localtime(day).weekday()  # move to a Tuesday, Wednesday or Thursday
            day += DAY * {4: -1, 5: -2, 6: 2, 0: 1}.get(weekday, 0)
            if LabSession.objects.filter(topic=data.topic).exists():
                continue
            starts = self.at(day, 19, 30)
            slug = slugify(data.topic)[:170]
            if LabSession.objects.filter(slug=slug).exists():
                slug = f"{slug[:160]}-{starts:%Y-%m}"
            session = LabSession.objects.create(
                topic=data.topic,
                slug=slug,
                description=data.description,
                starts_at=starts,
                ends_at=starts + 2 * HOUR,
                place=data.place,
                capacity=data.capacity,
                is_published=True,
                host=self.people["olga"],
                report=data.report,
            )
            written = min(starts + DAY * rng.randint(1, 4), self.now) if data.report else starts
            LabSession.objects.filter(pk=session.pk).update(
                created_at=starts - DAY * rng.randint(30, 45), updated_at=written
            )
            self.add_registrations(session, data.capacity)
            added += 1
        return added

    def add_registrations(self, session, capacity: int):
        rng = self.rng
        starts = session.starts_at
        for key in rng.sample(EVERYONE, min(rng.randint(5, 15), capacity)):
            registration = Registration.objects.create(
                session=session, user=self.people[key], status=RegistrationStatus.REGISTERED
            )
            signed_up = self.later(starts - 28 * DAY, starts - 2 * HOUR, 0, 1, rng.randint(8, 22))
            Registration.objects.filter(pk=registration.pk).update(
                created_at=signed_up, requested_at=signed_up
            )

    def signal_reporter(self, created) -> tuple[str, Initiative | None]:
        """Mostly the initiator of an initiative published a while before; never staff."""
        candidates = [
            (key, initiative)
            for initiative, key in self.made
            if key in RESIDENT_KEYS and initiative.published_at < created - 14 * DAY
        ]
        if candidates and self.rng.random() < 0.75:
            return self.rng.choice(candidates)
        return self.rng.choice(RESIDENT_KEYS), None

    def add_signals(self) -> int:
        """About a dozen signals over the period: most resolved or closed, the newest few in progress."""
        rng = self.rng
        oldest, newest, count = 540, 15, len(PAST_SIGNALS)
        for index, (title, description, answer) in enumerate(PAST_SIGNALS):
            days_ago = oldest - index * (oldest - newest) / (count - 1) + rng.uniform(-4, 4)
            created = self.at(self.now - DAY * days_ago, rng.randint(8, 22))
            if index >= count - 3:
                status, closed = SignalStatus.IN_PROGRESS, None
            else:
                status = rng.choice([SignalStatus.RESOLVED, SignalStatus.RESOLVED, SignalStatus.CLOSED])
                closed = self.later(created + 3 * DAY, created + 60 * DAY, 0, 1, rng.randint(9, 17))
            key, initiative = self.signal_reporter(created)
            signal = Signal.objects.create(
                reporter=self.people[key],
                title=title,
                description=description,
                initiative=initiative,
                status=status,
                closed_at=closed,
            )
            messages = [(self.later(created, created + 2 * DAY, 0.1, 1, rng.randint(9, 17)), answer)]
            if closed:
                messages.append((closed, rng.choice(CLOSING_MESSAGES[status])))
            for sent, body in messages:
                message = SignalMessage.objects.create(
                    signal=signal, author=self.people["olga"], from_ombuds=True, body=body
                )
                SignalMessage.objects.filter(pk=message.pk).update(created_at=sent)
            Signal.objects.filter(pk=signal.pk).update(created_at=created, updated_at=messages[-1][0])
        return count


@transaction.atomic
def load_demo_history() -> int:
    """Add twenty months of history (initiatives, lab sessions, signals); returns how many initiatives
    were added: 0 when the history is there already or the command's demo accounts are missing."""
    if Initiative.objects.filter(slug__startswith=SLUG_PREFIX).exists():
        return 0
    history = _History()
    if not history.ensure_people():
        return 0
    added = history.add_initiatives()
    history.add_lab_sessions()
    history.add_signals()
    return added
