"""Render word-level changes without stray whitespace between the pieces."""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

register = template.Library()

_TAGS = {"insert": "ins", "delete": "del"}


@register.filter
def diff_html(segments: list[tuple[str, str]]) -> SafeString:
    """Escaped text with <ins> and <del> around what changed."""
    return format_html_join(
        "",
        "{}",
        (
            (format_html("<{0}>{1}</{0}>", _TAGS[kind], text) if kind in _TAGS else text,)
            for kind, text in segments
        ),
    )
