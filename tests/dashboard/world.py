"""A dashboard's worth of data: `n` published initiatives with everything the figures count (responses,
log entries and obstacles, support, help asked and offered, analyses with findings), `n` lab sessions held
with people signed up, and `n` signals; plus unpublished initiatives and hidden entries that must not count."""

import datetime

from flywheels.models import Concept
from initiatives.choices import GovernmentRole, LogKind, ObstacleCategory, Stage
from lab.models import SignalStatus
from places.models import Area
from tests.dashboard.helpers import NOW, backdate
from tests.initiatives.factories import (
    HelpOfferFactory,
    HelpRequestFactory,
    InitiativeFactory,
    LogEntryFactory,
    SupportFactory,
)
from tests.knowledgebase.factories import CaseAnalysisFactory
from tests.lab.factories import LabSessionFactory, RegistrationFactory, SignalFactory

STAGES = list(Stage)
CATEGORIES = list(ObstacleCategory)
ROLES = list(GovernmentRole)


def build(n: int) -> None:
    areas = list(Area.objects.order_by("order", "name"))
    concepts = list(Concept.objects.filter(flywheel__slug="samenleving").order_by("order"))
    for index in range(n):
        days = 3 + (index * 7) % 330
        published = NOW - datetime.timedelta(days=days)
        initiative = InitiativeFactory(
            area=areas[index % len(areas)],
            stage=STAGES[index % len(STAGES)],
            published_at=published,
            government_role=ROLES[index % len(ROLES)],
            first_response_at=published + datetime.timedelta(days=index % 20) if index % 3 else None,
            stage_changed_at=published + datetime.timedelta(days=1),
            tags=["groen"],
        )
        backdate(initiative, created_at=published - datetime.timedelta(days=2))
        LogEntryFactory(initiative=initiative, happened_on=published.date())
        LogEntryFactory(
            initiative=initiative,
            kind=LogKind.OBSTACLE,
            obstacle_category=CATEGORIES[index % len(CATEGORIES)],
            happened_on=published.date(),
        )
        hidden = LogEntryFactory(initiative=initiative, kind=LogKind.DILEMMA, happened_on=published.date())
        backdate(hidden, hidden_at=NOW)
        SupportFactory(initiative=initiative)
        request = HelpRequestFactory(initiative=initiative, is_fulfilled=bool(index % 2))
        HelpOfferFactory(help_request=request)
        CaseAnalysisFactory(
            initiative=initiative,
            published_at=published + datetime.timedelta(hours=1),
            findings={concepts[index % len(concepts)]: "Wat er gebeurde."},
        )
        InitiativeFactory(draft=True, area=initiative.area)

        starts = NOW - datetime.timedelta(days=days, hours=2)
        held = LabSessionFactory(starts_at=starts, ends_at=starts + datetime.timedelta(hours=2))
        RegistrationFactory.create_batch(2, session=held)
        resolved = SignalFactory(
            status=SignalStatus.RESOLVED, closed_at=published + datetime.timedelta(days=2)
        )
        backdate(resolved, created_at=published)
