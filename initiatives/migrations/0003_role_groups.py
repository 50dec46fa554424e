from django.db import migrations

from accounts.roles import sync_role_groups


class Migration(migrations.Migration):
    """Give the role groups their permissions on initiatives (see accounts/roles.py)."""

    dependencies = [
        ("initiatives", "0002_search_index"),
        ("accounts", "0003_user_public_role"),
    ]

    operations = [migrations.RunPython(sync_role_groups, migrations.RunPython.noop)]
