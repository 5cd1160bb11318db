"""Training sessions, speakers, invitations, attendance, imports and certificates."""

from .attendance import (
    Attendance,
    AttendanceSource,
    AttendanceStatus,
    GroupAttendance,
    ImportFile,
    ImportFormat,
    ImportRow,
    ImportStatus,
    Invitee,
    MatchStatus,
)
from .certificates import AuditEntry, BundleStatus, Certificate, CertificateBundle, Coverage
from .feeds import CalendarFeed
from .sessions import (
    AgendaItem,
    AgendaKind,
    Material,
    MaterialVisibility,
    Mode,
    Platform,
    PresenceRule,
    SessionKind,
    TrainingSession,
)
from .speakers import Appearance, AppearanceRole, Speaker, SpeakerAlias

__all__ = [
    "AgendaItem",
    "AgendaKind",
    "Appearance",
    "AppearanceRole",
    "Attendance",
    "AttendanceSource",
    "AttendanceStatus",
    "AuditEntry",
    "BundleStatus",
    "CalendarFeed",
    "Certificate",
    "CertificateBundle",
    "Coverage",
    "GroupAttendance",
    "ImportFile",
    "ImportFormat",
    "ImportRow",
    "ImportStatus",
    "Invitee",
    "MatchStatus",
    "Material",
    "MaterialVisibility",
    "Mode",
    "Platform",
    "PresenceRule",
    "SessionKind",
    "Speaker",
    "SpeakerAlias",
    "TrainingSession",
]
