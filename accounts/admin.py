"""Technical administration of organisations and people, for central admins."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from . import policies
from .models import AuditEvent, Directorate, Invitation, Kanwil, RoleAssignment, Unit, User


class PolicyAdmin(admin.ModelAdmin):
    """Every permission comes from the accounts policies, not Django's model permissions."""

    def has_module_permission(self, request) -> bool:
        return policies.can_manage_organisations(request.user)

    def has_view_permission(self, request, obj=None) -> bool:
        return policies.can_manage_organisations(request.user)

    def has_add_permission(self, request) -> bool:
        return policies.can_manage_organisations(request.user)

    def has_change_permission(self, request, obj=None) -> bool:
        return policies.can_manage_organisations(request.user)

    def has_delete_permission(self, request, obj=None) -> bool:
        return policies.can_manage_organisations(request.user)


class ReadOnlyPolicyAdmin(PolicyAdmin):
    """Records that are written by services only."""

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Directorate)
class DirectorateAdmin(PolicyAdmin):
    list_display = ["name", "short_name", "is_head_office"]
    search_fields = ["name", "short_name"]
    prepopulated_fields = {"slug": ["short_name"]}


class UnitInline(admin.TabularInline):
    model = Unit
    fields = ["name", "unit_type", "unit_class", "city", "is_active"]
    extra = 0
    show_change_link = True

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Kanwil)
class KanwilAdmin(PolicyAdmin):
    list_display = ["province", "short_name", "time_zone"]
    list_filter = ["time_zone"]
    search_fields = ["name", "province", "short_name"]
    prepopulated_fields = {"slug": ["short_name"]}
    inlines = [UnitInline]


@admin.register(Unit)
class UnitAdmin(PolicyAdmin):
    list_display = ["name", "unit_type", "unit_class", "city", "kanwil", "is_active"]
    list_filter = ["unit_type", "unit_class", "kanwil", "is_active"]
    list_select_related = ["kanwil"]
    search_fields = ["name", "city"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["kanwil"]


class RoleAssignmentInline(admin.TabularInline):
    model = RoleAssignment
    fk_name = "user"
    fields = ["role", "unit", "kanwil", "directorate", "granted_by", "created_at"]
    readonly_fields = ["granted_by", "created_at"]
    autocomplete_fields = ["unit", "kanwil", "directorate"]
    extra = 0


@admin.register(User)
class UserAdmin(PolicyAdmin):
    list_display = ["full_name", "email", "position", "is_active"]
    list_filter = ["is_active", "role_assignments__role"]
    search_fields = ["full_name", "email", "nip"]
    fields = ["email", "full_name", "position", "nip", "is_active", "is_staff", "last_login"]
    readonly_fields = ["last_login"]
    inlines = [RoleAssignmentInline]

    def has_add_permission(self, request) -> bool:
        # People join through an invitation, which also sends their password link.
        return False


@admin.register(Invitation)
class InvitationAdmin(ReadOnlyPolicyAdmin):
    list_display = ["user", "created_at", "expires_at", "sent_at", "accepted_at", "revoked_at"]
    list_select_related = ["user"]
    exclude = ["token_hash"]


# What each people-and-roles audit code means, in words.
AUDIT_ACTION_LABELS = {
    "invitation.accepted": _("Invitation accepted"),
    "person.deactivated": _("Account switched off"),
    "person.invited": _("Person invited"),
    "profile.updated": _("Profile changed"),
    "role.granted": _("Role given"),
    "role.revoked": _("Role taken away"),
}


class LabelledActionFilter(admin.SimpleListFilter):
    """Filter an audit list by what happened, listed in words; subclasses give ``labels``."""

    title = _("action")
    parameter_name = "action"
    labels: dict = {}

    def lookups(self, request, model_admin):
        return sorted(self.labels.items(), key=lambda item: str(item[1]))

    def queryset(self, request, queryset):
        return queryset.filter(action=self.value()) if self.value() else queryset


class AuditActionFilter(LabelledActionFilter):
    labels = AUDIT_ACTION_LABELS


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyPolicyAdmin):
    list_display = ["created_at", "action_text", "actor", "subject"]
    list_filter = [AuditActionFilter]
    list_select_related = ["actor", "subject"]
    search_fields = ["action", "subject__email", "actor__email"]
    date_hierarchy = "created_at"

    @admin.display(description=_("action"), ordering="action")
    def action_text(self, event: AuditEvent) -> str:
        """The action in words rather than its code."""
        return str(AUDIT_ACTION_LABELS.get(event.action, event.action))


admin.site.site_header = _("Humas Portal")
admin.site.site_title = _("Humas Portal administration")
admin.site.index_title = _("Organisations and people")
