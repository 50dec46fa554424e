from django.db import migrations

from places.reference_data import load_areas


class Migration(migrations.Migration):
    dependencies = [("places", "0001_initial")]

    operations = [migrations.RunPython(load_areas, migrations.RunPython.noop)]
