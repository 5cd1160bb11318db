"""Every write to training records."""

from .attendance import (
    rebuild_from_files,
    record_attendance,
    resolve_row,
    set_room_headcount,
)
from .catalogue import (
    add_material,
    create_speaker,
    invite_all,
    invite_organisations,
    link_story,
    set_expected,
    update_speaker,
)
from .certificates import (
    build_bundle,
    issue_certificates,
    request_certificate_bundle,
    revoke_certificate,
)
from .checkin import check_in, close_ended_check_ins
from .feeds import reset_calendar_link, stop_calendar_link
from .imports import confirm_import, process_import, stage_attendance_file
from .programme import (
    remove_agenda_item,
    remove_appearance,
    remove_invitation,
    remove_material,
    unlink_story,
    update_agenda_item,
    update_appearance,
    update_material,
)
from .sessions import add_agenda_item, add_appearance, create_session, update_session

__all__ = [
    "add_agenda_item",
    "add_appearance",
    "add_material",
    "build_bundle",
    "check_in",
    "close_ended_check_ins",
    "confirm_import",
    "create_session",
    "create_speaker",
    "invite_all",
    "invite_organisations",
    "issue_certificates",
    "link_story",
    "process_import",
    "rebuild_from_files",
    "record_attendance",
    "remove_agenda_item",
    "remove_appearance",
    "remove_invitation",
    "remove_material",
    "reset_calendar_link",
    "request_certificate_bundle",
    "resolve_row",
    "revoke_certificate",
    "set_expected",
    "set_room_headcount",
    "stage_attendance_file",
    "stop_calendar_link",
    "unlink_story",
    "update_agenda_item",
    "update_appearance",
    "update_material",
    "update_session",
    "update_speaker",
]
