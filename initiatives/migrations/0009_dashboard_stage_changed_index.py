from django.db import migrations, models


class Migration(migrations.Migration):
    """An index for the dashboard's completed and stopped initiatives per month (issue 16): by stage, then
    the moment the stage last changed. A plain index, the same on PostgreSQL and SQLite."""

    dependencies = [
        ("initiatives", "0008_support_count"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="initiative",
            index=models.Index(fields=["stage", "stage_changed_at"], name="initiative_stage_changed_idx"),
        ),
    ]
