"""The samenwerkingslab: pop-up sessions people sign up for, and confidential signals about collaboration
troubles that only the reporter and the ombuds see."""

from django.conf import settings
from django.db import models
from django.db.models import Count, F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.fields import LongTextField, MarkdownHTMLField, SingleLineField
from core.models import TimeStampedModel
from core.text import shorten


class LabSessionQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def upcoming(self):
        return self.filter(ends_at__gte=timezone.now()).order_by("starts_at", "pk")

    def past(self):
        return self.filter(ends_at__lt=timezone.now()).order_by("-starts_at", "-pk")

    def with_counts(self):
        return self.annotate(
            registered_count=Count(
                "registrations", filter=Q(registrations__status=RegistrationStatus.REGISTERED)
            ),
            waiting_count=Count("registrations", filter=Q(registrations__status=RegistrationStatus.WAITING)),
        )


class LabSession(TimeStampedModel):
    topic = SingleLineField(_("topic"), max_length=160)
    slug = models.SlugField(_("web address"), max_length=180, unique=True)
    description = LongTextField(_("description"), max_length=5000, help_text=_("You can use Markdown."))
    description_html = MarkdownHTMLField(source="description")
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    place = SingleLineField(_("place"), max_length=200, help_text=_("Where: the name and address."))
    capacity = models.PositiveSmallIntegerField(_("places"), help_text=_("How many people can take part."))
    is_published = models.BooleanField(_("published"), default=False, help_text=_("Shown on the site."))
    host = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("host"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="lab_sessions_hosted",
    )
    report = LongTextField(
        pgettext_lazy("the write-up of a lab session", "report"),
        blank=True,
        max_length=10000,
        help_text=_("Afterwards: what was talked about and learned, in a few paragraphs. Markdown."),
    )
    report_html = MarkdownHTMLField(source="report")
    report_article = models.ForeignKey(
        "knowledgebase.Article",
        verbose_name=_("report in the knowledge base"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    objects = LabSessionQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = _("lab session")
        verbose_name_plural = _("lab sessions")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")),
                name="lab_session_ends_after_it_starts",
                violation_error_message=_("A session ends after it starts."),
            ),
            models.CheckConstraint(
                condition=Q(capacity__gte=1),
                name="lab_session_has_places",
                violation_error_message=_("A session has at least one place."),
            ),
        ]

    def __str__(self):
        return self.topic

    def get_absolute_url(self):
        return reverse("lab:session_detail", kwargs={"slug": self.slug})

    @property
    def is_past(self):
        return self.ends_at < timezone.now()


class RegistrationStatus(models.TextChoices):
    REGISTERED = "registered", _("registered")
    WAITING = "waiting", _("on the waiting list")
    CANCELLED = "cancelled", _("cancelled")


class Registration(models.Model):
    session = models.ForeignKey(LabSession, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("participant"),
        on_delete=models.CASCADE,
        related_name="lab_registrations",
    )
    status = models.CharField(_("status"), max_length=20, choices=RegistrationStatus.choices)
    created_at = models.DateTimeField(_("signed up"), auto_now_add=True)
    # The waiting list goes by this: when someone last asked for a place.
    requested_at = models.DateTimeField(_("asked for a place"), default=timezone.now)

    class Meta:
        ordering = ["requested_at", "pk"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "user"],
                name="registration_once_per_person",
                violation_error_message=_("You are already signed up."),
            ),
        ]

    def __str__(self):
        return f"{self.user} → {self.session}"

    @property
    def has_place(self):
        """Signed up with a place (not on the waiting list, not cancelled)."""
        return self.status == RegistrationStatus.REGISTERED


class SignalStatus(models.TextChoices):
    NEW = "new", _("new")
    IN_PROGRESS = "in_progress", _("in progress")
    RESOLVED = "resolved", _("resolved")
    CLOSED = "closed", _("closed")
    WITHDRAWN = "withdrawn", _("withdrawn by the reporter")


OPEN_SIGNAL_STATES = [SignalStatus.NEW, SignalStatus.IN_PROGRESS]


class Signal(TimeStampedModel):
    """A confidential report of a collaboration problem. Only its reporter and the ombuds see it."""

    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reported by"),
        on_delete=models.CASCADE,
        related_name="signals",
    )
    title = SingleLineField(_("in a few words"), max_length=160)
    description = LongTextField(_("what happened"), max_length=5000)
    initiative = models.ForeignKey(
        "initiatives.Initiative",
        verbose_name=_("about the initiative"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=SignalStatus.choices, default=SignalStatus.NEW, db_index=True
    )
    closed_at = models.DateTimeField(_("resolved or closed"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("signal")
        verbose_name_plural = _("signals")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("lab:signal_detail", kwargs={"pk": self.pk})

    @property
    def is_open(self):
        return self.status in OPEN_SIGNAL_STATES

    @property
    def is_withdrawn(self):
        return self.status == SignalStatus.WITHDRAWN


class SignalMessage(models.Model):
    signal = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("by")
    )
    from_ombuds = models.BooleanField(_("from the ombuds"), default=False)
    body = LongTextField(_("message"), max_length=5000)
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("message")
        verbose_name_plural = _("messages")

    def __str__(self):
        return shorten(self.body, 60)
