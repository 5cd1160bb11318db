"""Central admins edit categories and tags; stories change only through the workflow."""

from django.contrib import admin
from django.utils import timezone

from accounts.admin import PolicyAdmin, ReadOnlyPolicyAdmin

from .models import Category, EthicsItem, Story, Tag


@admin.register(Category)
class CategoryAdmin(PolicyAdmin):
    list_display = ["name", "position", "is_active"]
    list_editable = ["position", "is_active"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Tag)
class TagAdmin(PolicyAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Story)
class StoryAdmin(ReadOnlyPolicyAdmin):
    list_display = ["title", "unit", "state", "updated_at"]
    list_filter = ["state", "category"]
    list_select_related = ["unit"]
    search_fields = ["title"]
    exclude = ["body"]


@admin.register(EthicsItem)
class EthicsItemAdmin(PolicyAdmin):
    """Central admins keep the ethics checklist; the admin log records every change."""

    list_display = ["text", "position", "is_active", "updated_at"]
    list_editable = ["position", "is_active"]
    readonly_fields = ["updated_at"]

    def save_model(self, request, obj, form, change) -> None:
        obj.updated_at = timezone.now()
        super().save_model(request, obj, form, change)
