from django.contrib import admin
from django.contrib.auth import forms as auth_forms
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

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
