"""Word-level comparison of two revisions, for the editor's "what changed" view."""

import difflib
import re
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import StoryRevision
from .sanitize import html_to_text

_TOKEN = re.compile(r"\s+|[^\s]+")
# A paragraph with the line breaks after it, so blank lines are not elements of their own.
_PARAGRAPH = re.compile(r"[^\n]+\n*|\n+")


@dataclass(frozen=True)
class FieldChange:
    """One field's old and new text as segments: ("equal"|"insert"|"delete", text)."""

    label: str
    changed: bool
    segments: list[tuple[str, str]]


# Word-diffing a changed block costs about the product of its token counts; beyond this the
# block is shown as removed and added whole instead of tying up a worker.
MAX_WORD_DIFF_WORK = 4_000_000


def _word_segments(old: str, new: str) -> list[tuple[str, str]]:
    """Word-level changes between two short texts (a few paragraphs at most)."""
    old_tokens, new_tokens = _TOKEN.findall(old), _TOKEN.findall(new)
    prefix = 0
    while (
        prefix < min(len(old_tokens), len(new_tokens)) and old_tokens[prefix] == new_tokens[prefix]
    ):
        prefix += 1
    suffix = 0
    while (
        suffix < min(len(old_tokens), len(new_tokens)) - prefix
        and old_tokens[-1 - suffix] == new_tokens[-1 - suffix]
    ):
        suffix += 1
    head = [("equal", "".join(old_tokens[:prefix]))] if prefix else []
    tail = [("equal", "".join(old_tokens[len(old_tokens) - suffix :]))] if suffix else []
    old_middle = old_tokens[prefix : len(old_tokens) - suffix]
    new_middle = new_tokens[prefix : len(new_tokens) - suffix]
    if len(old_middle) * len(new_middle) > MAX_WORD_DIFF_WORK:
        middle = [("delete", "".join(old_middle)), ("insert", "".join(new_middle))]
        return head + middle + tail
    matcher = difflib.SequenceMatcher(a=old_middle, b=new_middle, autojunk=False)
    segments: list[tuple[str, str]] = list(head)
    for opcode, a1, a2, b1, b2 in matcher.get_opcodes():
        if opcode == "equal":
            segments.append(("equal", "".join(old_middle[a1:a2])))
            continue
        if a2 > a1:
            segments.append(("delete", "".join(old_middle[a1:a2])))
        if b2 > b1:
            segments.append(("insert", "".join(new_middle[b1:b2])))
    return segments + tail


def _segments(old: str, new: str) -> list[tuple[str, str]]:
    """Paragraphs first, then words only inside the paragraphs that changed."""
    old_lines, new_lines = _PARAGRAPH.findall(old), _PARAGRAPH.findall(new)
    matcher = difflib.SequenceMatcher(a=old_lines, b=new_lines, autojunk=False)
    segments: list[tuple[str, str]] = []
    for opcode, a1, a2, b1, b2 in matcher.get_opcodes():
        if opcode == "equal":
            segments.append(("equal", "".join(old_lines[a1:a2])))
        else:
            segments += _word_segments("".join(old_lines[a1:a2]), "".join(new_lines[b1:b2]))
    return _merged([segment for segment in segments if segment[1]])


def _merged(segments: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Neighbouring segments of the same kind joined, so the markup stays small."""
    merged: list[tuple[str, str]] = []
    for kind, text in segments:
        if merged and merged[-1][0] == kind:
            merged[-1] = (kind, merged[-1][1] + text)
        else:
            merged.append((kind, text))
    return merged


def _fields(revision: StoryRevision) -> list[tuple[str, str]]:
    photos = "\n".join(
        f"{photo.get('caption', '')} ({photo.get('credit', '')})" for photo in revision.photos
    )
    return [
        (_("Title"), revision.title),
        (_("Lead"), revision.lead),
        (_("Body"), html_to_text(revision.body)),
        (_("Event"), timezone.localtime(revision.event_start).strftime("%Y-%m-%d %H:%M %Z")),
        (_("Dateline"), revision.dateline),
        (_("Category"), revision.category_name),
        (_("Tags"), ", ".join(revision.tag_names)),
        (_("Photos"), photos),
    ]


def compare(old: StoryRevision, new: StoryRevision) -> list[FieldChange]:
    """Every field of two revisions, with its word-level changes."""
    changes = []
    for (label, before), (_label, after) in zip(_fields(old), _fields(new), strict=True):
        changes.append(
            FieldChange(
                label=str(label), changed=before != after, segments=_segments(before, after)
            )
        )
    return changes
