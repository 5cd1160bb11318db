"""What each training audit code means, in words: the technical admin shows these, not the codes."""

from django.utils.translation import gettext_lazy as _

ACTION_LABELS = {
    "agenda_item_added": _("Agenda item added"),
    "agenda_item_removed": _("Agenda item removed"),
    "agenda_item_updated": _("Agenda item changed"),
    "appearance_added": _("Speaker added"),
    "appearance_removed": _("Speaker removed"),
    "appearance_updated": _("Speaker's part changed"),
    "attendance_imported": _("Attendance imported"),
    "check_ins_closed": _("Open check-ins closed at the session's end"),
    "attendance_recorded": _("Attendance recorded"),
    "calendar_link_created": _("Calendar link created"),
    "calendar_link_reset": _("Calendar link renewed"),
    "calendar_link_stopped": _("Calendar link stopped"),
    "certificate_bundle_built": _("Certificate bundle made"),
    "certificate_bundle_requested": _("Certificate bundle requested"),
    "certificate_revoked": _("Certificate revoked"),
    "certificates_issued": _("Certificates issued"),
    "checked_in": _("Checked in"),
    "coverage_linked": _("Story linked to the session"),
    "coverage_unlinked": _("Story unlinked from the session"),
    "expected_changed": _("Expected participants changed"),
    "headcount_recorded": _("Headcount recorded"),
    "import_confirmed": _("Import confirmed"),
    "import_given_up": _("Import given up after retries"),
    "import_requeued": _("Stuck import queued again"),
    "invitation_removed": _("Invitation removed"),
    "material_added": _("Material added"),
    "material_removed": _("Material removed"),
    "material_updated": _("Material changed"),
    "organisations_invited": _("Organisations invited"),
    "row_matched": _("Attendance row matched"),
    "session_created": _("Session created"),
    "session_updated": _("Session changed"),
    "speaker_created": _("Speaker profile created"),
    "speaker_updated": _("Speaker profile changed"),
}


def action_label(code: str) -> str:
    """The words for an audit code; an unknown code is shown as readable words, never dropped."""
    label = ACTION_LABELS.get(code)
    if label is not None:
        return str(label)
    return code.replace("_", " ").replace(".", " ").capitalize()
