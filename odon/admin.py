"""Read-only views of ODON data for the technical admin; changes go through the portal pages."""

from django.contrib import admin

from accounts.admin import ReadOnlyPolicyAdmin

from .models import CalendarChange, CalendarDay, Recap, ReminderSent


@admin.register(CalendarDay)
class CalendarDayAdmin(ReadOnlyPolicyAdmin):
    list_display = ["day", "name", "kind", "seeded", "updated_by"]
    list_filter = ["kind", "seeded"]
    date_hierarchy = "day"


@admin.register(CalendarChange)
class CalendarChangeAdmin(ReadOnlyPolicyAdmin):
    list_display = ["created_at", "actor", "action", "day"]
    list_select_related = ["actor"]


@admin.register(ReminderSent)
class ReminderSentAdmin(ReadOnlyPolicyAdmin):
    list_display = ["day", "kind", "unit", "kanwil", "recipients"]
    list_filter = ["kind"]
    list_select_related = ["unit", "kanwil"]


@admin.register(Recap)
class RecapAdmin(ReadOnlyPolicyAdmin):
    list_display = ["month", "kanwil", "state", "progress", "finished_at"]
    list_select_related = ["kanwil"]
