"""Check 2: organisation names after the 2024 reorganisation, units against the directory."""

from __future__ import annotations

import difflib
import re

from django.utils.translation import gettext as _

from .base import INFO, WARN, Field, Finding, UnitEntry, finding_at

CURRENT_MINISTRY = "Kementerian Imigrasi dan Pemasyarakatan (Kemenimipas)"
CURRENT_KANWIL = "Kantor Wilayah Direktorat Jenderal Pemasyarakatan (Kanwil Ditjenpas)"
CURRENT_KAKANWIL = "Kepala Kantor Wilayah Ditjenpas (Kakanwil Ditjenpas)"

# Longest forms first: an overlapping shorter match is dropped.
STALE_NAMES: list[tuple[re.Pattern, str]] = [
    (
        re.compile(
            r"(?i)\b(?:Kanwil|Kantor\s+Wilayah)\s+(?:Kementerian\s+Hukum\s+dan\s+"
            r"(?:HAM|Hak\s+Asasi\s+Manusia)|Kemenkumham)(?:\s+RI)?\b"
        ),
        CURRENT_KANWIL,
    ),
    (re.compile(r"(?i)\bKadiv(?:\.\s*|\s+)?pas\b"), CURRENT_KAKANWIL),
    (re.compile(r"(?i)\bKepala\s+Divisi\s+Pemasyarakatan\b"), CURRENT_KAKANWIL),
    (re.compile(r"(?i)\bDivisi\s+Pemasyarakatan\b"), CURRENT_KANWIL),
    (
        re.compile(r"(?i)\bKementerian\s+Hukum\s+dan\s+(?:HAM|Hak\s+Asasi\s+Manusia)(?:\s+RI)?\b"),
        CURRENT_MINISTRY,
    ),
    (re.compile(r"(?i)\bKemenkumham\b"), CURRENT_MINISTRY),
    (re.compile(r"(?i)\bKumham\b"), CURRENT_MINISTRY),
]
# Names no directorate carries: the controlled list is in accounts.orgdata.
WRONG_DIRECTORATES: list[tuple[re.Pattern, str]] = [
    (
        re.compile(r"(?i)\b(?:Direktorat|Direktur)\s+(?:Teknologi\s+dan\s+Informasi|TEKFORMA)\b"),
        "Direktorat Teknologi Informasi dan Kerja Sama Pemasyarakatan",
    ),
    (re.compile(r"(?i)\bDirtekforma\b"), "Direktur Teknologi Informasi dan Kerja Sama"),
    (
        re.compile(r"(?i)\bDirektorat\s+Pembinaan\s+Aparatur\s+Intelijen\b"),
        "Direktorat Pengamanan dan Intelijen",
    ),
]
NAME_RULES = STALE_NAMES + WRONG_DIRECTORATES
# One pass over the text for every rule: the first rule that matches at a place wins.
NAME_RE = re.compile(
    # Every rule starts with K or D; the lookahead skips other places at C speed.
    "(?=[KD])(?:"
    + "|".join(
        f"(?P<r{index}>{pattern.pattern.removeprefix('(?i)')})"
        for index, (pattern, _suggestion) in enumerate(NAME_RULES)
    )
    + ")",
    re.IGNORECASE,
)
# A stale name in a sentence about the past is history, not an error.
HISTORY = re.compile(r"(?i)\b(dahulu|dulu|semula|sebelum\s+(?:pemisahan|reorganisasi)|era)\b")
PRISONER_WORDS = re.compile(r"(?i)\b(napi|narapidana)\b")

TYPE_WORDS: list[tuple[str, str]] = [
    (r"Lembaga\s+Pemasyarakatan(?:\s*\(\s*Lapas\s*\))?", "lapas"),
    (r"Lapas", "lapas"),
    (r"LPP", "lapas_perempuan"),
    (r"Rumah\s+Tahanan(?:\s+Negara)?(?:\s*\(\s*Rutan\s*\))?", "rutan"),
    (r"Rutan", "rutan"),
    (r"Lembaga\s+Pembinaan\s+Khusus\s+Anak(?:\s*\(\s*LPKA\s*\))?", "lpka"),
    (r"LPKA", "lpka"),
    (r"Balai\s+Pemasyarakatan(?:\s*\(\s*Bapas\s*\))?", "bapas"),
    (r"Bapas", "bapas"),
    (r"Rupbasan", "rupbasan"),
]
_TYPE = "|".join(f"(?P<t{index}>{pattern})" for index, (pattern, _code) in enumerate(TYPE_WORDS))
_PLACE_WORD = r"[A-Z][a-zA-Z']+"
UNIT_RE = re.compile(
    rf"\b(?:{_TYPE})(?:\s+(?P<variant>Perempuan|Narkotika|Pemuda|Terbuka))?\s+(?:Kelas|Klas)\s+"
    rf"(?P<cls>I{{1,3}}(?:\s*-?\s*[AB](?![a-z]))?|IV)\s+"
    rf"(?P<place>{_PLACE_WORD}(?:\s+{_PLACE_WORD}){{0,2}})"
)


def normalise_class(value: str) -> str:
    """'II A', 'II-A', 'iia' → 'IIA'."""
    return re.sub(r"[\s-]", "", value).upper()


def _unit_type(match: re.Match) -> str:
    base = next(code for index, (_p, code) in enumerate(TYPE_WORDS) if match.group(f"t{index}"))
    variant = (match.group("variant") or "").lower()
    if base in ("lapas", "rutan") and variant:
        if base == "rutan":
            return "rutan_perempuan" if variant == "perempuan" else base
        return f"lapas_{variant}"
    return base


def _place_of(entry: UnitEntry) -> str:
    """The place in a unit's name: the words after the class."""
    match = re.search(r"(?:Kelas|Klas)\s+\S+\s+(.+)$", entry.name)
    if match:
        return match.group(1)
    return entry.name.split()[-1]


def check_names(fields: list[Field]) -> list[Finding]:
    """Stale ministry and office names, wrong directorate names, and 'napi'."""
    findings = []
    for where in fields:
        for match in NAME_RE.finditer(where.text):
            left = max(0, match.start() - 60)
            if HISTORY.search(where.text[left : match.start()]):
                continue
            suggestion = NAME_RULES[int(match.lastgroup[1:])][1]
            findings.append(
                finding_at(
                    "org.stale_name",
                    WARN,
                    _("“%(excerpt)s” is not the current name; write “%(suggestion)s”.")
                    % {"excerpt": match.group(0), "suggestion": suggestion},
                    where,
                    match.start(),
                    match.end(),
                    suggestion=suggestion,
                )
            )
        for match in PRISONER_WORDS.finditer(where.text):
            findings.append(
                finding_at(
                    "org.prisoner_term",
                    INFO,
                    _("“%(excerpt)s”: for people in coaching write “warga binaan” (UU 22/2022).")
                    % {"excerpt": match.group(0)},
                    where,
                    match.start(),
                    match.end(),
                )
            )
    return findings


def check_units(fields: list[Field], directory: tuple[UnitEntry, ...]) -> list[Finding]:
    """Unit names with a class or a place that the directory does not have."""
    if not directory:
        return []
    by_type: dict[str, list[tuple[str, UnitEntry]]] = {}
    for entry in directory:
        by_type.setdefault(entry.unit_type, []).append((_place_of(entry).lower(), entry))
    findings = []
    for where in fields:
        for match in UNIT_RE.finditer(where.text):
            finding = _check_unit(where, match, by_type)
            if finding is not None:
                findings.append(finding)
    return findings


def _check_unit(where: Field, match: re.Match, by_type: dict) -> Finding | None:
    unit_type = _unit_type(match)
    written_class = normalise_class(match.group("cls"))
    words = match.group("place").split()
    candidates = by_type.get(unit_type, [])
    for size in range(len(words), 0, -1):
        place = " ".join(words[:size]).lower()
        exact = [entry for known, entry in candidates if known == place]
        if not exact:
            continue
        if any(entry.unit_class == written_class for entry in exact):
            return None
        entry = exact[0]
        end = match.start("place") + len(" ".join(words[:size]))
        return finding_at(
            "org.unit_class",
            WARN,
            _("“%(excerpt)s”: the directory lists this unit as “%(name)s”.")
            % {"excerpt": where.text[match.start() : end], "name": entry.name},
            where,
            match.start(),
            end,
            suggestion=entry.name,
        )
    for size in range(min(2, len(words)), 0, -1):
        place = " ".join(words[:size]).lower()
        known_places = [known for known, _entry in candidates]
        close = difflib.get_close_matches(place, known_places, n=1, cutoff=0.75)
        if close and close[0] != place:
            entry = next(entry for known, entry in candidates if known == close[0])
            end = match.start("place") + len(" ".join(words[:size]))
            return finding_at(
                "org.unit_place",
                WARN,
                _("“%(excerpt)s”: did you mean “%(name)s”?")
                % {"excerpt": where.text[match.start() : end], "name": entry.name},
                where,
                match.start(),
                end,
                suggestion=entry.name,
            )
    return None
