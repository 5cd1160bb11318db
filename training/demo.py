"""Demo training data for `seed_demo`: the "Penguatan Kehumasan" Zoom session of 6 February 2025.

The facts (date, organiser, speakers and their roles, audience, a Q&A part) come from two unit
reports of the session; the hours, the JP, the agenda times, the meeting details and every
attendee row are made up for the demo. Everything goes through the real services, including
the attendance file, which is generated here as a Zoom participants report and imported.
"""

import hashlib
from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from accounts.demo import demo_user
from accounts.models import Directorate
from news.models import Story

from . import services
from .models import (
    AgendaKind,
    AppearanceRole,
    ImportFile,
    Mode,
    Platform,
    PresenceRule,
    SessionKind,
    Speaker,
    TrainingSession,
)
from .services import imports

WIB = ZoneInfo("Asia/Jakarta")
# Assumption: the reports give the day (Thursday 6 February 2025) but not the hours;
# 09.00–11.30 WIB is assumed.
SESSION_START = datetime(2025, 2, 6, 9, 0, tzinfo=WIB)
SESSION_END = datetime(2025, 2, 6, 11, 30, tzinfo=WIB)
SESSION_TITLE = "Penguatan Kehumasan: Etika Penggunaan Media Sosial bagi ASN Pemasyarakatan"
ORGANISER_SLUG = "ti-dan-kerja-sama"
ORGANISER_EMAIL = "admin@humas.test"
ZOOM_FILE_NAME = "participants_penguatan_kehumasan_2025-02-06.csv"

SPEAKERS = [
    {
        "full_name": "Lilik Sujandi",
        "position": "Direktur Kepatuhan Internal",
        "organisation": "Direktorat Jenderal Pemasyarakatan",
        "aliases": [],
        "role": AppearanceRole.OPENING,
        "topic": "Pembukaan: peran ASN menjaga citra instansi di ruang digital",
    },
    {
        "full_name": "Gun Gun Gunawan",
        "position": "Sekretaris Direktorat Jenderal Pemasyarakatan",
        "organisation": "Direktorat Jenderal Pemasyarakatan",
        "aliases": [],
        "role": AppearanceRole.PRESENTER,
        "topic": "Batasan dan tanggung jawab ASN dalam bermedia sosial",
    },
    {
        "full_name": "Maulidi Hilal",
        "position": "Direktur Teknologi Informasi dan Kerja Sama Pemasyarakatan",
        "organisation": "Direktorat Jenderal Pemasyarakatan",
        "aliases": ["M. Hilal"],
        "role": AppearanceRole.PRESENTER,
        "topic": "Etika bermedia sosial dan nama baik institusi",
    },
]

# (kind, title, start, end, index of the speaker or None); times are assumed, in WIB.
AGENDA = [
    (AgendaKind.OPENING, "Pembukaan", (9, 0), (9, 15), 0),
    (AgendaKind.PRESENTATION, "Materi: batasan dan tanggung jawab ASN", (9, 15), (10, 0), 1),
    (AgendaKind.PRESENTATION, "Materi: etika bermedia sosial", (10, 0), (10, 45), 2),
    (AgendaKind.DISCUSSION, "Diskusi interaktif dan tanya jawab", (10, 45), (11, 20), None),
    (AgendaKind.CLOSING, "Penutup", (11, 20), (11, 30), None),
]

# Rows of the generated Zoom report: display name, e-mail, join and leave (WIB, hh:mm).
ZOOM_ROWS = [
    ("Rina Kusumawati (Host)", "admin@humas.test", "08:45", "11:35"),
    ("Nur Aisyah", "operator.palu@humas.test", "08:58", "10:05"),
    ("Nur Aisyah", "operator.palu@humas.test", "10:07", "11:31"),
    ("Rutan Pelaihari - Muhammad Rizky Pratama", "", "09:02", "11:29"),
    ("Andi Sri Wahyuni", "editor.sulteng@humas.test", "09:05", "11:30"),
    ("Ahmad Fauzan Noor", "editor.kalsel@humas.test", "09:40", "10:30"),
    ("Fadli Rahman 19930228 201902 1 006", "", "09:20", "11:30"),
    # No portal login: credited through the staff directory by the NIP in her name.
    ("Siti Rohmah 19900715 201503 2 004", "", "09:01", "11:30"),
    ("Rutan Kelas IIB Pelaihari", "", "08:59", "11:30"),
    ("LPP Palu", "", "09:00", "11:30"),
    ("Humas Ditjenpas", "", "08:40", "11:40"),
    ("iPhone", "", "09:50", "10:10"),
]


def zoom_report() -> str:
    """A Zoom participants report (with the meeting block) for the demo session."""

    def stamp(clock: str) -> str:
        hour, minute = (int(part) for part in clock.split(":"))
        moment = datetime(2025, 2, 6, hour, minute, tzinfo=WIB)
        return moment.strftime("%m/%d/%Y %I:%M:%S %p")

    def minutes(start: str, end: str) -> int:
        (h1, m1), (h2, m2) = ([int(x) for x in t.split(":")] for t in (start, end))
        return (h2 * 60 + m2) - (h1 * 60 + m1)

    lines = [
        "Meeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants",
        f'000 0000 0000,"{SESSION_TITLE}",{stamp("08:40")},{stamp("11:40")},'
        f"{ORGANISER_EMAIL},180,{len(ZOOM_ROWS)}",
        "",
        "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest",
    ]
    for name, email, start, end in ZOOM_ROWS:
        guest = "No" if email else "Yes"
        lines.append(f'"{name}",{email},{stamp(start)},{stamp(end)},{minutes(start, end)},{guest}')
    return "\r\n".join(lines) + "\r\n"


def _speaker(by, spec: dict) -> Speaker:
    speaker = Speaker.objects.filter(full_name=spec["full_name"]).first()
    if speaker is None:
        speaker = services.create_speaker(
            by=by,
            full_name=spec["full_name"],
            current_position=spec["position"],
            current_organisation=spec["organisation"],
            aliases=spec["aliases"],
        )
    return speaker


def _create_session(by) -> TrainingSession:
    session = services.create_session(
        by=by,
        organiser=Directorate.objects.get(slug=ORGANISER_SLUG),
        title=SESSION_TITLE,
        theme="Etika penggunaan media sosial bagi ASN Pemasyarakatan",
        kind=SessionKind.PENGUATAN,
        starts_at=SESSION_START,
        ends_at=SESSION_END,
        time_zone="Asia/Jakarta",
        mode=Mode.ONLINE,
        platform=Platform.ZOOM,
        meeting_id="000 0000 0000",
        join_url="https://zoom.example.id/j/demo-penguatan-kehumasan",
        passcode="humas25",
        description=(
            "Penguatan kehumasan melalui Zoom Meeting untuk seluruh Kantor Wilayah Ditjenpas dan "
            "UPT Pemasyarakatan: etika bermedia sosial, verifikasi sebelum berbagi, informasi "
            "satu pintu, dan sesi diskusi interaktif."
        ),
        # Assumed: 150 minutes, credited as 3 JP; present after 75% of the schedule.
        jp_credited=Decimal("3.00"),
        presence_rule=PresenceRule.SHARE,
        presence_min_percent=75,
    )
    appearances = [
        services.add_appearance(
            session=session,
            by=by,
            speaker=_speaker(by, spec),
            role=spec["role"],
            topic=spec["topic"],
        )
        for spec in SPEAKERS
    ]
    for kind, title, start, end, speaker_index in AGENDA:
        services.add_agenda_item(
            session=session,
            by=by,
            kind=kind,
            title=title,
            starts_at=datetime(2025, 2, 6, *start, tzinfo=WIB),
            ends_at=datetime(2025, 2, 6, *end, tzinfo=WIB),
            appearance=appearances[speaker_index] if speaker_index is not None else None,
        )
    services.invite_all(
        session=session,
        by=by,
        expected_count=2,
        expected_roles="Kepala UPT dan staf humas",
    )
    return session


def _import_attendance(session: TrainingSession, by) -> None:
    data = zoom_report().encode("utf-8-sig")
    if ImportFile.objects.filter(session=session, sha256=hashlib.sha256(data).hexdigest()).exists():
        return
    staged = imports.stage_attendance_file(
        session=session,
        by=by,
        data=data,
        name=ZOOM_FILE_NAME,
        source_format="zoom",
        time_zone="Asia/Jakarta",
    )
    services.confirm_import(session=session, by=by, token=staged.token)


def _link_coverage(session: TrainingSession, by) -> None:
    # The units' reports of the session (news.demo): their titles name the "Kehumasan" session.
    stories = Story.objects.filter(
        title__icontains="Kehumasan",
        event_start__date__gte="2025-02-05",
        event_start__date__lte="2025-02-07",
    )
    for story in stories:
        services.link_story(session=session, story=story, by=by)


def seed_training() -> TrainingSession:
    """Create the demo session once; a second run only completes what is missing."""
    by = demo_user(ORGANISER_EMAIL)
    session = TrainingSession.objects.filter(
        title=SESSION_TITLE, starts_at=SESSION_START
    ).first() or _create_session(by)
    _import_attendance(session, by)
    services.issue_certificates(session=session, by=by)
    _link_coverage(session, by)
    return session
