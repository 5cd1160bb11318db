"""Server-side cleaning of everything people type into a story."""

import html
import re
import unicodedata

import nh3

ALLOWED_TAGS = {
    "p",
    "br",
    "h2",
    "h3",
    "strong",
    "b",
    "em",
    "i",
    "ul",
    "ol",
    "li",
    "a",
    "blockquote",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}

_CLEANER = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    url_schemes=ALLOWED_URL_SCHEMES,
    link_rel="noopener noreferrer nofollow",
    strip_comments=True,
)

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


def clean_html(value: str) -> str:
    """Rich text from the editor, reduced to the allow-list."""
    cleaned = _CLEANER.clean(clean_text(value))
    # An editor leaves an empty paragraph behind when everything was deleted.
    return "" if re.fullmatch(r"(\s|<p>\s*</p>|<br>)*", cleaned) else cleaned


def html_to_text(value: str) -> str:
    """The words of a rich text, for e-mails, diffs and search."""
    text = re.sub(r"</(p|h2|h3|li|blockquote)>|<br\s*/?>", "\n", value)
    text = nh3.clean(text, tags=set())
    # Entities become characters again; templates escape the text on output.
    return re.sub(r"\n{3,}", "\n\n", html.unescape(text)).strip()
