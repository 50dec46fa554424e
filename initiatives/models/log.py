"""The log: an initiative's dated experiences, what others learn from."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.fields import LongTextField, MarkdownHTMLField, SingleLineField
from core.models import Hideable, TimeStampedModel

from ..choices import LogKind, ObstacleCategory, PublicationState
from .initiative import Initiative, InitiativePartQuerySet

# The order of the log pages (views/browse.py): newest first, the same date by when it was written, then
# by number.
_NEWEST_FIRST_COLUMNS = ["-happened_on", "-created_at", "-id"]


class LogEntryQuerySet(InitiativePartQuerySet):
    def visible(self):
        """Not hidden by moderation."""
        return self.filter(hidden_at__isnull=True)

    def published(self):
        return self.visible().filter(initiative__publication_state=PublicationState.PUBLISHED)

    def newest_first(self):
        return self.order_by(*_NEWEST_FIRST_COLUMNS)

    def newer_than(self, entry):
        """Those before `entry` in `newest_first` order: how many there are says where it is listed."""
        same_day = Q(happened_on=entry.happened_on)
        return self.filter(
            Q(happened_on__gt=entry.happened_on)
            | (same_day & Q(created_at__gt=entry.created_at))
            | (same_day & Q(created_at=entry.created_at, id__gt=entry.id))
        )

    def of_kind(self, kind):
        return self.filter(kind=kind)

    def for_listing(self):
        return self.select_related("initiative", "initiative__area", "author")


class LogEntry(Hideable, TimeStampedModel):
    """One dated experience in an initiative's log: the heart of learning from practice."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="log_entries")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="log_entries"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=LogKind.choices, default=LogKind.UPDATE)
    obstacle_category = models.CharField(
        _("kind of obstacle"),
        max_length=20,
        choices=ObstacleCategory.choices,
        blank=True,
        help_text=_("Only for an obstacle: what kind of obstacle was it?"),
    )
    happened_on = models.DateField(_("date"), default=timezone.localdate)
    title = SingleLineField(_("title"), max_length=120)
    text = LongTextField(_("text"), max_length=10000, help_text=_("You can use Markdown."))
    text_html = MarkdownHTMLField(source="text")
    image = models.ImageField(_("photo"), upload_to="initiatives/log/%Y/%m/", blank=True)
    image_alt = SingleLineField(_("description of the photo"), max_length=200, blank=True)

    objects = LogEntryQuerySet.as_manager()

    class Meta:
        ordering = ["-happened_on", "-created_at"]
        verbose_name = _("log entry")
        verbose_name_plural = _("log entries")
        # The log pages (/initiatieven/logboek/, /initiatieven/obstakels/) show the newest visible entries
        # first: all of them, of one kind, or of one kind of obstacle. Two indexes in that order let a page
        # be read from the index instead of sorting every entry: one for all entries (every kind is
        # common enough to be found by walking it), one for a kind of obstacle (which implies the kind,
        # see the constraint). Partial: visible entries only, on PostgreSQL and SQLite alike.
        indexes = [
            models.Index(
                fields=_NEWEST_FIRST_COLUMNS,
                name="logentry_visible_newest",
                condition=Q(hidden_at__isnull=True),
            ),
            models.Index(
                fields=["obstacle_category", *_NEWEST_FIRST_COLUMNS],
                name="logentry_obstacle_newest",
                condition=Q(hidden_at__isnull=True),
            ),
            # An initiative's own log, on its page and its log page (views/detail.py), newest first.
            models.Index(
                fields=["initiative", *_NEWEST_FIRST_COLUMNS],
                name="logentry_initiative_newest",
                condition=Q(hidden_at__isnull=True),
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(Q(kind=LogKind.OBSTACLE) & ~Q(obstacle_category=""))
                | (~Q(kind=LogKind.OBSTACLE) & Q(obstacle_category="")),
                name="log_entry_category_only_for_obstacles",
            ),
            models.CheckConstraint(
                condition=Q(image="") | ~Q(image_alt=""), name="log_entry_image_has_alt_text"
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return self.initiative.get_absolute_url() + f"#logboek-{self.pk}"
