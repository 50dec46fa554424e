from django.db import migrations, models
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce


def count_the_supports(apps, schema_editor):
    """Every initiative's supporters as its Support rows are now: one UPDATE with a subquery."""
    Initiative = apps.get_model("initiatives", "Initiative")
    Support = apps.get_model("initiatives", "Support")
    rows = Support.objects.filter(initiative=OuterRef("pk")).order_by().values("initiative")
    Initiative.objects.update(
        support_count=Coalesce(Subquery(rows.annotate(n=Count("pk")).values("n")[:1]), 0)
    )


class Migration(migrations.Migration):
    dependencies = [
        ("initiatives", "0007_log_entry_newest_first_indexes"),
    ]

    operations = [
        migrations.AddField(
            model_name="initiative",
            name="support_count",
            field=models.PositiveIntegerField(default=0, editable=False, verbose_name="supporters"),
        ),
        migrations.RunPython(count_the_supports, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="initiative",
            index=models.Index(
                fields=["publication_state", "-support_count", "-published_at", "-id"],
                name="initiative_most_supported_idx",
            ),
        ),
    ]
