import django.db.models.deletion
from django.db import migrations, models

import core.models


class Migration(migrations.Migration):
    """Step 2 of moving the flywheels out of the knowledge base (see knowledgebase 0007): the models as
    they are, in Django's state only; their tables already carry this app's names."""

    initial = True

    dependencies = [("knowledgebase", "0007_flywheels_tables")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Flywheel",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("slug", models.SlugField(unique=True, verbose_name="slug")),
                        ("label_nl", models.CharField(max_length=120, verbose_name="name (Dutch)")),
                        (
                            "label_en",
                            models.CharField(blank=True, max_length=120, verbose_name="name (English)"),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[("proposed", "proposed"), ("confirmed", "confirmed")],
                                default="proposed",
                                max_length=20,
                                verbose_name="status",
                            ),
                        ),
                        ("order", models.PositiveSmallIntegerField(default=0, verbose_name="order")),
                    ],
                    options={
                        "verbose_name": "flywheel",
                        "verbose_name_plural": "flywheels",
                        "ordering": ["order", "slug"],
                    },
                    bases=(core.models.TranslatedLabelMixin, models.Model),
                ),
                migrations.CreateModel(
                    name="Concept",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("slug", models.SlugField(unique=True, verbose_name="slug")),
                        (
                            "order",
                            models.PositiveSmallIntegerField(
                                help_text="Position on the flywheel, from 1.", verbose_name="order"
                            ),
                        ),
                        ("label_nl", models.CharField(max_length=120, verbose_name="name (Dutch)")),
                        (
                            "label_en",
                            models.CharField(blank=True, max_length=120, verbose_name="name (English)"),
                        ),
                        ("description_nl", models.TextField(blank=True, verbose_name="meaning (Dutch)")),
                        ("description_en", models.TextField(blank=True, verbose_name="meaning (English)")),
                        (
                            "basis",
                            models.CharField(
                                blank=True,
                                help_text="The published models this concept rests on, as codes from flywheels.yaml (e.g. S5, S6).",
                                max_length=200,
                                verbose_name="basis",
                            ),
                        ),
                        (
                            "questions_nl",
                            models.TextField(
                                blank=True,
                                help_text="Questions to ask yourself about an initiative, one per line.",
                                verbose_name="guiding questions (Dutch)",
                            ),
                        ),
                        (
                            "questions_en",
                            models.TextField(blank=True, verbose_name="guiding questions (English)"),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[("proposed", "proposed"), ("confirmed", "confirmed")],
                                default="proposed",
                                max_length=20,
                                verbose_name="status",
                            ),
                        ),
                        (
                            "is_active",
                            models.BooleanField(
                                default=True,
                                help_text="Retired concepts stay on earlier analyses but are not offered.",
                                verbose_name="active",
                            ),
                        ),
                        (
                            "flywheel",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="concepts",
                                to="flywheels.flywheel",
                                verbose_name="flywheel",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "concept",
                        "verbose_name_plural": "concepts",
                        "ordering": ["flywheel__order", "order"],
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("flywheel", "order"), name="concept_unique_order_per_flywheel"
                            )
                        ],
                    },
                    bases=(core.models.TranslatedLabelMixin, models.Model),
                ),
            ],
        ),
    ]
