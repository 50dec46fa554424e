"""What the benchmark measures: the public pages and the council's dashboard, at addresses taken from the
data (the busiest initiative, the most used concept, the busiest village or district), and the bare view
everything is compared with."""

from dataclasses import dataclass

from django.db.models import Count, Q
from django.urls import reverse

from flywheels.models import Concept
from initiatives.choices import PublicationState
from initiatives.models import Initiative, LogEntry
from places.models import Area

SEARCH_WORD = "speeltuin"  # in the scale data set's vocabulary, as in the issue


@dataclass(frozen=True)
class Page:
    name: str
    path: str
    council: bool = False  # measured signed in as a council member
    download: bool = False  # a file: the time to its first and last byte, not a load test

    @property
    def label(self) -> str:
        return self.name


def bare() -> Page:
    return Page("bare Django view (/livez)", reverse("liveness_check"))


def busiest_initiative() -> Initiative:
    """The published initiative with the most log entries (the data set has a few with hundreds)."""
    top = (
        LogEntry.objects.filter(initiative__publication_state=PublicationState.PUBLISHED)
        .values("initiative")
        .annotate(n=Count("pk"))
        .order_by("-n", "initiative")
        .first()
    )
    if top is None:
        return Initiative.objects.published().order_by("pk").first()
    return Initiative.objects.get(pk=top["initiative"])


def pages() -> list[Page]:
    initiative = busiest_initiative()
    concept = Concept.objects.annotate(n=Count("initiatives")).order_by("-n", "pk").first()
    area = (
        Area.objects.annotate(
            n=Count("initiatives", filter=Q(initiatives__publication_state=PublicationState.PUBLISHED))
        )
        .order_by("-n", "pk")
        .first()
    )
    listing = reverse("initiatives:initiative_list")
    dashboard = reverse("dashboard:index")
    return [
        Page("front page", reverse("home")),
        Page("initiatives", listing),
        Page("initiatives, most supported", f"{listing}?sorteer=steun"),
        Page(f"initiatives, search “{SEARCH_WORD}”", f"{listing}?zoek={SEARCH_WORD}"),
        Page("initiative with the most log entries", initiative.get_absolute_url()),
        Page(
            "its whole log, first page",
            reverse("initiatives:initiative_log_entry_list", kwargs={"slug": initiative.slug}),
        ),
        Page("log of all initiatives", reverse("initiatives:log_entry_list")),
        Page("obstacles", reverse("initiatives:obstacle_list")),
        Page("concept page", concept.get_absolute_url()),
        Page("initiatives in one village or district", f"{listing}?gebied={area.slug}"),
        Page("knowledge base", reverse("knowledgebase:index")),
        Page(f"site search “{SEARCH_WORD}”", f"{reverse('site_search')}?q={SEARCH_WORD}"),
        Page("dashboard, last 12 months (council)", dashboard, council=True),
        Page("dashboard, all time (council)", f"{dashboard}?periode=alles", council=True),
        Page(
            "open data: initiatives.csv",
            reverse("opendata:dataset_download", kwargs={"what": "initiatieven", "fmt": "csv"}),
            download=True,
        ),
    ]
