"""The first photo of a story, as a list card shows it."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class CoverPhoto:
    """The first photo of a story, read with the story's row (see rows.py)."""

    pk: int
    caption: str
    rendition_state: str
    renditions: dict = field(default_factory=dict)
