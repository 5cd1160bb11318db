"""Cleaning of typed plain text, shared by every app: one rule for news, training and accounts."""

import re
import unicodedata

# Zero-width and bidirectional-override characters hide text or reverse it on screen.
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def clean_text(value: str) -> str:
    """Plain text: no control or invisible characters, single-line spaces normalised."""
    value = unicodedata.normalize("NFC", value or "")
    value = _INVISIBLE.sub("", value)
    value = "".join(ch for ch in value if ch in "\n\t" or unicodedata.category(ch) != "Cc")
    return value.strip()


def clean_line(value: str) -> str:
    """A one-line text such as a title: newlines and tabs become spaces."""
    return re.sub(r"\s+", " ", clean_text(value))
