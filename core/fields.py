"""Model fields for text people type, cleaned by core.text on the way in.

`SingleLineField` is a CharField for titles, names and the like; `LongTextField` a TextField for stories,
messages and Markdown. Both clean the value in `to_python`, which Django calls when a model is validated
(`full_clean`, every ModelForm, the management site) and again for every value it saves or looks up, so a
service that forgets `full_clean` still stores clean text. Their form fields clean the value before
`required` and `max_length` are checked, so a title of invisible characters only is an empty title.

To migrations they are a plain CharField and TextField: the cleaning is not a property of the column.
"""

from django.db import models

from .forms import LongTextFormField, SingleLineFormField
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
