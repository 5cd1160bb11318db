"""What an attendance file would change, computed without saving anything."""

from collections import Counter
from dataclasses import dataclass, field

from . import selectors
from .matching import Matcher, MatchResult
from .models import ImportFile, ImportFormat, MatchStatus, TrainingSession
from .parsers import ParsedFile, ParsedRow

PREVIEW_ROWS = 100


@dataclass
class PreviewRow:
    """One row as the preview table shows it."""

    row: ParsedRow
    status: str
    label: str
    duplicate: bool


@dataclass
class Preview:
    """The parsed file, how its rows match, and a sample of them."""

    parsed: ParsedFile
    result: MatchResult
    earlier_import: ImportFile | None
    counts: dict[str, int] = field(default_factory=dict)
    sample: list[PreviewRow] = field(default_factory=list)
    people: int = 0

    @property
    def format_label(self) -> str:
        """The platform that exported the file, as a label."""
        return str(dict(ImportFormat.choices).get(self.parsed.source_format, ""))

    @property
    def total_rows(self) -> int:
        """Participant rows in the file."""
        return len(self.parsed.rows)


def build_preview(session: TrainingSession, parsed: ParsedFile, sha256: str) -> Preview:
    """Match the rows in memory and summarise them for the confirmation page."""
    result = Matcher(session).match(parsed.rows)
    counts = Counter(match.status for match in result.matches)
    labels = dict(MatchStatus.choices)
    sample = [
        PreviewRow(
            row=row,
            status=match.status,
            label=str(labels[match.status]),
            duplicate=row.line_number in parsed.duplicate_lines,
        )
        for row, match in list(zip(parsed.rows, result.matches, strict=True))[:PREVIEW_ROWS]
    ]
    return Preview(
        parsed=parsed,
        result=result,
        earlier_import=selectors.imported_hash_exists(session, sha256),
        counts={status: counts.get(status, 0) for status in MatchStatus.values},
        sample=sample,
        people=len({(match.user_id, match.staff_id) for match in result.matches} - {(None, None)}),
    )
