"""Check 1: weekdays against dates, and dates in the text against the event date."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _

from .base import BLOCK, WARN, Field, Finding, StoryInput, finding_at, sentence_around

WEEKDAYS = {
    "senin": 0,
    "selasa": 1,
    "rabu": 2,
    "kamis": 3,
    "jumat": 4,
    "jum'at": 4,
    "jum’at": 4,
    "sabtu": 5,
    "minggu": 6,
    "ahad": 6,
}
WEEKDAY_NAMES = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
MONTHS = {
    "januari": 1,
    "jan": 1,
    "februari": 2,
    "pebruari": 2,
    "feb": 2,
    "peb": 2,
    "maret": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "mei": 5,
    "juni": 6,
    "jun": 6,
    "juli": 7,
    "jul": 7,
    "agustus": 8,
    "agt": 8,
    "agu": 8,
    "ags": 8,
    "agst": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "oktober": 10,
    "okt": 10,
    "november": 11,
    "nopember": 11,
    "nov": 11,
    "nop": 11,
    "desember": 12,
    "des": 12,
}
MONTH_NAMES = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
]

_WEEKDAY = r"(?P<weekday>Senin|Selasa|Rabu|Kamis|Jum['’]?at|Sabtu|Minggu|Ahad)"
_PART = r"(?:\s+(?:pagi|siang|sore|malam|dini\s+hari))?"
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
# d/m, d/m/y, d-m-y; a dot only with a year, so clock times ("10.30") are not dates.
_NUMERIC = (
    r"(?<![\d/.-])(?P<nd>\d{1,2})\s?(?P<sep>[/-])\s?(?P<nm>\d{1,2})"
    r"(?:\s?(?P=sep)\s?(?P<ny>\d{4}|\d{2}))?(?![\d/])"
    r"|(?<![\d/.-])(?P<dd>\d{1,2})\.(?P<dm>\d{1,2})\.(?P<dy>\d{4})(?!\d)"
)
_NAMED = rf"(?<!\d)(?P<td>\d{{1,2}})\s+(?P<tm>{_MONTH})\.?(?:\s+(?P<ty>\d{{4}}))?(?![\w])"
DATE_RE = re.compile(
    # The lookahead lets the engine skip, at C speed, every place no date can start.
    rf"(?=[\dSsRrKkJjMmAa])(?:\b{_WEEKDAY}{_PART}\s*,?\s*(?:(?:tanggal|tgl\.?)\s+)?"
    r"(?P<paren>\(\s*)?)?"
    rf"(?:{_NUMERIC}|{_NAMED})(?(paren)\s*\)?)",
    re.IGNORECASE,
)

# Words that say a date belongs to another event than the one reported.
OTHER_EVENT = re.compile(
    r"(?i)\b(sebelumnya|lalu|mendatang|akan|dijadwalkan|rencana\w*|sejak|hingga|sampai|"
    r"berlaku|diterbitkan|ditetapkan|ditandatangani|lahir|kelahiran|tahun\s+lalu|periode|"
    r"sebelum|setelah|pekan\s+depan|bulan\s+depan|batas|tenggat|paling\s+lambat|terakhir|"
    r"berikutnya|kembali\s+digelar|pernah)\b"
)


@dataclass(frozen=True)
class DateMention:
    """A date written in the text, resolved to a calendar day where possible."""

    start: int
    end: int
    day: int
    month: int
    year: int | None
    weekday: int | None
    explicit: bool  # a weekday, parentheses, a year or a month name make it clearly a date

    def resolve(self, around: date | None) -> date | None:
        """The calendar date, taking the year nearest to the event date when none is written."""
        if self.year is not None:
            return _safe_date(self.year, self.month, self.day)
        if around is None:
            return None
        options = [
            candidate
            for year in (around.year - 1, around.year, around.year + 1)
            if (candidate := _safe_date(year, self.month, self.day)) is not None
        ]
        if not options:
            return None
        return min(options, key=lambda candidate: abs((candidate - around).days))


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _year(text: str | None) -> int | None:
    if not text:
        return None
    value = int(text)
    return value + 2000 if value < 100 else value


def parse_dates(text: str) -> list[DateMention]:
    """Every date expression in the text, in order (pure; never raises on odd input)."""
    mentions = []
    for match in DATE_RE.finditer(text or ""):
        groups = match.groupdict()
        weekday_word = (groups["weekday"] or "").lower().replace("’", "'")
        weekday = WEEKDAYS.get(weekday_word.replace("'", "")) if weekday_word else None
        if groups["td"]:
            day, month = int(groups["td"]), MONTHS[groups["tm"].lower()]
            year, explicit = _year(groups["ty"]), True
        elif groups["dd"]:
            day, month, year = int(groups["dd"]), int(groups["dm"]), _year(groups["dy"])
            explicit = True
        else:
            day, month, year = int(groups["nd"]), int(groups["nm"]), _year(groups["ny"])
            explicit = bool(weekday is not None or groups["paren"] or year is not None)
            if not explicit:
                explicit = match.start() > 0 and text[match.start() - 1] == "("
        if not (1 <= month <= 12 and 1 <= day <= 31):
            continue
        if year is not None and not (1900 <= year <= 2100):
            continue
        mentions.append(
            DateMention(match.start(), match.end(), day, month, year, weekday, explicit)
        )
    return mentions


def long_date(day: date) -> str:
    """A date the Indonesian way: Kamis, 6 Februari 2025."""
    return f"{WEEKDAY_NAMES[day.weekday()]}, {day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def check_dates(story: StoryInput, fields: list[Field]) -> list[Finding]:
    """Weekday/date mismatches, impossible dates and dates far from the event date."""
    findings = []
    for where in fields:
        for mention in parse_dates(where.text):
            if not mention.explicit:
                continue
            findings.extend(_check_mention(story, where, mention))
    return findings


def _check_mention(story: StoryInput, where: Field, mention: DateMention) -> list[Finding]:
    resolved = mention.resolve(story.event_date)
    if resolved is None:
        if mention.year is not None or story.event_date is not None:
            return [
                finding_at(
                    "date.impossible",
                    WARN,
                    _("“%(excerpt)s”: this date does not exist in the calendar.")
                    % {"excerpt": where.text[mention.start : mention.end]},
                    where,
                    mention.start,
                    mention.end,
                )
            ]
        return []
    excerpt = where.text[mention.start : mention.end]
    if mention.weekday is not None and resolved.weekday() != mention.weekday:
        return [
            finding_at(
                "date.weekday_mismatch",
                BLOCK,
                _("“%(excerpt)s”: %(date)s is a %(actual)s, not a %(written)s.")
                % {
                    "excerpt": excerpt,
                    "date": f"{resolved.day} {MONTH_NAMES[resolved.month - 1]} {resolved.year}",
                    "actual": WEEKDAY_NAMES[resolved.weekday()],
                    "written": WEEKDAY_NAMES[mention.weekday],
                },
                where,
                mention.start,
                mention.end,
                date=resolved.isoformat(),
            )
        ]
    if story.event_date is not None and abs((resolved - story.event_date).days) > 1:
        left, right = sentence_around(where.text, mention.start, mention.end)
        if OTHER_EVENT.search(where.text[left:right]):
            return []
        return [
            finding_at(
                "date.far_from_event",
                WARN,
                _("“%(excerpt)s” is %(days)s days from the event date (%(event)s).")
                % {
                    "excerpt": excerpt,
                    "days": abs((resolved - story.event_date).days),
                    "event": long_date(story.event_date),
                },
                where,
                mention.start,
                mention.end,
            )
        ]
    return []
