"""Every figure on the council dashboard, with its one written definition: what counts, from which date,
published content only. The dashboard page, its CSV and any later page all read them from here, so the
same figure never differs between two places.

Each figure runs a fixed, small number of aggregate queries, however much data there is.
"""

import datetime
import statistics
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, Q
from django.db.models.functions import TruncMonth, TruncQuarter
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from flywheels.models import Flywheel
from initiatives.choices import (
    GovernmentRole,
    LogKind,
    ObstacleCategory,
    Origin,
    ParticipationStep,
    Stage,
)
from initiatives.models import HelpOffer, HelpRequest, Initiative, LogEntry, Support
from knowledgebase.models import CaseAnalysis, ConceptFinding
from lab.models import LabSession, Registration, RegistrationStatus, Signal, SignalStatus

from .periods import Scope


@dataclass
class Series:
    name: str
    values: list


@dataclass
class Result:
    """What a figure shows: a chart kind with its categories and series, and/or key numbers."""

    chart: str = ""  # "bars", "lines", "heat" or "" (numbers only)
    categories: list = field(default_factory=list)
    series: list = field(default_factory=list)
    numbers: list = field(default_factory=list)  # (label, value, unit)
    groups: list = field(default_factory=list)  # for a heat map per flywheel: (title, categories, series)
    plot: list | None = None  # which series the chart draws (all when None); the table has them all


@dataclass(frozen=True)
class Figure:
    key: str
    title: str
    definition: str
    compute: object


# --- time --------------------------------------------------------------------------------------------


def _first_day(moment) -> datetime.date:
    day = timezone.localtime(moment).date() if isinstance(moment, datetime.datetime) else moment
    return day.replace(day=1)


def _months(scope: Scope, counted=()) -> list[datetime.date]:
    """The months of the scope. "All time" starts at the first published initiative, or earlier where
    something counted (`counted`: its dates) lies before it, such as a log entry about how it all began."""
    if scope.start is not None:
        start = _first_day(scope.start)
    else:
        firsts = [_first_day(moment) for moment in [scope.beginning, *counted] if moment is not None]
        start = min(firsts, default=_first_day(scope.end))
    last = _first_day(scope.end - datetime.timedelta(seconds=1))
    months = []
    while start <= last:
        months.append(start)
        start = (start + datetime.timedelta(days=32)).replace(day=1)
    return months


def _quarter_of(day: datetime.date) -> datetime.date:
    return day.replace(month=(day.month - 1) // 3 * 3 + 1, day=1)


def _quarters(scope: Scope, counted=()) -> list[datetime.date]:
    return sorted({_quarter_of(month) for month in _months(scope, counted)})


def _month_label(day):
    return date_format(day, "M Y")


def _quarter_label(day):
    return _("Q%(number)s %(year)s") % {"number": (day.month - 1) // 3 + 1, "year": day.year}


def _per_period(rows, key, periods) -> list[int]:
    counts = {_first_day(row[key]): row["n"] for row in rows}
    return [counts.get(period, 0) for period in periods]


# --- the shared selections ---------------------------------------------------------------------------


def _published_initiatives(scope: Scope):
    initiatives = Initiative.objects.published()
    return initiatives.filter(area=scope.area) if scope.area else initiatives


# --- the figures --------------------------------------------------------------------------------------


def initiatives_over_time(scope: Scope) -> Result:
    initiatives = _published_initiatives(scope)
    months = _months(scope)

    def per_month(date_field, **filters):
        rows = (
            initiatives.filter(**filters, **scope.within(date_field))
            .annotate(month=TruncMonth(date_field))
            .values("month")
            .annotate(n=Count("pk"))
            .order_by()
        )
        return _per_period(rows, "month", months)

    return Result(
        chart="lines",
        categories=[_month_label(month) for month in months],
        series=[
            Series(_("new"), per_month("created_at")),
            Series(_("published"), per_month("published_at")),
            Series(_("completed"), per_month("stage_changed_at", stage=Stage.COMPLETED)),
            Series(_("stopped"), per_month("stage_changed_at", stage=Stage.STOPPED)),
        ],
    )


def _bars(counts: dict, labels: dict, name) -> Result:
    return Result(
        chart="bars",
        categories=[str(label) for label in labels.values()],
        series=[Series(name, [counts.get(key, 0) for key in labels])],
    )


def initiatives_by_stage(scope: Scope) -> Result:
    rows = _published_initiatives(scope).values("stage").annotate(n=Count("pk")).order_by()
    return _bars({row["stage"]: row["n"] for row in rows}, dict(Stage.choices), _("initiatives"))


def initiatives_by_area(scope: Scope) -> Result:
    rows = (
        _published_initiatives(scope)
        .filter(**scope.within("published_at"))
        .values("area__name")
        .annotate(n=Count("pk"))
        .order_by("-n", "area__name")
    )
    return Result(
        chart="bars",
        categories=[row["area__name"] for row in rows],
        series=[Series(_("initiatives"), [row["n"] for row in rows])],
    )


def initiatives_by_origin(scope: Scope) -> Result:
    rows = (
        _published_initiatives(scope)
        .filter(**scope.within("published_at"))
        .values("origin")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return _bars({row["origin"]: row["n"] for row in rows}, dict(Origin.choices), _("initiatives"))


def support(scope: Scope) -> Result:
    published = _published_initiatives(scope).values("pk")
    supporters = Support.objects.filter(initiative__in=published, **scope.within("created_at")).count()
    offers = HelpOffer.objects.filter(
        help_request__initiative__in=published, **scope.within("created_at")
    ).count()
    requests = HelpRequest.objects.filter(initiative__in=published, **scope.within("created_at")).aggregate(
        open=Count("pk", filter=Q(is_fulfilled=False)), fulfilled=Count("pk", filter=Q(is_fulfilled=True))
    )
    return Result(
        chart="bars",
        categories=[str(_("open")), str(_("fulfilled"))],
        series=[Series(_("help requests"), [requests["open"], requests["fulfilled"]])],
        numbers=[
            (_("supporters"), supporters, ""),
            (_("offers of help"), offers, ""),
            (_("help requests"), requests["open"] + requests["fulfilled"], ""),
        ],
    )


def _days(delta) -> float:
    return delta.total_seconds() / 86400


def responsiveness(scope: Scope) -> Result:
    promise = settings.MUNICIPAL_RESPONSE_PROMISE_DAYS
    rows = list(
        _published_initiatives(scope)
        .filter(**scope.within("published_at"))
        .values_list("published_at", "first_response_at")
    )
    now = timezone.now()
    # Counted: those answered, and those whose promised time has passed without an answer.
    due = [
        (published, answered) for published, answered in rows if answered or _days(now - published) > promise
    ]
    answered = [_days(answer - published) for published, answer in due if answer]
    in_time = [published for published, answer in due if answer and _days(answer - published) <= promise]
    quarters = _quarters(scope, [published for published, _answer in rows])
    median_per_quarter, share_per_quarter = [], []
    for quarter in quarters:
        in_quarter = [(p, a) for p, a in due if _quarter_of(_first_day(p)) == quarter]
        waited = [_days(a - p) for p, a in in_quarter if a]
        median_per_quarter.append(round(statistics.median(waited), 1) if waited else None)
        kept = sum(1 for p, a in in_quarter if a and _days(a - p) <= promise)
        share_per_quarter.append(round(100 * kept / len(in_quarter)) if in_quarter else None)
    return Result(
        chart="lines",
        categories=[_quarter_label(quarter) for quarter in quarters],
        series=[
            Series(_("% within promise"), share_per_quarter),
            Series(_("median days"), median_per_quarter),
        ],
        plot=[0],  # a percentage and a number of days do not share an axis: the chart draws the share
        numbers=[
            (
                _("median days to a first response"),
                round(statistics.median(answered), 1) if answered else None,
                _("days"),
            ),
            (_("answered within the promise"), round(100 * len(in_time) / len(due)) if due else None, "%"),
            (_("promise"), promise, _("days")),
        ],
    )


def _per_quarter_and(queryset, date_field, key, keys: dict, scope) -> Result:
    rows = list(
        queryset.filter(**scope.within(date_field))
        .annotate(quarter=TruncQuarter(date_field))
        .values("quarter", key)
        .annotate(n=Count("pk"))
        .order_by()
    )
    quarters = _quarters(scope, [row["quarter"] for row in rows])
    table = defaultdict(dict)
    for row in rows:
        table[row[key]][_first_day(row["quarter"])] = row["n"]
    totals = {value: sum(table[value].values()) for value in keys}
    ordered = sorted(keys, key=lambda value: -totals[value]) if key == "obstacle_category" else list(keys)
    return Result(
        chart="heat",
        categories=[_quarter_label(quarter) for quarter in quarters],
        series=[
            Series(keys[value], [table[value].get(quarter, 0) for quarter in quarters]) for value in ordered
        ],
    )


def _log_entries(scope: Scope):
    entries = LogEntry.objects.published()
    return entries.filter(initiative__area=scope.area) if scope.area else entries


def log_entries_by_kind(scope: Scope) -> Result:
    return _per_quarter_and(_log_entries(scope), "happened_on", "kind", dict(LogKind.choices), scope)


def obstacles_over_time(scope: Scope) -> Result:
    obstacles = _log_entries(scope).of_kind(LogKind.OBSTACLE)
    return _per_quarter_and(
        obstacles, "happened_on", "obstacle_category", dict(ObstacleCategory.choices), scope
    )


def _analyses(scope: Scope):
    analyses = CaseAnalysis.objects.published()
    return analyses.filter(initiative__area=scope.area) if scope.area else analyses


def analyses_published(scope: Scope) -> Result:
    rows = list(
        _analyses(scope)
        .filter(**scope.within("published_at"))
        .annotate(quarter=TruncQuarter("published_at"))
        .values("quarter")
        .annotate(n=Count("pk"))
        .order_by()
    )
    quarters = _quarters(scope, [row["quarter"] for row in rows])
    values = _per_period(rows, "quarter", quarters)
    return Result(
        chart="bars",
        categories=[_quarter_label(quarter) for quarter in quarters],
        series=[Series(_("case analyses"), values)],
        numbers=[(_("case analyses published"), sum(values), "")],
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
    return Result(chart="heat", groups=groups)


def samenwerkingslab(scope: Scope) -> Result:
    """Counts only: never a signal's content or who raised it. Not per village or district."""
    sessions = LabSession.objects.published().filter(ends_at__lt=timezone.now(), **scope.within("starts_at"))
    participants = Registration.objects.filter(
        session__in=sessions, status=RegistrationStatus.REGISTERED
    ).count()
    signals = Signal.objects.filter(**scope.within("created_at")).count()
    resolved = list(
        Signal.objects.filter(status=SignalStatus.RESOLVED, **scope.within("closed_at")).values_list(
            "created_at", "closed_at"
        )
    )
    durations = [_days(closed - created) for created, closed in resolved]
    return Result(
        numbers=[
            (_("lab sessions held"), sessions.count(), ""),
            (_("participants"), participants, ""),
            (_("signals raised"), signals, ""),
            (_("signals resolved"), len(resolved), ""),
            (
                _("median days to resolve a signal"),
                round(statistics.median(durations), 1) if durations else None,
                _("days"),
            ),
        ]
    )


def municipal_role(scope: Scope) -> Result:
    """Per step of both ladders, in their order (and "not recorded"): initiatives per quarter of publication."""
    rows = list(
        _published_initiatives(scope)
        .filter(**scope.within("published_at"))
        .annotate(quarter=TruncQuarter("published_at"))
        .values("quarter", "government_role", "participation_step")
        .annotate(n=Count("pk"))
        .order_by()
    )
    quarters = _quarters(scope, [row["quarter"] for row in rows])
    steps = {**dict(GovernmentRole.choices), **dict(ParticipationStep.choices), "": _("not recorded")}
    table = defaultdict(lambda: defaultdict(int))
    for row in rows:
        step = row["government_role"] or row["participation_step"] or ""
        table[step][_first_day(row["quarter"])] += row["n"]
    return Result(
        chart="heat",
        categories=[_quarter_label(quarter) for quarter in quarters],
        series=[
            Series(label, [table[step][quarter] for quarter in quarters]) for step, label in steps.items()
        ],
    )


FIGURES = [
    Figure(
        "initiatives_over_time",
        _("Initiatives over time"),
        _(
            "Per month, of the initiatives published now: new (the month they were registered), published "
            "(their first publication), completed and stopped (the month their stage last changed to that)."
        ),
        initiatives_over_time,
    ),
    Figure(
        "initiatives_by_stage",
        _("Initiatives by stage, now"),
        _("The published initiatives today, by the stage their team gives. Not limited to the period."),
        initiatives_by_stage,
    ),
    Figure(
        "initiatives_by_area",
        _("By village or district"),
        _("Initiatives first published in the period, by the village or district they take place in."),
        initiatives_by_area,
    ),
    Figure(
        "initiatives_by_origin",
        _("From society or from the municipality"),
        _("Initiatives first published in the period, by where they come from."),
        initiatives_by_origin,
    ),
    Figure(
        "support",
        _("Support"),
        _(
            "Of published initiatives, in the period: people who supported one, offers of help made, and "
            "help requests asked (open now, or fulfilled)."
        ),
        support,
    ),
    Figure(
        "responsiveness",
        _("How fast the municipality responds"),
        _(
            "Initiatives first published in the period whose promised time has passed or that have a "
            "response: the median number of days from publication to the first response of the "
            "municipality, and the share answered within the promise. Per quarter of publication."
        ),
        responsiveness,
    ),
    Figure(
        "log_entries_by_kind",
        _("What initiatives learn: log entries per quarter"),
        _("Visible log entries of published initiatives, by the date of what they tell, per kind."),
        log_entries_by_kind,
    ),
    Figure(
        "analyses_published",
        _("Case analyses published"),
        _("Published case analyses of published initiatives, by their publication date, per quarter."),
        analyses_published,
    ),
    Figure(
        "concepts_in_analyses",
        _("Flywheel concepts in the case analyses"),
        _(
            "For each concept of each flywheel, in its order: how many case analyses published in the "
            "period describe it (a finding with any text)."
        ),
        concepts_in_analyses,
    ),
    Figure(
        "samenwerkingslab",
        _("Samenwerkingslab"),
        _(
            "Published lab sessions held in the period and the people signed up for them; signals raised in "
            "the period, signals resolved in it, and the median days from raising to resolving. Counts only, "
            "for the whole municipality."
        ),
        samenwerkingslab,
    ),
    Figure(
        "municipal_role",
        _("The role the municipality takes"),
        _(
            "Initiatives first published in the period, by the step on the overheidsparticipatietrap "
            "(from society) or the participatieladder (from the municipality), per quarter of publication."
        ),
        municipal_role,
    ),
    Figure(
        "obstacles_over_time",
        _("Obstacles that come up, per quarter"),
        _(
            "Visible obstacles in the logs of published initiatives, by the date of the obstacle, per kind "
            "of obstacle; the most frequent first."
        ),
        obstacles_over_time,
    ),
]


def compute_all(scope: Scope) -> list[tuple[Figure, Result]]:
    return [(figure, figure.compute(scope)) for figure in FIGURES]


def headlines(results) -> list[tuple]:
    """The few numbers to read first, taken from the figures above (no counting of their own): each
    links to the figure that defines it."""
    by_key = {figure.key: result for figure, result in results}
    published = sum(by_key["initiatives_by_origin"].series[0].values)
    support_numbers = {str(label): value for label, value, _unit in by_key["support"].numbers}
    response = by_key["responsiveness"].numbers
    lab = by_key["samenwerkingslab"].numbers
    return [
        (_("initiatives published"), published, "", "initiatives_by_origin"),
        (_("supporters"), support_numbers[str(_("supporters"))], "", "support"),
        (response[0][0], response[0][1], response[0][2], "responsiveness"),
        (response[1][0], response[1][1], response[1][2], "responsiveness"),
        (lab[0][0], lab[0][1], lab[0][2], "samenwerkingslab"),
    ]
