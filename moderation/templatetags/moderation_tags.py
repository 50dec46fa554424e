from django import template
from django.urls import reverse

from moderation.permissions import can_moderate
from moderation.queries import waiting_counts
from moderation.registry import kind_of

register = template.Library()


@register.filter
def report_url(item):
    """The address where a person reports `item`: `{{ comment|report_url }}`."""
    return reverse("moderation:report_create", kwargs={"kind": kind_of(item).slug, "pk": item.pk})


@register.simple_tag(takes_context=True)
def moderation_counts(context):
    """What waits for a moderator, for the management site's front page; nothing for other staff."""
    request = context.get("request")
    if request is None or not can_moderate(request.user):
        return None
    return waiting_counts()
