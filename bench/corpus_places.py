"""Places and people for generated benchmark data: units per Kanwil, their towns, names."""


def _split(names: str) -> list[str]:
    """Comma-separated names as a list."""
    return [name.strip() for name in names.split(",")]


# Roughly how many UPT each Kanwil has (627 in all, October 2025). Only the national total and
# Aceh's 31 are published; the rest are estimates that follow the size of each province.
UNITS_PER_KANWIL: dict[str, int] = {
    "aceh": 31,
    "sumut": 42,
    "sumbar": 22,
    "riau": 20,
    "kepri": 12,
    "jambi": 13,
    "sumsel": 26,
    "babel": 9,
    "bengkulu": 10,
    "lampung": 20,
    "dki-jakarta": 17,
    "jabar": 43,
    "banten": 15,
    "jateng": 48,
    "diy": 7,
    "jatim": 52,
    "kalbar": 17,
    "kalteng": 15,
    "kalsel": 17,
    "kaltim-kaltara": 22,
    "bali": 11,
    "ntb": 12,
    "ntt": 20,
    "sulut": 13,
    "gorontalo": 7,
    "sulteng": 15,
    "sulbar": 7,
    "sulsel": 32,
    "sultra": 15,
    "maluku": 13,
    "malut": 9,
    "papua": 16,
    "papua-barat": 10,
}

# Towns that host units, the provincial capital first. "Place|City" names a unit after a place
# that lies in another city or regency (the island prisons of Nusakambangan, for example).
TOWNS: dict[str, list[str]] = {
    "aceh": "Banda Aceh,Lhokseumawe,Langsa,Meulaboh,Takengon,Sigli,Bireuen,Lhoksukon,Calang,"
    "Tapaktuan,Kutacane,Blangkejeren,Singkil,Sinabang,Idi,Jantho,Blangpidie,Sabang,Subulussalam",
    "sumut": "Medan,Binjai,Pematangsiantar,Tebing Tinggi,Tanjung Balai,Sibolga,Padangsidimpuan,"
    "Gunungsitoli,Kabanjahe,Lubuk Pakam,Rantau Prapat,Kisaran,Tarutung,Balige,Sidikalang,"
    "Pangkalan Brandan,Stabat,Labuhan Ruku,Panyabungan,Gunung Tua,Sei Rampah,"
    "Tanjung Gusta|Medan,Pancur Batu|Deli Serdang,Hinai|Langkat",
    "sumbar": "Padang,Bukittinggi,Payakumbuh,Solok,Sawahlunto,Padang Panjang,Pariaman,"
    "Batusangkar,Lubuk Sikaping,Painan,Muaro Sijunjung,Lubuk Basung,Talu,Muara Labuh",
    "riau": "Pekanbaru,Dumai,Bengkalis,Selatpanjang,Bagansiapiapi,Tembilahan,Rengat,"
    "Teluk Kuantan,Bangkinang,Pasir Pengaraian,Siak Sri Indrapura,Pangkalan Kerinci",
    "kepri": "Tanjungpinang,Batam,Dabo Singkep,Ranai,Tarempa,Tanjung Uban",
    "jambi": "Jambi,Muara Bungo,Muara Bulian,Kuala Tungkal,Sarolangun,Bangko,Muara Sabak,"
    "Sungai Penuh,Muara Tebo",
    "sumsel": "Palembang,Lubuklinggau,Prabumulih,Pagar Alam,Lahat,Muara Enim,Baturaja,"
    "Kayuagung,Sekayu,Martapura|Ogan Komering Ulu Timur,Tanjung Raja,Muaradua,Tebing Tinggi "
    "Empat Lawang|Empat Lawang,Pangkalan Balai,Muara Beliti",
    "babel": "Pangkalpinang,Tanjung Pandan,Sungailiat,Mentok,Koba,Toboali,Manggar",
    "bengkulu": "Bengkulu,Curup,Manna,Argamakmur,Mukomuko,Kepahiang,Tais",
    "lampung": "Bandar Lampung,Metro,Kotabumi,Kalianda,Gunung Sugih,Menggala,Sukadana|Lampung "
    "Timur,Kota Agung,Liwa,Blambangan Umpu,Gedong Tataan,Pringsewu,Way Hui|Lampung Selatan",
    "dki-jakarta": "Jakarta Pusat,Jakarta Timur,Jakarta Selatan,Jakarta Barat,Jakarta Utara,"
    "Salemba|Jakarta Pusat,Pondok Bambu|Jakarta Timur,Cipinang|Jakarta Timur,Kepulauan Seribu",
    "jabar": "Bandung,Bogor,Depok,Bekasi,Cikarang,Karawang,Purwakarta,Subang,Cianjur,Sukabumi,"
    "Garut,Tasikmalaya,Ciamis,Banjar,Kuningan,Cirebon,Indramayu,Majalengka,Sumedang,Cibinong,"
    "Gunung Sindur|Kab. Bogor,Banceuy|Bandung,Sukamiskin|Bandung,Warungkiara|Sukabumi,"
    "Soreang|Kab. Bandung,Cikalong Wetan|Bandung Barat",
    "banten": "Serang,Tangerang,Cilegon,Pandeglang,Rangkasbitung,Tigaraksa|Kab. Tangerang,"
    "Tangerang Selatan,Pasir Sembung|Kab. Tangerang",
    "jateng": "Semarang,Surakarta,Magelang,Salatiga,Pekalongan,Tegal,Cilacap,Kebumen,"
    "Purworejo,Wonosobo,Temanggung,Kendal,Batang,Pemalang,Brebes,Slawi,Banjarnegara,"
    "Purbalingga,Klaten,Boyolali,Sragen,Karanganyar,Wonogiri,Sukoharjo,Blora,Rembang,Pati,"
    "Kudus,Jepara,Demak,Grobogan,Ambarawa,Kutoarjo|Purworejo,Besi Nusakambangan|Cilacap,"
    "Kembang Kuning Nusakambangan|Cilacap,Pasir Putih Nusakambangan|Cilacap,Permisan "
    "Nusakambangan|Cilacap,Karanganyar Nusakambangan|Cilacap",
    "diy": "Yogyakarta,Sleman,Bantul,Wates,Wonosari,Pakem|Sleman",
    "jatim": "Surabaya,Malang,Kediri,Blitar,Madiun,Mojokerto,Pasuruan,Probolinggo,Batu,"
    "Sidoarjo,Gresik,Lamongan,Tuban,Bojonegoro,Ngawi,Magetan,Ponorogo,Pacitan,Trenggalek,"
    "Tulungagung,Nganjuk,Jombang,Bangil,Lumajang,Jember,Bondowoso,Situbondo,Banyuwangi,"
    "Bangkalan,Sampang,Pamekasan,Sumenep,Porong|Sidoarjo,Kraksaan|Probolinggo,"
    "Kepanjen|Kab. Malang,Medaeng|Sidoarjo",
    "kalbar": "Pontianak,Singkawang,Sambas,Mempawah,Ngabang,Sanggau,Sintang,Putussibau,"
    "Ketapang,Bengkayang,Sekadau,Nanga Pinoh",
    "kalteng": "Palangka Raya,Sampit,Pangkalan Bun,Kuala Kapuas,Muara Teweh,Buntok,"
    "Tamiang Layang,Kuala Kurun,Kasongan,Kuala Pembuang,Nanga Bulik,Sukamara,Puruk Cahu,"
    "Pulang Pisau",
    "kalsel": "Banjarmasin,Martapura,Kotabaru,Batulicin,Marabahan,Rantau,Kandangan,Barabai,"
    "Amuntai,Tanjung|Tabalong,Paringin,Teluk Dalam|Banjarmasin",
    "kaltim-kaltara": "Samarinda,Balikpapan,Bontang,Tenggarong,Tanah Grogot,Penajam,Sendawar,"
    "Sangatta,Tanjung Selor,Nunukan,Malinau,Bulungan",
    "bali": "Denpasar,Singaraja,Tabanan,Negara,Gianyar,Bangli,Klungkung,Amlapura,Badung",
    "ntb": "Mataram,Selong,Praya,Sumbawa Besar,Dompu,Bima,Taliwang,Gerung",
    "ntt": "Kupang,Atambua,Kefamenanu,Soe,Kalabahi,Larantuka,Maumere,Ende,Bajawa,Ruteng,"
    "Labuan Bajo,Waingapu,Waikabubak,Rote,Lembata,Borong,Mbay",
    "sulut": "Manado,Bitung,Tondano,Amurang,Kotamobagu,Tahuna,Melonguane,Airmadidi,Ratahan,Boroko",
    "gorontalo": "Gorontalo,Limboto,Marisa,Kwandang,Tilamuta,Suwawa",
    "sulteng": "Palu,Donggala,Poso,Luwuk,Banggai,Tolitoli,Buol,Ampana,Bungku,Salakan,Petobo|Palu",
    "sulbar": "Mamuju,Majene,Mamasa,Pasangkayu,Tobadak|Mamuju Tengah",
    "sulsel": "Makassar,Sungguminasa,Maros,Pangkajene,Barru,Parepare,Pinrang,Sidrap,Enrekang,"
    "Makale,Rantepao,Palopo,Masamba,Malili,Sengkang,Watampone,Sinjai,Bulukumba,Bantaeng,"
    "Jeneponto,Takalar,Selayar,Watansoppeng,Bollangi|Gowa",
    "sultra": "Kendari,Baubau,Raha,Kolaka,Unaaha,Andoolo,Lasusua,Rumbia,Wangi-Wangi,Pasarwajo",
    "maluku": "Ambon,Masohi,Tual,Saumlaki,Namlea,Piru,Dobo,Bula,Langgur",
    "malut": "Ternate,Tidore,Sofifi,Tobelo,Labuha,Sanana,Weda,Jailolo,Morotai",
    "papua": "Jayapura,Biak,Nabire,Merauke,Wamena,Timika,Serui,Sarmi,Keerom,Tanah Merah,Agats",
    "papua-barat": "Manokwari,Fakfak,Kaimana,Teminabuan,Bintuni,Waisai,Aimas,Wasior",
}
TOWNS = {slug: _split(towns) for slug, towns in TOWNS.items()}

# (unit type, name prefix, weight, [(class, weight), ...]); the classes fit the unit's type as
# the database's unit_class_matches_type constraint requires.
UNIT_KINDS: list[tuple[str, str, int, list[tuple[str, int]]]] = [
    ("lapas", "Lapas", 40, [("IIA", 35), ("IIB", 45), ("III", 15), ("I", 5)]),
    ("rutan", "Rutan", 25, [("IIB", 75), ("IIA", 18), ("I", 7)]),
    ("bapas", "Bapas", 13, [("II", 80), ("I", 20)]),
    ("rupbasan", "Rupbasan", 8, [("II", 70), ("I", 30)]),
    ("lpka", "LPKA", 4, [("II", 75), ("I", 25)]),
    ("lapas_perempuan", "Lapas Perempuan", 4, [("IIA", 50), ("IIB", 40), ("III", 10)]),
    ("lapas_narkotika", "Lapas Narkotika", 3, [("IIA", 60), ("IIB", 30), ("III", 10)]),
    ("lapas_pemuda", "Lapas Pemuda", 1, [("IIA", 70), ("III", 30)]),
    ("lapas_terbuka", "Lapas Terbuka", 1, [("IIB", 80), ("III", 20)]),
    ("rutan_perempuan", "Rutan Perempuan", 1, [("IIA", 60), ("IIB", 40)]),
    ("cabang_rutan", "Cabang Rutan", 1, [("", 1)]),
]

# How the head of each kind of unit is called in news text.
HEAD_TITLE: dict[str, str] = {
    "lapas": "Kalapas",
    "lapas_perempuan": "Kalapas",
    "lapas_narkotika": "Kalapas",
    "lapas_pemuda": "Kalapas",
    "lapas_terbuka": "Kalapas",
    "lpka": "Kepala LPKA",
    "rutan": "Karutan",
    "rutan_perempuan": "Karutan",
    "cabang_rutan": "Kepala Cabang Rutan",
    "bapas": "Kabapas",
    "rupbasan": "Kepala Rupbasan",
}

FIRST_NAMES: list[str] = _split(
    "Agus,Budi,Dedi,Eko,Fajar,Hendra,Irfan,Joko,Kurniawan,Lukman,Muhammad,Nur,Rahmat,Rudi,"
    "Slamet,Teguh,Wahyu,Yusuf,Andi,Ahmad,Siti,Dewi,Sri,Rina,Fitri,Yuni,Lestari,Ratna,Ayu,"
    "Indah,Nurul,Putri,Wulan,Maria,Yohanes,Bagus,Fani,Udur,Arief,Bambang,Dian,Erwin,Ferry,"
    "Gede,Hadi,Imam,Jefri,Kadek,Lilik,Made,Novi,Oktavia,Paulus,Ricky,Suryanto,Tri,Umar,"
    "Victor,Wayan,Yosef,Zainal,Anisa,Bella,Citra,Dina,Endah,Fransiska,Gita,Hana,Ika,Julia,"
    "Komang,Linda,Melati,Nanda,Ketut,Ridwan,Syahrul,Taufik,Hasan,Ilham,Reza,Dimas,Gilang"
)

LAST_NAMES: list[str] = _split(
    "Santoso,Wijaya,Saputra,Hidayat,Setiawan,Prasetyo,Gunawan,Nugroho,Hakim,Siregar,Nasution,"
    "Harahap,Lubis,Simanjuntak,Sitompul,Rangkuti,Tanjung,Daulay,Sembiring,Ginting,Tarigan,"
    "Manurung,Pardede,Sinaga,Panjaitan,Wattimena,Rumbiak,Wanggai,Mandacan,Palilu,Pakpahan,"
    "Rahman,Syahputra,Ramadhan,Kusuma,Hartono,Susanto,Purnomo,Suryadi,Firmansyah,Maulana,"
    "Hasibuan,Sujandi,Kurniawan,Martionna,Andika,Hilal,Pratama,Permana,Wibowo,Utomo,"
    "Sihombing,Lumbantobing,Tambunan,Pasaribu,Silalahi,Mokodompit,Lasut,Pangemanan,Rondonuwu,"
    "Tuanaya,Latuconsina,Rumagesan,Kambu,Yoku,Fonataba,Bahar,Daeng,Pawennari,Syamsuddin,"
    "Arifin,Hamzah,Iskandar,Junaedi,Kosasih,Mulyadi,Nurhadi,Pranoto,Rusdi,Sulaiman,Wiranata"
)
