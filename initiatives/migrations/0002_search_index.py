"""A GIN index on the search vector. PostgreSQL only: SQLite has no GIN indexes and searches the plain text
(see InitiativeQuerySet.search), so on SQLite this migration does nothing."""

from django.db import migrations

INDEX = "initiative_search_vector_gin"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON initiatives_initiative USING gin (search_vector)"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("initiatives", "0001_initial")]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
