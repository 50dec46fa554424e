"""Fills the monthly counts from what is already there (dashboard.monthly.rebuild); from then on every write
keeps them up to date."""

from django.db import migrations


def fill(apps, schema_editor):
    # The live models, not the historical ones: the counts are defined once, in dashboard.monthly.
    from dashboard.monthly import rebuild

    rebuild()


class Migration(migrations.Migration):
    dependencies = [("dashboard", "0001_initial"), ("initiatives", "0012_list_indexes")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
