"""Case analyses: one initiative looked at along the concepts of its flywheel, by an analysis group."""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.fields import LongTextField, MarkdownHTMLField, SingleLineField
from core.models import TimeStampedModel
from initiatives.choices import Origin
from initiatives.choices import PublicationState as InitiativeState
from knowledgebase.permissions import analyses_visible_to

from .articles import PublicationState, PublishedQuerySet


class CaseAnalysisQuerySet(PublishedQuerySet):
    def of_published_initiatives(self):
        """An analysis is public only while its initiative is."""
        return self.filter(initiative__publication_state=InitiativeState.PUBLISHED)

    def published(self):
        return super().published().of_published_initiatives()

    def visible_to(self, user):
        return analyses_visible_to(user, self)


class CaseAnalysis(TimeStampedModel):
    initiative = models.ForeignKey(
        "initiatives.Initiative",
        verbose_name=_("initiative"),
        on_delete=models.CASCADE,
        related_name="analyses",
    )
    title = SingleLineField(_("title"), max_length=160)
    slug = models.SlugField(_("web address"), max_length=180, unique=True)
    summary = LongTextField(_("summary"), max_length=1000)
    lessons = LongTextField(
        _("lessons"),
        blank=True,
        max_length=10000,
        help_text=_("What others can learn from this case. Markdown."),
    )
    working_elements = LongTextField(
        _("working elements"),
        blank=True,
        max_length=10000,
        help_text=_("What made the collaboration work and can be used again. Markdown."),
    )
    lessons_html = MarkdownHTMLField(source="lessons")
    working_elements_html = MarkdownHTMLField(source="working_elements")
    contributors = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("contributors with an account"),
        blank=True,
        related_name="case_analyses",
    )
    other_contributors = LongTextField(
        _("other contributors"),
        blank=True,
        max_length=2000,
        help_text=_(
            "Names (and roles) of people in the analysis group, one per line, e.g. “Ria, dorpsraad”."
        ),
    )
    state = models.CharField(
        _("publication state"),
        max_length=20,
        choices=PublicationState.choices,
        default=PublicationState.DRAFT,
        db_index=True,
    )
    published_at = models.DateTimeField(_("publication date"), null=True, blank=True)
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="case_analyses_written",
    )
    search_document = models.TextField(blank=True, editable=False)
    search_vector = SearchVectorField(null=True, editable=False)

    objects = CaseAnalysisQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-created_at"]
        verbose_name = _("case analysis")
        verbose_name_plural = _("case analyses")
        constraints = [
            models.CheckConstraint(
                condition=~Q(state=PublicationState.PUBLISHED) | Q(published_at__isnull=False),
                name="case_analysis_published_has_date",
                violation_error_message=_("A published analysis needs a publication date."),
            ),
        ]
        indexes = [
            # The newest published analyses first: the analyses' list and the findings on a concept's
            # page (ConceptFindingQuerySet.newest_first), read in this order instead of sorted.
            models.Index(
                fields=["-published_at", "-id"],
                name="analysis_published_newest",
                condition=Q(state=PublicationState.PUBLISHED),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("knowledgebase:analysis_detail", kwargs={"slug": self.slug})

    @property
    def is_published(self):
        return (
            self.state == PublicationState.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
            and self.initiative.is_published
        )

    @property
    def flywheel_slug(self):
        """The flywheel follows the initiative's origin."""
        return Origin(self.initiative.origin).flywheel_slug

    @property
    def other_contributor_list(self):
        return [line.strip() for line in self.other_contributors.splitlines() if line.strip()]


class ConceptFindingQuerySet(models.QuerySet):
    def published(self):
        """The findings of published analyses (CaseAnalysisQuerySet.published), as joins: so a page of the
        newest can walk the analyses by their publication date instead of sorting every finding."""
        return self.filter(
            analysis__state=PublicationState.PUBLISHED,
            analysis__published_at__lte=timezone.now(),
            analysis__initiative__publication_state=InitiativeState.PUBLISHED,
        )

    def with_content(self):
        """Not all four texts empty (`has_content`)."""
        return self.exclude(happened="", helped="", hindered="", lessons="")

    def with_lessons(self):
        return self.exclude(lessons="")

    def newest_first(self):
        return self.order_by("-analysis__published_at", "-analysis_id", "-pk")

    def counts(self):
        """{"findings": n, "lessons": n}: how many have content and how many a lesson, in one query."""
        return self.aggregate(
            findings=models.Count("pk", filter=~Q(happened="", helped="", hindered="", lessons="")),
            lessons=models.Count("pk", filter=~Q(lessons="")),
        )


class ConceptFinding(models.Model):
    """What the analysis group found for one concept: what happened, what helped, what hindered, the lesson."""

    analysis = models.ForeignKey(CaseAnalysis, on_delete=models.CASCADE, related_name="findings")
    concept = models.ForeignKey(
        "flywheels.Concept", verbose_name=_("concept"), on_delete=models.PROTECT, related_name="findings"
    )
    happened = LongTextField(_("what happened"), blank=True, max_length=3000)
    helped = LongTextField(_("what helped"), blank=True, max_length=3000)
    hindered = LongTextField(_("what hindered"), blank=True, max_length=3000)
    lessons = LongTextField(_("lesson"), blank=True, max_length=3000)

    objects = ConceptFindingQuerySet.as_manager()

    class Meta:
        ordering = ["concept__flywheel__order", "concept__order"]
        verbose_name = _("finding per concept")
        verbose_name_plural = _("findings per concept")
        constraints = [
            models.UniqueConstraint(
                fields=["analysis", "concept"],
                name="finding_once_per_concept",
                violation_error_message=_("Each concept can have one finding per analysis."),
            ),
        ]

    def __str__(self):
        return f"{self.analysis}: {self.concept}"

    @property
    def has_content(self):
        return any([self.happened, self.helped, self.hindered, self.lessons])
