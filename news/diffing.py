"""Word-level comparison of two revisions, for the editor's "what changed" view."""

import difflib
import re
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import StoryRevision
from .sanitize import html_to_text

_TOKEN = re.compile(r"\s+|[^\s]+")


@dataclass(frozen=True)
class FieldChange:
    """One field's old and new text as segments: ("equal"|"insert"|"delete", text)."""

    label: str
    changed: bool
    segments: list[tuple[str, str]]


def _segments(old: str, new: str) -> list[tuple[str, str]]:
    old_tokens, new_tokens = _TOKEN.findall(old), _TOKEN.findall(new)
    matcher = difflib.SequenceMatcher(a=old_tokens, b=new_tokens, autojunk=False)
    segments: list[tuple[str, str]] = []
    for opcode, a1, a2, b1, b2 in matcher.get_opcodes():
        if opcode == "equal":
            segments.append(("equal", "".join(old_tokens[a1:a2])))
            continue
        if a2 > a1:
            segments.append(("delete", "".join(old_tokens[a1:a2])))
        if b2 > b1:
            segments.append(("insert", "".join(new_tokens[b1:b2])))
    return segments


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
