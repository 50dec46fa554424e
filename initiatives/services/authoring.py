"""Registering and editing an initiative, submitting it for review, and building its team."""

import datetime
import hashlib
import secrets

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.roles import Role
from core.images import make_thumbnail
from core.mail import send_templated_mail, site_url
from core.slugs import unique_slug
from initiatives.choices import FixedPath, PublicationState, TeamRole
from initiatives.models import Initiative, TeamInvitation, TeamMembership
from initiatives.services import help_requests
from initiatives.services.search import initiative_reindex

INVITATION_VALID_FOR = datetime.timedelta(days=14)
FALLBACK_SLUG = "initiatief"

# What the form may change; the rest (state, dates, contact person) belongs to the services and the admin.
EDITABLE_FIELDS = (
    "title",
    "summary",
    "story",
    "origin",
    "stage",
    "area",
    "government_role",
    "participation_step",
    "cover_alt",
    "links",
)


def initiative_unique_slug(title: str, *, exclude_pk=None) -> str:
    """A web address from the title that no other initiative and no fixed page of the site uses."""
    return unique_slug(
        Initiative, title, fallback=FALLBACK_SLUG, reserved=set(FixedPath), exclude_pk=exclude_pk
    )


def _set_photo(initiative: Initiative, photo) -> list[str]:
    """Put a new cover photo (already cleaned by core.images) and its thumbnail on `initiative`, or
    remove them when `photo` is False. Returns the names of the files that are no longer used."""
    old = [name for name in (initiative.cover_image.name, initiative.cover_thumbnail.name) if name]
    if photo is False:
        initiative.cover_image = ""
        initiative.cover_thumbnail = ""
        return old
    thumbnail = make_thumbnail(photo)
    photo.seek(0)
    initiative.cover_image = photo
    initiative.cover_thumbnail = thumbnail
    return old


def _delete_files_on_commit(initiative: Initiative, names: list[str]) -> None:
    storage = initiative.cover_image.storage

    def delete():
        for name in names:
            storage.delete(name)

    if names:
        transaction.on_commit(delete)


@transaction.atomic
def initiative_create(
    *,
    author,
    title: str,
    summary: str,
    story: str,
    origin: str,
    stage: str,
    area,
    tags=(),
    concepts=(),
    government_role: str = "",
    participation_step: str = "",
    cover_image=None,
    cover_alt: str = "",
    links: str = "",
) -> Initiative:
    """Register an initiative as a draft, with `author` as its initiator. Only the team sees it until a
    moderator publishes it."""
    initiative = Initiative(
        title=title,
        slug=initiative_unique_slug(title),
        summary=summary,
        story=story,
        origin=origin,
        stage=stage,
        area=area,
        government_role=government_role,
        participation_step=participation_step,
        cover_alt=cover_alt,
        links=links,
        publication_state=PublicationState.DRAFT,
        created_by=author,
        last_activity_at=timezone.now(),
    )
    if cover_image:
        _set_photo(initiative, cover_image)
    initiative.full_clean()
    initiative.save()
    TeamMembership.objects.create(initiative=initiative, user=author, role=TeamRole.INITIATOR)
    initiative.tags.set(list(tags))
    initiative.concepts.set(concepts)
    initiative_reindex(initiative=initiative)
    return initiative


@transaction.atomic
def initiative_update(*, initiative: Initiative, by, cover_image=None, tags=None, concepts=None, **changes):
    """Change what the team tells about its initiative. `cover_image`: a new photo, False to remove the
    current one, None to keep it. The publication state stays as it is: a published initiative stays
    published (moderators can still hide it), a rejected one can be submitted again.

    The web address does not follow a changed title: links people shared keep working.
    """
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"initiative_update() cannot change {', '.join(sorted(unknown))}")
    if "stage" in changes and changes["stage"] != initiative.stage:
        initiative.stage_changed_at = timezone.now()
    for name, value in changes.items():
        setattr(initiative, name, value)
    unused_files = []
    if cover_image is not None:
        unused_files = _set_photo(initiative, cover_image)
    initiative.full_clean()
    initiative.save()
    if tags is not None:
        initiative.tags.set(list(tags))
    if concepts is not None:
        initiative.concepts.set(concepts)
    initiative_reindex(initiative=initiative)
    _delete_files_on_commit(initiative, unused_files)
    return initiative


def _reviewers():
    """Who is told that something waits for review: the active moderators, or, on a site that has no
    moderators yet, the superusers (so a submission never goes unnoticed)."""
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    moderators = users.filter(is_staff=True, groups__name=Role.MODERATOR).distinct()
    return moderators if moderators.exists() else users.filter(is_superuser=True)


@transaction.atomic
def initiative_submit(*, initiative: Initiative, by) -> Initiative:
    """The team asks for publication. The moderators get an email with a link to the admin page where they
    publish or reject it."""
    if initiative.publication_state not in PublicationState.submittable():
        raise ValidationError(
            _("This initiative cannot be submitted now: it is %(state)s."),
            code="not_submittable",
            params={"state": initiative.get_publication_state_display()},
        )
    initiative.publication_state = PublicationState.SUBMITTED
    initiative.submitted_at = timezone.now()
    initiative.rejection_reason = ""
    initiative.save(update_fields=["publication_state", "submitted_at", "rejection_reason", "updated_at"])
    review_url = site_url(reverse("admin:initiatives_initiative_change", args=[initiative.pk]))
    for moderator in _reviewers():
        send_templated_mail(
            to=[moderator.email],
            template="initiatives/email/submitted",
            context={
                "initiative": initiative,
                "submitted_by": by,
                "moderator": moderator,
                "review_url": review_url,
                "page_url": site_url(initiative.get_absolute_url()),
            },
        )
    return initiative


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def team_invite(*, initiative: Initiative, email: str, by) -> TeamInvitation:
    """Invite someone by email to join the team as co-initiator. The link holds a random token; only its
    hash is stored, so a copy of the database cannot be used to join a team."""
    token = secrets.token_urlsafe(32)
    invitation = TeamInvitation(
        initiative=initiative, email=email, token_hash=_token_hash(token), invited_by=by
    )
    invitation.full_clean()
    invitation.save()
    send_templated_mail(
        to=[email],
        template="initiatives/email/invitation",
        context={
            "initiative": initiative,
            "invited_by": by,
            "accept_url": site_url(reverse("initiatives:invitation_accept", kwargs={"token": token})),
            "valid_days": INVITATION_VALID_FOR.days,
        },
    )
    return invitation


def open_invitations():
    """Invitations that can still be accepted: not used yet and not older than 14 days."""
    return TeamInvitation.objects.filter(
        accepted_at__isnull=True, created_at__gte=timezone.now() - INVITATION_VALID_FOR
    )


def invitation_for_token(token: str) -> TeamInvitation | None:
    """The open invitation the emailed `token` belongs to: not used yet and not older than 14 days."""
    if not token or len(token) > 100:
        return None
    return (
        open_invitations()
        .select_related("initiative", "invited_by")
        .filter(token_hash=_token_hash(token))
        .first()
    )


@transaction.atomic
def invitation_accept(*, token: str, user) -> TeamMembership:
    """`user` joins the team as co-initiator with the emailed `token`; the invitation is then used up.
    Someone already in the team keeps their role. An unknown, used or expired token raises
    TeamInvitation.DoesNotExist."""
    if not token or len(token) > 100:
        raise TeamInvitation.DoesNotExist
    invitation = open_invitations().select_for_update().get(token_hash=_token_hash(token))
    membership, _created = TeamMembership.objects.get_or_create(
        initiative_id=invitation.initiative_id, user=user, defaults={"role": TeamRole.CO_INITIATOR}
    )
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    return membership


@transaction.atomic
def initiative_delete(*, initiative: Initiative) -> None:
    """Delete an initiative with everything in it, and its photos once that is saved for good."""
    names = [initiative.cover_image.name, initiative.cover_thumbnail.name]
    names += list(initiative.log_entries.exclude(image="").values_list("image", flat=True))
    initiative.delete()
    _delete_files_on_commit(initiative, [name for name in names if name])


@transaction.atomic
def team_member_leave_site(*, user) -> None:
    """Before `user`'s account is deleted (AVG/GDPR): what only they could see goes with them.

    - An initiative that was never public and has no other team member is deleted: nobody else knows it.
    - A public (or hidden) initiative stays: it belongs to the conversation in the village or district.
      Its log entries lose their author's name, not their text. Without anyone left in its team, it says
      so on its page, takes no more offers of help, and whoever still waits for an answer is told.
    - When the initiator leaves a team that goes on, its longest-standing member becomes initiator.
    """
    memberships = TeamMembership.objects.filter(user=user).select_related("initiative")
    for membership in memberships:
        initiative = membership.initiative
        others = (
            TeamMembership.objects.filter(initiative=initiative).exclude(user=user).order_by("created_at")
        )
        if not others.exists():
            if initiative.published_at is None:
                initiative_delete(initiative=initiative)
            else:
                help_requests.help_offers_close(initiative=initiative)
            continue
        if membership.role == TeamRole.INITIATOR:
            successor = others.first()
            successor.role = TeamRole.INITIATOR
            successor.save(update_fields=["role"])
