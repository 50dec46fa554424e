from django.db import migrations

import core.fields
from core.markdown import fill_rendered

# Each model and its Markdown columns -> their HTML columns.
RENDERED = [
    ("Initiative", {"story": "story_html"}),
    ("LogEntry", {"text": "text_html"}),
    ("MunicipalResponse", {"body": "body_html"}),
]


def render_existing(apps, schema_editor):
    for model, fields in RENDERED:
        fill_rendered(apps.get_model("initiatives", model), fields)


class Migration(migrations.Migration):
    """The HTML of the Markdown texts, stored beside them (issue 16): the initiative's page printed it
    rendered per view. Existing rows are rendered here, in batches (core.markdown.fill_rendered): at city
    scale, half a million log entries take a few minutes on deploy."""

    dependencies = [
        ("initiatives", "0010_part_list_indexes"),
    ]

    operations = [
        migrations.AddField(
            model_name="initiative",
            name="story_html",
            field=core.fields.MarkdownHTMLField(blank=True, default="", editable=False, source="story"),
        ),
        migrations.AddField(
            model_name="logentry",
            name="text_html",
            field=core.fields.MarkdownHTMLField(blank=True, default="", editable=False, source="text"),
        ),
        migrations.AddField(
            model_name="municipalresponse",
            name="body_html",
            field=core.fields.MarkdownHTMLField(blank=True, default="", editable=False, source="body"),
        ),
        migrations.RunPython(render_existing, migrations.RunPython.noop, elidable=True),
    ]
