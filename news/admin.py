"""Central admins edit categories and tags; stories change only through the workflow."""

from django.contrib import admin

from accounts.admin import PolicyAdmin, ReadOnlyPolicyAdmin

from .models import Category, Story, Tag


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
