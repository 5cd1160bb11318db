"""An iCalendar (RFC 5545) feed of sessions, written by hand.

Start and end carry the session's IANA zone as TZID (no VTIMEZONE: calendar programs know
the IANA names), DTSTAMP is in UTC, lines end in CRLF and are folded at 75 octets.
"""

import zoneinfo
from collections.abc import Iterable
from datetime import UTC, datetime

from .models import TrainingSession

LINE_OCTETS = 75


def escape_text(value: str) -> str:
    """TEXT value escaping: backslash, semicolon, comma and newlines."""
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def fold(line: str) -> str:
    """Split a content line into 75-octet pieces without cutting a UTF-8 character."""
    pieces, current, size = [], "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        limit = LINE_OCTETS if not pieces else LINE_OCTETS - 1
        if size + width > limit:
            pieces.append(current)
            current, size = "", 0
        current += char
        size += width
    pieces.append(current)
    return "\r\n ".join(pieces)


def _local_stamp(moment: datetime, zone: str) -> str:
    return moment.astimezone(zoneinfo.ZoneInfo(zone)).strftime("%Y%m%dT%H%M%S")


def _utc_stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def event_lines(
    session: TrainingSession, *, host: str, url: str, now: datetime, note: str = ""
) -> list[str]:
    """The VEVENT of one session (no passcode or join link: the feed may be shared)."""
    organiser = session.organiser
    location = session.place or session.get_platform_display() or ""
    description = "\n".join(
        part for part in (session.theme, organiser.name if organiser else "", note, url) if part
    )
    return [
        "BEGIN:VEVENT",
        f"UID:training-session-{session.pk}@{host}",
        f"DTSTAMP:{_utc_stamp(now)}",
        f"DTSTART;TZID={session.time_zone}:{_local_stamp(session.starts_at, session.time_zone)}",
        f"DTEND;TZID={session.time_zone}:{_local_stamp(session.ends_at, session.time_zone)}",
        f"SUMMARY:{escape_text(session.title)}",
        f"DESCRIPTION:{escape_text(description)}",
        f"LOCATION:{escape_text(location)}",
        f"URL:{url}",
        f"LAST-MODIFIED:{_utc_stamp(session.updated_at)}",
        "END:VEVENT",
    ]


def calendar(
    sessions: Iterable[TrainingSession],
    *,
    host: str,
    url_for,
    now: datetime,
    name: str,
    note_for=None,
) -> str:
    """A VCALENDAR with one event per session, as text with CRLF line ends; ``note_for`` may
    add a line to a session's description."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Humas Portal//Training//ID",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
    ]
    for session in sessions:
        note = note_for(session) if note_for is not None else ""
        lines += event_lines(session, host=host, url=url_for(session), now=now, note=note)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
