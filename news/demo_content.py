"""Text of the demo stories (written for the demo, from the facts of real unit reports)."""

from datetime import datetime
from zoneinfo import ZoneInfo

WITA = ZoneInfo("Asia/Makassar")

# The Zoom briefing took place on Thursday 6 February 2025; one unit's report wrongly said
# Friday 7 February, which is why the event date is kept apart from the publication date.
# The demo keeps the units' errors on purpose so that the editorial checks show them: Palu's
# "Kamis (07/02)" and its pre-2024 office header; Pelaihari's extra Pamintel speaker.
ZOOM_BRIEFING_START = datetime(2025, 2, 6, 10, 0, tzinfo=WITA)

PALU_BRIEFING = {
    "title": "Lapas Perempuan Palu Ikuti Penguatan Kehumasan tentang Etika Bermedia Sosial",
    "lead": (
        "Jajaran Lapas Perempuan Kelas III Palu mengikuti Penguatan Kehumasan yang digelar "
        "Direktorat Teknologi Informasi dan Kerja Sama Pemasyarakatan secara daring, Kamis (07/02)."
    ),
    "body": (
        "<p>KANWIL KEMENTERIAN HUKUM DAN HAM RI SULAWESI TENGAH</p>"
        "<p>Kegiatan melalui Zoom Meeting ini diikuti seluruh Kantor Wilayah Ditjenpas dan UPT "
        "Pemasyarakatan di Indonesia. Tema utamanya adalah etika penggunaan media sosial bagi "
        "Aparatur Sipil Negara (ASN) Pemasyarakatan.</p>"
        "<h2>Citra institusi di ruang digital</h2>"
        "<p>Direktur Kepatuhan Internal, Lilik Sujandi, membuka kegiatan dan mengingatkan bahwa "
        "unggahan pribadi petugas ikut membentuk wajah institusi. Ia meminta petugas memeriksa "
        "kebenaran informasi sebelum membagikannya.</p>"
        "<p>Sekretaris Direktorat Jenderal Pemasyarakatan, Gun Gun Gunawan, kemudian menguraikan "
        "batas dan tanggung jawab ASN di media sosial, antara lain:</p>"
        "<ul><li>menjaga kerahasiaan informasi negara;</li>"
        "<li>tidak ikut menyebarkan kabar bohong;</li>"
        "<li>berpegang pada kode etik dan nilai dasar BerAKHLAK.</li></ul>"
        "<p>Direktur Teknologi Informasi dan Kerja Sama Pemasyarakatan, Maulidi Hilal, menutup "
        "sesi materi dengan ajakan agar akun yang dikelola petugas menjadi sarana informasi yang "
        "positif bagi masyarakat. Sesi tanya jawab membahas kasus nyata yang kerap dihadapi "
        "petugas.</p>"
        "<blockquote>Kami akan membekali petugas secara berkala agar setiap unggahan tetap sesuai "
        "kode etik ASN.</blockquote>"
        "<p>Demikian disampaikan Kepala Lapas Perempuan Palu, Udur Martionna, usai kegiatan. "
        "Kepala Kantor Wilayah Ditjenpas Sulawesi Tengah, Bagus Kurniawan, menilai penguatan ini "
        "penting agar petugas lebih berhati-hati dalam setiap unggahan.</p>"
    ),
    "dateline": "Sigi",
    "tags": ["kehumasan", "media sosial", "etika ASN"],
    "photos": [
        (
            "Petugas Lapas Perempuan Palu menyimak materi Penguatan Kehumasan melalui Zoom.",
            "Humas Lapas Perempuan Palu",
        ),
        (
            "Kepala Lapas Perempuan Palu bersama tim humas usai kegiatan daring.",
            "Humas Lapas Perempuan Palu",
        ),
    ],
}

PELAIHARI_BRIEFING = {
    "title": "Rutan Pelaihari Perkuat Kehumasan lewat Materi Etika Media Sosial ASN",
    "lead": (
        "Kepala Rutan Kelas IIB Pelaihari, Fani Andika, bersama pejabat struktural dan staf "
        "mengikuti Penguatan Bidang Kehumasan yang diselenggarakan Ditjenpas melalui Zoom "
        "Meeting, Kamis (6/2)."
    ),
    "body": (
        "<p>Kegiatan daring ini diikuti seluruh jajaran Kantor Wilayah dan UPT Pemasyarakatan, "
        "dengan fokus pada etika bermedia sosial bagi ASN Pemasyarakatan.</p>"
        "<p>Materi disampaikan oleh Direktur Kepatuhan Internal, Lilik Sujandi, perwakilan "
        "Direktorat Pengamanan dan Intelijen, serta Direktur Teknologi Informasi dan Kerja Sama "
        "Pemasyarakatan, M. Hilal. Para narasumber menekankan bahwa sikap petugas di dunia maya "
        "mencerminkan profesionalisme institusi.</p>"
        "<p>Peserta juga diajak berinovasi dalam mencegah peredaran halinar (handphone, pungutan "
        "liar dan narkoba) serta memaksimalkan publikasi kegiatan melalui kanal resmi.</p>"
        "<p>Sekretaris Direktorat Jenderal Pemasyarakatan, Gun Gun Gunawan, meminta petugas "
        "memakai media sosial untuk kabar positif dan menghindari konten yang merugikan citra, "
        "misalnya foto merokok saat bertugas.</p>"
        "<p>Usai kegiatan, Fani Andika meminta tim humas segera menindaklanjuti arahan pimpinan "
        "agar setiap informasi dari Rutan Pelaihari tampil profesional.</p>"
    ),
    "dateline": "Pelaihari",
    "tags": ["kehumasan", "media sosial", "halinar"],
    "photos": [
        (
            "Karutan Pelaihari dan jajaran mengikuti Penguatan Kehumasan secara daring.",
            "Humas Rutan Pelaihari",
        ),
    ],
}

# Shorter stories that fill the desks with every state of the workflow.
EVERYDAY_STORIES = [
    {
        "unit": "lapas-perempuan-kelas-iii-palu",
        "title": "Warga Binaan Lapas Perempuan Palu Belajar Menjahit Tas Anyaman",
        "lead": "Sebanyak dua puluh warga binaan mengikuti pelatihan menjahit tas anyaman.",
        "body": "<p>Pelatihan berlangsung selama tiga hari di ruang kegiatan kerja.</p>",
        "category": "pembinaan",
        "days_ago": 5,
        "state": "published",
    },
    {
        "unit": "lapas-perempuan-kelas-iii-palu",
        "title": "Razia Kamar Hunian Lapas Perempuan Palu Nihil Barang Terlarang",
        "lead": "Petugas pengamanan menggeledah seluruh kamar hunian pada Senin malam.",
        "body": "<p>Penggeledahan dipimpin Kepala Kesatuan Pengamanan dan berjalan tertib.</p>",
        "category": "keamanan",
        "days_ago": 3,
        "state": "submitted",
    },
    {
        "unit": "lapas-perempuan-kelas-iii-palu",
        "title": "Layanan Kunjungan Daring Dibuka Setiap Hari Kerja",
        "lead": "Keluarga warga binaan kini dapat mendaftar kunjungan video secara daring.",
        "body": "<p>Pendaftaran dibuka pukul 08.00 hingga 14.00 Wita.</p>",
        "category": "layanan",
        "days_ago": 2,
        "state": "changes_requested",
        "note": "Mohon cantumkan nomor layanan pengaduan dan perbaiki keterangan foto.",
    },
    {
        "unit": "lapas-perempuan-kelas-iii-palu",
        "title": "Pemeriksaan Kesehatan Gratis bagi Warga Binaan",
        "lead": "Puskesmas setempat memeriksa kesehatan warga binaan lanjut usia.",
        "body": "<p>Pemeriksaan meliputi tekanan darah, gula darah dan konsultasi gizi.</p>",
        "category": "kesehatan",
        "days_ago": 1,
        "state": "draft",
    },
    {
        "unit": "rutan-kelas-iib-pelaihari",
        "title": "Rutan Pelaihari Tanam Cabai di Lahan Pembinaan",
        "lead": "Warga binaan menanam bibit cabai di lahan seluas dua ratus meter persegi.",
        "body": "<p>Program ketahanan pangan ini didampingi penyuluh pertanian setempat.</p>",
        "category": "pembinaan",
        "days_ago": 4,
        "state": "scheduled",
    },
    {
        "unit": "rutan-kelas-iib-pelaihari",
        "title": "Rutan Pelaihari Gelar Apel Kesiapsiagaan",
        "lead": "Seluruh petugas mengikuti apel kesiapsiagaan menjelang libur panjang.",
        "body": "<p>Apel dipimpin Kepala Rutan dan diakhiri pemeriksaan sarana pengamanan.</p>",
        "category": "keamanan",
        "days_ago": 6,
        "state": "approved",
    },
    {
        "unit": "rutan-kelas-iib-pelaihari",
        "title": "Pengumuman Jadwal Kunjungan yang Keliru",
        "lead": "Jadwal kunjungan yang sempat diumumkan ternyata belum final.",
        "body": "<p>Jadwal resmi akan diumumkan kemudian.</p>",
        "category": "layanan",
        "days_ago": 8,
        "state": "withdrawn",
        "note": "Ditarik karena jadwal yang dimuat belum disetujui pimpinan.",
    },
    {
        "unit": "rutan-kelas-iib-pelaihari",
        "title": "Catatan Rapat Internal",
        "lead": "Ringkasan rapat internal bagian umum.",
        "body": "<p>Rapat membahas pembagian tugas piket.</p>",
        "category": "kegiatan",
        "days_ago": 7,
        "state": "rejected",
        "note": "Materi rapat internal tidak untuk dipublikasikan.",
    },
]

# Published stories of more units and regions, so every page of the public site has news.
# Titles avoid the word of the Zoom briefing, which tests look up by it.
PUBLIC_STORIES = [
    {
        "unit": "lapas-perempuan-kelas-iii-palu",
        "title": "Lapas Perempuan Palu Gelar Pemeriksaan Kesehatan Gigi bagi Warga Binaan",
        "lead": (
            "Sebanyak empat puluh warga binaan Lapas Perempuan Kelas III Palu mendapat "
            "pemeriksaan kesehatan gigi dari dokter gigi puskesmas setempat."
        ),
        "body": (
            "<p>Pemeriksaan berlangsung di klinik lapas sejak pagi. Setiap warga binaan "
            "mendapat konsultasi, pembersihan karang gigi dan sikat gigi baru.</p>"
            "<p>Kepala Seksi Pembinaan mengatakan kegiatan kesehatan seperti ini akan "
            "digelar rutin setiap tiga bulan.</p>"
        ),
        "category": "kesehatan",
        "tags": ["kesehatan", "warga binaan"],
        "days_ago": 9,
        "photos": [
            (
                "Dokter gigi memeriksa warga binaan di klinik Lapas Perempuan Palu.",
                "Humas Lapas Perempuan Palu",
            ),
        ],
    },
    {
        "unit": "lpka-kelas-ii-palu",
        "title": "Anak Binaan LPKA Palu Ikuti Ujian Kesetaraan Paket B",
        "lead": (
            "Dua belas anak binaan LPKA Kelas II Palu mengikuti ujian kesetaraan Paket B "
            "yang diselenggarakan bersama Pusat Kegiatan Belajar Masyarakat."
        ),
        "body": (
            "<p>Ujian berlangsung selama tiga hari di ruang kelas LPKA. Materi meliputi "
            "Bahasa Indonesia, Matematika, IPA dan Bahasa Inggris.</p>"
            "<p>Kepala LPKA berharap ijazah kesetaraan membuka jalan bagi anak binaan untuk "
            "melanjutkan sekolah setelah bebas.</p>"
        ),
        "category": "pembinaan",
        "tags": ["pendidikan", "anak binaan"],
        "days_ago": 3,
        "photos": [
            ("Anak binaan LPKA Palu mengerjakan soal ujian Paket B.", "Humas LPKA Palu"),
            ("Pengawas ujian membagikan lembar jawaban.", "Humas LPKA Palu"),
        ],
    },
    {
        "unit": "lpka-kelas-ii-palu",
        "title": "LPKA Palu Jalin Kerja Sama Pelatihan Kerja dengan Balai Latihan Kerja",
        "lead": (
            "LPKA Kelas II Palu menandatangani perjanjian kerja sama pelatihan keterampilan "
            "dengan Balai Latihan Kerja Kota Palu."
        ),
        "body": (
            "<p>Melalui kerja sama ini, instruktur balai akan melatih anak binaan di bidang "
            "perbengkelan sepeda motor dan tata boga.</p>"
            "<p>Penandatanganan disaksikan perwakilan Kantor Wilayah Ditjenpas Sulawesi "
            "Tengah.</p>"
        ),
        "category": "kerja-sama",
        "tags": ["pelatihan kerja", "anak binaan"],
        "days_ago": 12,
    },
    {
        "unit": "rutan-kelas-iib-pelaihari",
        "title": "Rutan Pelaihari Salurkan Hasil Panen Sayur ke Dapur Umum",
        "lead": (
            "Warga binaan Rutan Kelas IIB Pelaihari memanen sawi dan kangkung dari lahan "
            "pembinaan dan menyalurkannya ke dapur umum rutan."
        ),
        "body": (
            "<p>Panen kali ini mencapai delapan puluh kilogram sayur. Sebagian hasilnya "
            "diolah untuk makan warga binaan.</p>"
            "<p>Program ketahanan pangan ini didampingi penyuluh pertanian Kabupaten Tanah "
            "Laut.</p>"
        ),
        "category": "pembinaan",
        "tags": ["ketahanan pangan", "warga binaan"],
        "days_ago": 2,
        "dateline": "Pelaihari",
    },
    {
        "unit": "rutan-kelas-iib-pelaihari",
        "title": "Rutan Pelaihari Buka Layanan Informasi Terpadu bagi Pengunjung",
        "lead": (
            "Rutan Kelas IIB Pelaihari membuka layanan informasi terpadu di ruang tunggu "
            "pengunjung."
        ),
        "body": (
            "<p>Pengunjung dapat menanyakan jadwal kunjungan, syarat penitipan barang dan "
            "layanan pengaduan di satu loket.</p>"
            "<p>Layanan dibuka setiap hari kerja pukul 08.00 hingga 15.00 Wita.</p>"
        ),
        "category": "layanan",
        "tags": ["layanan publik"],
        "days_ago": 10,
        "dateline": "Pelaihari",
    },
    {
        "unit": "lapas-kelas-iib-banjarbaru",
        "title": "Lapas Banjarbaru Latih Warga Binaan Menjadi Barista",
        "lead": (
            "Lima belas warga binaan Lapas Kelas IIB Banjarbaru mengikuti pelatihan barista "
            "bersama pelaku usaha kopi setempat."
        ),
        "body": (
            "<p>Peserta belajar mengenal biji kopi, menyangrai dan menyeduh dengan berbagai "
            "metode.</p>"
            "<p>Hasil pelatihan akan dimanfaatkan di kafe kecil yang dikelola warga binaan "
            "di area kunjungan.</p>"
        ),
        "category": "pelatihan",
        "tags": ["pelatihan kerja", "warga binaan"],
        "days_ago": 1,
        "photos": [
            ("Warga binaan Lapas Banjarbaru belajar menyeduh kopi.", "Humas Lapas Banjarbaru"),
        ],
    },
    {
        "unit": "lapas-kelas-iib-banjarbaru",
        "title": "Lapas Banjarbaru Perketat Pemeriksaan Barang Titipan Keluarga",
        "lead": (
            "Petugas Lapas Kelas IIB Banjarbaru memeriksa setiap barang titipan keluarga "
            "dengan mesin pemindai untuk mencegah masuknya barang terlarang."
        ),
        "body": (
            "<p>Pemeriksaan merupakan bagian dari upaya memberantas halinar (handphone, "
            "pungutan liar dan narkoba).</p>"
            "<p>Keluarga diimbau mengemas makanan dalam wadah transparan agar pemeriksaan "
            "berjalan cepat.</p>"
        ),
        "category": "keamanan",
        "tags": ["halinar"],
        "days_ago": 4,
    },
    {
        "unit": "lapas-perempuan-kelas-iia-pontianak",
        "title": "Lapas Perempuan Pontianak Gelar Pameran Kerajinan Warga Binaan",
        "lead": (
            "Lapas Perempuan Kelas IIA Pontianak memamerkan kain tenun dan tas manik karya "
            "warga binaan di halaman kantor."
        ),
        "body": (
            "<p>Pameran dibuka untuk umum selama dua hari. Pengunjung dapat membeli langsung "
            "hasil kerajinan.</p>"
            "<p>Hasil penjualan disisihkan sebagai tabungan warga binaan.</p>"
        ),
        "category": "pembinaan",
        "tags": ["kerajinan", "warga binaan"],
        "days_ago": 6,
        "photos": [
            (
                "Pengunjung melihat kain tenun karya warga binaan Lapas Perempuan Pontianak.",
                "Humas Lapas Perempuan Pontianak",
            ),
        ],
    },
    {
        "unit": "lapas-perempuan-kelas-iia-pontianak",
        "title": "Lapas Perempuan Pontianak Ikuti Apel Deklarasi Zona Integritas",
        "lead": (
            "Seluruh petugas Lapas Perempuan Kelas IIA Pontianak mengikuti apel deklarasi "
            "pembangunan Zona Integritas menuju Wilayah Bebas dari Korupsi."
        ),
        "body": (
            "<p>Apel dipimpin Kepala Lapas dan diakhiri penandatanganan pakta integritas oleh "
            "seluruh pejabat struktural.</p>"
        ),
        "category": "kegiatan",
        "tags": ["zona integritas"],
        "days_ago": 7,
    },
]
