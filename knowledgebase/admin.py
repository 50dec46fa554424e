"""The management site for the knowledge base: editors write articles and pages, analysis groups write
case analyses along the concepts of the initiative's flywheel, and staff keep the concepts."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import AdminFileWidget
from django.core.validators import URLValidator
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.admin import AutocompleteFields
from core.documents import DocumentField
from core.images import PhotoField
from flywheels.models import Concept
from initiatives.admin.initiative import register_initiative_tool
from initiatives.choices import Origin
from initiatives.models import Initiative
from initiatives.permissions import can_view_initiative

from .models import Article, CaseAnalysis, ConceptFinding, Page, PublicationState
from .services import articles

PREVIEW_HELP = _(
    "Save as a draft and choose “View on site” (top right) for a preview: staff see drafts on the site, "
    "with a notice that the public cannot."
)


class PublishedAtMixin:
    """A form that is published without a date is published now: the date is what the public goes by."""

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("state") == PublicationState.PUBLISHED and not cleaned.get("published_at"):
            cleaned["published_at"] = timezone.now()
        return cleaned


class ArticleAdminForm(PublishedAtMixin, forms.ModelForm):
    cover_image = PhotoField(
        label=_("Cover photo"),
        required=False,
        widget=AdminFileWidget(attrs={"accept": PhotoField.widget.attrs["accept"]}),
        help_text=_("JPEG, PNG, WebP or GIF, at most 10 MB. Hidden data (place, camera) is removed."),
    )
    attachment = DocumentField(
        label=_("File to download"),
        required=False,
        widget=AdminFileWidget(attrs={"accept": DocumentField.widget.attrs["accept"]}),
        help_text=_("A format, template or work form as PDF, ODT or DOCX, at most 10 MB."),
    )

    source_url = forms.URLField(
        label=_("Source"),
        required=False,
        max_length=500,
        assume_scheme="https",
        validators=[URLValidator(schemes=["http", "https"])],
        help_text=_("A link to the source."),
    )

    class Meta:
        model = Article
        fields = [
            "kind",
            "title",
            "slug",
            "summary",
            "body",
            "cover_image",
            "cover_alt",
            "attachment",
            "concepts",
            "tags",
            "area",
            "place",
            "initiative",
            "source_url",
            "state",
            "published_at",
            "is_featured",
        ]


class AboutAnInitiative:
    """For articles and case analyses: the list and each page hold only what the person may read
    (knowledgebase.permissions), and the initiative it is about is chosen among those they may see."""

    def get_queryset(self, request):
        return super().get_queryset(request).visible_to(request.user)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "initiative":
            kwargs["queryset"] = Initiative.objects.visible_to(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


def _publish(modeladmin, request, queryset):
    count = articles.publication_publish(items=queryset)
    modeladmin.message_user(
        request,
        ngettext("%(count)d published.", "%(count)d published.", count) % {"count": count},
        messages.SUCCESS,
    )


@admin.register(Article)
class ArticleAdmin(AboutAnInitiative, AutocompleteFields, admin.ModelAdmin):
    form = ArticleAdminForm
    list_display = ["title", "kind", "state", "published_at", "is_featured", "area", "suggested_by"]
    list_filter = ["state", "kind", "is_featured", "concepts__flywheel", "area"]
    list_select_related = ["area", "suggested_by"]
    search_fields = ["title", "summary", "body", "slug"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["concepts"]
    autocomplete_fields = ["initiative"]
    date_hierarchy = "published_at"
    readonly_fields = ["suggested_by", "written_by", "created_at", "updated_at"]
    actions = ["publish_selected"]
    fieldsets = [
        (None, {"fields": ["kind", "title", "slug", "summary", "body"], "description": PREVIEW_HELP}),
        (_("Photo and file"), {"fields": ["cover_image", "cover_alt", "attachment"]}),
        (
            _("Tags and place"),
            {"fields": ["concepts", "tags", "area", "place", "initiative", "source_url"]},
        ),
        (
            _("Publication"),
            {"fields": ["state", "published_at", "is_featured", "written_by", "suggested_by"]},
        ),
    ]

    # An article about an initiative that is no longer public, opened by an editor, who may not see that
    # initiative: its field is left out of the form (so saving keeps it) and a line says why.

    def _keeps_initiative_away(self, request, article):
        return (
            article is not None
            and article.initiative_id is not None
            and not can_view_initiative(request.user, article.initiative)
        )

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if not self._keeps_initiative_away(request, obj):
            return fieldsets
        return [
            (
                name,
                {
                    **options,
                    "fields": [
                        "initiative_not_public" if field == "initiative" else field
                        for field in options["fields"]
                    ],
                },
            )
            for name, options in fieldsets
        ]

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if self._keeps_initiative_away(request, obj):
            readonly.append("initiative_not_public")
        return readonly

    @admin.display(description=_("initiative it describes"))
    def initiative_not_public(self, article):
        return _("An initiative that is not public now: only its team and the moderators can see it.")

    def save_model(self, request, obj, form, change):
        articles.article_save(
            article=obj,
            by=request.user,
            cover_image=(form.cleaned_data["cover_image"] or False)
            if "cover_image" in form.changed_data
            else None,
            attachment_replaced="attachment" in form.changed_data,
        )

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        articles.article_reindex(article=form.instance)  # themes and concepts are saved only now

    def delete_model(self, request, obj):
        articles.article_delete(article=obj)

    def delete_queryset(self, request, queryset):
        for article in queryset:
            articles.article_delete(article=article)

    @admin.action(description=_("Publish selected articles"), permissions=["change"])
    def publish_selected(self, request, queryset):
        _publish(self, request, queryset)


class ConceptFindingFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        initiative = getattr(self.instance, "initiative", None)
        if initiative is None:
            return
        flywheel = Origin(initiative.origin).flywheel_slug
        for form in self.forms:
            concept = form.cleaned_data.get("concept") if hasattr(form, "cleaned_data") else None
            if (
                concept is not None
                and not form.cleaned_data.get("DELETE")
                and concept.flywheel.slug != flywheel
            ):
                form.add_error(
                    "concept",
                    _(
                        "This concept belongs to the other flywheel: the initiative's origin decides the flywheel."
                    ),
                )


class ConceptFindingInline(admin.StackedInline):
    """One block per concept of the initiative's flywheel, in the wheel's order; a block left empty is
    not saved."""

    model = ConceptFinding
    formset = ConceptFindingFormSet
    fields = ["concept", "happened", "helped", "hindered", "lessons"]
    extra = 0
    widgets_rows = 3

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("concept__flywheel")

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name in {"happened", "helped", "hindered", "lessons"}:
            field.widget.attrs["rows"] = self.widgets_rows
        return field

    def get_extra(self, request, obj=None, **kwargs):
        return len(missing_concepts(request, obj))


def _initiative_for(request, analysis):
    # On the add page the analysis exists but is not saved and has no initiative yet.
    if analysis is not None and analysis.initiative_id:
        return analysis.initiative
    pk = request.GET.get("initiative", "")
    return Initiative.objects.visible_to(request.user).filter(pk=pk).first() if pk.isdigit() else None


def missing_concepts(request, analysis):
    """The active concepts of the initiative's flywheel that the analysis has no finding for yet."""
    initiative = _initiative_for(request, analysis)
    if initiative is None:
        return []
    concepts = Concept.objects.active().filter(flywheel__slug=Origin(initiative.origin).flywheel_slug)
    if analysis is not None and analysis.pk:
        concepts = concepts.exclude(findings__analysis=analysis)
    return list(concepts.order_by("order"))


class CaseAnalysisAdminForm(PublishedAtMixin, forms.ModelForm):
    class Meta:
        model = CaseAnalysis
        fields = [
            "initiative",
            "title",
            "slug",
            "summary",
            "lessons",
            "working_elements",
            "contributors",
            "other_contributors",
            "state",
            "published_at",
        ]


@admin.register(CaseAnalysis)
class CaseAnalysisAdmin(AboutAnInitiative, AutocompleteFields, admin.ModelAdmin):
    form = CaseAnalysisAdminForm
    list_display = ["title", "initiative", "state", "published_at"]
    list_filter = ["state", "initiative__origin"]
    list_select_related = ["initiative"]
    search_fields = ["title", "summary", "initiative__title"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["initiative", "contributors"]
    readonly_fields = ["written_by", "created_at", "updated_at"]
    inlines = [ConceptFindingInline]
    actions = ["publish_selected"]
    fieldsets = [
        (
            None,
            {
                "fields": ["initiative", "title", "slug", "summary"],
                "description": _(
                    "The concepts below follow the initiative's flywheel. Choose the initiative and save "
                    "(“Save and continue editing”) to get a block for each of its concepts, in order."
                ),
            },
        ),
        (_("What we learn"), {"fields": ["lessons", "working_elements"]}),
        (_("Analysis group"), {"fields": ["contributors", "other_contributors"]}),
        (_("Publication"), {"fields": ["state", "published_at", "written_by"], "description": PREVIEW_HELP}),
    ]

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        # On a POST too: a block whose concept is only the pre-filled one and whose texts are empty is
        # then unchanged, and not saved.
        if isinstance(inline, ConceptFindingInline):
            kwargs["initial"] = [{"concept": concept.pk} for concept in missing_concepts(request, obj)]
        return kwargs

    def save_model(self, request, obj, form, change):
        articles.analysis_save(analysis=obj, by=request.user)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        articles.analysis_reindex(analysis=form.instance)

    @admin.action(description=_("Publish selected analyses"), permissions=["change"])
    def publish_selected(self, request, queryset):
        _publish(self, request, queryset)


@admin.register(Page)
class PageAdmin(admin.ModelAdmin):
    """The pages are fixed (each has its address); editors change their texts."""

    list_display = ["title_nl", "slug", "updated_at"]
    readonly_fields = ["slug", "updated_at"]
    fieldsets = [
        (None, {"fields": ["slug", "updated_at"]}),
        (_("Dutch"), {"fields": ["title_nl", "description_nl", "lead_nl", "body_nl"]}),
        (_("English"), {"fields": ["title_en", "description_en", "lead_en", "body_en"]}),
    ]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


def _analyse_tool(request, initiative):
    """On an initiative's page in the management site: start a case analysis of it."""
    if not request.user.has_perm("knowledgebase.add_caseanalysis"):
        return None
    url = reverse("admin:knowledgebase_caseanalysis_add") + f"?initiative={initiative.pk}"
    return {"url": url, "label": _("Analyse this initiative")}


register_initiative_tool(_analyse_tool)
