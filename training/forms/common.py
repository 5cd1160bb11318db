"""Helpers shared by the training forms."""

import zoneinfo
from datetime import datetime

from django.utils.translation import gettext_lazy as _

from humas_portal.widgets import IsoDateInput, IsoTimeInput

GROUP_LABELS = {
    "directorate": _("Ditjenpas directorates"),
    "kanwil": _("Kanwil"),
    "unit": _("Units"),
}
DATE_INPUT = IsoDateInput()
TIME_INPUT = IsoTimeInput()


def grouped(groups) -> list:
    """Choices grouped under translated headings."""
    return [(GROUP_LABELS[kind], choices) for kind, choices in groups]


def local_datetime(day, time, zone: str) -> datetime:
    """A wall-clock date and time in a zone, as an aware datetime."""
    return datetime.combine(day, time).replace(tzinfo=zoneinfo.ZoneInfo(zone))
