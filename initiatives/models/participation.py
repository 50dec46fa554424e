"""Taking part in an initiative: supporting it (and how far that is from a burgerinitiatief), following
it with the notifications that brings, and commenting."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.fields import LongTextField
from core.models import Hideable, TimeStampedModel
from core.text import shorten

from ..choices import FollowFrequency, NotificationKind
from .initiative import Initiative, InitiativePartQuerySet

# Doetinchem's burgerinitiatief: named supporters needed per reach of the proposal.
BURGERINITIATIEF_THRESHOLDS = {"street": 5, "area": 15, "municipality": 50}


class SupportQuerySet(models.QuerySet):
    def named(self):
        """Those who show their name: the names on the initiative's page, what a burgerinitiatief counts."""
        return self.filter(is_named=True)

    def newest_first(self):
        return self.order_by("-created_at", "-id")


class Support(models.Model):
    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="supports")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="supports")
    is_named = models.BooleanField(
        _("show my name"), default=False, help_text=_("Your display name is shown with the supporters.")
    )
    created_at = models.DateTimeField(_("supported"), auto_now_add=True)

    objects = SupportQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("support")
        verbose_name_plural = _("support")
        constraints = [
            models.UniqueConstraint(fields=["initiative", "user"], name="support_once_per_person"),
        ]
        indexes = [
            # The named supporters on the initiative's page and its supporters page, newest first.
            models.Index(
                fields=["initiative", "-created_at", "-id"],
                name="support_named_newest",
                condition=Q(is_named=True),
            ),
        ]

    def __str__(self):
        return f"{self.user} → {self.initiative}"


class Follow(models.Model):
    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="follows")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows")
    frequency = models.CharField(
        _("email me"), max_length=20, choices=FollowFrequency.choices, default=FollowFrequency.IMMEDIATELY
    )
    created_at = models.DateTimeField(_("following since"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("follow")
        verbose_name_plural = _("follows")
        constraints = [
            models.UniqueConstraint(fields=["initiative", "user"], name="follow_once_per_person"),
        ]

    def __str__(self):
        return f"{self.user} → {self.initiative}"

    @property
    def sends_email(self):
        return self.frequency != FollowFrequency.NEVER


class Notification(models.Model):
    """A change a follower is to be told about; sent at once or collected into their digest."""

    follow = models.ForeignKey(Follow, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(max_length=30, choices=NotificationKind.choices)
    title = models.CharField(max_length=200)
    path = models.CharField(max_length=300)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")

    def __str__(self):
        return self.title


class CommentQuerySet(InitiativePartQuerySet):
    def visible(self):
        return self.filter(hidden_at__isnull=True)

    def newest_first(self):
        return self.order_by("-created_at", "-id")

    def newer_than(self, comment):
        """Those before `comment` in `newest_first` order: how many there are says where it is listed."""
        return self.filter(
            Q(created_at__gt=comment.created_at) | Q(created_at=comment.created_at, id__gt=comment.id)
        )


class Comment(Hideable, TimeStampedModel):
    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="comments")
    body = LongTextField(_("comment"), max_length=3000)

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        indexes = [
            # An initiative's comments on its page and its comments page, newest first.
            models.Index(
                fields=["initiative", "-created_at", "-id"],
                name="comment_initiative_newest",
                condition=Q(hidden_at__isnull=True),
            ),
        ]

    def __str__(self):
        return shorten(self.body, 60)

    def get_absolute_url(self):
        return self.initiative.get_absolute_url() + f"#reactie-{self.pk}"


def burgerinitiatief_progress(*, local: int, everyone: int) -> list[dict]:
    """How far the named supporters are from Doetinchem's burgerinitiatief thresholds.

    A street or district/village proposal counts named supporters who live in the initiative's own
    village or district (their profile says so: `local`); a proposal for the whole municipality counts
    all (`everyone`). Both are counted by `Initiative.objects.with_part_counts()`.
    """
    rows = [
        ("street", _("a street"), local),
        ("area", _("the district or village"), local),
        ("municipality", _("the whole municipality"), everyone),
    ]
    return [
        {
            "reach": reach,
            "label": label,
            "needed": BURGERINITIATIEF_THRESHOLDS[reach],
            "have": have,
            "missing": max(0, BURGERINITIATIEF_THRESHOLDS[reach] - have),
            "reached": have >= BURGERINITIATIEF_THRESHOLDS[reach],
        }
        for reach, label, have in rows
    ]
