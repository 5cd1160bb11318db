"""An evaluation set of short unit stories in the style of the seeds, each labelled with the
problem codes it contains (or none). Built from distinct activities, units, people and dates;
problems are written into chosen stories so every label is known. About a third are clean."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from accounts.orgdata import UNITS
from news.checks import CheckContext, StoryInput, UnitEntry

DAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
MONTHS = "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember"
MONTHS = MONTHS.split()
SHORT_MONTHS = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agt", "Sep", "Okt", "Nov", "Des"]
HEAD_TITLE = {
    "lapas": "Kepala Lapas",
    "lapas_perempuan": "Kepala Lapas Perempuan",
    "lapas_narkotika": "Kepala Lapas Narkotika",
    "lapas_pemuda": "Kepala Lapas Pemuda",
    "lapas_terbuka": "Kepala Lapas Terbuka",
    "rutan": "Kepala Rutan",
    "rutan_perempuan": "Kepala Rutan Perempuan",
    "lpka": "Kepala LPKA",
    "bapas": "Kepala Bapas",
}
HEADS = [
    "Hendra Saputra",
    "Rina Wulandari",
    "Agus Salim Harahap",
    "Dewi Kartika Sari",
    "Yusuf Maulana",
    "Sri Rahayu Ningsih",
    "Bambang Setiawan",
    "Nurhayati Lubis",
    "Rudi Hartono",
    "Fitri Handayani",
    "Arief Budiman",
    "Lestari Putri",
    "Teguh Prasetyo",
    "Wahyu Nugroho",
    "Siti Aminah",
    "Imam Syafii",
]
STAFF = [
    ("Kepala Seksi Pembinaan", "Dedi Kurniawan"),
    ("Kepala Kesatuan Pengamanan", "Joko Susilo"),
    ("Kepala Subseksi Perawatan", "Maya Anggraini"),
    ("Kepala Urusan Umum", "Rahmat Hidayat"),
    ("Kepala Seksi Kegiatan Kerja", "Andi Firmansyah"),
    ("Ketua Tim Humas", "Putri Melati"),
]
# (title, lead action, body sentence, quote) per activity; {u} is the short unit name.
ACTIVITIES = [
    (
        "{u} Gelar Penggeledahan Kamar Hunian",
        "menggelar penggeledahan kamar hunian warga binaan",
        "Petugas memeriksa setiap blok dan tidak menemukan barang terlarang.",
        "Penggeledahan rutin ini menjaga blok tetap bersih dari halinar",
    ),
    (
        "{u} Ikuti Penyuluhan Hukum bagi Warga Binaan",
        "mengikuti penyuluhan hukum bersama Pos Bantuan Hukum setempat",
        "Warga binaan bertanya tentang hak remisi dan pembebasan bersyarat.",
        "Kami ingin warga binaan memahami hak dan kewajibannya",
    ),
    (
        "Warga Binaan {u} Panen Sayur Hidroponik",
        "memanen sayur hidroponik hasil kegiatan kerja warga binaan",
        "Hasil panen berupa selada dan kangkung dijual ke pasar terdekat.",
        "Program ketahanan pangan ini memberi bekal keterampilan",
    ),
    (
        "{u} Laksanakan Tes Urine Serentak",
        "melaksanakan tes urine bagi petugas dan warga binaan",
        "Seluruh sampel yang diperiksa menunjukkan hasil negatif.",
        "Kami berkomitmen mewujudkan lingkungan yang bersih dari narkoba",
    ),
    (
        "{u} Gelar Pelatihan Menjahit",
        "membuka pelatihan menjahit bagi warga binaan",
        "Pelatihan berlangsung selama sepuluh hari dengan instruktur dari balai latihan kerja.",
        "Keterampilan ini dapat menjadi modal setelah bebas",
    ),
    (
        "{u} Perkuat Pembinaan Kerohanian",
        "menggelar pembinaan kerohanian bersama penyuluh agama",
        "Kegiatan diisi ceramah, doa bersama dan tadarus.",
        "Pembinaan mental spiritual menjadi dasar perubahan perilaku",
    ),
    (
        "{u} Terima Kunjungan Komisi III DPR",
        "menerima kunjungan kerja anggota Komisi III DPR",
        "Rombongan meninjau dapur, klinik dan ruang layanan kunjungan.",
        "Masukan para wakil rakyat akan kami tindak lanjuti",
    ),
    (
        "{u} Ikuti Apel Pagi dan Pengarahan",
        "mengikuti apel pagi dan pengarahan pimpinan",
        "Pimpinan menekankan disiplin jam kerja dan kebersihan lingkungan.",
        "Disiplin adalah wajah pelayanan kita",
    ),
    (
        "{u} Gelar Donor Darah",
        "menggelar donor darah bekerja sama dengan Palang Merah Indonesia",
        "Sebanyak empat puluh kantong darah terkumpul dari petugas dan keluarga.",
        "Kegiatan kemanusiaan ini kami jadikan agenda rutin",
    ),
    (
        "{u} Periksa Kesehatan Warga Binaan Lansia",
        "memeriksa kesehatan warga binaan lanjut usia",
        "Tim medis memeriksa tekanan darah, gula darah dan kondisi paru.",
        "Layanan kesehatan adalah hak setiap warga binaan",
    ),
    (
        "{u} Tanda Tangani Pakta Integritas",
        "menandatangani pakta integritas bersama seluruh pegawai",
        "Pegawai berjanji menolak pungutan liar dan gratifikasi.",
        "Integritas harus terlihat dalam pelayanan sehari-hari",
    ),
    (
        "{u} Salurkan Bantuan Sosial",
        "menyalurkan bantuan sosial kepada warga sekitar",
        "Paket sembako diserahkan kepada warga di sekitar kantor.",
        "Kami ingin hadir dan bermanfaat bagi masyarakat sekitar",
    ),
    (
        "{u} Latih Petugas Penanganan Kebakaran",
        "melatih petugas menangani kebakaran bersama dinas pemadam",
        "Petugas mempraktikkan penggunaan alat pemadam api ringan.",
        "Kesiapsiagaan bencana wajib dimiliki setiap petugas",
    ),
    (
        "{u} Gelar Lomba Kebersihan Blok",
        "menggelar lomba kebersihan blok hunian",
        "Penilaian meliputi kerapian kamar, taman dan saluran air.",
        "Lingkungan yang bersih membuat pembinaan berjalan baik",
    ),
    (
        "{u} Ikuti Rapat Koordinasi Kehumasan",
        "mengikuti rapat koordinasi kehumasan secara daring",
        "Rapat membahas target publikasi dan standar foto kegiatan.",
        "Setiap kegiatan harus terpublikasi dengan baik dan benar",
    ),
    (
        "{u} Resmikan Ruang Layanan Terpadu",
        "meresmikan ruang layanan terpadu bagi keluarga warga binaan",
        "Ruang baru dilengkapi antrean elektronik dan ruang tunggu ramah anak.",
        "Pelayanan yang cepat dan ramah adalah komitmen kami",
    ),
    (
        "{u} Gelar Senam Bersama",
        "menggelar senam bersama petugas dan warga binaan",
        "Senam diikuti pemeriksaan tekanan darah gratis.",
        "Tubuh yang sehat mendukung kinerja yang baik",
    ),
    (
        "{u} Bina Kemandirian lewat Pelatihan Barista",
        "membuka pelatihan barista bagi warga binaan",
        "Peserta belajar menyeduh kopi lokal dan mengelola kedai.",
        "Kopi lokal kami jadikan sarana pembinaan kemandirian",
    ),
    (
        "{u} Perketat Pengamanan Jelang Hari Raya",
        "memperketat pengamanan menjelang hari raya",
        "Jadwal regu jaga ditambah dan pemeriksaan barang titipan diperketat.",
        "Kami pastikan layanan kunjungan tetap aman dan tertib",
    ),
    (
        "{u} Ikuti Upacara Hari Bakti Pemasyarakatan",
        "mengikuti upacara Hari Bakti Pemasyarakatan",
        "Upacara dilanjutkan dengan pemberian penghargaan bagi pegawai teladan.",
        "Hari Bakti menjadi momentum memperbaiki diri",
    ),
]


@dataclass
class EvalStory:
    """One labelled story of the evaluation set."""

    name: str
    story: StoryInput
    labels: frozenset[str]
    context: CheckContext = field(default_factory=CheckContext)


def directory() -> tuple[UnitEntry, ...]:
    """The directory the project ships."""
    return tuple(UnitEntry(u["name"], u["unit_type"], u["unit_class"], u["city"]) for u in UNITS)


def _units() -> list[dict]:
    units = [u for u in UNITS if u["unit_class"] and u["unit_type"] in HEAD_TITLE]
    for unit in units:
        unit["place"] = unit["name"].split(f"Kelas {unit['unit_class']} ", 1)[1]
        kind = unit["name"].split(" Kelas ")[0]
        unit["short"] = f"{kind} {unit['place']}"
    return units


def day_expression(day: date, style: int, weekday_shift: int = 0) -> str:
    """The ways units write a date; a shift writes the wrong weekday."""
    weekday = DAYS[(day.weekday() + weekday_shift) % 7]
    options = [
        f"{weekday} ({day.day}/{day.month})",
        f"{weekday} ({day.day:02d}/{day.month:02d})",
        f"{weekday}, {day.day} {MONTHS[day.month - 1]} {day.year}",
        f"{weekday} pagi ({day.day}/{day.month})",
        f"{weekday} ({day.day}/{day.month}/{day.year})",
        f"{weekday}, {day.day} {SHORT_MONTHS[day.month - 1]} {day.year}",
        f"{weekday} siang ({day.day:02d}-{day.month:02d}-{day.year})",
    ]
    return options[style % len(options)]


def _base(index: int) -> dict:
    units = _units()
    unit = units[index % len(units)]
    title, action, sentence, quote = ACTIVITIES[(index + index // 40) % len(ACTIVITIES)]
    head = HEADS[(index * 7) % len(HEADS)]
    staff_title, staff_name = STAFF[index % len(STAFF)]
    day = date(2025, 1, 6) + timedelta(days=(index * 11) % 500)
    head_title = f"{HEAD_TITLE[unit['unit_type']]} {unit['place']}"
    dateline = unit["city"] if index % 2 else unit["place"]
    return {
        "unit": unit,
        "day": day,
        "title": title.format(u=unit["short"]),
        "lead_parts": (unit["name"], action, day_expression(day, index)),
        "body": [
            f"Kegiatan dipimpin langsung oleh {head_title}, {head}, dan diikuti jajaran pejabat "
            f"struktural. {sentence}",
            f"{staff_title}, {staff_name}, menjelaskan bahwa kegiatan disiapkan sejak pekan "
            f"sebelumnya agar berjalan tertib dan aman.",
            f"“{quote},” ujar {head} usai kegiatan.",
        ],
        "dateline": dateline,
        "head": head,
    }


def _story(base: dict, *, lead: str | None = None, title: str | None = None) -> StoryInput:
    unit = base["unit"]
    name, action, when = base["lead_parts"]
    return StoryInput(
        title=title or base["title"],
        lead=lead or f"Jajaran {name} {action}, {when}.",
        body="".join(f"<p>{paragraph}</p>" for paragraph in base["body"]),
        dateline=base["dateline"],
        event_date=base["day"],
        unit_name=unit["name"],
        unit_type=unit["unit_type"],
        unit_class=unit["unit_class"],
        unit_city=unit["city"],
        photo_captions=("Kegiatan berlangsung tertib.",),
    )


WRONG_CLASS = {"III": "IIA", "IIB": "IIA", "IIA": "IIB", "I": "IIA", "II": "I"}
OTHER_CITIES = ["Makassar", "Surabaya", "Bandung", "Semarang", "Denpasar", "Ambon"]
PROVINCE_CODES = [72, 63, 61, 64, 11, 12, 13, 16, 19, 31, 32, 33, 35, 51, 52, 53]


def _nik(index: int) -> str:
    code = PROVINCE_CODES[index % len(PROVINCE_CODES)]
    day = 1 + index % 28 + (40 if index % 2 else 0)
    region = f"{code}{index % 9 + 1:02d}{index % 7 + 1:02d}"
    return f"{region}{day:02d}{index % 12 + 1:02d}9{index % 10}{index:04d}"


def _misspell(place: str) -> str:
    head, last = place[:-1], place[-1]
    return head + ("y" if last in "aiueo" else last + "a")


def _when(base: dict, index: int, shift: int = 0) -> None:
    name, action, _old = base["lead_parts"]
    base["lead_parts"] = (name, action, day_expression(base["day"], index, shift))


def _weekday(base, i):
    _when(base, i, shift=1 + i % 5)
    return {"date.weekday_mismatch"}


def _far_date(base, i):
    other = base["day"] + timedelta(days=4 + i % 9)
    base["body"].insert(
        1, f"Kegiatan puncak digelar {DAYS[other.weekday()]} ({other.day}/{other.month}) di aula."
    )
    return {"date.far_from_event"}


def _impossible(base, i):
    day, month = [(30, 2), (31, 4), (31, 6), (31, 9), (31, 11)][i % 5]
    name, action, _old = base["lead_parts"]
    base["lead_parts"] = (name, action, f"{DAYS[i % 7]} ({day}/{month:02d})")
    return {"date.impossible"}


def _stale(base, i):
    phrase = [
        "Kanwil Kemenkumham",
        "Kepala Divisi Pemasyarakatan",
        "Kadivpas",
        "Kementerian Hukum dan HAM",
        "Kantor Wilayah Kementerian Hukum dan HAM RI",
    ][i % 5]
    base["body"].insert(2, f"Laporan kegiatan turut disampaikan kepada {phrase} setempat.")
    return {"org.stale_name"}


def _wrong_class(base, i):
    unit = base["unit"]
    name, action, when = base["lead_parts"]
    wrong = unit["name"].replace(
        f"Kelas {unit['unit_class']} ", f"Kelas {WRONG_CLASS[unit['unit_class']]} "
    )
    base["lead_parts"] = (wrong, action, when)
    return {"org.unit_class"}


def _misspelt(base, i):
    unit = base["unit"]
    name, action, when = base["lead_parts"]
    base["lead_parts"] = (
        unit["name"].replace(unit["place"], _misspell(unit["place"])),
        action,
        when,
    )
    return {"org.unit_place"}


def _napi(base, i):
    base["body"].insert(1, f"Sebanyak {40 + i} narapidana ikut ambil bagian dalam kegiatan.")
    return {"org.prisoner_term"}


def _nik_text(base, i):
    base["body"].insert(2, f"Peserta dari masyarakat mendaftar dengan NIK {_nik(i)} di pos jaga.")
    return {"privacy.nik"}


def _kk(base, i):
    base["body"].insert(2, f"Keluarga penerima bantuan tercatat dengan nomor KK {_nik(i + 3)}.")
    return {"privacy.kk"}


def _phone(base, i):
    number = ["0812-3456-78{:02d}", "+62 813 5521 {:04d}", "(0451) 42{:04d}", "0852 9988 7{:03d}"][
        i % 4
    ].format(i)
    base["body"].insert(2, f"Keluarga yang ingin mendaftar dapat menghubungi {number}.")
    return {"privacy.phone"}


def _email(base, i):
    mailbox = ["budi.santoso{}@gmail.com", "rina{}@yahoo.co.id", "humaspetugas{}@hotmail.com"][
        i % 3
    ].format(i)
    base["body"].insert(2, f"Dokumentasi dapat diminta melalui {mailbox}.")
    return {"privacy.email"}


def _plate(base, i):
    plate = ["DN 1234 AB", "DA 88 KL", "B 2451 TUV", "KT 7001 QR", "BK 315 MN"][i % 5]
    base["body"].insert(2, f"Bantuan diangkut dengan mobil bernomor polisi {plate}.")
    return {"privacy.plate"}


def _prisoner(base, i):
    name = ["Andi Prasetyo Wibowo", "Samsul Bahri", "Yohanes Tefa", "Made Suarta"][i % 4]
    base["body"].insert(
        2,
        f"Warga binaan bernama {name} yang menjalani pidana kasus narkotika tampil membaca puisi.",
    )
    return {"privacy.prisoner_named"}


def _child(base, i):
    name = ["Rizky Ananda Putra", "Bagas Saputra", "Nanda Pratama"][i % 3]
    base["body"].insert(2, f"Anak binaan bernama {name} membacakan doa di awal acara.")
    return {"privacy.child_named"}


def _long_title(base, i):
    base["title"] += (
        " sebagai Wujud Komitmen Pelayanan Prima dan Pembinaan yang Humanis bagi Seluruh Warga"
    )
    return {"style.title_long"}


def _caps(base, i):
    base["body"].insert(0, "SELURUH PEGAWAI DAN WARGA BINAAN MENGIKUTI KEGIATAN INI DENGAN TERTIB")
    return {"style.all_caps"}


def _no_when(base, i):
    name, action, _when_text = base["lead_parts"]
    base["lead_parts"] = (name, action, "di halaman kantor")
    return {"style.lead_when"}


def _dateline(base, i):
    base["dateline"] = OTHER_CITIES[i % len(OTHER_CITIES)]
    return {"style.dateline"}


def _weekday_and_stale(base, i):
    return _weekday(base, i) | _stale(base, i + 1)


def _phone_and_napi(base, i):
    return _phone(base, i) | _napi(base, i)


PROBLEMS = [
    _weekday,
    _far_date,
    _impossible,
    _stale,
    _wrong_class,
    _misspelt,
    _napi,
    _nik_text,
    _kk,
    _phone,
    _email,
    _plate,
    _prisoner,
    _child,
    _long_title,
    _caps,
    _no_when,
    _dateline,
    _weekday_and_stale,
    _phone_and_napi,
]
