"""Counts per month (dashboard.models.MonthlyCount), kept equal to the raw rows they count.

Each measure has one `Source`: the raw rows it counts, the date it counts them by, and the category it
splits them into. That one definition fills the table (`rebuild`, at `migrate` and after bulk loads such
as `loket_scale`), counts the days a period takes of a month only in part (`counts`), and tells a test
what the table must hold.

The table follows every write (`connect`, from apps.py): a saved or deleted log entry, support, help
request or offer changes its month's count by one; an initiative that is published,
hidden, withdrawn, moved to another village or district, changes stage or origin moves its own counts and,
when it comes or goes from what is counted, the counts of everything in it. What each row counted before
the write is remembered when it is read (`post_init`; read again before the save if it was read only in
part), so a write costs no extra query unless it changes a count. Writes that bypass the models
(`QuerySet.update()` and `bulk_create` of these fields) must call `rebuild()`; none of the services do.

The change is worked out in the write's transaction and added to the table when it commits (`_later`),
each row by a statement of its own: a row of the table is shared by every support of a month in one
village or district, and holding its lock until the write commits made concurrent supports wait for each
other and, with an account's erasure touching several initiatives at once, deadlock. A write that rolls
back changes nothing; a process that stops between the commit and the addition leaves a count one off,
which `manage.py dashboard_recount` mends. (The tests apply the change at once, inside the test's own
transaction that never commits; transactional tests commit and add it as the site does: tests/conftest.py.)
"""

import datetime
from collections import Counter
from dataclasses import dataclass
from functools import partial

from django.db import connection, transaction
from django.db.models import Case, Count, F, Q, Sum, Value, When
from django.db.models.functions import Concat, TruncMonth
from django.db.models.signals import post_delete, post_init, post_save, pre_delete, pre_save
from django.utils import timezone

from initiatives.choices import LogKind, PublicationState
from initiatives.models import HelpOffer, HelpRequest, Initiative, LogEntry, Support

from .models import Measure, MonthlyCount

PUBLISHED = PublicationState.PUBLISHED


@dataclass(frozen=True)
class Source:
    measure: str
    model: type
    date: str
    initiative: str  # the path from a row to its initiative ("" for the initiative itself)
    category: object = None  # an expression; None: ""

    def _path(self, field):
        return f"{self.initiative}__{field}" if self.initiative else field

    def rows(self):
        """Every row this measure counts whatever its initiative's state (hidden log entries never)."""
        rows = self.model._default_manager.all()
        if self.model is LogEntry:
            rows = rows.filter(hidden_at__isnull=True)
        if self.measure == Measure.OBSTACLE:
            rows = rows.filter(kind=LogKind.OBSTACLE)
        return rows.annotate(_category=self.category if self.category is not None else Value(""))

    def counted(self, area=None):
        """The rows the figures count: of published initiatives (in `area`)."""
        rows = self.rows().filter(**{self._path("publication_state"): PUBLISHED})
        return rows.filter(**{self._path("area"): area}) if area is not None else rows

    def of_initiative(self, initiative_id):
        return self.rows().filter(**{self._path("pk"): initiative_id})

    def grouped(self, rows, *, by=("category",), period=None):
        """`rows` counted per `period` (an expression over the date) and per the `by` names."""
        names = {"category": F("_category"), "area": F(self._path("area")), "origin": F(self._path("origin"))}
        annotations = {f"_{name}_": names[name] for name in by}
        if period is not None:
            annotations["_period_"] = period
        if not annotations:  # one number: a plain count (values() of nothing would group by row)
            return [{"period": None, "n": rows.count()}]
        grouped = rows.annotate(**annotations).values(*annotations).annotate(n=Count("pk")).order_by()
        return [
            {**{name: row[f"_{name}_"] for name in by}, "period": row.get("_period_"), "n": row["n"]}
            for row in grouped
        ]


SOURCES = {
    source.measure: source
    for source in [
        Source(Measure.CREATED, Initiative, "created_at", ""),
        Source(Measure.PUBLISHED, Initiative, "published_at", "", F("stage")),
        Source(Measure.ROLE, Initiative, "published_at", "", Concat("government_role", "participation_step")),
        Source(Measure.STAGE_CHANGED, Initiative, "stage_changed_at", "", F("stage")),
        Source(Measure.LOG, LogEntry, "happened_on", "initiative", F("kind")),
        Source(Measure.OBSTACLE, LogEntry, "happened_on", "initiative", F("obstacle_category")),
        Source(Measure.SUPPORT, Support, "created_at", "initiative"),
        Source(
            Measure.REQUEST,
            HelpRequest,
            "created_at",
            "initiative",
            Case(When(is_fulfilled=True, then=Value("fulfilled")), default=Value("open")),
        ),
        Source(Measure.OFFER, HelpOffer, "created_at", "help_request__initiative"),
    ]
}


def month_of(moment) -> datetime.date:
    day = timezone.localtime(moment).date() if isinstance(moment, datetime.datetime) else moment
    return day.replace(day=1)


# --- filling and reading --------------------------------------------------------------------------------


def rebuild() -> int:
    """The whole table anew from the raw rows (one grouped query per measure); the number of rows."""
    with transaction.atomic():
        MonthlyCount.objects.all().delete()
        made = []
        for source in SOURCES.values():
            for row in source.grouped(
                source.counted(), by=("category", "area", "origin"), period=TruncMonth(source.date)
            ):
                made.append(
                    MonthlyCount(
                        measure=source.measure,
                        month=month_of(row["period"]),
                        area_id=row["area"],
                        origin=row["origin"],
                        category=row["category"],
                        n=row["n"],
                    )
                )
        MonthlyCount.objects.bulk_create(made, batch_size=2000)
    from .cache import forget_figures  # the figures are built on this module

    forget_figures()
    return len(made)


def _midnight(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def _next_month(day: datetime.date) -> datetime.date:
    return (day + datetime.timedelta(days=32)).replace(day=1)


def split(scope):
    """The scope as whole months ([first, last) as first days; None: from the beginning) that the table
    answers, and the days before and after them ([from, until) moments) that the raw rows answer."""
    end_day = timezone.localtime(scope.end).date()
    whole_until = end_day.replace(day=1)
    if _midnight(whole_until) < scope.end and scope.end > timezone.now():
        # A period that ends in the middle of a month, after now (until today, say): nothing counted lies
        # ahead of now (moments are stamped when they happen, a log entry's date is never after today:
        # initiatives.forms.log), so the month it ends in counts whole.
        whole_until = _next_month(whole_until)
    if scope.start is None:
        whole_from = None
    else:
        start_day = timezone.localtime(scope.start).date()
        whole_from = start_day if start_day.day == 1 else _next_month(start_day)
    edges = []
    if whole_from is not None and whole_from >= whole_until:
        return None, [(scope.start, scope.end)]
    if whole_from is not None and _midnight(whole_from) > scope.start:
        edges.append((scope.start, _midnight(whole_from)))
    if _midnight(whole_until) < scope.end:
        edges.append((_midnight(whole_until), scope.end))  # a period that ended before now
    return (whole_from, whole_until), edges


def counts(scope, measure, *, by=("category",), grain=None, categories=None) -> list[dict]:
    """The count of `measure` in the scope, per `grain` (a figures.base.Grain; "period": its first day)
    and per the `by` names ("category", "area", "origin"), as [{"period": …, name: …, "n": …}]: the whole
    months from the table, the days of a month taken in part from the raw rows. One or two queries."""
    source = SOURCES[measure]
    months, edges = split(scope)
    total = Counter()
    if months is not None:
        first, until = months
        table = MonthlyCount.objects.filter(measure=measure, month__lt=until)
        if first is not None:
            table = table.filter(month__gte=first)
        if scope.area is not None:
            table = table.filter(area=scope.area)
        if categories is not None:
            table = table.filter(category__in=categories)
        annotations = {f"_{name}_": F(name) for name in by}
        if grain is not None:
            annotations["_period_"] = grain.trunc("month")
        for row in table.annotate(**annotations).values(*annotations).annotate(total=Sum("n")).order_by():
            period = grain.start(row["_period_"]) if grain is not None else None
            total[(period, *(row[f"_{name}_"] for name in by))] += row["total"]
    if edges:
        rows = source.counted(scope.area)
        if categories is not None:
            rows = rows.filter(_category__in=categories)
        within = Q()
        for start, end in edges:
            within |= Q(**{f"{source.date}__gte": start, f"{source.date}__lt": end})
        within = rows.filter(within)
        period = grain.trunc(source.date) if grain is not None else None
        for row in source.grouped(within, by=by, period=period):
            key = grain.start(row["period"]) if grain is not None else None
            total[(key, *(row[name] for name in by))] += row["n"]
    return [
        {"period": key[0], **dict(zip(by, key[1:], strict=True)), "n": n} for key, n in total.items() if n
    ]


# --- keeping it up to date -------------------------------------------------------------------------------

_WAS = "_dashboard_was"
# Adds to a month's count, making its row if there is none (PostgreSQL and SQLite alike).
UPSERT = (
    "INSERT INTO dashboard_monthlycount (measure, month, area_id, origin, category, n) "
    "VALUES (%s, %s, %s, %s, %s, %s) ON CONFLICT (measure, month, area_id, origin, category) "
    "DO UPDATE SET n = dashboard_monthlycount.n + excluded.n"
)
_MISSING = object()

# The fields whose values decide what a row counts, per model.
FIELDS = {
    Initiative: [
        "publication_state",
        "area_id",
        "origin",
        "stage",
        "government_role",
        "participation_step",
        "created_at",
        "published_at",
        "stage_changed_at",
    ],
    LogEntry: ["initiative_id", "hidden_at", "kind", "obstacle_category", "happened_on"],
    Support: ["initiative_id", "created_at"],
    HelpRequest: ["initiative_id", "created_at", "is_fulfilled"],
    HelpOffer: ["help_request_id", "created_at"],
}


def _own(model, values) -> list[tuple]:
    """(measure, month, category) for each count the row with these values adds to, if its initiative is
    published (an initiative: if it is published itself)."""
    if model is Initiative:
        if values["publication_state"] != PUBLISHED:
            return []
        role = values["government_role"] + values["participation_step"]
        return [
            (Measure.CREATED, month_of(values["created_at"]), ""),
            (Measure.PUBLISHED, month_of(values["published_at"]), values["stage"]),
            (Measure.ROLE, month_of(values["published_at"]), role),
            (Measure.STAGE_CHANGED, month_of(values["stage_changed_at"]), values["stage"]),
        ]
    if model is LogEntry:
        if values["hidden_at"] is not None:
            return []
        month = month_of(values["happened_on"])
        rows = [(Measure.LOG, month, values["kind"])]
        if values["kind"] == LogKind.OBSTACLE:
            rows.append((Measure.OBSTACLE, month, values["obstacle_category"]))
        return rows
    if model is Support:
        return [(Measure.SUPPORT, month_of(values["created_at"]), "")]
    if model is HelpRequest:
        return [
            (
                Measure.REQUEST,
                month_of(values["created_at"]),
                "fulfilled" if values["is_fulfilled"] else "open",
            )
        ]
    return [(Measure.OFFER, month_of(values["created_at"]), "")]


def _values(instance) -> dict:
    return {name: instance.__dict__.get(name, _MISSING) for name in FIELDS[type(instance)]}


def _saved_values(instance, was, update_fields) -> dict:
    """What the row holds in the database after a save: a field the save left out (not loaded, or not in
    `update_fields`) kept the value it had."""
    now = _values(instance)
    if was is None:
        return now
    for name, value in now.items():
        left_out = update_fields is not None and name not in update_fields and name[:-3] not in update_fields
        if value is _MISSING or left_out:
            now[name] = was[name]
    return now


def _remember(sender, instance, **kwargs):
    # Also for a new row (a row read from the database is "adding" until from_db is done): its save says
    # it was created, and what it held before does not count then.
    instance.__dict__[_WAS] = _values(instance)


def _complete(sender, instance, **kwargs):
    """Before a save or delete: what the row counted, read now if it was read only in part."""
    was = instance.__dict__.get(_WAS)
    if instance._state.adding or instance.pk is None:
        return
    if was is None or _MISSING in was.values():
        instance.__dict__[_WAS] = (
            sender._default_manager.filter(pk=instance.pk).values(*FIELDS[sender]).first()
        )


def _initiative_state(model, values):
    """(area, origin) of the published initiative the row belongs to; None if it is not published."""
    if model is HelpOffer:
        found = Initiative.objects.filter(help_requests=values["help_request_id"])
    else:
        found = Initiative.objects.filter(pk=values["initiative_id"])
    return found.filter(publication_state=PUBLISHED).values_list("area_id", "origin").first()


def _add(change: Counter, rows, state, sign):
    if state is None:
        return
    area, origin = state
    for measure, month, category in rows:
        change[(measure, month, area, origin, category)] += sign


def _apply(change: Counter):
    rows = [
        (str(measure), month, area, str(origin), str(category), n)
        for (measure, month, area, origin, category), n in change.items()
        if n
    ]
    if not rows:
        return
    with connection.cursor() as cursor:
        for row in rows:  # each its own statement: no row stays locked while the next waits
            cursor.execute(UPSERT, row)


def _later(change: Counter):
    """Add `change` to the table once the write commits (or at once, outside a transaction)."""
    if any(change.values()):
        transaction.on_commit(partial(_apply, change), robust=True)


def _part_saved(sender, instance, created, update_fields=None, **kwargs):
    was = None if created else instance.__dict__.get(_WAS)
    now = _saved_values(instance, was, update_fields)
    instance.__dict__[_WAS] = now
    before, after = (_own(sender, was) if was else []), _own(sender, now)
    if before == after:
        return
    change = Counter()
    if before:
        _add(change, before, _initiative_state(sender, was), -1)
    _add(change, after, _initiative_state(sender, now), +1)
    _later(change)


def _part_deleted(sender, instance, **kwargs):
    was = instance.__dict__.get(_WAS)
    if was is None:
        return
    change = Counter()
    _add(change, _own(sender, was), _initiative_state(sender, was), -1)
    _later(change)


def _state_of(values):
    if values is None or values["publication_state"] != PUBLISHED:
        return None
    return values["area_id"], values["origin"]


def _initiative_saved(sender, instance, created, update_fields=None, **kwargs):
    was = None if created else instance.__dict__.get(_WAS)
    now = _saved_values(instance, was, update_fields)
    instance.__dict__[_WAS] = now
    change = Counter()
    _add(change, _own(Initiative, was) if was else [], _state_of(was), -1)
    _add(change, _own(Initiative, now), _state_of(now), +1)
    if not created and _state_of(was) != _state_of(now):
        # Everything in it comes into the counts, goes out of them, or moves to other ones.
        for source in SOURCES.values():
            if source.model is Initiative:
                continue
            for row in source.grouped(source.of_initiative(instance.pk), period=TruncMonth(source.date)):
                contribution = [(source.measure, month_of(row["period"]), row["category"])]
                _add(change, contribution, _state_of(was), -row["n"])
                _add(change, contribution, _state_of(now), row["n"])
    _later(change)


def _initiative_deleted(sender, instance, **kwargs):
    """Only its own counts: the rows in it, deleted before it, took theirs away themselves."""
    was = instance.__dict__.get(_WAS)
    if was is None:
        return
    change = Counter()
    _add(change, _own(Initiative, was), _state_of(was), -1)
    _later(change)


def connect():
    for model in FIELDS:
        uid = f"dashboard-monthly-{model.__name__}"
        post_init.connect(_remember, sender=model, dispatch_uid=uid)
        pre_save.connect(_complete, sender=model, dispatch_uid=uid)
        pre_delete.connect(_complete, sender=model, dispatch_uid=uid)
        saved, deleted = (
            (_initiative_saved, _initiative_deleted) if model is Initiative else (_part_saved, _part_deleted)
        )
        post_save.connect(saved, sender=model, dispatch_uid=uid)
        post_delete.connect(deleted, sender=model, dispatch_uid=uid)


def totals(measure, area=None) -> dict:
    """{category: count} of `measure` over all time (in `area`): the sum of the whole table."""
    rows = MonthlyCount.objects.filter(measure=measure)
    if area is not None:
        rows = rows.filter(area=area)
    return dict(rows.values("category").annotate(total=Sum("n")).values_list("category", "total").order_by())
