"""The list's orders as partial indexes of published initiatives (initiatives/models/initiative.py)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("initiatives", "0011_markdown_html"),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="initiative",
            name="initiative_listing_idx",
        ),
        migrations.AlterField(
            model_name="initiative",
            name="published_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="published"),
        ),
        migrations.AddIndex(
            model_name="initiative",
            index=models.Index(
                condition=models.Q(("publication_state", "published")),
                fields=["-published_at", "-id"],
                name="initiative_newest_idx",
            ),
        ),
        migrations.AddIndex(
            model_name="initiative",
            index=models.Index(
                condition=models.Q(("publication_state", "published")),
                fields=["-last_activity_at", "-id"],
                name="initiative_active_idx",
            ),
        ),
        migrations.AddIndex(
            model_name="initiative",
            index=models.Index(
                condition=models.Q(("publication_state", "published")),
                fields=["area", "-published_at", "-id"],
                name="initiative_area_newest_idx",
            ),
        ),
        migrations.AddIndex(
            model_name="initiative",
            index=models.Index(
                condition=models.Q(("publication_state", "published")),
                fields=["stage", "-published_at", "-id"],
                name="initiative_stage_newest_idx",
            ),
        ),
        migrations.AddIndex(
            model_name="initiative",
            index=models.Index(
                condition=models.Q(("publication_state", "published")),
                fields=["origin", "government_role", "participation_step", "stage", "area"],
                name="initiative_kind_counts_idx",
            ),
        ),
    ]
