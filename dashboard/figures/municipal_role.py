"""The role the municipality takes in initiatives: the step on the ladder that fits their origin."""

from collections import defaultdict

from django.db.models import Count
from django.db.models.functions import TruncQuarter
from django.utils.translation import gettext_lazy as _

from initiatives.choices import GovernmentRole, ParticipationStep

from ..periods import Scope
from .base import Chart, Figure, Result, Series, first_day, published_initiatives, quarter_label, quarters_of


def municipal_role(scope: Scope) -> Result:
    """Per step of both ladders, in their order (and "not recorded"): initiatives per quarter of publication."""
    rows = list(
        published_initiatives(scope)
        .filter(**scope.within("published_at"))
        .annotate(quarter=TruncQuarter("published_at"))
        .values("quarter", "government_role", "participation_step")
        .annotate(n=Count("pk"))
        .order_by()
    )
    quarters = quarters_of(scope, [row["quarter"] for row in rows])
    steps = {**dict(GovernmentRole.choices), **dict(ParticipationStep.choices), "": _("not recorded")}
    table = defaultdict(lambda: defaultdict(int))
    for row in rows:
        step = row["government_role"] or row["participation_step"] or ""
        table[step][first_day(row["quarter"])] += row["n"]
    return Result(
        chart=Chart.HEAT,
        categories=[quarter_label(quarter) for quarter in quarters],
        series=[
            Series(label, [table[step][quarter] for quarter in quarters]) for step, label in steps.items()
        ],
    )


MUNICIPAL_ROLE = Figure(
    "municipal_role",
    _("The role the municipality takes"),
    _(
        "Initiatives first published in the period, by the step on the overheidsparticipatietrap "
        "(from society) or the participatieladder (from the municipality), per quarter of publication."
    ),
    municipal_role,
)
