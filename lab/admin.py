"""The samenwerkingslab in the management site: sessions (with who signed up, and the report that can go
into the knowledge base), and signals — for the ombuds; a superuser who opens one is logged."""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import services
from .models import LabSession, Registration, Signal, SignalMessage


class RegistrationInline(admin.TabularInline):
    model = Registration
    fields = ["user", "status", "requested_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("user")

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(LabSession)
class LabSessionAdmin(admin.ModelAdmin):
    list_display = ["topic", "starts_at", "place", "capacity", "is_published", "report_article"]
    list_filter = ["is_published"]
    search_fields = ["topic", "description", "place"]
    prepopulated_fields = {"slug": ["topic"]}
    date_hierarchy = "starts_at"
    readonly_fields = ["report_article"]
    inlines = [RegistrationInline]
    actions = ["publish_reports"]
    fieldsets = [
        (
            None,
            {"fields": ["topic", "slug", "description", "starts_at", "ends_at", "place", "capacity", "host"]},
        ),
        (_("Publication"), {"fields": ["is_published"]}),
        (_("Afterwards"), {"fields": ["report", "report_article"]}),
    ]

    @admin.action(description=_("Publish the report in the knowledge base"), permissions=["change"])
    def publish_reports(self, request, queryset):
        done = 0
        for session in queryset:
            try:
                services.session_report_publish(session=session, by=request.user)
            except ValidationError as error:
                self.message_user(request, f"{session.topic}: {' '.join(error.messages)}", messages.WARNING)
            else:
                done += 1
        if done:
            self.message_user(
                request,
                ngettext(
                    "%(count)d report is now in the knowledge base.",
                    "%(count)d reports are now in the knowledge base.",
                    done,
                )
                % {"count": done},
                messages.SUCCESS,
            )


class SignalMessageInline(admin.StackedInline):
    model = SignalMessage
    fields = ["created_at", "author", "from_ombuds", "body"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Signal)
class SignalAdmin(admin.ModelAdmin):
    """For the ombuds (they answer on the site, where the reporter is). Other staff have no permission; a
    superuser has, and every time one who is not an ombuds opens the list or a signal, it is logged."""

    list_display = ["title", "status", "reporter", "created_at", "closed_at"]
    list_filter = ["status"]
    list_select_related = ["reporter"]
    search_fields = ["title", "description"]
    fields = ["title", "description", "reporter", "initiative", "status", "closed_at", "created_at"]
    # Read-only here: the ombuds answer and change the status on the site, where the reporter is told.
    readonly_fields = fields
    inlines = [SignalMessageInline]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_search_results(self, request, queryset, search_term):
        # Nothing picks a signal from a list: the admin's autocomplete must not hand out titles.
        if request.resolver_match and request.resolver_match.url_name == "autocomplete":
            return queryset.none(), False
        return super().get_search_results(request, queryset, search_term)

    def _log_outsider(self, request, signal=None):
        services.signals_viewed_by_outsider(signal=signal, by=request.user)

    @staticmethod
    def _signal(object_id):
        return (
            Signal.objects.filter(pk=object_id).select_related("reporter").first()
            if str(object_id).isdigit()
            else None
        )

    def changelist_view(self, request, extra_context=None):
        response = super().changelist_view(request, extra_context)
        if getattr(response, "status_code", 200) == 200:
            self._log_outsider(request)
        return response

    def change_view(self, request, object_id, form_url="", extra_context=None):
        response = super().change_view(request, object_id, form_url, extra_context)
        signal = self._signal(object_id)
        if signal is not None and getattr(response, "status_code", 200) == 200:
            self._log_outsider(request, signal)
        return response

    def history_view(self, request, object_id, extra_context=None):
        response = super().history_view(request, object_id, extra_context)
        signal = self._signal(object_id)
        if signal is not None and getattr(response, "status_code", 200) == 200:
            self._log_outsider(request, signal)
        return response
