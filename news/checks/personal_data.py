"""Check 4: personal data that an ASN story must not carry (SE MenPANRB 137/2018)."""

from __future__ import annotations

import re

from django.utils.translation import gettext as _

from .base import BLOCK, WARN, Field, Finding, finding_at, sentence_around

# Province codes of the NIK (Dukcapil): the first two digits.
PROVINCE_CODES = frozenset(
    {11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36, 51, 52, 53}
    | {61, 62, 63, 64, 65, 71, 72, 73, 74, 75, 76, 81, 82, 91, 92, 93, 94, 95, 96, 97}
)
NIP_RE = re.compile(r"(?<![\d])\d{8}\s?\d{6}\s?\d\s?\d{3}(?![\d])")
# Sixteen digits, however a writer groups them (6-6-4, 4-4-4-4, or none).
SIXTEEN_RE = re.compile(r"(?<![\d.\-])\d(?:[ .-]?\d){15}(?![\d])")
KK_WORDS = re.compile(r"(?i)\b(KK|kartu\s+keluarga)\b")
PHONE_RE = re.compile(
    r"(?<![\w+])(?:"
    r"(?:\+62|62|0)[\s.-]?8\d{1,2}(?:[\s.-]?\d{2,4}){2,3}"  # mobile
    r"|(?:\+62[\s.-]?|\(0\d{2,3}\)\s?|0\d{2,3}[\s-])\d{3,4}[\s.-]?\d{3,5}"  # landline
    r")(?![\d])"
)
EMAIL_RE = re.compile(r"(?i)\b[\w.+-]+@([\w-]+(?:\.[\w-]+)+)\b")
# Addresses of institutions are fine; anything else is treated as someone's own mailbox.
INSTITUTIONAL = re.compile(r"(?i)\.(go|ac|sch|mil|or|desa)\.id$")
PLATE_PREFIXES = [
    "A",
    "B",
    "D",
    "E",
    "F",
    "G",
    "H",
    "K",
    "L",
    "M",
    "N",
    "P",
    "R",
    "S",
    "T",
    "W",
    "Z",
    "AA",
    "AB",
    "AD",
    "AE",
    "AG",
    "BA",
    "BB",
    "BD",
    "BE",
    "BG",
    "BH",
    "BK",
    "BL",
    "BM",
    "BN",
    "BP",
    "DA",
    "DB",
    "DC",
    "DD",
    "DE",
    "DG",
    "DH",
    "DK",
    "DL",
    "DM",
    "DN",
    "DR",
    "DT",
    "EA",
    "EB",
    "ED",
    "KB",
    "KH",
    "KT",
    "KU",
    "PA",
    "PB",
]
PLATE_RE = re.compile(
    rf"\b(?:{'|'.join(sorted(PLATE_PREFIXES, key=len, reverse=True))})\s?\d{{1,4}}\s?"
    r"(?!WIB\b|WITA\b|WIT\b|JP\b)[A-Z]{1,3}\b"
)
_NAME = r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+"
WBP_WORDS = r"(?i:warga\s+binaan(?:\s+pemasyarakatan)?|WBP|narapidana|napi|tahanan|terpidana)"
CASE_WORDS = re.compile(
    r"(?i)\b(kasus|vonis|divonis|pidana|dipidana|perkara|terjerat|hukuman|dihukum)\b"
)
WBP_NAMED = re.compile(
    rf"\b{WBP_WORDS}\s+(?:berinisial\s+|bernama\s+|atas\s+nama\s+)?(?P<name>{_NAME})"
    rf"|(?P<name2>{_NAME})\s*(?:\(\d{{2}}\))?,\s+(?:seorang\s+)?{WBP_WORDS}\b"
)
CHILD_NAMED = re.compile(
    rf"(?i:\b(?:anak\s+binaan|anak\s+didik|andikpas))\s+(?:bernama\s+)?(?P<name>{_NAME})"
    rf"|(?P<name2>{_NAME})\s*\((?:1[0-7]|[5-9])(?:\s*tahun)?\)"
)


CHILD_HINT = re.compile(r"(?i)\b(anak|andikpas)\b")
# Capitalised words that start an organisation or a place, not a person's name.
NOT_PERSON = frozenset(
    [
        "lapas",
        "rutan",
        "lpka",
        "bapas",
        "kelas",
        "klas",
        "kota",
        "kabupaten",
        "desa",
        "provinsi",
        "kanwil",
        "kepala",
        "lembaga",
        "rumah",
        "balai",
        "direktorat",
        "pemasyarakatan",
        "sulawesi",
        "kalimantan",
        "jawa",
        "sumatera",
        "papua",
        "nusa",
        "pulau",
        "lembaga",
        "jalan",
        "blok",
        "kamar",
        "pondok",
        "pesantren",
        "masjid",
        "gereja",
    ]
)


def _is_person(name: str) -> bool:
    """A name of two or more words, none of which opens a place or an office."""
    return not any(word.lower() in NOT_PERSON for word in name.split())


def _valid_nik(groups: tuple[str, str, str]) -> bool:
    """Province code, and a birth-date part DDMMYY (women add 40 to the day)."""
    region, birth, _serial = groups
    if int(region[:2]) not in PROVINCE_CODES:
        return False
    day, month = int(birth[:2]), int(birth[2:4])
    day = day - 40 if day > 40 else day
    return 1 <= day <= 31 and 1 <= month <= 12


def check_personal_data(fields: list[Field], unit_type: str = "") -> list[Finding]:
    """NIK, KK numbers, telephone numbers, personal e-mail, plates, named prisoners and children."""
    findings = []
    for where in fields:
        text = NIP_RE.sub(lambda match: "#" * len(match.group(0)), where.text)
        numbers = _numbers(where, text)
        # A NIK or KK number is reported once, not again as a telephone number.
        for found in numbers:
            text = text[: found.start] + "#" * (found.end - found.start) + text[found.end :]
        findings.extend(numbers)
        findings.extend(_contacts(where, text))
        findings.extend(_named_people(where, unit_type))
    return findings


def _numbers(where: Field, text: str) -> list[Finding]:
    findings = []
    for match in SIXTEEN_RE.finditer(text):
        digits = re.sub(r"\D", "", match.group(0))
        before = text[max(0, match.start() - 40) : match.start()]
        excerpt = where.text[match.start() : match.end()]
        if KK_WORDS.search(before):
            code, message = "privacy.kk", _("“%(excerpt)s” looks like a family card (KK) number.")
        elif _valid_nik((digits[:6], digits[6:12], digits[12:])):
            code, message = "privacy.nik", _("“%(excerpt)s” looks like a NIK (identity number).")
        else:
            continue
        findings.append(
            finding_at(
                code, BLOCK, message % {"excerpt": excerpt}, where, match.start(), match.end()
            )
        )
    return findings


def _contacts(where: Field, text: str) -> list[Finding]:
    findings = []
    for match in PHONE_RE.finditer(text):
        digits = re.sub(r"\D", "", match.group(0))
        if not 9 <= len(digits) <= 14:
            continue
        findings.append(
            finding_at(
                "privacy.phone",
                BLOCK,
                _("“%(excerpt)s” is a telephone number.") % {"excerpt": match.group(0)},
                where,
                match.start(),
                match.end(),
            )
        )
    for match in EMAIL_RE.finditer(text):
        if INSTITUTIONAL.search(match.group(1)):
            continue
        findings.append(
            finding_at(
                "privacy.email",
                BLOCK,
                _("“%(excerpt)s” is a personal e-mail address.") % {"excerpt": match.group(0)},
                where,
                match.start(),
                match.end(),
            )
        )
    for match in PLATE_RE.finditer(text):
        findings.append(
            finding_at(
                "privacy.plate",
                BLOCK,
                _("“%(excerpt)s” looks like a vehicle plate.") % {"excerpt": match.group(0)},
                where,
                match.start(),
                match.end(),
            )
        )
    return findings


def _named_people(where: Field, unit_type: str) -> list[Finding]:
    findings = []
    text = where.text
    # Only sentences with a case word can name a warga binaan beside their case.
    sentences = {sentence_around(text, m.start(), m.end()) for m in CASE_WORDS.finditer(text)}
    for left, right in sorted(sentences):
        for match in WBP_NAMED.finditer(text, left, right):
            name_group = "name" if match.group("name") else "name2"
            if not _is_person(match.group(name_group)):
                continue
            findings.append(
                finding_at(
                    "privacy.prisoner_named",
                    WARN,
                    _("“%(name)s”: a warga binaan named in full beside their case; use initials.")
                    % {"name": match.group(name_group)},
                    where,
                    match.start(name_group),
                    match.end(name_group),
                )
            )
    if unit_type != "lpka" and not CHILD_HINT.search(text):
        return findings
    for match in CHILD_NAMED.finditer(text):
        name_group = "name" if match.group("name") else "name2"
        if not _is_person(match.group(name_group)):
            continue
        findings.append(
            finding_at(
                "privacy.child_named",
                WARN,
                _("“%(name)s”: a child is named in full; use initials.")
                % {"name": match.group(name_group)},
                where,
                match.start(name_group),
                match.end(name_group),
            )
        )
    return findings
