"""Forms of the training pages. They parse input; services decide and write."""

from .attendance import (
    CheckInForm,
    ImportUploadForm,
    ManualAttendanceForm,
    ResolveRowForm,
    RevokeForm,
)
from .common import grouped, local_datetime
from .programme import (
    AgendaItemForm,
    AppearanceEditForm,
    AppearanceForm,
    CoverageForm,
    InviteAllForm,
    InviteeForm,
    InviteUnitForm,
    MaterialEditForm,
    MaterialForm,
    SpeakerForm,
    agenda_initial,
)
from .sessions import SessionFilterForm, SessionForm, initial_for

__all__ = [
    "AgendaItemForm",
    "AppearanceEditForm",
    "AppearanceForm",
    "CheckInForm",
    "CoverageForm",
    "ImportUploadForm",
    "InviteAllForm",
    "InviteUnitForm",
    "InviteeForm",
    "ManualAttendanceForm",
    "MaterialEditForm",
    "MaterialForm",
    "ResolveRowForm",
    "RevokeForm",
    "SessionFilterForm",
    "SessionForm",
    "SpeakerForm",
    "agenda_initial",
    "grouped",
    "initial_for",
    "local_datetime",
]
