"""Moderation and the municipality's voice: publishing and rejecting initiatives (hiding, like the rest
of moderation, is in the moderation app, which calls these), assigning a contact person and responding on
behalf of the municipality.

Moderators act from the management site (initiatives/admin.py); civil servants respond there or on the
site (views/municipality.py). Both come here, so the checks, the dates and the emails are the same.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.mail import send_templated_mail, site_url
from initiatives import permissions
from initiatives.choices import NotificationKind, PublicationState
from initiatives.models import Initiative, MunicipalResponse

from .notifications import followers_notify
from .search import initiative_touch

# Where a moderator may publish from: submitted for review, or hidden earlier and shown again.
PUBLISHABLE_STATES = [PublicationState.SUBMITTED, PublicationState.HIDDEN]
REJECTABLE_STATES = [PublicationState.SUBMITTED]
HIDEABLE_STATES = [PublicationState.PUBLISHED]
REJECTION_REASON_MAX_LENGTH = 2000


def _check_moderator(user) -> None:
    if user is None or not permissions.is_moderator(user):
        raise PermissionDenied(_("Only moderators can publish, reject or hide initiatives."))


def _check_state(initiative: Initiative, allowed: list, message) -> None:
    if initiative.publication_state not in allowed:
        raise ValidationError(message, code="wrong_state")


def _email_team(initiative: Initiative, template: str, context: dict) -> int:
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


def speaker_label(user) -> str:
    """How a civil servant is named when speaking for the municipality: "Anne (wijkregisseur De Huet)"."""
    return f"{user.display_name} ({user.public_role})" if user.public_role else user.display_name


@transaction.atomic
def initiative_publish(*, initiative: Initiative, by) -> Initiative:
    """Make a submitted (or hidden) initiative public and tell its team.

    The first publication date is kept when a hidden initiative is shown again: the time to the first
    response of the municipality is measured from it.
    """
    _check_moderator(by)
    _check_state(
        initiative,
        PUBLISHABLE_STATES,
        _("Only an initiative that was submitted for review or hidden can be published."),
    )
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
    _email_team(
        initiative,
        "initiatives/email/published",
        {"shown_again": was_hidden, "promise_days": settings.MUNICIPAL_RESPONSE_PROMISE_DAYS},
    )
    return initiative


@transaction.atomic
def initiative_reject(*, initiative: Initiative, by, reason: str, appeal_url: str = "") -> Initiative:
    """Send a submitted initiative back to its team with the reason; they can edit and submit again, or
    (with `appeal_url`, from moderation) ask another moderator to look again."""
    _check_moderator(by)
    _check_state(
        initiative, REJECTABLE_STATES, _("Only an initiative that was submitted for review can be rejected.")
    )
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say why, so the team knows what to change.")}, code="required")
    if len(reason) > REJECTION_REASON_MAX_LENGTH:
        raise ValidationError(
            {
                "reason": _("Keep the reason to at most %(max)d characters.")
                % {"max": REJECTION_REASON_MAX_LENGTH}
            },
            code="max_length",
        )
    initiative.publication_state = PublicationState.REJECTED
    initiative.rejection_reason = reason
    initiative.save(update_fields=["publication_state", "rejection_reason", "updated_at"])
    _email_team(
        initiative,
        "initiatives/email/rejected",
        {
            "reason": reason,
            "edit_url": site_url(reverse("initiatives:initiative_edit", kwargs={"slug": initiative.slug})),
            "appeal_url": appeal_url,
        },
    )
    return initiative


@transaction.atomic
def contact_person_assign(*, initiative: Initiative, contact, by) -> Initiative:
    """Name the civil servant the team can turn to (or nobody, with `contact=None`)."""
    _check_moderator(by)
    if contact is not None and not (contact.is_active and contact.is_staff):
        raise ValidationError(
            {"contact_person": _("The contact person must be an active member of staff.")}, code="not_staff"
        )
    initiative.contact_person = contact
    initiative.save(update_fields=["contact_person", "updated_at"])
    return initiative


@transaction.atomic
def municipal_response_create(*, initiative: Initiative, author, body: str) -> MunicipalResponse:
    """Post a response on behalf of the municipality and tell the followers.

    The first response of a published initiative sets `first_response_at`; later ones keep it, so
    `initiative.response_time` stays the time from publication to that first response.
    """
    if not permissions.can_respond_for_municipality(author):
        raise PermissionDenied(_("Only civil servants can respond on behalf of the municipality."))
    if not initiative.is_published:
        raise ValidationError(
            _("The municipality can only respond to a published initiative."), code="wrong_state"
        )
    body = (body or "").strip()
    max_length = MunicipalResponse._meta.get_field("body").max_length  # a TextField's is not validated
    if len(body) > max_length:
        raise ValidationError(
            {"body": _("Keep the response to at most %(max)d characters.") % {"max": max_length}},
            code="max_length",
        )
    response = MunicipalResponse(initiative=initiative, author=author, body=body)
    response.full_clean()
    response.save()
    if initiative.first_response_at is None:
        initiative.first_response_at = response.created_at
        Initiative.objects.filter(pk=initiative.pk, first_response_at__isnull=True).update(
            first_response_at=response.created_at
        )
    initiative_touch(initiative=initiative)
    followers_notify(
        initiative=initiative,
        kind=NotificationKind.MUNICIPAL_RESPONSE,
        title=speaker_label(author),
        path=response.get_absolute_url(),
    )
    return response
