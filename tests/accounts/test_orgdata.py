"""Consistency tests for the organisation reference data."""

from zoneinfo import ZoneInfo

from django.utils.text import slugify

from accounts.orgdata import DIRECTORATES, HEAD_OFFICE, KANWILS, UNIT_CLASSES, UNIT_TYPES, UNITS

INDONESIAN_ZONES = {"Asia/Jakarta", "Asia/Pontianak", "Asia/Makassar", "Asia/Jayapura"}

# Classes each kind of unit may carry (Lapas/Rutan: I-III; LPKA, Bapas, Rupbasan: I/II).
CUSTODIAL_CLASSES = {"", "I", "IIA", "IIB", "III"}
CLASSES_BY_TYPE = {
    "lapas": CUSTODIAL_CLASSES,
    "lapas_perempuan": CUSTODIAL_CLASSES,
    "lapas_narkotika": CUSTODIAL_CLASSES,
    "lapas_pemuda": CUSTODIAL_CLASSES,
    "lapas_terbuka": CUSTODIAL_CLASSES,
    "rutan": CUSTODIAL_CLASSES,
    "rutan_perempuan": CUSTODIAL_CLASSES,
    "lpka": {"", "I", "II"},
    "bapas": {"", "I", "II"},
    "rupbasan": {"", "I", "II"},
    "cabang_rutan": {""},
}


def _kanwil(slug: str) -> dict[str, str]:
    """Return the Kanwil with the given slug."""
    return next(kanwil for kanwil in KANWILS if kanwil["slug"] == slug)


def _unit(name: str) -> dict[str, str]:
    """Return the unit with the given name."""
    return next(unit for unit in UNITS if unit["name"] == name)


def test_there_are_33_kanwil() -> None:
    """The official count of regional offices is 33."""
    assert len(KANWILS) == 33


def test_sample_units_all_present() -> None:
    """Every row of the sample-unit table is shipped."""
    assert len(UNITS) == 42


def test_slugs_are_unique() -> None:
    """Slugs do not repeat within the head office and directorates, Kanwil or units."""
    for records in ([HEAD_OFFICE, *DIRECTORATES], KANWILS, UNITS):
        slugs = [record["slug"] for record in records]
        assert len(slugs) == len(set(slugs))


def test_names_are_unique() -> None:
    """Names, provinces and Kanwil short names do not repeat."""
    for values in (
        [record["name"] for record in (HEAD_OFFICE, *DIRECTORATES)],
        [kanwil["province"] for kanwil in KANWILS],
        [kanwil["short_name"] for kanwil in KANWILS],
        [unit["name"] for unit in UNITS],
    ):
        assert len(values) == len(set(values))


def test_slugs_derive_from_names() -> None:
    """Kanwil slugs come from the short name, unit slugs from the unit name."""
    for kanwil in KANWILS:
        assert kanwil["slug"] == slugify(kanwil["short_name"])
    for unit in UNITS:
        assert unit["slug"] == slugify(unit["name"])
    for directorate in DIRECTORATES:
        assert directorate["slug"] == slugify(directorate["short_name"])


def test_time_zones_are_indonesian_iana_zones() -> None:
    """Every Kanwil uses one of the four Indonesian IANA zones, and all four occur."""
    zones = {kanwil["time_zone"] for kanwil in KANWILS}
    assert zones == INDONESIAN_ZONES
    for zone in zones:
        ZoneInfo(zone)


def test_west_and_central_kalimantan_use_pontianak() -> None:
    """Kalbar and Kalteng are WIB but in the Asia/Pontianak zone."""
    assert _kanwil("kalbar")["time_zone"] == "Asia/Pontianak"
    assert _kanwil("kalteng")["time_zone"] == "Asia/Pontianak"


def test_every_unit_belongs_to_a_known_kanwil() -> None:
    """Each unit's kanwil slug names one of the 33 Kanwil."""
    kanwil_slugs = {kanwil["slug"] for kanwil in KANWILS}
    for unit in UNITS:
        assert unit["kanwil"] in kanwil_slugs, unit["name"]


def test_unit_types_and_classes_are_known_and_compatible() -> None:
    """Types and classes use the known codes, and each class fits its unit type."""
    assert set(CLASSES_BY_TYPE) == set(UNIT_TYPES)
    for unit in UNITS:
        assert unit["unit_type"] in UNIT_TYPES, unit["name"]
        assert unit["unit_class"] in UNIT_CLASSES, unit["name"]
        assert unit["unit_class"] in CLASSES_BY_TYPE[unit["unit_type"]], unit["name"]
        assert unit["city"], unit["name"]


def test_palu_women_prison_stands_in_sigi() -> None:
    """Lapas Perempuan Kelas III Palu is under Kanwil Sulteng and stands in Sigi."""
    unit = _unit("Lapas Perempuan Kelas III Palu")
    assert unit["kanwil"] == "sulteng"
    assert unit["city"] == "Sigi"
    assert unit["unit_type"] == "lapas_perempuan"
    assert unit["unit_class"] == "III"


def test_pelaihari_is_in_kalsel() -> None:
    """Rutan Kelas IIB Pelaihari is under Kanwil Kalsel."""
    assert _unit("Rutan Kelas IIB Pelaihari")["kanwil"] == "kalsel"


def test_merged_regions_point_to_serving_kanwil() -> None:
    """Kaltara units go to Kaltim-Kaltara, Papua Barat Daya units to Papua Barat."""
    assert _unit("Lapas Kelas IIA Tarakan")["kanwil"] == "kaltim-kaltara"
    assert _unit("Lapas Kelas IIB Sorong")["kanwil"] == "papua-barat"
