"""A moderator's decisions about an initiative's publication: publishing it and rejecting it. Hiding and
showing again are moderation's, for every kind of item (`moderation.services.item_hide`), through the
kind registered in initiatives/moderation.py.

The management site's buttons and list actions (initiatives/admin/) and an appeal that is granted come
here, so the checks, the audit log, the reports and the emails are the same whoever asks.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.mail import send_templated_mail, site_url
from initiatives.choices import PublicationState
from initiatives.models import Initiative
from moderation import services as moderation
from moderation.models import ActionKind, ModerationAction, ReportStatus

# Where a moderator may publish from: submitted for review, or hidden earlier and shown again.
PUBLISHABLE_STATES = [PublicationState.SUBMITTED, PublicationState.HIDDEN]
REJECTABLE_STATES = [PublicationState.SUBMITTED]
HIDEABLE_STATES = [PublicationState.PUBLISHED]


def team_email(initiative: Initiative, template: str, context: dict) -> int:
    """Email every active team member, one message each: they do not see each other's address."""
    members = (
        initiative.memberships.filter(user__is_active=True)
        .exclude(user__email="")
        .select_related("user")
        .order_by("pk")
    )
    url = site_url(initiative.get_absolute_url())
    for membership in members:
        send_templated_mail(
            to=[membership.user.email],
            template=template,
            context={"initiative": initiative, "member": membership.user, "url": url, **context},
        )
    return len(members)


def _check_state(initiative: Initiative, allowed: list, message) -> None:
    if initiative.publication_state not in allowed:
        raise ValidationError(message, code="wrong_state")


def _lock(initiative: Initiative) -> Initiative:
    return Initiative.objects.select_for_update().get(pk=initiative.pk)


def publication_apply(initiative: Initiative) -> Initiative:
    """Make the (locked) initiative public and tell its team: what publishing is, whoever decided it.

    The first publication date is kept when a hidden initiative is shown again: the time to the first
    response of the municipality is measured from it."""
    was_hidden = initiative.publication_state == PublicationState.HIDDEN
    now = timezone.now()
    initiative.publication_state = PublicationState.PUBLISHED
    initiative.published_at = initiative.published_at or now
    initiative.rejection_reason = ""
    initiative.hidden_reason = ""
    initiative.hidden_cause = ""
    initiative.last_activity_at = now
    initiative.save(
        update_fields=[
            "publication_state",
            "published_at",
            "rejection_reason",
            "hidden_reason",
            "hidden_cause",
            "last_activity_at",
            "updated_at",
        ]
    )
    team_email(
        initiative,
        "initiatives/email/published",
        {"shown_again": was_hidden, "promise_days": settings.MUNICIPAL_RESPONSE_PROMISE_DAYS},
    )
    return initiative


@transaction.atomic
def initiative_publish(*, initiative: Initiative, by) -> ModerationAction:
    """Publish a submitted (or hidden) initiative; its open reports are dismissed."""
    moderation.moderator_check(by)
    initiative = _lock(initiative)
    _check_state(
        initiative,
        PUBLISHABLE_STATES,
        _("Only an initiative that was submitted for review or hidden can be published."),
    )
    publication_apply(initiative)
    moderation.reports_close(initiative, ReportStatus.DISMISSED)
    return moderation.action_record(ActionKind.PUBLISH, item=initiative, by=by)


@transaction.atomic
def initiative_reject(*, initiative: Initiative, by, reason: str) -> ModerationAction:
    """Send a submitted initiative back to its team with the reason; they can edit and submit it again,
    or ask another moderator to look again."""
    moderation.moderator_check(by)
    initiative = _lock(initiative)
    _check_state(
        initiative, REJECTABLE_STATES, _("Only an initiative that was submitted for review can be rejected.")
    )
    reason = moderation.reason_clean(reason)
    initiative.publication_state = PublicationState.REJECTED
    initiative.rejection_reason = reason
    initiative.save(update_fields=["publication_state", "rejection_reason", "updated_at"])
    action = moderation.action_record(ActionKind.REJECT, item=initiative, by=by, reason=reason)
    team_email(
        initiative,
        "initiatives/email/rejected",
        {
            "reason": reason,
            "edit_url": site_url(reverse("initiatives:initiative_edit", kwargs={"slug": initiative.slug})),
            "appeal_url": moderation.appeal_url(action),
        },
    )
    return action
