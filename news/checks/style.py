"""Check 6: house style (who/what/when/where in the lead, title length, captions, capitals)."""

from __future__ import annotations

import re

from django.utils.translation import gettext as _

from .base import INFO, WARN, Field, Finding, StoryInput, finding_at
from .dates import WEEKDAYS, parse_dates

TITLE_MAX = 100
WHEN_WORDS = re.compile(
    rf"(?i)\b({'|'.join(WEEKDAYS)}|hari\s+ini|kemarin|pagi\s+tadi|malam\s+tadi|pekan\s+ini)\b"
)
ACTOR_WORDS = re.compile(
    r"\b(Kepala|Kalapas|Karutan|Kabapas|Kakanwil|Direktur|Dirjen\w*|Sesditjenpas|Menteri|Ka\.?"
    r"\s?UPT|Kasi|Kasubsi|Kaur|Tim|Petugas|Jajaran|Pejabat)\b|\b(petugas|jajaran|pejabat|"
    r"warga\s+binaan|tim|peserta|pegawai|staf)\b|\b[A-Z][a-z]+\s+[A-Z][a-z]+"
)
PLACE_WORDS = re.compile(
    r"\b(Lapas|Rutan|LPKA|LPP|Bapas|Rupbasan|Kanwil|Ditjenpas|Lembaga|Rumah\s+Tahanan|Balai|"
    r"Aula|Kantor|Gedung|Desa|Kota|Kabupaten|Zoom|daring|virtual|luring)\b"
)


def _place_in_name(unit_name: str) -> str:
    match = re.search(r"(?:Kelas|Klas)\s+\S+\s+(.+)$", unit_name or "")
    return match.group(1) if match else ""


def _clean_place(value: str) -> str:
    value = re.sub(r"(?i)^(kab\.?|kabupaten|kota)\s+", "", (value or "").strip())
    return value.lower()


def check_style(story: StoryInput, fields: dict[str, Field]) -> list[Finding]:
    """Lead completeness, title length, captions, dateline and text typed in capitals."""
    findings = []
    title = fields["title"]
    if len(title.text) > TITLE_MAX:
        findings.append(
            finding_at(
                "style.title_long",
                WARN,
                _("The title has %(count)s characters; keep it under about %(limit)s.")
                % {"count": len(title.text), "limit": TITLE_MAX},
                title,
                0,
                len(title.text),
            )
        )
    findings.extend(_lead(fields["lead"]))
    findings.extend(_captions(story))
    findings.extend(_dateline(story, fields["dateline"]))
    for where in fields.values():
        findings.extend(_capitals(where))
    return findings


def _lead(lead: Field) -> list[Finding]:
    if not lead.text:
        return []
    findings = []
    has_when = any(m.explicit for m in parse_dates(lead.text)) or WHEN_WORDS.search(lead.text)
    missing = [
        (not has_when, "style.lead_when", WARN, _("The lead does not say when it happened.")),
        (
            not ACTOR_WORDS.search(lead.text),
            "style.lead_who",
            INFO,
            _("The lead does not name who took part."),
        ),
        (
            not PLACE_WORDS.search(lead.text),
            "style.lead_where",
            INFO,
            _("The lead does not say where it happened."),
        ),
    ]
    for is_missing, code, severity, message in missing:
        if is_missing:
            findings.append(finding_at(code, severity, message, lead, 0, min(len(lead.text), 80)))
    return findings


def _captions(story: StoryInput) -> list[Finding]:
    if story.photo_captions is None:
        return []
    if not story.photo_captions:
        return [Finding("style.no_photo", INFO, _("The story has no photo yet."), field="photos")]
    return [
        Finding(
            "style.photo_caption",
            WARN,
            _("Photo %(number)s has no caption.") % {"number": number},
            excerpt=str(number),
            field="photos",
            paragraph=number - 1,
        )
        for number, caption in enumerate(story.photo_captions, start=1)
        if not caption.strip()
    ]


def _dateline(story: StoryInput, dateline: Field) -> list[Finding]:
    written = _clean_place(dateline.text)
    accepted = {_clean_place(story.unit_city), _clean_place(_place_in_name(story.unit_name))}
    accepted.discard("")
    if not written or not accepted or written in accepted:
        return []
    return [
        finding_at(
            "style.dateline",
            INFO,
            _("Dateline “%(excerpt)s”: the unit stands in %(places)s.")
            % {"excerpt": dateline.text, "places": " / ".join(sorted(p.title() for p in accepted))},
            dateline,
            0,
            len(dateline.text),
        )
    ]


_LETTER = re.compile(r"[^\W\d_]")
_LOWER = re.compile(r"[a-z]")


def _capitals(where: Field) -> list[Finding]:
    findings = []
    offset = 0
    for line in where.text.split("\n"):
        # Counted by regex (C speed): a line with more than 10% lower-case letters is not caps.
        lower = len(_LOWER.findall(line))
        letters = len(_LETTER.findall(line)) if lower * 10 < len(line) else 0
        if len(line.split()) >= 4 and letters >= 16 and (letters - lower) / letters > 0.9:
            findings.append(
                finding_at(
                    "style.all_caps",
                    WARN,
                    _("“%(excerpt)s” is typed in capitals; write it in normal case.")
                    % {"excerpt": line[:80]},
                    where,
                    offset,
                    offset + len(line),
                )
            )
        offset += len(line) + 1
    return findings
