"""Articles of the knowledge base: local examples, tips, work forms, formats and background."""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.db.models.fields.files import FieldFile
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager

from core.documents import document_kind, document_storage
from core.fields import LongTextField, MarkdownHTMLField, SingleLineField
from core.models import Hideable, TimeStampedModel
from core.search import search_filter
from knowledgebase.permissions import articles_visible_to


class ArticleFieldFile(FieldFile):
    """An article's file has no address of its own (core.documents): its `url` is the download page,
    which checks publication first. The management site links there too."""

    @property
    def url(self):
        self._require_file()
        return reverse("knowledgebase:article_download", kwargs={"slug": self.instance.slug})


class ArticleFileField(models.FileField):
    attr_class = ArticleFieldFile


class ArticleKind(models.TextChoices):
    EXAMPLE = "example", _("local example")
    TIP = "tip", _("tip")
    WORK_FORM = "work_form", _("work form")
    FORMAT = "format", _("format or template")
    BACKGROUND = "background", _("background")


class PublicationState(models.TextChoices):
    """Articles and case analyses: a draft for the editors, or published from its publication date."""

    DRAFT = "draft", _("draft")
    PUBLISHED = "published", _("published")


class PublishedQuerySet(models.QuerySet):
    """What articles and analyses share: published from their date on (who reads the rest is in
    knowledgebase.permissions)."""

    def published(self):
        return self.filter(state=PublicationState.PUBLISHED, published_at__lte=timezone.now())

    def search(self, text):
        return search_filter(self, text)


class ArticleQuerySet(PublishedQuerySet):
    def published(self):
        return super().published().filter(hidden_at__isnull=True)

    def visible_to(self, user):
        return articles_visible_to(user, self)

    def for_cards(self):
        return self.select_related("area")

    def featured(self):
        return self.filter(is_featured=True)

    def with_concept(self, concept):
        return self.filter(concepts=concept)

    def in_flywheel(self, flywheel_slug):
        """Tagged with any concept of the flywheel; each article once, without DISTINCT."""
        tagged = Article.concepts.through.objects.filter(
            article=OuterRef("pk"), concept__flywheel__slug=flywheel_slug
        )
        return self.filter(Exists(tagged))


class Article(Hideable, TimeStampedModel):
    kind = models.CharField(
        _("kind"), max_length=20, choices=ArticleKind.choices, default=ArticleKind.EXAMPLE
    )
    title = SingleLineField(_("title"), max_length=120)
    slug = models.SlugField(_("web address"), max_length=140, unique=True)
    summary = SingleLineField(
        _("summary"), max_length=300, help_text=_("One or two sentences, shown in lists and search results.")
    )
    body = LongTextField(_("text"), max_length=30000, help_text=_("You can use Markdown."))
    body_html = MarkdownHTMLField(source="body")
    cover_image = models.ImageField(_("cover photo"), upload_to="articles/covers/%Y/%m/", blank=True)
    cover_thumbnail = models.ImageField(upload_to="articles/thumbnails/%Y/%m/", blank=True, editable=False)
    cover_alt = SingleLineField(
        _("description of the photo"),
        max_length=200,
        blank=True,
        help_text=_("What can be seen in the photo, for people who cannot see it. Needed with a photo."),
    )
    concepts = models.ManyToManyField(
        "flywheels.Concept", verbose_name=_("flywheel concepts"), blank=True, related_name="articles"
    )
    tags = TaggableManager(_("themes"), blank=True, help_text=_("Themes, separated by commas."))
    area = models.ForeignKey(
        "places.Area",
        verbose_name=_("village or district"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
    )
    place = SingleLineField(
        _("other place"),
        max_length=120,
        blank=True,
        help_text=_("Where it happened, when not in a village or district of Doetinchem (e.g. Aa en Hunze)."),
    )
    source_url = models.URLField(
        _("source"), max_length=500, blank=True, help_text=_("A link to the source.")
    )
    initiative = models.ForeignKey(
        "initiatives.Initiative",
        verbose_name=_("initiative it describes"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
    )
    attachment = ArticleFileField(
        _("file to download"),
        upload_to="articles/",
        storage=document_storage,
        blank=True,
        help_text=_("A format, template or work form as PDF, ODT or DOCX, at most 10 MB."),
    )
    state = models.CharField(
        _("publication state"),
        max_length=20,
        choices=PublicationState.choices,
        default=PublicationState.DRAFT,
        db_index=True,
    )
    published_at = models.DateTimeField(
        _("publication date"), null=True, blank=True, help_text=_("Shown from this moment on.")
    )
    is_featured = models.BooleanField(
        _("featured"),
        default=False,
        help_text=_("Shown on the home page and at the top of the knowledge base."),
    )
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles_written",
    )
    suggested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("suggested by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles_suggested",
        help_text=_("The resident who suggested this example on the site."),
    )
    # Kept up to date by services.articles.article_reindex (see core.search); GIN-indexed on PostgreSQL.
    search_document = models.TextField(blank=True, editable=False)
    search_vector = SearchVectorField(null=True, editable=False)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-created_at"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        constraints = [
            models.CheckConstraint(
                condition=Q(cover_image="") | ~Q(cover_alt=""),
                name="article_cover_has_alt_text",
                violation_error_message=_("A photo needs a description of what can be seen on it."),
            ),
            models.CheckConstraint(
                condition=~Q(state=PublicationState.PUBLISHED) | Q(published_at__isnull=False),
                name="article_published_has_date",
                violation_error_message=_("A published article needs a publication date."),
            ),
        ]
        indexes = [models.Index(fields=["state", "-published_at"], name="article_listing_idx")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("knowledgebase:article_detail", kwargs={"slug": self.slug})

    @property
    def is_published(self):
        return (
            self.state == PublicationState.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
            and not self.is_hidden
        )

    @property
    def attachment_kind(self):
        return document_kind(self.attachment.name) if self.attachment else ""

    @property
    def place_name(self):
        return self.area.name if self.area_id else self.place
