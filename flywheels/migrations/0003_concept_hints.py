from django.db import migrations, models

from flywheels.reference_data import load_concept_hints


class Migration(migrations.Migration):
    """Each concept gets a hint: its meaning in a few everyday words (plain Dutch), shown beside its label.
    Concepts without one get it from data/flywheels.yaml; from then on the editors own it."""

    dependencies = [("flywheels", "0002_content_types")]

    operations = [
        migrations.AddField(
            model_name="concept",
            name="hint_nl",
            field=models.CharField(
                blank=True,
                help_text="A few everyday words shown beside the name everywhere, for people who do not know the term. For example: “The neighbourhood backs the plan”.",
                max_length=80,
                verbose_name="in plain words (Dutch)",
            ),
        ),
        migrations.AddField(
            model_name="concept",
            name="hint_en",
            field=models.CharField(blank=True, max_length=80, verbose_name="in plain words (English)"),
        ),
        migrations.RunPython(load_concept_hints, migrations.RunPython.noop),
    ]
