"""The municipality's voice on an initiative: the civil servant the team can turn to, and responses on
behalf of the municipality. Moderators assign the contact in the management site; civil servants respond
there or on the site (views/municipality.py). Both come here, so the checks, the dates and the emails are
the same."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from initiatives import permissions
from initiatives.choices import NotificationKind
from initiatives.models import Initiative, MunicipalResponse
from moderation import services as moderation

from .notifications import followers_notify
from .search import initiative_touch


def speaker_label(user) -> str:
    """How a civil servant is named when speaking for the municipality: "Anne (wijkregisseur De Huet)"."""
    return f"{user.display_name} ({user.public_role})" if user.public_role else user.display_name


@transaction.atomic
def contact_person_assign(*, initiative: Initiative, contact, by) -> Initiative:
    """Name the civil servant the team can turn to (or nobody, with `contact=None`)."""
    moderation.moderator_check(by)
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


@transaction.atomic
def municipal_response_update(*, response: MunicipalResponse, by, body: str) -> MunicipalResponse:
    """Correct a response in the management site; it keeps its author and date."""
    if not permissions.can_respond_for_municipality(by):
        raise PermissionDenied(_("Only civil servants can respond on behalf of the municipality."))
    response.body = (body or "").strip()
    response.full_clean()
    response.save(update_fields=["body", "body_html", "updated_at"])
    return response


@transaction.atomic
def municipal_response_delete(*, response: MunicipalResponse, by) -> None:
    """Take a response away (the initiative keeps the date of its first response: the municipality did
    respond then)."""
    if not permissions.can_respond_for_municipality(by):
        raise PermissionDenied(_("Only civil servants can respond on behalf of the municipality."))
    response.delete()


@transaction.atomic
def initiative_staff_update(*, initiative: Initiative, by, changed: list[str]) -> Initiative:
    """Save what a moderator keeps about an initiative in the management site (the contact person, the
    municipality's role, stage, place, concepts and themes; the form has set them on `initiative`). A new
    stage dates from now: the council's figures count completed and stopped initiatives by it."""
    moderation.moderator_check(by)
    if "stage" in changed:
        initiative.stage_changed_at = timezone.now()
    initiative.save()
    if "contact_person" in changed:
        contact_person_assign(initiative=initiative, contact=initiative.contact_person, by=by)
    return initiative
