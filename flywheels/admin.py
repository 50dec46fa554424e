"""The flywheels and their concepts in the management site: editors keep their names, their hints in plain
words, meanings, guiding questions, order and status."""

from django.contrib import admin

from core.admin import LabelledTableInputs, TabularInline

from .models import Concept, Flywheel


class ConceptInline(TabularInline):
    model = Concept
    fields = ["order", "label_nl", "label_en", "slug", "status", "is_active"]
    prepopulated_fields = {"slug": ["label_nl"]}
    extra = 0
    ordering = ["order"]


@admin.register(Flywheel)
class FlywheelAdmin(LabelledTableInputs, admin.ModelAdmin):
    list_display = ["label_nl", "label_en", "status", "order"]
    list_editable = ["order"]
    prepopulated_fields = {"slug": ["label_nl"]}
    inlines = [ConceptInline]


@admin.register(Concept)
class ConceptAdmin(admin.ModelAdmin):
    list_display = ["label_nl", "hint_nl", "flywheel", "order", "status", "is_active"]
    list_filter = ["flywheel", "status", "is_active"]
    list_select_related = ["flywheel"]
    search_fields = ["label_nl", "label_en", "hint_nl", "description_nl"]
    prepopulated_fields = {"slug": ["label_nl"]}
    fields = [
        "flywheel",
        "order",
        "label_nl",
        "label_en",
        "slug",
        "hint_nl",
        "hint_en",
        "description_nl",
        "description_en",
        "questions_nl",
        "questions_en",
        "basis",
        "status",
        "is_active",
    ]
