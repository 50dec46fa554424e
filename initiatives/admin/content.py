"""What is posted on initiatives, in the management site: log entries and comments to correct or delete,
help requests to look up, and all of the municipality's responses. Every write goes through a service.

Not registered, on purpose:
- HelpOffer: an offer of help is a private message between a resident and a team. Staff have no
  business reading it, so it is not in the management site at all (only the database administrator
  can see it).
- Support, Follow, Notification: who supports or follows what is personal data that moderation does
  not need; counts are on the initiative's page.
- TeamInvitation: handled by the team on the site.
"""

from django.contrib import admin

from ..models import Comment, HelpRequest, LogEntry, MunicipalResponse
from ..services import log_entries, municipality, participation


class InitiativePartAdmin(admin.ModelAdmin):
    """What belongs to an initiative is listed with it: only for who may see the initiative, and what
    moderation hid only for the moderators (initiatives.permissions.initiative_parts_visible_to)."""

    def get_queryset(self, request):
        return super().get_queryset(request).visible_to(request.user)


class WrittenThroughServices(InitiativePartAdmin):
    """What the management site saves and deletes goes through the app's services (`save_with`,
    `delete_with`), one item at a time, so each change's side effects (the search text, ...) follow."""

    def has_add_permission(self, request):
        return False  # posted on the site, by the people who wrote it

    def save_model(self, request, obj, form, change):
        self.save_with(request, obj)

    def delete_model(self, request, obj):
        self.delete_with(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_with(request, obj)

    def save_with(self, request, obj):
        raise NotImplementedError

    def delete_with(self, request, obj):
        raise NotImplementedError


@admin.register(LogEntry)
class LogEntryAdmin(WrittenThroughServices):
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

    def save_with(self, request, entry):
        # The form has put the moderator's corrections on `entry`; the service checks and saves them.
        log_entries.log_entry_update(log_entry=entry)

    def delete_with(self, request, entry):
        log_entries.log_entry_delete(log_entry=entry)


@admin.register(HelpRequest)
class HelpRequestAdmin(InitiativePartAdmin):
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
class CommentAdmin(WrittenThroughServices):
    """Moderating comments: read, correct or delete what breaks the house rules."""

    list_display = ["__str__", "initiative", "author", "created_at"]
    list_select_related = ["initiative", "author"]
    search_fields = ["body", "author__display_name", "author__email", "initiative__title"]
    date_hierarchy = "created_at"
    fields = ["initiative", "author", "body", "created_at", "updated_at"]
    readonly_fields = ["initiative", "author", "created_at", "updated_at"]

    def save_with(self, request, comment):
        participation.comment_update(comment=comment, body=comment.body)

    def delete_with(self, request, comment):
        participation.comment_delete(comment=comment)


@admin.register(MunicipalResponse)
class MunicipalResponseAdmin(WrittenThroughServices):
    """All responses of the municipality. New ones are added on the initiative (here in the management
    site or on the site itself), so the first-response date and the followers' emails follow."""

    list_display = ["__str__", "initiative", "author", "created_at"]
    list_select_related = ["initiative", "author"]
    search_fields = ["body", "initiative__title", "author__display_name"]
    date_hierarchy = "created_at"
    fields = ["initiative", "author", "body", "created_at", "updated_at"]
    readonly_fields = ["initiative", "author", "created_at", "updated_at"]

    def save_with(self, request, response):
        municipality.municipal_response_update(response=response, by=request.user, body=response.body)

    def delete_with(self, request, response):
        municipality.municipal_response_delete(response=response, by=request.user)
