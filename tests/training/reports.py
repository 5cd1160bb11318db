"""Attendance reports as the platforms export them, generated for the tests."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

WITA = ZoneInfo("Asia/Makassar")
INDONESIAN_MONTHS = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
# Header texts of reports exported from accounts whose language is Bahasa Indonesia.
ZOOM_ID = {
    "meeting": "ID Rapat,Topik,Waktu Mulai,Waktu Selesai,Email Pengguna,Durasi (Menit),Peserta",
    "header": "Nama (nama asli),Email,Waktu bergabung,Waktu keluar,Durasi (menit),Tamu",
    "guest": "Tidak",
}
ZOOM_EN = {
    "meeting": "Meeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants",
    "header": "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest",
    "guest": "No",
}


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
    language: str = "en",
) -> bytes:
    """A Zoom participants report in the account's zone, optionally with the meeting block;
    ``language="id"`` writes Indonesian headers and day-first dates with 24-hour times."""
    if language == "id" and time_format == "%m/%d/%Y %I:%M:%S %p":
        time_format = "%d/%m/%Y %H.%M.%S"
    rows = list(rows)
    texts = ZOOM_ID if language == "id" else ZOOM_EN
    lines = []
    if meeting_block:
        lines += [
            texts["meeting"],
            f"812 3456 7890,Penguatan Kehumasan,02/06/2025 09:00:00 AM,02/06/2025 11:30:00 AM,"
            f"host@humas.example,150,{len(rows)}",
            "",
        ]
    lines.append(texts["header"])
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
                    texts["guest"],
                ]
            )
        )
    text = "\r\n".join(lines) + "\r\n"
    return text.encode("utf-8-sig" if bom else "utf-8")


def _teams_stamp_id(moment: datetime, zone) -> str:
    local = moment.astimezone(zone)
    return (
        f"{local.day}/{local.month}/{local.year % 100:02d} "
        f"{local.hour:02d}.{local.minute:02d}.{local.second:02d}"
    )


def _teams_duration_id(seconds: int) -> str:
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    parts = [f"{hours}j"] if hours else []
    parts += [f"{minutes}m"] if minutes or hours else []
    parts.append(f"{secs}d")
    return " ".join(parts)


TEAMS_EN = {
    "summary": "1. Summary",
    "title": "Meeting title",
    "attended": "Attended participants",
    "participants": "2. Participants",
    "participant_header": (
        "Name\tFirst Join\tLast Leave\tIn-Meeting Duration\tEmail\tParticipant ID (UPN)\tRole"
    ),
    "activities": "3. In-Meeting Activities",
    "activity_header": "Name\tJoin Time\tLeave Time\tDuration\tEmail\tRole",
    "role": "Attendee",
    "stamp": None,
    "duration": None,
}
TEAMS_ID = {
    "summary": "1. Ringkasan",
    "title": "Judul rapat",
    "attended": "Peserta yang hadir",
    "participants": "2. Peserta",
    "participant_header": (
        "Nama\tBergabung pertama\tKeluar terakhir\tDurasi dalam rapat\tEmail"
        "\tID Peserta (UPN)\tPeran"
    ),
    "activities": "3. Aktivitas Dalam Rapat",
    "activity_header": "Nama\tWaktu bergabung\tWaktu keluar\tDurasi\tEmail\tPeran",
    "role": "Peserta",
    "stamp": _teams_stamp_id,
    "duration": _teams_duration_id,
}


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


def teams_report(
    rows: Iterable[Participant], *, zone=WITA, encoding: str = "utf-16", language: str = "en"
) -> bytes:
    """A Teams attendance report: sections, tab-separated, UTF-16 with BOM; ``language="id"``
    writes the Indonesian section titles, headers, day-first dates and durations."""
    rows = list(rows)
    texts = TEAMS_ID if language == "id" else TEAMS_EN
    stamp = texts["stamp"] or _teams_stamp
    duration = texts["duration"] or _teams_duration
    lines = [
        texts["summary"],
        f"{texts['title']}\tPenguatan Kehumasan",
        f"{texts['attended']}\t{len({row.name for row in rows})}",
        "",
        texts["participants"],
        texts["participant_header"],
    ]
    for row in rows:
        seconds = int((row.left - row.joined).total_seconds())
        lines.append(
            "\t".join(
                [
                    row.name,
                    stamp(row.joined, zone),
                    stamp(row.left, zone),
                    duration(seconds),
                    row.email,
                    row.email,
                    texts["role"],
                ]
            )
        )
    lines += ["", texts["activities"], texts["activity_header"]]
    for row in rows:
        seconds = int((row.left - row.joined).total_seconds())
        lines.append(
            "\t".join(
                [
                    row.name,
                    stamp(row.joined, zone),
                    stamp(row.left, zone),
                    duration(seconds),
                    row.email,
                    texts["role"],
                ]
            )
        )
    return ("\r\n".join(lines) + "\r\n").encode(encoding)


def _meet_stamp_id(moment: datetime) -> str:
    return (
        f"{moment.day} {INDONESIAN_MONTHS[moment.month - 1]} {moment.year} "
        f"{moment.hour:02d}.{moment.minute:02d}.{moment.second:02d}"
    )


def meet_csv(rows: Iterable[Participant], *, zone=WITA, language: str = "en") -> bytes:
    """A Google Meet attendance report (CSV); ``language="id"`` writes Indonesian headers and
    dates with Indonesian month names."""
    header = "Full name,Email,Duration,Time joined,Time exited"
    if language == "id":
        header = "Nama lengkap,Email,Durasi,Waktu bergabung,Waktu keluar"
    lines = [header]
    for row in rows:
        joined, left = row.joined.astimezone(zone), row.left.astimezone(zone)
        minutes = int((row.left - row.joined).total_seconds() // 60)
        if language == "id":
            times = [f"{minutes} mnt", _meet_stamp_id(joined), _meet_stamp_id(left)]
        else:
            times = [
                f"{minutes} min",
                joined.strftime("%Y-%m-%d %H:%M:%S"),
                left.strftime("%Y-%m-%d %H:%M:%S"),
            ]
        lines.append(",".join([_quote(row.name), _quote(row.email), *times]))
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")
