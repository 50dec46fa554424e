from django.db import migrations

import core.fields
from core.markdown import fill_rendered

# Each model and its Markdown columns -> their HTML columns.
RENDERED = [
    ("LabSession", {"description": "description_html", "report": "report_html"}),
]


def render_existing(apps, schema_editor):
    for model, fields in RENDERED:
        fill_rendered(apps.get_model("lab", model), fields)


class Migration(migrations.Migration):
    """The HTML of the Markdown texts, stored beside them (issue 16), rendered here for existing rows."""

    dependencies = [
        ("lab", "0002_role_groups"),
    ]

    operations = [
        migrations.AddField(
            model_name="labsession",
            name="description_html",
            field=core.fields.MarkdownHTMLField(blank=True, default="", editable=False, source="description"),
        ),
        migrations.AddField(
            model_name="labsession",
            name="report_html",
            field=core.fields.MarkdownHTMLField(blank=True, default="", editable=False, source="report"),
        ),
        migrations.RunPython(render_existing, migrations.RunPython.noop, elidable=True),
    ]
