from allauth.mfa.models import Authenticator
from django.contrib import admin
from django.contrib.auth import forms as auth_forms
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from . import services
from .models import User


class AdminPasswordChangeForm(auth_forms.AdminPasswordChangeForm):
    # Django's explanation ends in a list (an English warning) that its template puts inside a paragraph,
    # which HTML does not allow. The same in one sentence, and what it means here: allauth's password is
    # the only way in.
    usable_password_help_text = _(
        "Whether this person can log in with a password. Switched off, the current password is lost and "
        "they cannot log in at all: the loket has no other way in."
    )


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ["email"]
    list_display = ["email", "display_name", "area", "is_staff", "is_active", "date_joined"]
    list_filter = ["is_staff", "is_superuser", "is_active", "groups", "area"]
    search_fields = ["email", "display_name"]
    list_select_related = ["area"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Profile"), {"fields": ["display_name", "area", "public_role"]}),
        (
            _("Permissions"),
            {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]},
        ),
        (_("Important dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["email", "display_name", "password1", "password2"]}),
    ]
    filter_horizontal = ["groups", "user_permissions"]
    change_password_form = AdminPasswordChangeForm

    # An account deleted here goes as when the person deletes it (services.user_delete): every app's
    # erasure step runs first (the stored counts of what they supported, their files, the history that
    # named them), not only the cascade.
    def delete_model(self, request, obj):
        services.user_delete(user=obj)

    def delete_queryset(self, request, queryset):
        for user in queryset:
            services.user_delete(user=user)


# allauth's own admin for authenticators shows their data: the app's secret and the recovery codes' seed.
# Here a superuser sees only who has what, and deletes the app of someone who lost their phone (they set
# it up again at their next visit to the management site).
admin.site.unregister(Authenticator)


@admin.register(Authenticator)
class AuthenticatorAdmin(admin.ModelAdmin):
    list_display = ["user", "type", "created_at", "last_used_at"]
    list_filter = ["type"]
    search_fields = ["user__email", "user__display_name"]
    list_select_related = ["user"]
    fields = ["user", "type", "created_at", "last_used_at"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
