from functools import partial

from django.db import migrations

from accounts.roles import sync_role_groups
from flywheels.reference_data import load_concept_questions
from knowledgebase.reference_data import load_pages


class Migration(migrations.Migration):
    """The concepts' guiding questions and the site's pages as editable data, and the role groups'
    permissions on the knowledge base (see accounts/roles.py)."""

    dependencies = [
        ("knowledgebase", "0004_search_indexes"),
        ("accounts", "0003_user_public_role"),
    ]

    operations = [
        # The concepts were the knowledge base's models then (they moved to the flywheels app in 0007).
        migrations.RunPython(
            partial(load_concept_questions, app_label="knowledgebase"), migrations.RunPython.noop
        ),
        migrations.RunPython(load_pages, migrations.RunPython.noop),
        migrations.RunPython(sync_role_groups, migrations.RunPython.noop),
    ]
