"""Writing millions of rows fast, through the models.

Rows are made as model instances with their ids given up front (so that children can point to parents
without reading anything back) and written in batches: on PostgreSQL with COPY (psycopg's `copy`), elsewhere
with one multi-row INSERT per batch. Both write each field's value as the model prepares it for the database
(`get_db_prep_save`), but without the `pre_save` step of `save()`/`bulk_create`, which would overwrite
`created_at` (auto_now_add) with the moment of loading: the data set's dates are years apart. The one
`pre_save` kept is that of the stored HTML of Markdown texts (core.fields.MarkdownHTMLField), which only
renders the row's own text, as saving it on the site would.
"""

from collections import defaultdict

from django.core.management.color import no_style
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import Max

from core.fields import MarkdownHTMLField

BATCH = 5000


class BulkWriter:
    def __init__(self, batch: int = BATCH):
        self.batch = batch
        self.pending: dict[type, list] = defaultdict(list)
        self.written: dict[type, int] = defaultdict(int)
        self.next_ids: dict[type, int] = {}

    def next_id(self, model) -> int:
        """The id the next row of `model` gets: above every row that was there when the writer first asked."""
        if model not in self.next_ids:
            self.next_ids[model] = (model._default_manager.aggregate(top=Max("pk"))["top"] or 0) + 1
        return self.next_ids[model]

    def new_id(self, model) -> int:
        value = self.next_id(model)
        self.next_ids[model] = value + 1
        return value

    def add(self, obj) -> None:
        rows = self.pending[type(obj)]
        rows.append(obj)
        if len(rows) >= self.batch:
            self.flush(type(obj))

    def flush(self, model=None) -> None:
        """Write what waits, of `model` or of every model in the order they were first added (parents
        before children, as the generators add them)."""
        for each in [model] if model else list(self.pending):
            rows = self.pending.pop(each, [])
            if rows:
                _write(each, rows)
                self.written[each] += len(rows)

    def analyze(self) -> None:
        """Fresh statistics for the tables written (PostgreSQL): without them the planner still counts the
        rows of the empty tables, and a set-based UPDATE over them picks plans that take hours."""
        connection = connections[DEFAULT_DB_ALIAS]
        if connection.vendor != "postgresql":
            return
        quote = connection.ops.quote_name
        with connection.cursor() as cursor:
            for model in self.next_ids:
                cursor.execute(f"ANALYZE {quote(model._meta.db_table)}")

    def reset_sequences(self) -> None:
        """After rows were written with their own ids, the database's sequences continue above them
        (PostgreSQL; SQLite keeps track by itself)."""
        models = list(self.next_ids)
        connection = connections[DEFAULT_DB_ALIAS]
        statements = connection.ops.sequence_reset_sql(no_style(), models)
        if statements:
            with connection.cursor() as cursor:
                for sql in statements:
                    cursor.execute(sql)


def _value(field, obj):
    if isinstance(field, MarkdownHTMLField):
        return field.pre_save(obj, add=True)
    return getattr(obj, field.attname)


def _write(model, objs: list) -> None:
    connection = connections[DEFAULT_DB_ALIAS]  # the connection itself, not the proxy: asked per value
    fields = model._meta.concrete_fields
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    columns = ", ".join(quote(field.column) for field in fields)
    rows = [tuple(field.get_db_prep_save(_value(field, obj), connection) for field in fields) for obj in objs]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # The wrapper's own cursor is psycopg's, which speaks COPY.
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            placeholders = ", ".join(["%s"] * len(fields))
            per_statement = connection.ops.bulk_batch_size(fields, objs)  # the database's parameter limit
            for start in range(0, len(rows), per_statement):
                chunk = rows[start : start + per_statement]
                values = ", ".join([f"({placeholders})"] * len(chunk))
                cursor.execute(
                    f"INSERT INTO {table} ({columns}) VALUES {values}",  # noqa: S608 - names from the model
                    [value for row in chunk for value in row],
                )
