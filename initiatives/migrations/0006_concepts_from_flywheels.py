from django.db import migrations, models


class Migration(migrations.Migration):
    """The concepts moved to the flywheels app (knowledgebase 0007): the link now names it. The link table
    and its keys are unchanged, so this is Django's state only."""

    dependencies = [
        ("flywheels", "0001_initial"),
        ("initiatives", "0005_stage_changed_at"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="initiative",
                    name="concepts",
                    field=models.ManyToManyField(
                        blank=True,
                        related_name="initiatives",
                        to="flywheels.concept",
                        verbose_name="flywheel concepts",
                    ),
                ),
            ],
        ),
    ]
