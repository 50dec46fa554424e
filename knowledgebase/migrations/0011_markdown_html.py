from django.db import migrations

import core.fields
from core.markdown import fill_rendered

# Each model and its Markdown columns -> their HTML columns.
RENDERED = [
    ("Article", {"body": "body_html"}),
    ("CaseAnalysis", {"lessons": "lessons_html", "working_elements": "working_elements_html"}),
    ("Page", {"body_nl": "body_html_nl", "body_en": "body_html_en"}),
]


def render_existing(apps, schema_editor):
    for model, fields in RENDERED:
        fill_rendered(apps.get_model("knowledgebase", model), fields)


class Migration(migrations.Migration):
    """The HTML of the Markdown texts, stored beside them (issue 16), rendered here for existing rows."""

    dependencies = [
        ("knowledgebase", "0010_analysis_published_index"),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
            name="body_html",
            field=core.fields.MarkdownHTMLField(blank=True, default="", editable=False, source="body"),
        ),
        migrations.AddField(
            model_name="caseanalysis",
            name="lessons_html",
            field=core.fields.MarkdownHTMLField(blank=True, default="", editable=False, source="lessons"),
        ),
        migrations.AddField(
            model_name="caseanalysis",
            name="working_elements_html",
            field=core.fields.MarkdownHTMLField(
                blank=True, default="", editable=False, source="working_elements"
            ),
        ),
        migrations.AddField(
            model_name="page",
            name="body_html_en",
            field=core.fields.MarkdownHTMLField(blank=True, default="", editable=False, source="body_en"),
        ),
        migrations.AddField(
            model_name="page",
            name="body_html_nl",
            field=core.fields.MarkdownHTMLField(blank=True, default="", editable=False, source="body_nl"),
        ),
        migrations.RunPython(render_existing, migrations.RunPython.noop, elidable=True),
    ]
