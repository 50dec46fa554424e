"""Render the stored HTML of every Markdown text again (core.fields.MarkdownHTMLField), e.g. after the
allow-list in core/markdown.py changed: `manage.py render_markdown`. Batched; safe to run on a live site."""

import time

from django.apps import apps
from django.core.management.base import BaseCommand

from core.fields import MarkdownHTMLField
from core.markdown import fill_rendered


def rendered_fields():
    """[(model, {source column: HTML column})] for every model with a MarkdownHTMLField."""
    found = []
    for model in apps.get_models():
        fields = {
            field.source: field.attname
            for field in model._meta.concrete_fields
            if isinstance(field, MarkdownHTMLField)
        }
        if fields:
            found.append((model, fields))
    return found


class Command(BaseCommand):
    help = "Render the stored HTML of every Markdown text again."

    def handle(self, *args, **options):
        for model, fields in rendered_fields():
            started = time.monotonic()
            count = fill_rendered(model, fields)
            seconds = time.monotonic() - started
            self.stdout.write(f"{model._meta.label}: {count} rows in {seconds:.1f} s")
