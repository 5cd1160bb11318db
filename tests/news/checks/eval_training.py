"""Evaluation stories about the 6 February 2025 session, and the two seed stories' facts."""

from datetime import date

from news.checks import CheckContext, SessionEntry, SpeakerEntry, StoryInput

from .eval_data import HEAD_TITLE, HEADS, EvalStory, _units, day_expression, directory

BRIEFING_DAY = date(2025, 2, 6)
BRIEFING = SessionEntry(
    id=1,
    title="Penguatan Kehumasan: Etika Penggunaan Media Sosial bagi ASN Pemasyarakatan",
    day=BRIEFING_DAY,
    organiser="Direktorat Teknologi Informasi dan Kerja Sama Pemasyarakatan",
    speakers=(
        SpeakerEntry("Lilik Sujandi", (), "Direktur Kepatuhan Internal"),
        SpeakerEntry("Gun Gun Gunawan", (), "Sekretaris Direktorat Jenderal Pemasyarakatan"),
        SpeakerEntry(
            "Maulidi Hilal",
            ("M. Hilal",),
            "Direktur Teknologi Informasi dan Kerja Sama Pemasyarakatan",
        ),
    ),
    linked=True,
)
SPEAKER_LINES = [
    "Materi disampaikan oleh Direktur Kepatuhan Internal, Lilik Sujandi, yang mengingatkan "
    "bahwa setiap unggahan petugas mencerminkan institusi.",
    "Sekretaris Direktorat Jenderal Pemasyarakatan, Gun Gun Gunawan, menyampaikan arahan agar "
    "media sosial dipakai untuk kabar positif.",
    "Paparan berikutnya disampaikan Direktur Teknologi Informasi dan Kerja Sama "
    "Pemasyarakatan, {hilal}, tentang nama baik institusi.",
]
TRAINING_PROBLEMS = [
    (
        "Materi juga disampaikan perwakilan Direktorat Pengamanan dan Intelijen.",
        {"training.speaker_unknown"},
    ),
    (
        "Materi tambahan disampaikan oleh Direktur Bimbingan Kemasyarakatan, Budi Hartanto.",
        {"training.speaker_unknown"},
    ),
    (
        "Arahan penutup disampaikan oleh Direktur Jenderal Pemasyarakatan, Lilik Sujandi.",
        {"training.title"},
    ),
]


def _training_story(index: int, problem: int | None) -> EvalStory:
    units = _units()
    unit = units[(index * 5) % len(units)]
    hilal = "M. Hilal" if index % 2 else "Maulidi Hilal"
    labels: set[str] = set()
    when = day_expression(BRIEFING_DAY, index)
    body = [line.format(hilal=hilal) for line in SPEAKER_LINES[: 2 + index % 2]]
    if problem is not None:
        line, problem_labels = TRAINING_PROBLEMS[problem % len(TRAINING_PROBLEMS)]
        body.insert(1, line)
        labels |= problem_labels
    head_title = f"{HEAD_TITLE[unit['unit_type']]} {unit['place']}"
    head = HEADS[(index * 3) % len(HEADS)]
    body.append(f"“Arahan ini segera kami terapkan di satuan kerja,” kata {head_title}, {head}.")
    story = StoryInput(
        title=f"{unit['short']} Ikuti Penguatan Kehumasan tentang Etika Media Sosial",
        lead=(
            f"Jajaran {unit['name']} mengikuti Penguatan Kehumasan yang diselenggarakan "
            f"Direktorat Teknologi Informasi dan Kerja Sama Pemasyarakatan melalui Zoom, {when}."
        ),
        body="".join(f"<p>{p}</p>" for p in body),
        dateline=unit["city"],
        event_date=BRIEFING_DAY,
        unit_name=unit["name"],
        unit_type=unit["unit_type"],
        unit_class=unit["unit_class"],
        unit_city=unit["city"],
        photo_captions=("Petugas menyimak materi melalui Zoom.",),
    )
    return EvalStory(
        f"training-{index}",
        story,
        frozenset(labels),
        CheckContext(directory=directory(), sessions=(BRIEFING,)),
    )


def _seed_stories() -> list[EvalStory]:
    """The two seed stories' facts, as the units wrote them and as they should read."""
    context = CheckContext(directory=directory(), sessions=(BRIEFING,))
    palu = {
        "title": "Lapas Perempuan Palu Ikuti Penguatan Kehumasan, Bahas Etika Media Sosial ASN",
        "dateline": "Sigi",
        "event_date": BRIEFING_DAY,
        "unit_name": "Lapas Perempuan Kelas III Palu",
        "unit_type": "lapas_perempuan",
        "unit_class": "III",
        "unit_city": "Sigi",
        "photo_captions": ("Petugas mengikuti Zoom.",),
    }
    palu_body = (
        "<p>Penguatan ini dibuka oleh Direktur Kepatuhan Internal (Dirpatnal), Lilik Sujandi, "
        "yang meminta petugas tidak menyebarkan informasi yang belum terverifikasi.</p>"
        "<p>Kepala Kantor Wilayah Ditjenpas Sulawesi Tengah, Bagus Kurniawan, menilai kegiatan "
        "ini penting bagi seluruh petugas.</p>"
    )
    palu_lead = (
        "Lapas Perempuan Kelas III Palu mengikuti Penguatan Kehumasan yang diselenggarakan oleh "
        "Direktorat Teknologi Informasi dan Kerja Sama Pemasyarakatan, {when}."
    )
    pelaihari = {
        "title": "Rutan Pelaihari Ikuti Penguatan Bidang Kehumasan",
        "lead": (
            "Kepala Rutan Kelas IIB Pelaihari, Fani Andika, bersama pejabat struktural mengikuti "
            "Penguatan Bidang Kehumasan melalui Zoom Meeting pada Kamis (6/2)."
        ),
        "dateline": "Pelaihari",
        "event_date": BRIEFING_DAY,
        "unit_name": "Rutan Kelas IIB Pelaihari",
        "unit_type": "rutan",
        "unit_class": "IIB",
        "unit_city": "Tanah Laut",
        "photo_captions": ("Karutan dan jajaran mengikuti Zoom.",),
    }
    speakers = (
        "Materi disampaikan oleh Direktur Kepatuhan Internal, Lilik Sujandi, {extra}serta "
        "Direktur Teknologi Informasi dan Kerja Sama Pemasyarakatan, M. Hilal."
    )
    return [
        EvalStory(
            "seed-palu-as-written",
            StoryInput(
                lead=palu_lead.format(when="Kamis (07/02)"),
                body="<p>KANWIL KEMENTERIAN HUKUM DAN HAM RI SULAWESI TENGAH</p>" + palu_body,
                **palu,
            ),
            frozenset({"date.weekday_mismatch", "org.stale_name", "style.all_caps"}),
            context,
        ),
        EvalStory(
            "seed-palu-corrected",
            StoryInput(lead=palu_lead.format(when="Kamis (6/2)"), body=palu_body, **palu),
            frozenset(),
            context,
        ),
        EvalStory(
            "seed-pelaihari-as-written",
            StoryInput(
                body="<p>"
                + speakers.format(extra="perwakilan dari Direktur Pengamanan dan Intelijen ")
                + "</p>",
                **pelaihari,
            ),
            frozenset({"training.speaker_unknown"}),
            context,
        ),
        EvalStory(
            "seed-pelaihari-corrected",
            StoryInput(body="<p>" + speakers.format(extra="") + "</p>", **pelaihari),
            frozenset(),
            context,
        ),
    ]
