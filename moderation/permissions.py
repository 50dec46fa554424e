"""Who may moderate, report, appeal and decide on an appeal. Views, templates (`{% may "moderation.<action>"
%}`) and services ask these; every app's moderation decisions (publishing an initiative, rejecting a
suggested example) ask `can_moderate` too."""

from accounts.permissions import can_post, is_staff_with

from .models import APPEALABLE, ActionKind, Appeal, ModerationAction
from .registry import kind_of


def can_moderate(user) -> bool:
    """Civil servants in the moderators group (and superusers): every decision about what people post."""
    return is_staff_with(user, "moderation.change_report")


def can_report(user, item) -> bool:
    """Anyone who may post reports what the public sees, except their own work."""
    kind = kind_of(item)
    return can_post(user) and kind.is_public(item) and user not in kind.authors(item)


def can_appeal(user, action) -> bool:
    """Whether `user` may appeal `action`: an author of the item, the decision still stands, and they
    have not appealed about this item before."""
    if action.kind not in APPEALABLE or action.content_type is None:
        return False
    item = action.item
    if item is None:
        return False
    kind = kind_of(item)
    if user not in kind.authors(item):
        return False
    latest = (
        ModerationAction.objects.filter(content_type=action.content_type, object_id=action.object_id)
        .exclude(kind__in=[ActionKind.APPEAL, ActionKind.VIEW_SIGNAL])
        .order_by("-created_at", "-pk")
        .first()
    )
    if latest != action:
        return False
    # Once per item, for the whole team: a second appeal would have the same decision decided twice.
    return not Appeal.objects.filter(content_type=action.content_type, object_id=action.object_id).exists()


def can_decide_appeal(user, appeal) -> bool:
    """Another moderator than whoever took the decision appealed, or confirmed it since."""
    if not can_moderate(user) or appeal.decision.moderator_id == user.pk:
        return False
    return not ModerationAction.objects.filter(
        content_type=appeal.content_type,
        object_id=appeal.object_id,
        kind__in=[ActionKind.HIDE, ActionKind.REJECT],
        created_at__gte=appeal.decision.created_at,
        moderator=user,
    ).exists()
