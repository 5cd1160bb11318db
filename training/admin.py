"""Training records in the technical admin: read-only, since every write goes through services."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from accounts.admin import LabelledActionFilter, ReadOnlyPolicyAdmin

from .audit_labels import ACTION_LABELS, action_label
from .models import AuditEntry, Certificate, ImportFile, Speaker, TrainingSession


@admin.register(TrainingSession)
class TrainingSessionAdmin(ReadOnlyPolicyAdmin):
    list_display = ["title", "kind", "starts_at", "time_zone", "jp_credited"]
    list_filter = ["kind", "mode"]
    search_fields = ["title"]
    exclude = ["passcode", "checkin_code"]


@admin.register(Speaker)
class SpeakerAdmin(ReadOnlyPolicyAdmin):
    list_display = ["full_name", "current_position"]
    search_fields = ["full_name", "aliases__alias"]


@admin.register(ImportFile)
class ImportFileAdmin(ReadOnlyPolicyAdmin):
    list_display = ["original_name", "session", "status", "row_count", "created_at"]
    list_filter = ["status", "source_format"]
    list_select_related = ["session"]


@admin.register(Certificate)
class CertificateAdmin(ReadOnlyPolicyAdmin):
    list_display = ["number", "holder_name", "session_title", "issued_at", "revoked_at"]
    search_fields = ["number", "holder_name"]


class ActionFilter(LabelledActionFilter):
    labels = ACTION_LABELS


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyPolicyAdmin):
    list_display = ["created_at", "action_text", "actor", "session"]
    list_filter = [ActionFilter]
    list_select_related = ["actor", "session"]

    @admin.display(description=_("action"), ordering="action")
    def action_text(self, entry: AuditEntry) -> str:
        """The action in words rather than its code."""
        return action_label(entry.action)
