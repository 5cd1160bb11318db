"""Technical administration of the staff directory."""

from django.contrib import admin

from .models import RosterImport, StaffMember, StaffMove


@admin.register(StaffMember)
class StaffMemberAdmin(admin.ModelAdmin):
    """Directory records, searchable by NIP and name."""

    list_display = ("nip", "full_name", "unit", "kanwil", "status")
    search_fields = ("nip", "full_name", "email")
    raw_id_fields = ("user",)
    list_select_related = ("unit", "kanwil")


admin.site.register(StaffMove)
admin.site.register(RosterImport)
