from django.db import migrations

from accounts.roles import sync_role_groups
from knowledgebase.reference_data import load_concept_questions, load_pages


class Migration(migrations.Migration):
    """The concepts' guiding questions and the site's pages as editable data, and the role groups'
    permissions on the knowledge base (see accounts/roles.py)."""

    dependencies = [
        ("knowledgebase", "0004_search_indexes"),
        ("accounts", "0003_user_public_role"),
    ]

    operations = [
        migrations.RunPython(load_concept_questions, migrations.RunPython.noop),
        migrations.RunPython(load_pages, migrations.RunPython.noop),
        migrations.RunPython(sync_role_groups, migrations.RunPython.noop),
    ]
