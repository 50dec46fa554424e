import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    """Step 3 of moving the flywheels out (see 0007): the knowledge base's links point to flywheels.Concept
    and its own Flywheel and Concept leave Django's state. Nothing changes in the database: the tables
    and their keys are already the flywheels app's."""

    dependencies = [
        ("flywheels", "0001_initial"),
        ("initiatives", "0006_concepts_from_flywheels"),
        ("knowledgebase", "0007_flywheels_tables"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="conceptfinding",
                    name="concept",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="findings",
                        to="flywheels.concept",
                        verbose_name="concept",
                    ),
                ),
                migrations.AlterField(
                    model_name="article",
                    name="concepts",
                    field=models.ManyToManyField(
                        blank=True,
                        related_name="articles",
                        to="flywheels.concept",
                        verbose_name="flywheel concepts",
                    ),
                ),
                migrations.RemoveField(model_name="concept", name="flywheel"),
                migrations.DeleteModel(name="Flywheel"),
                migrations.DeleteModel(name="Concept"),
            ],
        ),
    ]
