"""Every moderation write on any kind of item: reports, hiding and restoring, dismissing reports,
blocking accounts and deciding appeals. Each runs in one transaction, locks the item it changes (two
moderators acting at the same moment cannot both succeed on the same state), writes a line in the audit
log and tells the author.

Decisions that belong to one kind of item live with it and use the helpers at the top of this module:
publishing and rejecting an initiative in `initiatives.services.publication`, rejecting a suggested example
in `knowledgebase.services.suggestions`. Each decision has one service, asked by the site and the
management site alike.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import BlockKind
from core.mail import send_templated_mail, site_url
from core.models import HiddenCause
from core.text import shorten

from . import permissions
from .models import APPEALABLE, ActionKind, Appeal, AppealStatus, ModerationAction, Report, ReportStatus
from .registry import content_type_of, kind_of, posted_by

REASON_MAX_LENGTH = 2000
LABEL_MAX_LENGTH = ModerationAction._meta.get_field("item_label").max_length

# --- What every decision does, also for the apps' own decisions ----------------------------------------


def moderator_check(user) -> None:
    """Refuse anyone who may not moderate (`moderation.permissions.can_moderate`), and nobody at all."""
    if user is None or not permissions.can_moderate(user):
        raise PermissionDenied(_("Only moderators can do this."))


def reason_clean(reason, *, required: bool = True) -> str:
    """The reason for a decision as the author will read it: required unless said otherwise, at most
    REASON_MAX_LENGTH characters."""
    reason = (reason or "").strip()
    if required and not reason:
        raise ValidationError(
            {"reason": _("Say why: the author gets this reason by email.")}, code="required"
        )
    if len(reason) > REASON_MAX_LENGTH:
        raise ValidationError(
            {"reason": _("Keep the reason to at most %(max)d characters.") % {"max": REASON_MAX_LENGTH}},
            code="max_length",
        )
    return reason


def action_record(kind, *, item=None, by=None, account=None, reason="", label="") -> ModerationAction:
    """A line in the audit log: what was done (an ActionKind), by whom, to which item or account, why."""
    item_kind = kind_of(item) if item is not None else None
    return ModerationAction.objects.create(
        kind=kind,
        moderator=by,
        content_type=content_type_of(item) if item is not None else None,
        object_id=item.pk if item is not None else None,
        account=account,
        item_label=shorten(label or (item_kind.title(item) if item_kind else str(account)), LABEL_MAX_LENGTH),
        reason=reason,
    )


def authors_tell(item, action: ModerationAction) -> None:
    """Email the authors what was decided and why, with the link to appeal where that is possible."""
    kind = kind_of(item)
    appeal_link = appeal_url(action) if action.kind in APPEALABLE else ""
    for author in kind.authors(item):
        if author is None or not author.is_active or not author.email:
            continue
        send_templated_mail(
            to=[author.email],
            template="moderation/email/decision",
            context={
                "author": author,
                "action": action,
                "kind_label": kind.label,
                "title": kind.title(item),
                "url": site_url(kind.public_url(item)),
                "appeal_url": appeal_link,
                "kinds": ActionKind,
            },
        )


def appeal_url(action: ModerationAction) -> str:
    """Where the author appeals `action` (in emails)."""
    return site_url(reverse("moderation:appeal_create", args=[action.pk]))


def reports_close(item, status) -> int:
    """Close the open reports about `item` as upheld or dismissed; how many there were."""
    return Report.objects.filter(
        content_type=content_type_of(item), object_id=item.pk, status=ReportStatus.OPEN
    ).update(status=status, closed_at=timezone.now())


# --- Reports ------------------------------------------------------------------------------------------


@transaction.atomic
def report_create(*, item, by, reason: str, text: str = "") -> tuple[Report, bool]:
    """`by` reports `item`. Once per person per item: a second report returns the first (created False).
    When the open reports reach MODERATION_REPORT_THRESHOLD the item is hidden pending review."""
    kind = kind_of(item)
    if not kind.is_public(item):
        raise ValidationError(_("This can no longer be reported."), code="not_public")
    report = Report(item=item, reporter=by, reason=reason, text=(text or "").strip())
    report.full_clean(validate_unique=False, validate_constraints=False)
    try:
        with transaction.atomic():  # a savepoint: a report made at the same moment wins, no error
            report.save()
    except IntegrityError:
        existing = Report.objects.get(content_type=content_type_of(item), object_id=item.pk, reporter=by)
        return existing, False
    item = kind.lock(item)
    open_reports = Report.objects.filter(
        content_type=content_type_of(item), object_id=item.pk, status=ReportStatus.OPEN
    ).count()
    if open_reports >= settings.MODERATION_REPORT_THRESHOLD and kind.is_public(item):
        kind.hide(item, cause=HiddenCause.REPORTS, reason="")
        action = action_record(
            ActionKind.AUTO_HIDE,
            item=item,
            reason=_("Reported by %(count)d people.") % {"count": open_reports},
        )
        authors_tell(item, action)
    return report, True


# --- Decisions about items ----------------------------------------------------------------------------


@transaction.atomic
def item_hide(*, item, by, reason: str) -> ModerationAction:
    moderator_check(by)
    reason = reason_clean(reason)
    kind = kind_of(item)
    item = kind.lock(item)
    if kind.is_hidden(item) and not kind.is_hidden_for_review(item):
        raise ValidationError(_("This is already hidden."), code="wrong_state")
    if not kind.is_hidden(item) and not kind.is_public(item):
        raise ValidationError(_("Only what is public can be hidden."), code="wrong_state")
    kind.hide(item, cause=HiddenCause.MODERATOR, reason=reason)
    reports_close(item, ReportStatus.UPHELD)
    action = action_record(ActionKind.HIDE, item=item, by=by, reason=reason)
    authors_tell(item, action)
    return action


@transaction.atomic
def item_restore(*, item, by, reason: str = "") -> ModerationAction:
    """Show a hidden item again (also the undo of a hide). Open reports about it are dismissed."""
    moderator_check(by)
    reason = reason_clean(reason, required=False)
    kind = kind_of(item)
    item = kind.lock(item)
    if not kind.is_hidden(item):
        raise ValidationError(_("This is not hidden."), code="wrong_state")
    kind.restore(item)
    reports_close(item, ReportStatus.DISMISSED)
    action = action_record(ActionKind.RESTORE, item=item, by=by, reason=reason)
    authors_tell(item, action)
    return action


@transaction.atomic
def reports_dismiss(*, item, by, reason: str = "") -> ModerationAction:
    """The reports do not hold: they are closed and the item stays (shown again if reports hid it)."""
    moderator_check(by)
    kind = kind_of(item)
    item = kind.lock(item)
    if kind.is_hidden_for_review(item):
        kind.restore(item)
    if not reports_close(item, ReportStatus.DISMISSED):
        raise ValidationError(_("There are no open reports about this."), code="no_reports")
    return action_record(ActionKind.DISMISS, item=item, by=by, reason=reason_clean(reason, required=False))


# --- Accounts -----------------------------------------------------------------------------------------


@transaction.atomic
def user_block(*, user, by, hard: bool, reason: str) -> ModerationAction:
    """Stop an account from posting after repeated abuse. A hard block also hides what it posted (its
    comments, log entries and suggested examples); initiatives belong to their team and stay."""
    moderator_check(by)
    reason = reason_clean(reason)
    if user.pk == by.pk or user.is_staff:
        raise ValidationError(_("Staff accounts are not blocked here; ask the administrator."), code="staff")
    user = type(user).objects.select_for_update().get(pk=user.pk)
    if user.blocked_at is not None:
        raise ValidationError(_("This account is already blocked."), code="wrong_state")
    user.blocked_at = timezone.now()
    user.block_kind = BlockKind.HARD if hard else BlockKind.SOFT
    user.block_reason = reason
    user.save(update_fields=["blocked_at", "block_kind", "block_reason"])
    if hard:
        for kind, items in posted_by(user).items():
            for item in items.filter(hidden_at__isnull=True).select_for_update():
                kind.hide(item, cause=HiddenCause.BLOCK, reason=reason)
    action = action_record(ActionKind.BLOCK, by=by, account=user, reason=reason, label=user.display_name)
    if user.email:
        send_templated_mail(
            to=[user.email],
            template="moderation/email/blocked",
            context={
                "user": user,
                "reason": reason,
                "hard": hard,
                "contact_url": site_url(reverse("contact")),
            },
        )
    return action


@transaction.atomic
def user_unblock(*, user, by, reason: str = "") -> ModerationAction:
    """Undo a block; what a hard block hid is shown again (nothing hidden for other reasons)."""
    moderator_check(by)
    user = type(user).objects.select_for_update().get(pk=user.pk)
    if user.blocked_at is None:
        raise ValidationError(_("This account is not blocked."), code="wrong_state")
    for kind, items in posted_by(user).items():
        for item in items.filter(hidden_cause=HiddenCause.BLOCK).select_for_update():
            kind.restore(item)
    user.blocked_at = None
    user.block_kind = ""
    user.block_reason = ""
    user.save(update_fields=["blocked_at", "block_kind", "block_reason"])
    return action_record(
        ActionKind.UNBLOCK,
        by=by,
        account=user,
        reason=reason_clean(reason, required=False),
        label=user.display_name,
    )


# --- Appeals ------------------------------------------------------------------------------------------


@transaction.atomic
def appeal_create(*, action: ModerationAction, by, message: str) -> Appeal:
    if not permissions.can_appeal(by, action):
        raise ValidationError(_("You cannot appeal this decision (any more)."), code="not_appealable")
    message = (message or "").strip()
    appeal = Appeal(
        content_type=action.content_type,
        object_id=action.object_id,
        author=by,
        decision=action,
        message=message,
    )
    appeal.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            appeal.save()
    except IntegrityError:
        raise ValidationError(_("You have already appealed this decision."), code="duplicate") from None
    action_record(ActionKind.APPEAL, item=action.item, account=by, reason=message)
    return appeal


@transaction.atomic
def appeal_decide(*, appeal: Appeal, by, grant: bool, reason: str) -> ModerationAction:
    """Another moderator than the one who decided looks again. Granting undoes the decision."""
    moderator_check(by)
    appeal = Appeal.objects.select_for_update().select_related("decision").get(pk=appeal.pk)
    if appeal.status != AppealStatus.OPEN:
        raise ValidationError(_("This appeal has already been decided."), code="decided")
    if not permissions.can_decide_appeal(by, appeal):
        raise PermissionDenied(_("Another moderator decides on an appeal against your own decision."))
    reason = reason_clean(reason)
    item = appeal.item
    kind = kind_of(item)
    if grant:
        item = kind.lock(item)
        if kind.is_rejected(item):
            kind.undo_rejection(item, by=by)
        elif kind.is_hidden(item):
            kind.restore(item)
            reports_close(item, ReportStatus.DISMISSED)
    appeal.status = AppealStatus.GRANTED if grant else AppealStatus.DENIED
    appeal.decided_at = timezone.now()
    appeal.decided_by = by
    appeal.save(update_fields=["status", "decided_at", "decided_by"])
    action = action_record(
        ActionKind.APPEAL_GRANTED if grant else ActionKind.APPEAL_DENIED, item=item, by=by, reason=reason
    )
    if appeal.author.is_active and appeal.author.email:
        send_templated_mail(
            to=[appeal.author.email],
            template="moderation/email/appeal_decided",
            context={
                "author": appeal.author,
                "granted": grant,
                "reason": reason,
                "kind_label": kind.label,
                "title": kind.title(item),
                "url": site_url(kind.public_url(item)),
            },
        )
    return action
