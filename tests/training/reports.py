"""Attendance reports as the platforms export them, generated for the tests."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

WITA = ZoneInfo("Asia/Makassar")


@dataclass(frozen=True)
class Participant:
    """One connection: who, and from when to when (aware datetimes)."""

    name: str
    email: str
    joined: datetime
    left: datetime


def _quote(value: str) -> str:
    return '"' + value.replace('"', '""') + '"'


def zoom_csv(
    rows: Iterable[Participant],
    *,
    zone=WITA,
    meeting_block: bool = True,
    bom: bool = True,
    time_format: str = "%m/%d/%Y %I:%M:%S %p",
) -> bytes:
    """A Zoom participants report in the account's zone, optionally with the meeting block."""
    rows = list(rows)
    lines = []
    if meeting_block:
        lines += [
            "Meeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants",
            f"812 3456 7890,Penguatan Kehumasan,02/06/2025 09:00:00 AM,02/06/2025 11:30:00 AM,"
            f"host@humas.example,150,{len(rows)}",
            "",
        ]
    lines.append("Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest")
    for row in rows:
        joined, left = row.joined.astimezone(zone), row.left.astimezone(zone)
        minutes = int((row.left - row.joined).total_seconds() // 60)
        lines.append(
            ",".join(
                [
                    _quote(row.name),
                    _quote(row.email),
                    joined.strftime(time_format),
                    left.strftime(time_format),
                    str(minutes),
                    "No",
                ]
            )
        )
    text = "\r\n".join(lines) + "\r\n"
    return text.encode("utf-8-sig" if bom else "utf-8")


def _teams_stamp(moment: datetime, zone) -> str:
    local = moment.astimezone(zone)
    hour = local.hour % 12 or 12
    return (
        f"{local.month}/{local.day}/{local.year % 100:02d}, "
        f"{hour}:{local.minute:02d}:{local.second:02d} {'AM' if local.hour < 12 else 'PM'}"
    )


def _teams_duration(seconds: int) -> str:
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    parts = [f"{hours}h"] if hours else []
    parts += [f"{minutes}m"] if minutes or hours else []
    parts.append(f"{secs}s")
    return " ".join(parts)


def teams_report(rows: Iterable[Participant], *, zone=WITA, encoding: str = "utf-16") -> bytes:
    """A Teams attendance report: sections, tab-separated, UTF-16 with BOM."""
    rows = list(rows)
    lines = [
        "1. Summary",
        "Meeting title\tPenguatan Kehumasan",
        f"Attended participants\t{len({row.name for row in rows})}",
        "",
        "2. Participants",
        "Name\tFirst Join\tLast Leave\tIn-Meeting Duration\tEmail\tParticipant ID (UPN)\tRole",
    ]
    for row in rows:
        seconds = int((row.left - row.joined).total_seconds())
        lines.append(
            "\t".join(
                [
                    row.name,
                    _teams_stamp(row.joined, zone),
                    _teams_stamp(row.left, zone),
                    _teams_duration(seconds),
                    row.email,
                    row.email,
                    "Attendee",
                ]
            )
        )
    lines += ["", "3. In-Meeting Activities", "Name\tJoin Time\tLeave Time\tDuration\tEmail\tRole"]
    for row in rows:
        seconds = int((row.left - row.joined).total_seconds())
        lines.append(
            "\t".join(
                [
                    row.name,
                    _teams_stamp(row.joined, zone),
                    _teams_stamp(row.left, zone),
                    _teams_duration(seconds),
                    row.email,
                    "Attendee",
                ]
            )
        )
    return ("\r\n".join(lines) + "\r\n").encode(encoding)


def meet_csv(rows: Iterable[Participant], *, zone=WITA) -> bytes:
    """A Google Meet attendance report (CSV)."""
    lines = ["Full name,Email,Duration,Time joined,Time exited"]
    for row in rows:
        joined, left = row.joined.astimezone(zone), row.left.astimezone(zone)
        minutes = int((row.left - row.joined).total_seconds() // 60)
        lines.append(
            ",".join(
                [
                    _quote(row.name),
                    _quote(row.email),
                    f"{minutes} min",
                    joined.strftime("%Y-%m-%d %H:%M:%S"),
                    left.strftime("%Y-%m-%d %H:%M:%S"),
                ]
            )
        )
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")
