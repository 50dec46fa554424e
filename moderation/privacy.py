"""What moderation keeps about a person (accounts/privacy.py; registered in apps.py): the reports they made,
their appeals, the decisions about what they posted and about their account, and, for staff, the
decisions they took.

The audit log outlives the person: each line keeps the action (what, when, by which moderator, about which
kind of item, why), never the person's own words or name. Their appeal's message goes, an item deleted
with the account is named by its kind and number, and their name and addresses are taken out of every
line that copied them.
"""

from django.db.models import Q
from django.utils.translation import gettext

from accounts.privacy import Erasure, deleted_label, in_site_language

from .models import ActionKind, ModerationAction, Report, ReportStatus
from .registry import kinds


def _moment(value):
    return value.isoformat() if value else None


def _reports(user) -> list:
    """What they reported, and why."""
    return [
        {
            "reason": report.reason,
            "text": report.text,
            "status": report.status,
            "created": _moment(report.created_at),
        }
        for report in user.reports.order_by("created_at")
    ]


def _appeals(user) -> list:
    """Their appeals against decisions about what they posted, and how they were decided."""
    return [
        {
            "about": appeal.decision.item_label,
            "decision": appeal.decision.kind,
            "message": appeal.message,
            "status": appeal.status,
            "created": _moment(appeal.created_at),
            "decided": _moment(appeal.decided_at),
        }
        for appeal in user.appeals.select_related("decision").order_by("created_at")
    ]


def _of_type(model) -> Q:
    """Lines of the audit log about an item of `model` (a join, not a query per kind)."""
    return Q(content_type__app_label=model._meta.app_label, content_type__model=model._meta.model_name)


def _decisions(user) -> list:
    """Every line of the audit log about their account or about what they posted (or their team did)."""
    about = Q(account=user)
    for kind in kinds():
        about |= _of_type(kind.model) & Q(object_id__in=kind.concerning(user).values("pk"))
    actions = ModerationAction.objects.filter(about).select_related("content_type").order_by("created_at")
    return [
        {
            "action": action.kind,
            "about": action.item_label,
            "kind_of_item": action.content_type.model if action.content_type else "account",
            "reason": action.reason,
            "when": _moment(action.created_at),
        }
        for action in actions
    ]


def _decisions_taken(user) -> list:
    """For moderators: which decisions the audit log names them for (what and when; the people and
    words involved are other people's)."""
    actions = user.moderation_actions.select_related("content_type").order_by("created_at")
    return [
        {
            "action": action.kind,
            "kind_of_item": action.content_type.model if action.content_type else "account",
            "when": _moment(action.created_at),
        }
        for action in actions
    ]


EXPORT_SECTIONS = {
    "reports": _reports,
    "appeals": _appeals,
    "decisions": _decisions,
    "decisions_taken": _decisions_taken,
}


def erase(user) -> None:
    """Before the account goes (the audit log then loses the link to it): the messages of their appeals go
    from the log, and a block or unblock names "a deleted account" instead of them. Their reports and
    appeals themselves go with the account."""
    about_them = ModerationAction.objects.filter(account=user)
    about_them.filter(kind=ActionKind.APPEAL).update(reason="")
    about_them.filter(content_type__isnull=True).update(
        item_label=in_site_language(lambda: gettext("a deleted account"))
    )


def forget(erasure: Erasure) -> None:
    """After the account went: what went with it is named by kind and number in the audit log, and open
    reports about it close by going (there is nothing left to look at); the person's name and addresses
    leave every line that copied them."""
    about_deleted = Q(pk__in=[])
    for model, deleted in erasure.deleted.items():
        numbers = [pk for pk in deleted if isinstance(pk, int)]  # items have numbers; sessions have keys
        if numbers:
            about_deleted |= _of_type(model) & Q(object_id__in=numbers)
    for action in ModerationAction.objects.filter(about_deleted).select_related("content_type"):
        model = action.content_type.model_class()
        action.item_label = deleted_label(model, action.object_id)
        action.save(update_fields=["item_label"])
    Report.objects.filter(about_deleted, status=ReportStatus.OPEN).delete()
    for action in ModerationAction.objects.filter(erasure.mentioned_in("item_label", "reason")):
        action.item_label = erasure.scrub(action.item_label)
        action.reason = erasure.scrub(action.reason)
        action.save(update_fields=["item_label", "reason"])
