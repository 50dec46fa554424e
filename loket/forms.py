"""How every Django form on the site is rendered: NL Design System markup from templates/forms/.

`{{ form }}` renders templates/forms/form.html (an error summary, then each field) and
`{{ form.field.as_field_group }}` renders templates/forms/field.html (label, description, error, widget).
The templates come from the project's TEMPLATES setting, so they can use the site's own template tags.
"""

from django.forms.renderers import TemplatesSetting


class LoketFormRenderer(TemplatesSetting):
    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"
