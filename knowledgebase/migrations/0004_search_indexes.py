"""GIN indexes on the search vectors of articles and case analyses. PostgreSQL only: SQLite has no GIN
indexes and searches the plain text (core.search), so there this migration does nothing."""

from django.db import migrations

INDEXES = {
    "article_search_vector_gin": "knowledgebase_article",
    "case_analysis_search_vector_gin": "knowledgebase_caseanalysis",
}


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name, table in INDEXES.items():
            schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin (search_vector)")


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name in INDEXES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("knowledgebase", "0003_articles_analyses_pages")]

    operations = [migrations.RunPython(create_indexes, drop_indexes, elidable=False)]
