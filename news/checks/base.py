"""Types shared by the editorial checks: the story as checked, its context and a finding."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from datetime import date

BLOCK = "block"
WARN = "warn"
INFO = "info"
SEVERITY_ORDER = {BLOCK: 0, WARN: 1, INFO: 2}

# A pasted document longer than this is checked only up to here (about 8,000 words), so a
# check never takes long; the writer is told with an info finding.
MAX_FIELD_CHARS = 50_000


@dataclass(frozen=True)
class Finding:
    """One problem found in a story: where it is, how serious, and what to do."""

    code: str
    severity: str
    message: str
    excerpt: str = ""
    field: str = ""
    start: int = 0
    end: int = 0
    paragraph: int = 0
    data: dict = dataclass_field(default_factory=dict, compare=False, hash=False)

    @property
    def key(self) -> str:
        """Stable identity for overrides: the code and the excerpt, not the offset."""
        return f"{self.code}:{' '.join(self.excerpt.split()).lower()[:120]}"

    def as_dict(self) -> dict:
        """A JSON-ready form for storage and the live endpoint."""
        return {
            "code": self.code,
            "severity": self.severity,
            "message": str(self.message),
            "excerpt": self.excerpt,
            "field": self.field,
            "start": self.start,
            "end": self.end,
            "paragraph": self.paragraph,
            "key": self.key,
            "data": self.data,
        }


@dataclass(frozen=True)
class StoryInput:
    """What a story says, as plain values (saved or still being typed)."""

    title: str
    lead: str
    body: str
    dateline: str
    event_date: date | None
    unit_name: str = ""
    unit_type: str = ""
    unit_class: str = ""
    unit_city: str = ""
    photo_captions: tuple[str, ...] | None = None
    story_id: int | None = None


@dataclass(frozen=True)
class UnitEntry:
    """One unit of the organisation directory."""

    name: str
    unit_type: str
    unit_class: str
    city: str


@dataclass(frozen=True)
class SpeakerEntry:
    """A speaker of a session with the title held that day."""

    name: str
    aliases: tuple[str, ...] = ()
    position_title: str = ""
    organisation: str = ""


@dataclass(frozen=True)
class SessionEntry:
    """A training session the story is linked to, or may be covering."""

    id: int
    title: str
    day: date
    organiser: str = ""
    speakers: tuple[SpeakerEntry, ...] = ()
    linked: bool = False
    can_link: bool = False


@dataclass(frozen=True)
class NeighbourStory:
    """Another unit's story of the same days that reads alike."""

    id: int
    title: str
    unit_name: str
    similarity: float


@dataclass(frozen=True)
class CheckContext:
    """Everything the checks know beyond the story; built by a selector."""

    directory: tuple[UnitEntry, ...] = ()
    sessions: tuple[SessionEntry, ...] = ()
    neighbours: tuple[NeighbourStory, ...] = ()


@dataclass
class Field:
    """One field of the story as plain text, with its paragraph starts."""

    name: str
    text: str
    truncated: bool = False
    paragraph_starts: list[int] = dataclass_field(default_factory=list)

    def paragraph_of(self, offset: int) -> int:
        """The 0-based paragraph an offset falls in."""
        index = 0
        for number, start in enumerate(self.paragraph_starts):
            if start <= offset:
                index = number
        return index


_BLOCK_TAGS = re.compile(r"(?i)<\s*/?\s*(p|div|br|li|ul|ol|h[1-6]|blockquote|tr|table)\b[^>]*>")
_TAGS = re.compile(r"<[^>]*>")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")


def plain_text(value: str) -> str:
    """Markup to plain text, one paragraph a line."""
    text = _BLOCK_TAGS.sub("\n", value or "")
    text = html.unescape(_TAGS.sub("", text))
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line)


def make_field(name: str, value: str) -> Field:
    """A plain-text field, capped in length."""
    text = plain_text(value)
    truncated = len(text) > MAX_FIELD_CHARS
    text = text[:MAX_FIELD_CHARS]
    starts = [0] + [match.end() for match in re.finditer("\n", text)]
    return Field(name=name, text=text, truncated=truncated, paragraph_starts=starts)


def finding_at(
    code: str, severity: str, message: str, where: Field, start: int, end: int, **data
) -> Finding:
    """A finding anchored to a span of a field."""
    return Finding(
        code=code,
        severity=severity,
        message=message,
        excerpt=where.text[start:end],
        field=where.name,
        start=start,
        end=end,
        paragraph=where.paragraph_of(start),
        data=data,
    )


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the sentence holding a span."""
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    left = 0 if left < 0 else left + 1
    candidates = [pos for pos in (text.find(". ", end), text.find("\n", end)) if pos >= 0]
    right = min(candidates) + 1 if candidates else len(text)
    return left, right
