from django import template

from accounts.permissions import ask

register = template.Library()


@register.simple_tag
def may(rule, user, obj=None):
    """Ask a permission rule in a template, the same function its view asks (accounts/permissions.py):
    `{% may "initiatives.edit_initiative" user initiative as can_edit %}`."""
    return ask(rule, user, obj)
