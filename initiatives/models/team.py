"""An initiative's team and the invitations to join it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..choices import TeamRole
from .initiative import Initiative


class TeamMembership(models.Model):
    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="initiative_memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=TeamRole.choices, default=TeamRole.CO_INITIATOR)
    created_at = models.DateTimeField(_("joined"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("team member")
        verbose_name_plural = _("team")
        constraints = [
            models.UniqueConstraint(fields=["initiative", "user"], name="team_membership_unique"),
        ]

    def __str__(self):
        return f"{self.user} ({self.get_role_display()})"


class TeamInvitation(models.Model):
    """An invitation by email to join the team. Only a hash of the emailed token is stored."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("email address"))
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("invited"), auto_now_add=True)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("team invitation")
        verbose_name_plural = _("team invitations")

    def __str__(self):
        return self.email
