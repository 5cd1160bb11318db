"""Evaluation stories phrased freely and labelled as an editor would, after the checks."""

from datetime import date

from accounts.orgdata import UNITS
from news.checks import CheckContext, StoryInput

from .eval_data import EvalStory, directory


def _held(name, unit_name, day, title, lead, body, labels, dateline=None, captions=None):
    unit = next(u for u in UNITS if u["name"] == unit_name)
    return EvalStory(
        f"held-{name}",
        StoryInput(
            title=title,
            lead=lead,
            body="".join(f"<p>{p}</p>" for p in body),
            dateline=dateline or unit["city"],
            event_date=day,
            unit_name=unit["name"],
            unit_type=unit["unit_type"],
            unit_class=unit["unit_class"],
            unit_city=unit["city"],
            photo_captions=captions or ("Suasana kegiatan.",),
        ),
        frozenset(labels),
        CheckContext(directory=directory()),
    )


def held_out() -> list[EvalStory]:
    """Stories phrased freely, labelled as an editor would, after the checks were written."""
    return [
        _held(
            "ternate",
            "Bapas Kelas II Ternate",
            date(2025, 3, 5),
            "Bapas Ternate Dampingi Klien Pemasyarakatan Ikuti Pelatihan Kerja",
            "Kepala Bapas Kelas II Ternate mendampingi klien pemasyarakatan mengikuti "
            "pelatihan kerja pada hari Rabu tanggal 5 Maret 2025.",
            ["Pembimbing kemasyarakatan mencatat kehadiran seluruh klien."],
            [],
        ),
        _held(
            "kendari",
            "Lapas Kelas IIA Kendari",
            date(2025, 3, 4),
            "Lapas Kendari Buka Layanan Pengaduan Keluarga",
            "Lapas Kelas IIA Kendari membuka layanan pengaduan bagi keluarga warga binaan, "
            "Selasa, 4/3/2025.",
            ["Keluarga dapat menyampaikan pengaduan lewat WA 0813-4000-1122 setiap hari kerja."],
            ["privacy.phone"],
        ),
        _held(
            "karangasem",
            "LPKA Kelas II Karangasem",
            date(2025, 3, 7),
            "LPKA Karangasem Gelar Lomba Menggambar",
            "Anak binaan LPKA Kelas II Karangasem mengikuti lomba menggambar, Jumat (7/3).",
            ["Anak binaan berinisial KD (15) meraih juara pertama."],
            [],
        ),
        _held(
            "wates",
            "Rutan Kelas IIB Wates",
            date(2025, 2, 6),
            "Rutan Wates Ikuti Penguatan Kehumasan",
            "Jajaran Rutan Kelas IIB Wates mengikuti penguatan kehumasan secara daring pada "
            "Kamis tanggal 7 Februari 2025.",
            ["Petugas humas menyimak materi hingga selesai."],
            ["date.weekday_mismatch"],
        ),
        _held(
            "sorong",
            "Lapas Kelas IIB Sorong",
            date(2025, 5, 14),
            "Lapas Sorong Terima Kunjungan Tokoh Adat",
            "Lapas Kelas IIB Sorong menerima kunjungan tokoh adat, Rabu (14/5).",
            ["Seorang tamu tercatat dengan nomor identitas 9171 0152 0690 0002 di buku tamu."],
            ["privacy.nik"],
        ),
        _held(
            "medan",
            "Lapas Kelas I Medan",
            date(2025, 6, 10),
            "Lapas Medan Gelar Pembinaan Kepribadian",
            "Lapas Kelas I Medan menggelar pembinaan kepribadian, Selasa (10/6).",
            ["Salah satu peserta, narapidana kasus korupsi, Budi Hartono, membacakan ikrar."],
            ["privacy.prisoner_named", "org.prisoner_term"],
        ),
        _held(
            "kupang",
            "Lapas Kelas IIA Kupang",
            date(2025, 7, 3),
            "Lapas Kupang Teken Kerja Sama Pelatihan Tenun",
            "Lapas Kelas IIA Kupang meneken kerja sama pelatihan tenun ikat, Kamis (3/7).",
            ["Penandatanganan disaksikan Kakanwil Kemenkumham NTT."],
            ["org.stale_name"],
        ),
        _held(
            "tangerang",
            "Lapas Perempuan Kelas IIA Tangerang",
            date(2025, 8, 12),
            "Lapas Perempuan Tangerang Gelar Pameran Kerajinan",
            "Lapas Perempuan Kelas IIA Tangerang menggelar pameran kerajinan, Selasa (12/8).",
            ["Pengunjung membeli tas rajut buatan warga binaan."],
            ["style.photo_caption"],
            captions=("Pameran kerajinan.", ""),
        ),
        _held(
            "gorontalo",
            "Lapas Kelas IIA Gorontalo",
            date(2025, 9, 2),
            "Lapas Gorontalo Ikuti Rapat Koordinasi Keamanan",
            "Kepala Lapas Kelas IIA Gorontalo mengikuti rapat koordinasi keamanan, Selasa (2/9).",
            ["Rapat membahas kesiapsiagaan menjelang pergantian regu jaga."],
            ["style.dateline"],
            dateline="Limboto",
        ),
        _held(
            "jelekong",
            "Lapas Narkotika Kelas IIA Jelekong",
            date(2025, 10, 8),
            "Lapas Narkotika Jelekong Gelar Rehabilitasi Sosial",
            "Lapas Narkotika Kelas IIB Jelekong membuka program rehabilitasi sosial, Rabu (8/10).",
            ["Konselor adiksi mendampingi peserta selama enam bulan."],
            ["org.unit_class"],
        ),
        _held(
            "banjarbaru",
            "Lapas Kelas IIB Banjarbaru",
            date(2025, 2, 14),
            "Lapas Banjarbaru Luncurkan Layanan Informasi Publik",
            "Lapas Kelas IIB Banjarbaru meluncurkan layanan informasi publik, Jumat (14/2).",
            [
                "Peluncuran dimulai pukul 08.00 Wita oleh pejabat ber-NIP 19750812 199803 1 002.",
                "Permohonan informasi dapat dikirim ke humas.banjarbaru@kemenimipas.go.id.",
            ],
            [],
        ),
        _held(
            "rutan-medan",
            "Rutan Perempuan Kelas IIA Medan",
            date(2025, 3, 8),
            "Rutan Perempuan Medan Peringati Hari Perempuan Internasional",
            "Rutan Perempuan Kelas IIA Medan memperingati Hari Perempuan Internasional, "
            "Sabtu (8/3/25).",
            ["Foto kegiatan dapat diminta melalui dewi.lestari@yahoo.com."],
            ["privacy.email"],
        ),
        _held(
            "wahai",
            "Lapas Kelas III Wahai",
            date(2025, 11, 20),
            "LAPAS WAHAI GELAR BAKTI SOSIAL DI DESA SEKITAR",
            "Lapas Kelas III Wahai menggelar bakti sosial di desa sekitar, Kamis (20/11).",
            ["Petugas membersihkan saluran air bersama warga desa."],
            ["style.all_caps"],
        ),
        _held(
            "madiun",
            "Lapas Pemuda Kelas IIA Madiun",
            date(2025, 4, 27),
            "Lapas Pemuda Madiun Peringati Hari Bakti Pemasyarakatan",
            "Lapas Pemuda Kelas IIA Madiun menggelar upacara Hari Bakti Pemasyarakatan ke-61, "
            "Minggu (27/4).",
            ["Rangkaian lomba sudah berjalan sejak 2 April lalu."],
            [],
        ),
        _held(
            "berau",
            "Rutan Kelas IIB Tanjung Redeb",
            date(2025, 5, 20),
            "Rutan Tanjung Redeb Ikuti Sosialisasi Zona Integritas",
            "Rutan Kelas IIB Tanjung Redeb mengikuti sosialisasi zona integritas, Selasa (20/5).",
            ["Materi disampaikan Kadiv Pas Kaltim melalui Zoom."],
            ["org.stale_name"],
        ),
        _held(
            "lpka-palu",
            "LPKA Kelas II Palu",
            date(2025, 6, 1),
            "LPKA Palu Gelar Lomba Azan",
            "LPKA Kelas II Palu menggelar lomba azan bagi anak binaan, Minggu (1/6).",
            ["Muhammad Fikri (16), anak binaan asal Donggala, menjadi juara."],
            ["privacy.child_named"],
        ),
    ]
