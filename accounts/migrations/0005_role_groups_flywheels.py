from django.db import migrations

from accounts.roles import sync_role_groups


class Migration(migrations.Migration):
    """The role groups' permissions on the flywheels and concepts, now named after their own app (see
    flywheels 0002)."""

    dependencies = [
        ("accounts", "0004_user_block"),
        ("flywheels", "0002_content_types"),
    ]

    operations = [migrations.RunPython(sync_role_groups, migrations.RunPython.noop)]
