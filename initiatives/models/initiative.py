"""The initiative itself: what it is about, where it stands, and how it is read (its queryset)."""

from functools import cached_property

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import TaggedItem

from core.fields import LongTextField, MarkdownHTMLField, SingleLineField
from core.models import HiddenCause, TimeStampedModel
from core.search import search_filter

from ..choices import GovernmentRole, Origin, ParticipationStep, PublicationState, Stage

PUBLISHED = Q(publication_state=PublicationState.PUBLISHED)


class InitiativeQuerySet(models.QuerySet):
    def published(self):
        return self.filter(PUBLISHED)

    def visible_to(self, user):
        """What `user` may read (initiatives.permissions.initiatives_visible_to)."""
        from ..permissions import initiatives_visible_to  # the permissions are built on these models

        visible = initiatives_visible_to(user)
        return self.all() if visible is None else self.filter(visible)

    def for_cards(self):
        """Everything a list card shows, in a fixed number of queries: the village or district joined,
        and not the search text and vector (the whole log of a busy initiative), which no list shows."""
        return self.select_related("area").defer("search_document", "search_vector")

    def in_role(self, role):
        """The municipality's role in a society initiative (GovernmentRole) or the residents' step in a
        municipal plan (ParticipationStep): one list of values, as the list's filter offers them."""
        if role in GovernmentRole.values:
            return self.filter(government_role=role)
        return self.filter(participation_step=role)

    def with_theme(self, slug):
        """The initiatives that carry the theme `slug`: one look in the themes of each, so a page walks
        the index of its order until it has 12 (a join would first gather all that carry it)."""
        carried = TaggedItem.objects.filter(
            # The id itself (Django keeps it after the first look): a join on the app and model names
            # leaves the planner guessing how many rows a theme has, and it gathers them all.
            content_type=ContentType.objects.get_for_model(self.model),
            object_id=OuterRef("pk"),
            tag__slug=slug,
        )
        return self.filter(Exists(carried))

    def search(self, text):
        """Full-text search (core.search): Dutch stemming and ranking on PostgreSQL, words on SQLite."""
        return search_filter(self, text)

    def with_part_counts(self):
        """How many visible log entries and comments, and how many named supporters (in all and from the
        initiative's own village or district) each initiative has: what its page shows beside the newest
        of each. Subqueries in the same SELECT, each served by an index on the part's initiative."""
        from .log import LogEntry  # the parts are built on this model
        from .participation import Comment, Support

        named = Support.objects.named().filter(initiative=OuterRef("pk"))
        return self.annotate(
            visible_log_entry_count=_count(LogEntry.objects.visible().filter(initiative=OuterRef("pk"))),
            visible_comment_count=_count(Comment.objects.visible().filter(initiative=OuterRef("pk"))),
            named_support_count=_count(named),
            local_named_support_count=_count(named.filter(user__area_id=OuterRef("area_id"))),
        )

    def waiting_for_first_response(self):
        """Published initiatives the municipality has not responded to yet, oldest first."""
        return (
            self.published()
            .filter(first_response_at__isnull=True)
            .select_related("area", "contact_person")
            .order_by("published_at", "pk")
        )


def _count(queryset):
    """The number of rows of `queryset` (filtered on an OuterRef) as a subquery: 0 when there are none."""
    counted = queryset.order_by().values("initiative").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=models.IntegerField()), 0)


class InitiativePartQuerySet(models.QuerySet):
    """What belongs to one initiative: its log entries, help requests, responses and comments."""

    def visible_to(self, user):
        """What `user` may read (initiatives.permissions.initiative_parts_visible_to)."""
        from ..permissions import initiative_parts_visible_to  # the permissions are built on these models

        visible = initiative_parts_visible_to(user, self.model)
        return self.all() if visible is None else self.filter(visible)


class Initiative(TimeStampedModel):
    title = SingleLineField(_("title"), max_length=120)
    slug = models.SlugField(_("web address"), max_length=140, unique=True)
    summary = SingleLineField(
        _("summary"), max_length=300, help_text=_("One or two sentences: what is the initiative about?")
    )
    story = LongTextField(
        _("story"),
        max_length=20000,
        help_text=_("How it started, what you want to achieve and who is involved. You can use Markdown."),
    )
    story_html = MarkdownHTMLField(source="story")
    origin = models.CharField(_("origin"), max_length=20, choices=Origin.choices, default=Origin.SOCIETY)
    stage = models.CharField(_("stage"), max_length=20, choices=Stage.choices, default=Stage.IDEA)
    # When the stage last changed: the council's figures count completed and stopped initiatives by it.
    stage_changed_at = models.DateTimeField(_("stage since"), default=timezone.now, editable=False)
    publication_state = models.CharField(
        _("publication state"),
        max_length=20,
        choices=PublicationState.choices,
        default=PublicationState.DRAFT,
        db_index=True,
    )
    area = models.ForeignKey(
        "places.Area",
        verbose_name=_("village or district"),
        on_delete=models.PROTECT,
        related_name="initiatives",
    )
    concepts = models.ManyToManyField(
        "flywheels.Concept",
        verbose_name=_("flywheel concepts"),
        blank=True,
        related_name="initiatives",
    )
    tags = TaggableManager(
        _("themes"), blank=True, help_text=_("Themes, separated by commas, for example: green, playing.")
    )
    cover_image = models.ImageField(_("cover photo"), upload_to="initiatives/covers/%Y/%m/", blank=True)
    cover_thumbnail = models.ImageField(upload_to="initiatives/thumbnails/%Y/%m/", blank=True, editable=False)
    cover_alt = SingleLineField(
        _("description of the photo"),
        max_length=200,
        blank=True,
        help_text=_("What can be seen in the photo, for people who cannot see it."),
    )
    links = LongTextField(
        _("links"),
        blank=True,
        max_length=2000,
        help_text=_("Optional. Web addresses of your own site or social media, one per line."),
    )
    government_role = models.CharField(
        _("role of the municipality"),
        max_length=20,
        choices=GovernmentRole.choices,
        blank=True,
        help_text=_("For an initiative from society: the step on the overheidsparticipatietrap."),
    )
    participation_step = models.CharField(
        _("participation of residents"),
        max_length=20,
        choices=ParticipationStep.choices,
        blank=True,
        help_text=_("For an initiative from the municipality: the step on the participatieladder."),
    )
    contact_person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("contact person at the municipality"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="initiatives_as_contact",
        limit_choices_to={"is_staff": True},
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registered by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="initiatives_created",
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    # Indexed with the other columns the list sorts on, for published initiatives only (Meta.indexes).
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    rejection_reason = LongTextField(_("reason for rejection"), blank=True)
    hidden_reason = LongTextField(_("reason for hiding"), blank=True)
    hidden_cause = models.CharField(
        _("hidden because"), max_length=20, choices=HiddenCause.choices, blank=True, editable=False
    )
    first_response_at = models.DateTimeField(_("first response of the municipality"), null=True, blank=True)
    last_activity_at = models.DateTimeField(_("last activity"), default=timezone.now, db_index=True)
    # How many people support it: the rows of Support, counted as they come and go (in the same
    # transaction, by services.participation and the erasure of an account), so that "most supported"
    # is a sort on an indexed column and not a count per initiative.
    support_count = models.PositiveIntegerField(_("supporters"), default=0, editable=False)
    # Kept up to date by services.initiatives.initiative_reindex: the words search looks at (title,
    # summary, story, themes, log). The vector is PostgreSQL's, GIN-indexed there (migration 0002).
    search_document = models.TextField(blank=True, editable=False)
    search_vector = SearchVectorField(null=True, editable=False)

    objects = InitiativeQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-created_at"]
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")
        constraints = [
            models.CheckConstraint(
                condition=Q(cover_image="") | ~Q(cover_alt=""),
                name="initiative_cover_has_alt_text",
            ),
            models.CheckConstraint(
                condition=(Q(origin=Origin.SOCIETY) & Q(participation_step=""))
                | (Q(origin=Origin.MUNICIPALITY) & Q(government_role="")),
                name="initiative_role_fits_origin",
            ),
            models.CheckConstraint(
                condition=~Q(publication_state=PublicationState.PUBLISHED) | Q(published_at__isnull=False),
                name="initiative_published_has_date",
            ),
        ]
        indexes = [
            # The orders of the list (initiatives.filters.ORDERINGS), column for column, of published
            # initiatives only: a page of 12 is the first 12 entries of one of these, and a count of the
            # list, of a village or district or of a stage reads only the index. (Drafts have no date
            # of publication; in an index of every row they came first in newest-first order.)
            models.Index(fields=["-published_at", "-id"], condition=PUBLISHED, name="initiative_newest_idx"),
            models.Index(
                fields=["publication_state", "-support_count", "-published_at", "-id"],
                name="initiative_most_supported_idx",
            ),
            models.Index(
                fields=["-last_activity_at", "-id"], condition=PUBLISHED, name="initiative_active_idx"
            ),
            models.Index(
                fields=["area", "-published_at", "-id"],
                condition=PUBLISHED,
                name="initiative_area_newest_idx",
            ),
            models.Index(
                fields=["stage", "-published_at", "-id"],
                condition=PUBLISHED,
                name="initiative_stage_newest_idx",
            ),
            # The count of the list filtered on origin or role (with any village or stage) from the index
            # alone, not from every published row.
            models.Index(
                fields=["origin", "government_role", "participation_step", "stage", "area"],
                condition=PUBLISHED,
                name="initiative_kind_counts_idx",
            ),
            # The dashboard's completed and stopped initiatives per month (dashboard/figures).
            models.Index(fields=["stage", "stage_changed_at"], name="initiative_stage_changed_idx"),
            # The dashboard's response times (dashboard/figures/support.py) and its joins to "published
            # initiatives (in a village or district)": read from the index alone, not the wide table.
            models.Index(
                fields=["publication_state", "published_at"],
                include=["area", "first_response_at", "id"],
                name="initiative_dashboard_idx",
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # An initiative read before someone supported it must not write its old count back when it is
        # saved whole (an edit, a response): only the support services change `support_count`.
        if not self._state.adding and kwargs.get("update_fields") is None and not kwargs.get("force_insert"):
            kwargs["update_fields"] = [
                field.name
                for field in self._meta.concrete_fields
                if not field.primary_key and field.name != "support_count"
            ]
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("initiatives:initiative_detail", kwargs={"slug": self.slug})

    @property
    def is_published(self):
        return self.publication_state == PublicationState.PUBLISHED

    @property
    def is_draft(self):
        return self.publication_state == PublicationState.DRAFT

    @property
    def is_submitted(self):
        return self.publication_state == PublicationState.SUBMITTED

    @property
    def is_rejected(self):
        return self.publication_state == PublicationState.REJECTED

    @property
    def is_hidden(self):
        return self.publication_state == PublicationState.HIDDEN

    @property
    def municipality_role(self):
        """The ladder step that fits the origin, as (label of the ladder, label of the step) or None."""
        if self.origin == Origin.SOCIETY and self.government_role:
            return _("Role of the municipality"), self.get_government_role_display()
        if self.origin == Origin.MUNICIPALITY and self.participation_step:
            return _("Participation of residents"), self.get_participation_step_display()
        return None

    @property
    def link_list(self):
        return [line.strip() for line in self.links.splitlines() if line.strip()]

    @property
    def response_time(self):
        if self.published_at and self.first_response_at:
            return self.first_response_at - self.published_at
        return None

    @property
    def last_responder(self):
        """The civil servant who last responded on behalf of the municipality (None when nobody has, or
        their account is gone): until a contact is named, the one to turn to. Read from the responses
        the page prefetched."""
        authors = [response.author for response in self.municipal_responses.all() if response.author_id]
        return authors[-1] if authors else None

    @cached_property
    def team_user_ids(self):
        """The ids of the team members; asked by every permission check, so fetched once per object."""
        return set(self.memberships.values_list("user_id", flat=True))

    @property
    def has_team(self):
        """Whether anyone is left in the team: after its last member deleted their account, a published
        initiative stays without one, and nobody can answer offers of help."""
        return bool(self.team_user_ids)
