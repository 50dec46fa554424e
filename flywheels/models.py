"""The two flywheels and their ordered concepts: reference data that staff edit (data/flywheels.yaml).

Initiatives and the knowledge base both build on them; the concept pages themselves are the knowledge
base's (hence the address names below)."""

from django.db import models
from django.db.models import Prefetch
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.fields import LongTextField, SingleLineField
from core.models import TranslatedLabelMixin


class Status(models.TextChoices):
    """Whether a flywheel or concept is agreed upon, or still a proposal (see flywheels.yaml)."""

    PROPOSED = "proposed", _("proposed")
    CONFIRMED = "confirmed", _("confirmed")


class FlywheelQuerySet(models.QuerySet):
    def with_concepts(self):
        return self.prefetch_related(
            Prefetch("concepts", queryset=Concept.objects.filter(is_active=True).order_by("order"))
        )


class Flywheel(TranslatedLabelMixin, models.Model):
    slug = models.SlugField(_("slug"), unique=True)
    label_nl = SingleLineField(_("name (Dutch)"), max_length=120)
    label_en = SingleLineField(_("name (English)"), max_length=120, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PROPOSED)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = FlywheelQuerySet.as_manager()

    class Meta:
        ordering = ["order", "slug"]
        verbose_name = _("flywheel")
        verbose_name_plural = _("flywheels")

    def __str__(self):
        return self.label_nl

    def get_absolute_url(self):
        return reverse("knowledgebase:index") + f"#flywheel-{self.slug}"


class ConceptQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class Concept(TranslatedLabelMixin, models.Model):
    flywheel = models.ForeignKey(
        Flywheel, verbose_name=_("flywheel"), on_delete=models.PROTECT, related_name="concepts"
    )
    slug = models.SlugField(_("slug"), unique=True)
    order = models.PositiveSmallIntegerField(_("order"), help_text=_("Position on the flywheel, from 1."))
    label_nl = SingleLineField(_("name (Dutch)"), max_length=120)
    label_en = SingleLineField(_("name (English)"), max_length=120, blank=True)
    # The labels are policy language to most people: the hint says the same in a few everyday words, and
    # shows beside the label wherever one appears (lists, filters, tags, the concept's own page).
    hint_nl = SingleLineField(
        _("in plain words (Dutch)"),
        max_length=80,
        blank=True,
        help_text=_(
            "A few everyday words shown beside the name everywhere, for people who do not know the term. "
            "For example: “The neighbourhood backs the plan”."
        ),
    )
    hint_en = SingleLineField(_("in plain words (English)"), max_length=80, blank=True)
    description_nl = LongTextField(_("meaning (Dutch)"), blank=True)
    description_en = LongTextField(_("meaning (English)"), blank=True)
    basis = SingleLineField(
        _("basis"),
        max_length=200,
        blank=True,
        help_text=_(
            "The published models this concept rests on, as codes from flywheels.yaml (e.g. S5, S6)."
        ),
    )
    questions_nl = LongTextField(
        _("guiding questions (Dutch)"),
        blank=True,
        help_text=_("Questions to ask yourself about an initiative, one per line."),
    )
    questions_en = LongTextField(_("guiding questions (English)"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PROPOSED)
    is_active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("Retired concepts stay on earlier analyses but are not offered."),
    )

    objects = ConceptQuerySet.as_manager()

    class Meta:
        ordering = ["flywheel__order", "order"]
        verbose_name = _("concept")
        verbose_name_plural = _("concepts")
        constraints = [
            models.UniqueConstraint(fields=["flywheel", "order"], name="concept_unique_order_per_flywheel"),
        ]

    def __str__(self):
        return self.label_nl

    def get_absolute_url(self):
        return reverse("knowledgebase:concept_detail", kwargs={"slug": self.slug})

    @property
    def hint(self):
        return self._in_language("hint")

    @property
    def label_with_hint(self):
        """The label with its hint, for where only one line of text fits (a filter's options, a checkbox)."""
        return f"{self.label} ({self.hint})" if self.hint else self.label

    @property
    def description(self):
        return self._in_language("description")

    @property
    def questions(self):
        return [line.strip() for line in self._in_language("questions").splitlines() if line.strip()]

    @property
    def is_proposed(self):
        return self.status == Status.PROPOSED


def flywheel_choices():
    """The flywheels as (slug, label): the options of a filter on flywheel."""
    return [(flywheel.slug, flywheel.label) for flywheel in Flywheel.objects.all()]


def concept_choices():
    """The active concepts as (slug, label with its hint), grouped per flywheel in the flywheels' order: the options of a
    filter on concept."""
    groups = {}
    for concept in Concept.objects.active().select_related("flywheel").order_by("flywheel__order", "order"):
        groups.setdefault(concept.flywheel.label, []).append((concept.slug, concept.label_with_hint))
    return list(groups.items())
