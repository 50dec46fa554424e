"""The role the municipality takes in initiatives: the step on the ladder that fits their origin."""

from collections import defaultdict

from django.utils.translation import gettext_lazy as _

from initiatives.choices import GovernmentRole, ParticipationStep

from ..models import Measure
from ..monthly import counts
from ..periods import Scope
from .base import Chart, Figure, Result, Series, coarse_grain, periods_of


def municipal_role(scope: Scope) -> Result:
    """Per step of both ladders, in their order (and "not recorded"): initiatives per quarter of publication."""
    grain = coarse_grain(scope)
    rows = counts(scope, Measure.ROLE, grain=grain)
    quarters = periods_of(scope, grain, [row["period"] for row in rows])
    steps = {**dict(GovernmentRole.choices), **dict(ParticipationStep.choices), "": _("not recorded")}
    table = defaultdict(lambda: defaultdict(int))
    for row in rows:
        table[row["category"]][row["period"]] += row["n"]
    return Result(
        chart=Chart.HEAT,
        categories=[grain.label(quarter) for quarter in quarters],
        series=[
            Series(label, [table[step][quarter] for quarter in quarters]) for step, label in steps.items()
        ],
    )


MUNICIPAL_ROLE = Figure(
    "municipal_role",
    _("The role the municipality takes"),
    _(
        "Initiatives first published in the period, by the step on the overheidsparticipatietrap "
        "(from society) or the participatieladder (from the municipality), per quarter of publication "
        "(per year for a period of more than three years)."
    ),
    municipal_role,
)
