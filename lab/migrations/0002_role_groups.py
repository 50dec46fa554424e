from django.db import migrations

from accounts.roles import sync_role_groups


class Migration(migrations.Migration):
    """Give the ombuds group its permissions on the samenwerkingslab (accounts/roles.py)."""

    dependencies = [
        ("lab", "0001_initial"),
        ("accounts", "0004_user_block"),
    ]

    operations = [migrations.RunPython(sync_role_groups, migrations.RunPython.noop)]
