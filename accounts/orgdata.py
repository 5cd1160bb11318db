"""Organisation reference data the portal ships with: Ditjenpas HQ, Kanwil and sample units."""

# Plain Python constants only, so this module can be imported without Django (e.g. by seeders
# and tests). Compiled from public sources (news reports and regulations, early 2026).
# Slugs are stable identifiers: do not change them once data has been loaded.

HEAD_OFFICE: dict[str, str] = {
    "name": "Direktorat Jenderal Pemasyarakatan",
    "short_name": "Ditjenpas",
    "slug": "ditjenpas",
}

# Units of the Ditjenpas head office named in 2025 sources; the full list is not confirmed.
DIRECTORATES: list[dict[str, str]] = [
    {
        "name": "Sekretariat Direktorat Jenderal Pemasyarakatan",
        "short_name": "Sesditjenpas",
        "slug": "sesditjenpas",
    },
    {
        "name": "Direktorat Kepatuhan Internal",
        "short_name": "Patnal",
        "slug": "patnal",
    },
    {
        "name": "Direktorat Teknologi Informasi dan Kerja Sama Pemasyarakatan",
        "short_name": "TI dan Kerja Sama",
        "slug": "ti-dan-kerja-sama",
    },
    {
        "name": "Direktorat Pengamanan dan Intelijen",
        "short_name": "Pamintel",
        "slug": "pamintel",
    },
    {
        "name": "Direktorat Bimbingan Kemasyarakatan",
        "short_name": "Bimkemas",
        "slug": "bimkemas",
    },
]

# The 33 Kantor Wilayah Ditjenpas. Kalimantan Utara is served by Kanwil Kaltim-Kaltara, the four
# new Papua provinces by Papua and Papua Barat (which also covers Papua Barat Daya).
# time_zone is the IANA zone of the Kanwil's seat: WIB = Asia/Jakarta or Asia/Pontianak
# (West and Central Kalimantan), WITA = Asia/Makassar, WIT = Asia/Jayapura.
KANWILS: list[dict[str, str]] = [
    # Sumatra (WIB)
    {"province": "Aceh", "short_name": "Aceh", "slug": "aceh", "time_zone": "Asia/Jakarta"},
    {
        "province": "Sumatera Utara",
        "short_name": "Sumut",
        "slug": "sumut",
        "time_zone": "Asia/Jakarta",
    },
    {
        "province": "Sumatera Barat",
        "short_name": "Sumbar",
        "slug": "sumbar",
        "time_zone": "Asia/Jakarta",
    },
    {"province": "Riau", "short_name": "Riau", "slug": "riau", "time_zone": "Asia/Jakarta"},
    {
        "province": "Kepulauan Riau",
        "short_name": "Kepri",
        "slug": "kepri",
        "time_zone": "Asia/Jakarta",
    },
    {"province": "Jambi", "short_name": "Jambi", "slug": "jambi", "time_zone": "Asia/Jakarta"},
    {
        "province": "Sumatera Selatan",
        "short_name": "Sumsel",
        "slug": "sumsel",
        "time_zone": "Asia/Jakarta",
    },
    {
        "province": "Kepulauan Bangka Belitung",
        "short_name": "Babel",
        "slug": "babel",
        "time_zone": "Asia/Jakarta",
    },
    {
        "province": "Bengkulu",
        "short_name": "Bengkulu",
        "slug": "bengkulu",
        "time_zone": "Asia/Jakarta",
    },
    {
        "province": "Lampung",
        "short_name": "Lampung",
        "slug": "lampung",
        "time_zone": "Asia/Jakarta",
    },
    # Java (WIB)
    {
        "province": "DKI Jakarta",
        "short_name": "DKI Jakarta",
        "slug": "dki-jakarta",
        "time_zone": "Asia/Jakarta",
    },
    {
        "province": "Jawa Barat",
        "short_name": "Jabar",
        "slug": "jabar",
        "time_zone": "Asia/Jakarta",
    },
    {"province": "Banten", "short_name": "Banten", "slug": "banten", "time_zone": "Asia/Jakarta"},
    {
        "province": "Jawa Tengah",
        "short_name": "Jateng",
        "slug": "jateng",
        "time_zone": "Asia/Jakarta",
    },
    {
        "province": "DI Yogyakarta",
        "short_name": "DIY",
        "slug": "diy",
        "time_zone": "Asia/Jakarta",
    },
    {
        "province": "Jawa Timur",
        "short_name": "Jatim",
        "slug": "jatim",
        "time_zone": "Asia/Jakarta",
    },
    # Kalimantan (West and Central: WIB via Asia/Pontianak; South and East: WITA)
    {
        "province": "Kalimantan Barat",
        "short_name": "Kalbar",
        "slug": "kalbar",
        "time_zone": "Asia/Pontianak",
    },
    {
        "province": "Kalimantan Tengah",
        "short_name": "Kalteng",
        "slug": "kalteng",
        "time_zone": "Asia/Pontianak",
    },
    {
        "province": "Kalimantan Selatan",
        "short_name": "Kalsel",
        "slug": "kalsel",
        "time_zone": "Asia/Makassar",
    },
    {
        "province": "Kalimantan Timur dan Kalimantan Utara",
        "short_name": "Kaltim-Kaltara",
        "slug": "kaltim-kaltara",
        "time_zone": "Asia/Makassar",
    },
    # Bali and Nusa Tenggara (WITA)
    {"province": "Bali", "short_name": "Bali", "slug": "bali", "time_zone": "Asia/Makassar"},
    {
        "province": "Nusa Tenggara Barat",
        "short_name": "NTB",
        "slug": "ntb",
        "time_zone": "Asia/Makassar",
    },
    {
        "province": "Nusa Tenggara Timur",
        "short_name": "NTT",
        "slug": "ntt",
        "time_zone": "Asia/Makassar",
    },
    # Sulawesi (WITA)
    {
        "province": "Sulawesi Utara",
        "short_name": "Sulut",
        "slug": "sulut",
        "time_zone": "Asia/Makassar",
    },
    {
        "province": "Gorontalo",
        "short_name": "Gorontalo",
        "slug": "gorontalo",
        "time_zone": "Asia/Makassar",
    },
    {
        "province": "Sulawesi Tengah",
        "short_name": "Sulteng",
        "slug": "sulteng",
        "time_zone": "Asia/Makassar",
    },
    {
        "province": "Sulawesi Barat",
        "short_name": "Sulbar",
        "slug": "sulbar",
        "time_zone": "Asia/Makassar",
    },
    {
        "province": "Sulawesi Selatan",
        "short_name": "Sulsel",
        "slug": "sulsel",
        "time_zone": "Asia/Makassar",
    },
    {
        "province": "Sulawesi Tenggara",
        "short_name": "Sultra",
        "slug": "sultra",
        "time_zone": "Asia/Makassar",
    },
    # Maluku and Papua (WIT)
    {"province": "Maluku", "short_name": "Maluku", "slug": "maluku", "time_zone": "Asia/Jayapura"},
    {
        "province": "Maluku Utara",
        "short_name": "Malut",
        "slug": "malut",
        "time_zone": "Asia/Jayapura",
    },
    {"province": "Papua", "short_name": "Papua", "slug": "papua", "time_zone": "Asia/Jayapura"},
    {
        "province": "Papua Barat",
        "short_name": "Papua Barat",
        "slug": "papua-barat",
        "time_zone": "Asia/Jayapura",
    },
]

# Unit type codes used in UNITS (UPT Pemasyarakatan, Permenkumham 7/2023).
UNIT_TYPES: tuple[str, ...] = (
    "lapas",
    "lapas_perempuan",
    "lapas_narkotika",
    "lapas_pemuda",
    "lapas_terbuka",
    "lpka",
    "rutan",
    "rutan_perempuan",
    "cabang_rutan",
    "bapas",
    "rupbasan",
)

# Unit classes; "" means none or unknown.
UNIT_CLASSES: tuple[str, ...] = ("I", "IIA", "IIB", "III", "II", "")

# Sample UPT with their real names. city is the actual location, which differs from the city in
# the name for Palu (Sigi), Banda Aceh (Aceh Besar), Yogyakarta (Gunungkidul) and Manado
# (Tomohon). Class is empty for Cabang Rutan Parigi (none) and Lapas Terbuka Nusakambangan
# (unverified).
UNITS: list[dict[str, str]] = [
    # Sulawesi Tengah
    {
        "name": "Lapas Perempuan Kelas III Palu",
        "unit_type": "lapas_perempuan",
        "unit_class": "III",
        "city": "Sigi",
        "kanwil": "sulteng",
        "slug": "lapas-perempuan-kelas-iii-palu",
    },
    {
        "name": "LPKA Kelas II Palu",
        "unit_type": "lpka",
        "unit_class": "II",
        "city": "Palu",
        "kanwil": "sulteng",
        "slug": "lpka-kelas-ii-palu",
    },
    {
        "name": "Lapas Kelas III Kolonodale",
        "unit_type": "lapas",
        "unit_class": "III",
        "city": "Morowali Utara",
        "kanwil": "sulteng",
        "slug": "lapas-kelas-iii-kolonodale",
    },
    {
        "name": "Cabang Rutan Parigi",
        "unit_type": "cabang_rutan",
        "unit_class": "",
        "city": "Parigi Moutong",
        "kanwil": "sulteng",
        "slug": "cabang-rutan-parigi",
    },
    # Kalimantan Selatan
    {
        "name": "Rutan Kelas IIB Pelaihari",
        "unit_type": "rutan",
        "unit_class": "IIB",
        "city": "Tanah Laut",
        "kanwil": "kalsel",
        "slug": "rutan-kelas-iib-pelaihari",
    },
    {
        "name": "Lapas Kelas IIB Banjarbaru",
        "unit_type": "lapas",
        "unit_class": "IIB",
        "city": "Banjarbaru",
        "kanwil": "kalsel",
        "slug": "lapas-kelas-iib-banjarbaru",
    },
    # Kalimantan Barat
    {
        "name": "Lapas Perempuan Kelas IIA Pontianak",
        "unit_type": "lapas_perempuan",
        "unit_class": "IIA",
        "city": "Pontianak",
        "kanwil": "kalbar",
        "slug": "lapas-perempuan-kelas-iia-pontianak",
    },
    # Kalimantan Timur and Kalimantan Utara
    {
        "name": "Rutan Kelas IIB Tanjung Redeb",
        "unit_type": "rutan",
        "unit_class": "IIB",
        "city": "Berau",
        "kanwil": "kaltim-kaltara",
        "slug": "rutan-kelas-iib-tanjung-redeb",
    },
    {
        "name": "Lapas Kelas IIA Tarakan",
        "unit_type": "lapas",
        "unit_class": "IIA",
        "city": "Tarakan",
        "kanwil": "kaltim-kaltara",
        "slug": "lapas-kelas-iia-tarakan",
    },
    # Aceh
    {
        "name": "Rutan Kelas IIB Banda Aceh",
        "unit_type": "rutan",
        "unit_class": "IIB",
        "city": "Aceh Besar",
        "kanwil": "aceh",
        "slug": "rutan-kelas-iib-banda-aceh",
    },
    {
        "name": "Lapas Kelas IIB Kuala Simpang",
        "unit_type": "lapas",
        "unit_class": "IIB",
        "city": "Aceh Tamiang",
        "kanwil": "aceh",
        "slug": "lapas-kelas-iib-kuala-simpang",
    },
    # Sumatera Utara
    {
        "name": "Lapas Kelas I Medan",
        "unit_type": "lapas",
        "unit_class": "I",
        "city": "Medan",
        "kanwil": "sumut",
        "slug": "lapas-kelas-i-medan",
    },
    {
        "name": "Rutan Perempuan Kelas IIA Medan",
        "unit_type": "rutan_perempuan",
        "unit_class": "IIA",
        "city": "Medan",
        "kanwil": "sumut",
        "slug": "rutan-perempuan-kelas-iia-medan",
    },
    # Sumatera Barat
    {
        "name": "Lapas Kelas III Suliki",
        "unit_type": "lapas",
        "unit_class": "III",
        "city": "Lima Puluh Kota",
        "kanwil": "sumbar",
        "slug": "lapas-kelas-iii-suliki",
    },
    # Kepulauan Riau
    {
        "name": "Rutan Kelas IIB Tanjung Balai Karimun",
        "unit_type": "rutan",
        "unit_class": "IIB",
        "city": "Karimun",
        "kanwil": "kepri",
        "slug": "rutan-kelas-iib-tanjung-balai-karimun",
    },
    # Sumatera Selatan
    {
        "name": "Lapas Perempuan Kelas IIA Palembang",
        "unit_type": "lapas_perempuan",
        "unit_class": "IIA",
        "city": "Palembang",
        "kanwil": "sumsel",
        "slug": "lapas-perempuan-kelas-iia-palembang",
    },
    # Kepulauan Bangka Belitung
    {
        "name": "Lapas Kelas IIA Pangkalpinang",
        "unit_type": "lapas",
        "unit_class": "IIA",
        "city": "Pangkalpinang",
        "kanwil": "babel",
        "slug": "lapas-kelas-iia-pangkalpinang",
    },
    # Bengkulu
    {
        "name": "Lapas Perempuan Kelas IIB Bengkulu",
        "unit_type": "lapas_perempuan",
        "unit_class": "IIB",
        "city": "Bengkulu",
        "kanwil": "bengkulu",
        "slug": "lapas-perempuan-kelas-iib-bengkulu",
    },
    # DKI Jakarta
    {
        "name": "Lapas Kelas I Cipinang",
        "unit_type": "lapas",
        "unit_class": "I",
        "city": "Jakarta Timur",
        "kanwil": "dki-jakarta",
        "slug": "lapas-kelas-i-cipinang",
    },
    # Jawa Barat
    {
        "name": "Lapas Narkotika Kelas IIA Jelekong",
        "unit_type": "lapas_narkotika",
        "unit_class": "IIA",
        "city": "Kab. Bandung",
        "kanwil": "jabar",
        "slug": "lapas-narkotika-kelas-iia-jelekong",
    },
    # Banten
    {
        "name": "Lapas Perempuan Kelas IIA Tangerang",
        "unit_type": "lapas_perempuan",
        "unit_class": "IIA",
        "city": "Tangerang",
        "kanwil": "banten",
        "slug": "lapas-perempuan-kelas-iia-tangerang",
    },
    # Jawa Tengah
    {
        "name": "Lapas Kelas I Batu Nusakambangan",
        "unit_type": "lapas",
        "unit_class": "I",
        "city": "Cilacap",
        "kanwil": "jateng",
        "slug": "lapas-kelas-i-batu-nusakambangan",
    },
    {
        "name": "Lapas Terbuka Nusakambangan",
        "unit_type": "lapas_terbuka",
        "unit_class": "",
        "city": "Cilacap",
        "kanwil": "jateng",
        "slug": "lapas-terbuka-nusakambangan",
    },
    {
        "name": "Lapas Kelas IIA Purwokerto",
        "unit_type": "lapas",
        "unit_class": "IIA",
        "city": "Banyumas",
        "kanwil": "jateng",
        "slug": "lapas-kelas-iia-purwokerto",
    },
    {
        "name": "Bapas Kelas II Purwokerto",
        "unit_type": "bapas",
        "unit_class": "II",
        "city": "Banyumas",
        "kanwil": "jateng",
        "slug": "bapas-kelas-ii-purwokerto",
    },
    # DI Yogyakarta
    {
        "name": "Lapas Perempuan Kelas IIB Yogyakarta",
        "unit_type": "lapas_perempuan",
        "unit_class": "IIB",
        "city": "Gunungkidul",
        "kanwil": "diy",
        "slug": "lapas-perempuan-kelas-iib-yogyakarta",
    },
    {
        "name": "Rutan Kelas IIB Wates",
        "unit_type": "rutan",
        "unit_class": "IIB",
        "city": "Kulon Progo",
        "kanwil": "diy",
        "slug": "rutan-kelas-iib-wates",
    },
    # Jawa Timur
    {
        "name": "Lapas Pemuda Kelas IIA Madiun",
        "unit_type": "lapas_pemuda",
        "unit_class": "IIA",
        "city": "Madiun",
        "kanwil": "jatim",
        "slug": "lapas-pemuda-kelas-iia-madiun",
    },
    # Bali
    {
        "name": "Lapas Kelas IIA Kerobokan",
        "unit_type": "lapas",
        "unit_class": "IIA",
        "city": "Badung",
        "kanwil": "bali",
        "slug": "lapas-kelas-iia-kerobokan",
    },
    {
        "name": "LPKA Kelas II Karangasem",
        "unit_type": "lpka",
        "unit_class": "II",
        "city": "Karangasem",
        "kanwil": "bali",
        "slug": "lpka-kelas-ii-karangasem",
    },
    # Nusa Tenggara Barat
    {
        "name": "Lapas Terbuka Kelas IIB Lombok Tengah",
        "unit_type": "lapas_terbuka",
        "unit_class": "IIB",
        "city": "Lombok Tengah",
        "kanwil": "ntb",
        "slug": "lapas-terbuka-kelas-iib-lombok-tengah",
    },
    # Nusa Tenggara Timur
    {
        "name": "Lapas Kelas IIA Kupang",
        "unit_type": "lapas",
        "unit_class": "IIA",
        "city": "Kupang",
        "kanwil": "ntt",
        "slug": "lapas-kelas-iia-kupang",
    },
    # Sulawesi Utara
    {
        "name": "Lapas Perempuan Kelas IIB Manado",
        "unit_type": "lapas_perempuan",
        "unit_class": "IIB",
        "city": "Tomohon",
        "kanwil": "sulut",
        "slug": "lapas-perempuan-kelas-iib-manado",
    },
    # Gorontalo
    {
        "name": "Lapas Kelas IIA Gorontalo",
        "unit_type": "lapas",
        "unit_class": "IIA",
        "city": "Kota Gorontalo",
        "kanwil": "gorontalo",
        "slug": "lapas-kelas-iia-gorontalo",
    },
    # Sulawesi Tenggara
    {
        "name": "Lapas Kelas IIA Kendari",
        "unit_type": "lapas",
        "unit_class": "IIA",
        "city": "Kendari",
        "kanwil": "sultra",
        "slug": "lapas-kelas-iia-kendari",
    },
    # Sulawesi Barat
    {
        "name": "Lapas Kelas IIB Polewali Mandar",
        "unit_type": "lapas",
        "unit_class": "IIB",
        "city": "Polewali Mandar",
        "kanwil": "sulbar",
        "slug": "lapas-kelas-iib-polewali-mandar",
    },
    # Maluku
    {
        "name": "Lapas Kelas III Wahai",
        "unit_type": "lapas",
        "unit_class": "III",
        "city": "Maluku Tengah",
        "kanwil": "maluku",
        "slug": "lapas-kelas-iii-wahai",
    },
    # Maluku Utara
    {
        "name": "Bapas Kelas II Ternate",
        "unit_type": "bapas",
        "unit_class": "II",
        "city": "Ternate",
        "kanwil": "malut",
        "slug": "bapas-kelas-ii-ternate",
    },
    # Papua
    {
        "name": "Lapas Kelas IIA Abepura",
        "unit_type": "lapas",
        "unit_class": "IIA",
        "city": "Jayapura",
        "kanwil": "papua",
        "slug": "lapas-kelas-iia-abepura",
    },
    {
        "name": "Lapas Perempuan Kelas III Jayapura",
        "unit_type": "lapas_perempuan",
        "unit_class": "III",
        "city": "Jayapura",
        "kanwil": "papua",
        "slug": "lapas-perempuan-kelas-iii-jayapura",
    },
    # Papua Barat (also serves Papua Barat Daya, where Sorong is)
    {
        "name": "Lapas Kelas IIB Sorong",
        "unit_type": "lapas",
        "unit_class": "IIB",
        "city": "Sorong",
        "kanwil": "papua-barat",
        "slug": "lapas-kelas-iib-sorong",
    },
    {
        "name": "Rutan Kelas IIB Teluk Bintuni",
        "unit_type": "rutan",
        "unit_class": "IIB",
        "city": "Teluk Bintuni",
        "kanwil": "papua-barat",
        "slug": "rutan-kelas-iib-teluk-bintuni",
    },
]
