"""The case analyses: how many are published, and which flywheel concepts they describe."""

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from flywheels.models import Flywheel
from knowledgebase.models import CaseAnalysis, ConceptFinding

from ..periods import Scope
from .base import Chart, Figure, Result, Series, coarse_grain, per_period, periods_of


def _analyses(scope: Scope):
    analyses = CaseAnalysis.objects.published()
    return analyses.filter(initiative__area=scope.area) if scope.area else analyses


def analyses_published(scope: Scope) -> Result:
    grain = coarse_grain(scope)
    rows = list(
        _analyses(scope)
        .filter(**scope.within("published_at"))
        .annotate(period=grain.trunc("published_at"))
        .values("period")
        .annotate(n=Count("pk"))
        .order_by()
    )
    quarters = periods_of(scope, grain, [row["period"] for row in rows])
    values = per_period(rows, "period", quarters, grain)
    return Result(
        chart=Chart.BARS,
        categories=[grain.label(quarter) for quarter in quarters],
        series=[Series(_("case analyses"), values)],
        numbers=[(_("case analyses published"), sum(values), "")],
    )


ANALYSES_PUBLISHED = Figure(
    "analyses_published",
    _("Case analyses published"),
    _(
        "Published case analyses of published initiatives, by their publication date, per quarter (per "
        "year for a period of more than three years)."
    ),
    analyses_published,
)


def concepts_in_analyses(scope: Scope) -> Result:
    """Per flywheel, its concepts in order: how many published analyses describe each."""
    flywheels = list(Flywheel.objects.with_concepts())
    counts = dict(
        ConceptFinding.objects.filter(analysis__in=_analyses(scope).filter(**scope.within("published_at")))
        .exclude(happened="", helped="", hindered="", lessons="")
        .values("concept")
        .annotate(n=Count("pk"))
        .values_list("concept", "n")
        .order_by()
    )
    groups = [
        (
            flywheel.label,
            [str(_("case analyses"))],
            [Series(concept.label, [counts.get(concept.pk, 0)]) for concept in flywheel.concepts.all()],
        )
        for flywheel in flywheels
    ]
    return Result(chart=Chart.HEAT, groups=groups)


CONCEPTS_IN_ANALYSES = Figure(
    "concepts_in_analyses",
    _("Flywheel concepts in the case analyses"),
    _(
        "For each concept of each flywheel, in its order: how many case analyses published in the "
        "period describe it (a finding with any text)."
    ),
    concepts_in_analyses,
)
