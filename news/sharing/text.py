"""Text on share cards: keep only what the shipped font can draw, then wrap and size it to a box.

Pure functions of strings and fonts; nothing here touches the database or the storage.

* The font is Noto Sans (static/fonts, SIL Open Font License). It covers Latin, Greek and
  Cyrillic; a character it has no glyph for (CJK, Arabic, Hebrew, emoji) is dropped rather than
  drawn as an empty box, and invisible format characters (bidi marks, joiners, variation
  selectors) go with it. A title in another script may therefore come out shorter or empty;
  it never raises.
* Fitting looks for the largest size at which every line fits the box's width and all lines
  its height. At the smallest size the last line that fits ends with an ellipsis.
  Widths and heights are measured with the font's own boxes, not estimated.
"""

import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.conf import settings
from fontTools.ttLib import TTFont
from PIL import ImageFont

FONT_DIRECTORY = Path(settings.BASE_DIR) / "static" / "fonts"
REGULAR = FONT_DIRECTORY / "NotoSans-Regular.ttf"
BOLD = FONT_DIRECTORY / "NotoSans-Bold.ttf"
ELLIPSIS = "…"
# Line pitch as a share of the font size; the ascent and descent of the last line are added.
LINE_SPACING = 1.18
# Characters that are never drawn, even when the font maps them: controls and format marks.
_INVISIBLE_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn"}


@cache
def _covered(path: Path) -> frozenset[int]:
    """The code points the font has a glyph for."""
    with TTFont(path, lazy=True) as font:
        return frozenset(font.getBestCmap())


@cache
def font(path: Path, size: int) -> ImageFont.FreeTypeFont:
    """A loaded font at a pixel size (kept: loading a TrueType file costs a few ms)."""
    return ImageFont.truetype(str(path), size)


def drawable(text: str, path: Path = BOLD) -> str:
    """The text with every character the font cannot draw removed, and spaces collapsed."""
    covered = _covered(path)
    kept = []
    for character in unicodedata.normalize("NFC", text or ""):
        if character.isspace():
            kept.append(" ")
        elif unicodedata.category(character) in _INVISIBLE_CATEGORIES:
            continue
        elif ord(character) in covered:
            kept.append(character)
    return " ".join("".join(kept).split())


@dataclass(frozen=True)
class TextBlock:
    """Lines laid out in a box: their font size, the pitch between them, and where each starts."""

    lines: tuple[str, ...]
    size: int
    pitch: int
    origins: tuple[tuple[int, int], ...]
    path: Path

    def boxes(self) -> list[tuple[int, int, int, int]]:
        """The inked box of each line where it is drawn (left, top, right, bottom)."""
        loaded = font(self.path, self.size)
        boxes = []
        for line, (x, y) in zip(self.lines, self.origins, strict=True):
            left, top, right, bottom = loaded.getbbox(line, anchor="la")
            boxes.append((x + left, y + top, x + right, y + bottom))
        return boxes


def _width(loaded: ImageFont.FreeTypeFont, text: str) -> int:
    """The inked width from the line's origin: what must stay inside the box."""
    left, _top, right, _bottom = loaded.getbbox(text, anchor="la")
    return right - min(left, 0)


def _split_long_word(loaded: ImageFont.FreeTypeFont, word: str, width: int) -> list[str]:
    """Cut a word wider than the box into pieces that fit (a long URL, a run-on name)."""
    pieces, current = [], ""
    for character in word:
        if current and _width(loaded, current + character) > width:
            pieces.append(current)
            current = character
        else:
            current += character
    return [*pieces, current] if current else pieces


def wrap(loaded: ImageFont.FreeTypeFont, text: str, width: int) -> list[str]:
    """Greedy word wrap to a pixel width."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if _width(loaded, candidate) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        pieces = _split_long_word(loaded, word, width)
        lines.extend(pieces[:-1])
        current = pieces[-1] if pieces else ""
    if current:
        lines.append(current)
    return lines


def _height(loaded: ImageFont.FreeTypeFont, count: int, pitch: int) -> int:
    ascent, descent = loaded.getmetrics()
    return (count - 1) * pitch + ascent + descent if count else 0


def _ellipsize(loaded: ImageFont.FreeTypeFont, line: str, width: int) -> str:
    """Shorten a line until it fits with an ellipsis after it."""
    line = line.rstrip()
    while line and _width(loaded, line + ELLIPSIS) > width:
        line = line[:-1].rstrip()
    return line + ELLIPSIS


def _layout(
    text: str, path: Path, size: int, width: int, height: int, max_lines: int | None
) -> tuple[list[str], int, bool]:
    """The lines at one size, their pitch, and whether they fit."""
    loaded = font(path, size)
    pitch = round(size * LINE_SPACING)
    lines = wrap(loaded, text, width)
    fits = _height(loaded, len(lines), pitch) <= height
    return lines, pitch, fits and (max_lines is None or len(lines) <= max_lines)


def fit(
    text: str,
    *,
    box: tuple[int, int, int, int],
    max_size: int,
    min_size: int,
    path: Path = BOLD,
    max_lines: int | None = None,
) -> TextBlock:
    """Wrap and size the text to fit the box (left, top, right, bottom); never larger than it.

    The largest fitting size is found by halving the range of sizes (a smaller size never needs
    more lines), so a title costs a handful of layouts rather than one per size."""
    left, top, right, bottom = box
    width, height = right - left, bottom - top
    text = drawable(text, path)
    lines, pitch, fits = _layout(text, path, max_size, width, height, max_lines)
    size = max_size
    if not fits:
        low, high = min_size, max_size - 1
        best = None
        while low <= high:
            middle = (low + high) // 2
            attempt = _layout(text, path, middle, width, height, max_lines)
            if attempt[2]:
                best, low = (middle, attempt), middle + 1
            else:
                high = middle - 1
        if best is not None:
            size, (lines, pitch, fits) = best[0], best[1]
        else:
            size = min_size
            lines, pitch, _fits = _layout(text, path, size, width, height, max_lines)
            loaded = font(path, size)
            room = max(1, (height - _height(loaded, 1, pitch)) // pitch + 1)
            room = min(room, max_lines or room)
            if len(lines) > room:
                lines = [*lines[: room - 1], _ellipsize(loaded, lines[room - 1], width)]
            if _height(loaded, len(lines), pitch) > height:
                lines = []
    origins = tuple((left, top + index * pitch) for index in range(len(lines)))
    return TextBlock(tuple(lines), size, pitch, origins, path)
