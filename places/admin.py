from django.contrib import admin

from core.admin import LabelledTableInputs

from .models import Area


@admin.register(Area)
class AreaAdmin(LabelledTableInputs, admin.ModelAdmin):
    list_display = ["name", "kind", "order", "is_active"]
    list_editable = ["order", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
