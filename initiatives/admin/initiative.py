"""An initiative in the management site: moderators assign the contact person, the municipality's role,
stage, place, concepts and themes, respond on behalf of the municipality, and publish, reject or hide
(publication.py). Every write goes through a service."""

from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import Case, F, IntegerField, Value, When
from django.forms import BaseInlineFormSet, ModelChoiceField
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .. import permissions
from ..choices import Origin, PublicationState
from ..models import Initiative, MunicipalResponse, TeamMembership
from ..services import municipality, search
from .publication import PublicationWorkflow

# More buttons on an initiative's page, from apps built on initiatives (the knowledge base's "Analyse
# this initiative"): each a function (request, initiative) -> {"url", "label"} or None.
_TOOLS = []


def register_initiative_tool(make) -> None:
    if make not in _TOOLS:
        _TOOLS.append(make)


class StaffChoiceField(ModelChoiceField):
    """Civil servants by name and role, so the moderator picks the right "Anne"."""

    def label_from_instance(self, user):
        return municipality.speaker_label(user)


class TeamMembershipInline(admin.TabularInline):
    """The team, to see who to contact. Changed by the team itself on the site, never here."""

    model = TeamMembership
    fields = ["user", "email", "role", "created_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    @admin.display(description=_("email address"))
    def email(self, membership):
        return membership.user.email

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("user")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class MunicipalResponseFormSet(BaseInlineFormSet):
    def clean(self):
        super().clean()
        adds_one = any(
            form.instance.pk is None and form.has_changed() and not self._should_delete_form(form)
            for form in self.forms
        )
        if adds_one and not self.instance.is_published:
            raise ValidationError(_("The municipality can only respond to a published initiative."))


class MunicipalResponseInline(admin.StackedInline):
    """Responses on behalf of the municipality. A new one is saved through `municipal_response_create`
    (see InitiativeAdmin.save_formset): its author is whoever saves it, the first one sets
    `first_response_at`, and followers are told."""

    model = MunicipalResponse
    formset = MunicipalResponseFormSet
    fields = ["body", "author_with_role", "created_at"]
    readonly_fields = ["author_with_role", "created_at"]
    extra = 1

    @admin.display(description=_("civil servant"))
    def author_with_role(self, response):
        if response.pk is None:
            return _("you, when you save")
        return municipality.speaker_label(response.author) if response.author else "-"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("author")

    def has_add_permission(self, request, obj=None):
        return (
            obj is not None
            and obj.is_published
            and permissions.can_respond_for_municipality(request.user)
            and super().has_add_permission(request, obj)
        )


# Submitted initiatives first (the oldest submission on top: it has waited longest), then the rest.
WAITING_FOR_REVIEW_FIRST = [
    Case(
        When(publication_state=PublicationState.SUBMITTED, then=Value(0)),
        default=Value(1),
        output_field=IntegerField(),
    ).asc(),
    Case(When(publication_state=PublicationState.SUBMITTED, then=F("submitted_at"))).asc(),
    "-created_at",
]


@admin.register(Initiative)
class InitiativeAdmin(PublicationWorkflow, admin.ModelAdmin):
    list_display = [
        "title",
        "area",
        "origin",
        "stage",
        "publication_state",
        "submitted_at",
        "published_at",
        "first_response_at",
        "contact_person",
    ]
    list_filter = ["publication_state", "origin", "stage", "area"]
    list_select_related = ["area", "contact_person"]
    search_fields = ["title", "summary", "slug", "created_by__display_name", "created_by__email"]
    ordering = WAITING_FOR_REVIEW_FIRST
    date_hierarchy = "created_at"
    filter_horizontal = ["concepts"]
    inlines = [TeamMembershipInline, MunicipalResponseInline]
    readonly_fields = [
        "publication_state",
        "submitted_at",
        "published_at",
        "rejection_reason",
        "first_response_at",
        "response_time",
        "title",
        "slug",
        "summary",
        "story",
        "origin",
        "cover_image",
        "cover_alt",
        "links",
        "created_by",
        "created_at",
        "log_link",
    ]

    # --- the form ---

    def get_fieldsets(self, request, obj=None):
        # Only the ladder that fits the origin: the other one must stay empty (a database constraint).
        if obj is not None and obj.origin == Origin.MUNICIPALITY:
            role_field = "participation_step"
        else:
            role_field = "government_role"
        return [
            (
                _("Moderation"),
                {
                    "fields": [
                        "publication_state",
                        "submitted_at",
                        "published_at",
                        "rejection_reason",
                        "first_response_at",
                        "response_time",
                    ]
                },
            ),
            (
                _("The municipality"),
                {"fields": ["contact_person", role_field, "stage", "area", "concepts", "tags"]},
            ),
            (
                _("Written by the team"),
                {
                    "fields": [
                        "title",
                        "slug",
                        "summary",
                        "story",
                        "origin",
                        "cover_image",
                        "cover_alt",
                        "links",
                        "created_by",
                        "created_at",
                        "log_link",
                    ]
                },
            ),
        ]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "contact_person":
            kwargs["queryset"] = get_user_model().objects.filter(is_staff=True, is_active=True)
            kwargs["form_class"] = StaffChoiceField
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    @admin.display(description=_("time to the first response"))
    def response_time(self, initiative):
        elapsed = initiative.response_time
        if elapsed is None:
            return "-"
        days = elapsed.days
        return ngettext("%(days)d day", "%(days)d days", days) % {"days": days}

    @admin.display(description=_("log"))
    def log_link(self, initiative):
        count = initiative.log_entries.count()
        url = reverse("admin:initiatives_logentry_changelist") + f"?initiative__id__exact={initiative.pk}"
        label = ngettext("%(count)d log entry", "%(count)d log entries", count) % {"count": count}
        return format_html('<a href="{}">{}</a>', url, label)

    def get_queryset(self, request):
        # The list, each page, search and the autocomplete of other forms: only what the person may see
        # (initiatives.permissions); another initiative's address answers as one that does not exist.
        return (
            super()
            .get_queryset(request)
            .visible_to(request.user)
            .select_related("area", "contact_person", "created_by")
        )

    def has_add_permission(self, request):
        return False  # residents register initiatives on the site, with their team

    def save_model(self, request, obj, form, change):
        municipality.initiative_staff_update(initiative=obj, by=request.user, changed=form.changed_data)

    def save_formset(self, request, form, formset, change):
        if formset.model is not MunicipalResponse:
            return super().save_formset(request, form, formset, change)
        instances = formset.save(commit=False)
        for response in formset.deleted_objects:
            municipality.municipal_response_delete(response=response, by=request.user)
        created = []
        for response in instances:
            if response.pk is None:
                created.append(
                    municipality.municipal_response_create(
                        initiative=form.instance, author=request.user, body=response.body
                    )
                )
            else:
                municipality.municipal_response_update(response=response, by=request.user, body=response.body)
        formset.new_objects = created
        return None

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        search.initiative_reindex(initiative=form.instance)  # the themes may have changed

    def change_view(self, request, object_id, form_url="", extra_context=None):
        initiative = self.get_object(request, unquote(object_id))
        tools = []
        if initiative is not None:
            tools = self.decision_tools(request, initiative)
            tools += [tool for make in _TOOLS if (tool := make(request, initiative)) is not None]
        extra_context = {**(extra_context or {}), "moderation_tools": tools}
        return super().change_view(request, object_id, form_url, extra_context)
