"""Dates and times the way Indonesian news writes them: "Kamis, 6 Februari 2025 pukul 09.00 WITA".

Load with ``{% load portal_dates %}``. Every value is first converted to the active time zone
(the viewer's organisation's zone, set by the middleware, or ``{% timezone %}``) or to the zone
named in the filter's argument, then formatted with the active language's day and month names.
"""

import re
import zoneinfo
from datetime import date, datetime, tzinfo
from functools import cache

from django import template
from django.conf import settings
from django.utils import timezone, translation
from django.utils.dates import MONTHS, WEEKDAYS
from django.utils.translation import pgettext

register = template.Library()

LONG_DATE_FORMAT = "l, j F Y"
TIME_FORMAT = "H.i"

# tzdata abbreviations of the four Indonesian zones, in case a platform's database lacks them.
INDONESIAN_ZONE_ABBREVIATIONS = {
    "Asia/Jakarta": "WIB",
    "Asia/Pontianak": "WIB",
    "Asia/Makassar": "WITA",
    "Asia/Jayapura": "WIT",
}

# tzdata falls back to numeric names such as "+07" where a zone has no letter abbreviation.
_NUMERIC_ABBREVIATION = re.compile(r"^[+-]\d")


def _zone_key(zone: tzinfo) -> str:
    return getattr(zone, "key", None) or str(zone)


def _abbreviation(zone: tzinfo, moment: datetime) -> str:
    """The letter abbreviation of ``zone`` at ``moment``, else the zone's IANA name."""
    key = _zone_key(zone)
    if key in INDONESIAN_ZONE_ABBREVIATIONS:
        return INDONESIAN_ZONE_ABBREVIATIONS[key]
    name = zone.tzname(moment) or ""
    if not name or _NUMERIC_ABBREVIATION.match(name):
        return key
    return name


def _zone(name) -> tzinfo | None:
    """The zone called ``name``, or None (meaning: the active zone) if empty or unknown."""
    if not name:
        return None
    try:
        return zoneinfo.ZoneInfo(str(name))
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return None


def _to_local(value, zone_name=None):
    """Aware datetimes in ``zone_name`` or else the active zone; naive datetimes and dates
    unchanged; anything else None."""
    if isinstance(value, datetime):
        if timezone.is_aware(value):
            return timezone.localtime(value, _zone(zone_name))
        return value
    if isinstance(value, date):
        return value
    return None


def _abbreviation_of_local(local: datetime) -> str:
    """The abbreviation of the zone a datetime from ``_to_local`` is expressed in."""
    zone = local.tzinfo if timezone.is_aware(local) else timezone.get_current_timezone()
    return _abbreviation(zone, local)


@cache
def _calendar_names(language: str | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Day names (Monday first) and month names (January at 1) of one language."""
    with translation.override(language):
        days = tuple(str(WEEKDAYS[day]) for day in range(7))
        months = ("", *(str(MONTHS[month]) for month in range(1, 13)))
    return days, months


def _long_date_text(local) -> str:
    """The date part of ``local`` as "Kamis, 6 Februari 2025" in the active language.

    The same text as ``dateformat.format(local, LONG_DATE_FORMAT)``, built directly: public
    lists show dozens of dates per page and the general formatter costs several times more."""
    days, months = _calendar_names(translation.get_language())
    return f"{days[local.weekday()]}, {local.day} {months[local.month]} {local.year}"


@register.filter
def long_date(value, zone_name=None) -> str:
    """ "Kamis, 6 Februari 2025" (Indonesian) or "Thursday, 6 February 2025" (English).

    Takes an optional IANA zone name, like ``long_datetime``.
    """
    local = _to_local(value, zone_name)
    if local is None:
        return ""
    return _long_date_text(local)


@register.filter
def iso_datetime(value) -> str:
    """A moment for ``<time datetime>``: UTC to the whole second, e.g. "2025-02-06T01:00:00Z".

    HTML allows at most three digits of a second, so Python's isoformat() (six) is invalid."""
    if not isinstance(value, datetime):
        return ""
    if timezone.is_aware(value):
        value = value.astimezone(zoneinfo.ZoneInfo("UTC"))
        return value.replace(microsecond=0, tzinfo=None).isoformat() + "Z"
    return value.replace(microsecond=0).isoformat()


@register.filter
def zone_abbr(value, zone_name=None) -> str:
    """WIB, WITA or WIT for a datetime in the active time zone (the zone name elsewhere)."""
    if not isinstance(value, datetime):
        return ""
    return _abbreviation_of_local(_to_local(value, zone_name))


@register.filter
def long_datetime(value, zone_name=None) -> str:
    """ "Kamis, 6 Februari 2025 pukul 09.00 WITA"; a bare date gives only the date.

    An IANA zone name as argument (``value|long_datetime:"Asia/Jayapura"``) shows the time in
    that zone instead of the active one, e.g. in e-mails rendered outside a request.
    """
    local = _to_local(value, zone_name)
    if local is None:
        return ""
    if not isinstance(local, datetime):
        return _long_date_text(local)
    # Translators: "Thursday, 6 February 2025 at 09.00 WITA"; Indonesian uses "pukul".
    text = pgettext("long datetime", "%(date)s at %(time)s %(zone)s")
    return text % {
        "date": _long_date_text(local),
        "time": f"{local.hour:02d}.{local.minute:02d}",  # TIME_FORMAT, without the formatter
        "zone": _abbreviation_of_local(local),
    }


@register.filter(name="time_zone_label")
def time_zone_label_filter(value) -> str:
    """ "Asia/Makassar" → "WITA"; an unknown zone name is returned unchanged."""
    return time_zone_label(value)


@register.simple_tag(name="time_zone_label")
def time_zone_label(value) -> str:
    """ "Asia/Jakarta" → "WIB"; also usable as ``{% time_zone_label zone %}``."""
    if not value:
        return ""
    key = str(value)
    if key in INDONESIAN_ZONE_ABBREVIATIONS:
        return INDONESIAN_ZONE_ABBREVIATIONS[key]
    try:
        zone = zoneinfo.ZoneInfo(key)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return key
    return _abbreviation(zone, timezone.now().astimezone(zone))


@register.filter
def organisation_time_zone(organisation) -> str:
    """The IANA zone of a unit (its own or its Kanwil's), a Kanwil or a directorate.

    For rendering outside a request, such as e-mails:
    ``{% with zone=role.organisation|organisation_time_zone %}{{ when|long_datetime:zone }}``.
    Falls back to the portal's default zone.
    """
    zone = getattr(organisation, "effective_time_zone", "") or getattr(
        organisation, "time_zone", ""
    )
    return str(zone or settings.PORTAL_DEFAULT_TIME_ZONE)
