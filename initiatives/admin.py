"""The management site for initiatives: moderators publish, reject and hide, assign a contact person and
respond on behalf of the municipality. Every one of those goes through services/moderation.py.

Not registered, on purpose:
- HelpOffer: an offer of help is a private message between a resident and a team. Staff have no
  business reading it, so it is not in the management site at all (only the database administrator
  can see it).
- Support, Follow, Notification: who supports or follows what is personal data that moderation does
  not need; counts are on the initiative's page.
- TeamInvitation: handled by the team on the site.
"""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Case, F, IntegerField, Value, When
from django.forms import BaseInlineFormSet, ModelChoiceField
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from moderation import services as moderation

from . import permissions
from .choices import Origin, PublicationState
from .forms.municipality import HideForm, RejectForm
from .models import Comment, HelpRequest, Initiative, LogEntry, MunicipalResponse, TeamMembership
from .services.moderation import (
    HIDEABLE_STATES,
    PUBLISHABLE_STATES,
    REJECTABLE_STATES,
    contact_person_assign,
    municipal_response_create,
    speaker_label,
)
from .services.search import initiative_reindex

MODERATION_TEMPLATE = "admin/initiatives/initiative/moderate.html"


class StaffChoiceField(ModelChoiceField):
    """Civil servants by name and role, so the moderator picks the right "Anne"."""

    def label_from_instance(self, user):
        return speaker_label(user)


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
        return speaker_label(response.author) if response.author else "-"

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
class InitiativeAdmin(admin.ModelAdmin):
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
    actions = ["publish_selected", "reject_selected", "hide_selected"]
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
        return super().get_queryset(request).select_related("area", "contact_person", "created_by")

    def has_add_permission(self, request):
        return False  # residents register initiatives on the site, with their team

    def has_moderate_permission(self, request):
        return permissions.is_moderator(request.user)

    def save_model(self, request, obj, form, change):
        if "stage" in form.changed_data:
            obj.stage_changed_at = timezone.now()
        super().save_model(request, obj, form, change)
        if "contact_person" in form.changed_data:
            contact_person_assign(initiative=obj, contact=obj.contact_person, by=request.user)

    def save_formset(self, request, form, formset, change):
        if formset.model is not MunicipalResponse:
            return super().save_formset(request, form, formset, change)
        instances = formset.save(commit=False)
        for response in formset.deleted_objects:
            response.delete()
        created = []
        for response in instances:
            if response.pk is None:
                created.append(
                    municipal_response_create(
                        initiative=form.instance, author=request.user, body=response.body
                    )
                )
            else:
                response.save()
        formset.new_objects = created
        return None

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        initiative_reindex(initiative=form.instance)  # the themes may have changed

    # --- publishing, rejecting and hiding ---

    def get_urls(self):
        def view(action):
            def moderate(request, object_id):
                return self.moderate_view(request, object_id, action)

            return self.admin_site.admin_view(moderate)

        prefix = f"{self.opts.app_label}_{self.opts.model_name}"
        return [
            *(
                path(f"<path:object_id>/{action}/", view(action), name=f"{prefix}_{action}")
                for action in ["publish", "reject", "hide"]
            ),
            *super().get_urls(),
        ]

    MODERATION = {
        "publish": {
            "states": PUBLISHABLE_STATES,
            "title": _("Publish initiative"),
            "intro": _("Everyone can see the initiative once it is published. The team gets an email."),
            "confirm": _("Yes, publish"),
            "done": _("The initiative “%(title)s” is published. The team has been emailed."),
            "wrong_state": _("Only an initiative that was submitted for review or hidden can be published."),
        },
        "reject": {
            "states": REJECTABLE_STATES,
            "title": _("Reject initiative"),
            "intro": _(
                "The team gets an email with your reason. They can change the initiative and submit it again."
            ),
            "confirm": _("Reject and email the team"),
            "done": _("The initiative “%(title)s” is rejected. The team has been emailed the reason."),
            "wrong_state": _("Only an initiative that was submitted for review can be rejected."),
        },
        "hide": {
            "states": HIDEABLE_STATES,
            "title": _("Hide initiative"),
            "intro": _(
                "A hidden initiative is no longer on the site. Its team still sees it but cannot change it. "
                "The team gets an email with your reason and may ask another moderator to look again. You "
                "can publish it again later."
            ),
            "confirm": _("Hide and email the team"),
            "done": _("The initiative “%(title)s” is hidden. The team has been emailed the reason."),
            "wrong_state": _("Only a published initiative can be hidden."),
        },
    }

    def moderate_view(self, request, object_id, action):
        """The "Publish", "Reject" and "Hide" buttons of one initiative: a page to confirm (and for a
        rejection, to give the reason), then the service."""
        initiative = self.get_object(request, unquote(object_id))
        if initiative is None:
            raise Http404
        if not self.has_moderate_permission(request):
            raise PermissionDenied
        spec = self.MODERATION[action]
        change_url = reverse("admin:initiatives_initiative_change", args=[initiative.pk])
        if initiative.publication_state not in spec["states"]:
            self.message_user(request, spec["wrong_state"], messages.WARNING)
            return HttpResponseRedirect(change_url)
        form_class = {"reject": RejectForm, "hide": HideForm}.get(action)
        form = form_class(request.POST or None) if form_class else None
        if request.method == "POST" and (form is None or form.is_valid()):
            reason = form.cleaned_data["reason"] if form is not None else ""
            try:
                self._moderate(request, initiative, action, reason)
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
            else:
                self.message_user(request, spec["done"] % {"title": initiative.title}, messages.SUCCESS)
            return HttpResponseRedirect(change_url)
        return self._moderation_page(
            request, action, initiatives=[initiative], form=form, cancel_url=change_url, title=spec["title"]
        )

    def _moderate(self, request, initiative, action, reason=""):
        """Through moderation's services: each decision is in the audit log, and can be appealed."""
        if action == "publish":
            moderation.initiative_publish(initiative=initiative, by=request.user)
        elif action == "reject":
            moderation.initiative_reject(initiative=initiative, by=request.user, reason=reason)
        else:
            moderation.item_hide(item=initiative, by=request.user, reason=reason)

    def _moderation_page(
        self, request, action, *, initiatives, form, cancel_url, title, skipped=(), bulk=False
    ):
        spec = self.MODERATION[action]
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": title,
            "action": action,
            "intro": spec["intro"],
            "confirm_label": spec["confirm"],
            "wrong_state": spec["wrong_state"],
            "initiatives": initiatives,
            "skipped": skipped,
            "form": form,
            "bulk": bulk,
            "action_name": f"{action}_selected",
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            "cancel_url": cancel_url,
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, MODERATION_TEMPLATE, context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        initiative = self.get_object(request, unquote(object_id))
        tools = []
        if initiative is not None and self.has_moderate_permission(request):
            for action, label in [("publish", _("Publish")), ("reject", _("Reject")), ("hide", _("Hide"))]:
                if initiative.publication_state in self.MODERATION[action]["states"]:
                    url = reverse(f"admin:initiatives_initiative_{action}", args=[initiative.pk])
                    tools.append({"url": url, "label": label})
        if initiative is not None and request.user.has_perm("knowledgebase.add_caseanalysis"):
            url = reverse("admin:knowledgebase_caseanalysis_add") + f"?initiative={initiative.pk}"
            tools.append({"url": url, "label": _("Analyse this initiative")})
        extra_context = {**(extra_context or {}), "moderation_tools": tools}
        return super().change_view(request, object_id, form_url, extra_context)

    # --- the same for several at once, from the list ---

    def _bulk(self, request, queryset, action, reason=""):
        """Apply `action` to the initiatives in a state that allows it; say which were skipped."""
        spec = self.MODERATION[action]
        done, skipped = [], []
        for initiative in queryset:
            if initiative.publication_state not in spec["states"]:
                skipped.append(initiative)
                continue
            try:
                self._moderate(request, initiative, action, reason)
            except ValidationError:
                skipped.append(initiative)
            else:
                done.append(initiative)
        return done, skipped

    def _report(self, request, action, done, skipped):
        messages_done = {
            "publish": ngettext(
                "%(count)d initiative published; the team has been emailed.",
                "%(count)d initiatives published; their teams have been emailed.",
                len(done),
            ),
            "reject": ngettext(
                "%(count)d initiative rejected; the team has been emailed the reason.",
                "%(count)d initiatives rejected; their teams have been emailed the reason.",
                len(done),
            ),
            "hide": ngettext("%(count)d initiative hidden.", "%(count)d initiatives hidden.", len(done)),
        }
        if done:
            self.message_user(request, messages_done[action] % {"count": len(done)}, messages.SUCCESS)
        if skipped:
            titles = ", ".join(f"“{initiative.title}”" for initiative in skipped)
            self.message_user(
                request,
                ngettext(
                    "Skipped %(count)d initiative: %(titles)s. %(why)s",
                    "Skipped %(count)d initiatives: %(titles)s. %(why)s",
                    len(skipped),
                )
                % {"count": len(skipped), "titles": titles, "why": self.MODERATION[action]["wrong_state"]},
                messages.WARNING,
            )

    @admin.action(description=_("Publish selected initiatives"), permissions=["moderate"])
    def publish_selected(self, request, queryset):
        self._report(request, "publish", *self._bulk(request, queryset, "publish"))

    @admin.action(description=_("Hide selected initiatives (asks for the reason)"), permissions=["moderate"])
    def hide_selected(self, request, queryset):
        return self._with_reason(request, queryset, "hide", HideForm, _("Hide initiatives"))

    @admin.action(
        description=_("Reject selected initiatives (asks for the reason)"), permissions=["moderate"]
    )
    def reject_selected(self, request, queryset):
        return self._with_reason(request, queryset, "reject", RejectForm, _("Reject initiatives"))

    def _with_reason(self, request, queryset, action, form_class, title):
        """A bulk decision the teams get a reason for: ask it on a page, then decide for each."""
        states = self.MODERATION[action]["states"]
        initiatives = list(queryset)
        possible = [i for i in initiatives if i.publication_state in states]
        skipped = [i for i in initiatives if i.publication_state not in states]
        if not possible:
            self._report(request, action, [], skipped)
            return None
        form = form_class(request.POST if "post" in request.POST else None)
        if form.is_valid():
            done, also_skipped = self._bulk(request, possible, action, form.cleaned_data["reason"])
            self._report(request, action, done, skipped + also_skipped)
            return None
        return self._moderation_page(
            request,
            action,
            initiatives=possible,
            skipped=skipped,
            form=form,
            cancel_url=reverse("admin:initiatives_initiative_changelist"),
            title=title,
            bulk=True,
        )


@admin.register(LogEntry)
class LogEntryAdmin(admin.ModelAdmin):
    list_display = ["title", "initiative", "kind", "obstacle_category", "happened_on", "author"]
    list_filter = ["kind", "obstacle_category"]
    list_select_related = ["initiative", "author"]
    search_fields = ["title", "text", "initiative__title"]
    date_hierarchy = "happened_on"
    fields = [
        "initiative",
        "author",
        "kind",
        "obstacle_category",
        "happened_on",
        "title",
        "text",
        "image",
        "image_alt",
    ]
    # The photo is checked and re-encoded when the team uploads it on the site; here it can only be seen.
    readonly_fields = ["initiative", "author", "image", "image_alt"]

    def has_add_permission(self, request):
        return False

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        initiative_reindex(initiative=obj.initiative)


@admin.register(HelpRequest)
class HelpRequestAdmin(admin.ModelAdmin):
    """To look up; the team manages its help requests, and the offers on them are private."""

    list_display = ["title", "initiative", "kind", "is_fulfilled", "created_at"]
    list_filter = ["kind", "is_fulfilled"]
    list_select_related = ["initiative"]
    search_fields = ["title", "description", "initiative__title"]
    fields = ["initiative", "kind", "title", "description", "is_fulfilled", "fulfilled_at", "created_at"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    """Moderating comments: read, correct or delete what breaks the house rules."""

    list_display = ["__str__", "initiative", "author", "created_at"]
    list_select_related = ["initiative", "author"]
    search_fields = ["body", "author__display_name", "author__email", "initiative__title"]
    date_hierarchy = "created_at"
    fields = ["initiative", "author", "body", "created_at", "updated_at"]
    readonly_fields = ["initiative", "author", "created_at", "updated_at"]

    def has_add_permission(self, request):
        return False


@admin.register(MunicipalResponse)
class MunicipalResponseAdmin(admin.ModelAdmin):
    """All responses of the municipality. New ones are added on the initiative (here in the management
    site or on the site itself), so the first-response date and the followers' emails follow."""

    list_display = ["__str__", "initiative", "author", "created_at"]
    list_select_related = ["initiative", "author"]
    search_fields = ["body", "initiative__title", "author__display_name"]
    date_hierarchy = "created_at"
    fields = ["initiative", "author", "body", "created_at", "updated_at"]
    readonly_fields = ["initiative", "author", "created_at", "updated_at"]

    def has_add_permission(self, request):
        return False
