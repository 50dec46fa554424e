"""The dashboard's own table: counts per month, kept up to date on every write (dashboard/monthly.py), so
that a figure over eight years sums a few thousand small rows instead of counting a million raw ones."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Measure(models.TextChoices):
    """What a row counts, and by which date; `category` says of what kind (see dashboard/monthly.py)."""

    CREATED = "created", _("initiatives registered")  # by created_at
    PUBLISHED = "published", _("initiatives published")  # by published_at; category: current stage
    ROLE = "role", _("role of the municipality")  # by published_at; category: role or step ("": none)
    STAGE_CHANGED = "stage", _("stage changed")  # by stage_changed_at; category: current stage
    LOG = "log", _("log entries")  # by happened_on; category: kind
    OBSTACLE = "obstacle", _("obstacles")  # by happened_on; category: kind of obstacle
    SUPPORT = "support", _("supporters")  # by created_at
    REQUEST = "request", _("help requests")  # by created_at; category: open or fulfilled
    OFFER = "offer", _("offers of help")  # by created_at


class MonthlyCount(models.Model):
    """How many of `measure` there are in one month (by the measure's date, in the municipality's time
    zone), of published initiatives in one village or district and of one origin. Only the published
    content the figures count is counted; hidden log entries are not."""

    measure = models.CharField(max_length=20, choices=Measure.choices)
    month = models.DateField()  # its first day
    area = models.ForeignKey("places.Area", on_delete=models.CASCADE, related_name="+")
    origin = models.CharField(max_length=20)
    category = models.CharField(max_length=40, blank=True)
    n = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["measure", "month", "area", "origin", "category"], name="monthly_count_once"
            ),
        ]

    def __str__(self):
        return f"{self.measure} {self.month:%Y-%m} {self.area_id} {self.origin} {self.category}: {self.n}"
