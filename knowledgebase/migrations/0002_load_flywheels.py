from django.db import migrations

from knowledgebase.reference_data import load_flywheels


class Migration(migrations.Migration):
    dependencies = [("knowledgebase", "0001_initial")]

    operations = [migrations.RunPython(load_flywheels, migrations.RunPython.noop)]
