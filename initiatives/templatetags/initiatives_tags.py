from django import template

from initiatives import permissions

register = template.Library()


@register.simple_tag
def may(action, user, obj=None):
    """Ask `initiatives.permissions.can_<action>` in a template, so templates and views agree:
    `{% may "edit_initiative" user initiative as can_edit %}`."""
    check = getattr(permissions, f"can_{action}")
    return check(user) if obj is None else check(user, obj)
