from functools import partial

from django.db import migrations

from flywheels.reference_data import load_flywheels


class Migration(migrations.Migration):
    dependencies = [("knowledgebase", "0001_initial")]

    # The flywheels were the knowledge base's models then (they moved to the flywheels app in 0007).
    operations = [
        migrations.RunPython(partial(load_flywheels, app_label="knowledgebase"), migrations.RunPython.noop)
    ]
