"""Server-side cleaning of everything people type into a story."""

import html
import re

import nh3

from humas_portal.text import clean_line, clean_text

__all__ = ["clean_html", "clean_line", "clean_text", "html_to_text"]

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
