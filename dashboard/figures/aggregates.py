"""Two small SQL pieces the figures need beyond Django's own: the seconds between two moments, and the
median of a column. Both run in the database, on PostgreSQL and on SQLite alike, so a figure never loops
over raw rows in Python."""

import statistics

from django.db.models import Aggregate, DurationField, ExpressionWrapper, F, FloatField, Func


def seconds_between(start: str, end: str) -> Func:
    """The seconds from the moment in `start` to the one in `end` (a field name each)."""
    return Seconds(ExpressionWrapper(F(end) - F(start), output_field=DurationField()))


class Seconds(Func):
    """A duration as a number of seconds (a float; exact to the microsecond)."""

    output_field = FloatField()

    def as_postgresql(self, compiler, connection, **extra_context):
        return self.as_sql(
            compiler, connection, template="EXTRACT(EPOCH FROM %(expressions)s)", **extra_context
        )

    def as_sql(self, compiler, connection, template=None, **extra_context):
        # Elsewhere (SQLite) Django gives a duration as whole microseconds.
        return super().as_sql(
            compiler, connection, template=template or "(%(expressions)s / 1000000.0)", **extra_context
        )


class _MedianOfRows:
    """The median as SQLite's aggregate: `statistics.median` of the values of the group, NULLs left out."""

    def __init__(self):
        self.values = []

    def step(self, value):
        if value is not None:
            self.values.append(value)

    def finalize(self):
        return statistics.median(self.values) if self.values else None


class Median(Aggregate):
    """The median of a number: the middle value, or the mean of the two middle ones (as
    `statistics.median`); None for no rows. PostgreSQL's `percentile_cont(0.5)`; on SQLite an aggregate
    function this module adds to the connection."""

    name = "Median"
    output_field = FloatField()
    allow_distinct = False

    def as_postgresql(self, compiler, connection, **extra_context):
        # As attributes of a copy, not keywords: Aggregate.as_sql passes its own template with a FILTER.
        median = self.copy()
        median.function = "PERCENTILE_CONT"
        median.template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"
        return super(Median, median).as_sql(compiler, connection, **extra_context)

    def as_sqlite(self, compiler, connection, **extra_context):
        connection.ensure_connection()
        connection.connection.create_aggregate("LOKET_MEDIAN", 1, _MedianOfRows)
        median = self.copy()
        median.function = "LOKET_MEDIAN"
        return super(Median, median).as_sql(compiler, connection, **extra_context)
