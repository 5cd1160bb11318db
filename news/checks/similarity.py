"""Check 5: other units' stories of the same event, and a portable similarity measure."""

from __future__ import annotations

from django.utils.translation import ngettext

from .base import INFO, Finding, NeighbourStory


def trigrams(text: str) -> set[str]:
    """Word trigrams as pg_trgm makes them: lower case, words padded with two spaces."""
    grams: set[str] = set()
    for word in "".join(c if c.isalnum() else " " for c in (text or "").lower()).split():
        padded = f"  {word} "
        grams.update(padded[index : index + 3] for index in range(len(padded) - 2))
    return grams


def similarity(left: str, right: str) -> float:
    """pg_trgm's similarity(): shared trigrams over all trigrams of both texts."""
    a, b = trigrams(left), trigrams(right)
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def check_neighbours(neighbours: tuple[NeighbourStory, ...]) -> list[Finding]:
    """Tell how many other units covered the same event."""
    if not neighbours:
        return []
    units = sorted({story.unit_name for story in neighbours})
    count, names = len(units), ", ".join(units)
    return [
        Finding(
            "same_event.other_units",
            INFO,
            ngettext(
                "%(count)s other unit covered this: %(names)s.",
                "%(count)s other units covered this: %(names)s.",
                count,
            )
            % {"count": count, "names": names},
            excerpt=names,
            field="neighbours",
            data={"stories": [{"id": s.id, "title": s.title} for s in neighbours]},
        )
    ]
