from django.db import migrations

from accounts.roles import sync_role_groups


class Migration(migrations.Migration):
    """Give the moderators their permissions on reports, the audit log and appeals (accounts/roles.py)."""

    dependencies = [
        ("moderation", "0001_initial"),
        ("accounts", "0004_user_block"),
    ]

    operations = [migrations.RunPython(sync_role_groups, migrations.RunPython.noop)]
