"""Model fields for text people type, cleaned by core.text on the way in.

`SingleLineField` is a CharField for titles, names and the like; `LongTextField` a TextField for stories,
messages and Markdown. Both clean the value in `to_python`, which Django calls when a model is validated
(`full_clean`, every ModelForm, the management site) and again for every value it saves or looks up, so a
service that forgets `full_clean` still stores clean text. Their form fields clean the value before
`required` and `max_length` are checked, so a title of invisible characters only is an empty title.

To migrations they are a plain CharField and TextField: the cleaning is not a property of the column.

`MarkdownHTMLField(source="story")` holds the HTML of a Markdown field of the same model, rendered and
sanitised by core.markdown whenever the row is saved (`save()` and `bulk_create`), so that pages print it
instead of rendering Markdown on every view. It is read as safe HTML.
"""

from django.db import models
from django.utils.safestring import mark_safe

from .forms import LongTextFormField, SingleLineFormField
from .markdown import render_markdown
from .text import clean_line, clean_text


class SingleLineField(models.CharField):
    def to_python(self, value):
        value = super().to_python(value)
        return clean_line(value) if isinstance(value, str) else value

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": SingleLineFormField, **kwargs})

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.CharField", args, kwargs


class LongTextField(models.TextField):
    def to_python(self, value):
        value = super().to_python(value)
        return clean_text(value) if isinstance(value, str) else value

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": LongTextFormField, **kwargs})

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.TextField", args, kwargs


class MarkdownHTMLField(models.TextField):
    """The sanitised HTML of the model's Markdown field `source`, kept with it. Saving the row renders it;
    a `save(update_fields=[...])` that names the source must name this field too, and `QuerySet.update()`
    or `bulk_update()` of the source must set it (with core.markdown.render_markdown) — or leave it to
    `manage.py render_markdown`, which renders every such field again (after the allow-list changed)."""

    def __init__(self, *args, source, **kwargs):
        self.source = source
        super().__init__(*args, **{"blank": True, "default": "", "editable": False, **kwargs})

    def pre_save(self, model_instance, add):
        html = render_markdown(getattr(model_instance, self.source))
        setattr(model_instance, self.attname, html)
        return html

    def from_db_value(self, value, expression, connection):
        return mark_safe(value) if value is not None else value  # noqa: S308 - sanitised when saved

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        return name, path, args, {**kwargs, "source": self.source}
