"""Paths of public pages and photos, joined from prefixes the URL map gives once.

A list page links every card to its story, unit, Kanwil, category and photo: about a hundred
links. ``reverse()`` costs some 15 µs each, so each pattern is reversed once per script prefix
with a marker in place of its argument, and links are then plain string joins. The tests check
every builder against ``reverse()``.
"""

from functools import cache

from django.urls import get_script_prefix, reverse

_SLUG_MARKER = "slug-marker-0"
_PK_MARKER = 987654321
_KIND_MARKER = "kind-marker"

SLUG_PAGES = {
    "story": "public:story",
    "kanwil": "public:kanwil",
    "kanwil_rss": "public:kanwil_rss",
    "kanwil_atom": "public:kanwil_atom",
    "unit": "public:unit",
    "unit_rss": "public:unit_rss",
    "unit_atom": "public:unit_atom",
    "category": "public:category",
    "tag": "public:tag",
}


@cache
def _slug_pattern(name: str, script_prefix: str) -> tuple[str, str]:
    before, _, after = reverse(SLUG_PAGES[name], kwargs={"slug": _SLUG_MARKER}).partition(
        _SLUG_MARKER
    )
    return before, after


@cache
def _photo_pattern(script_prefix: str) -> tuple[str, str, str]:
    url = reverse("news:photo_file", args=[_PK_MARKER, _KIND_MARKER])
    before, _, rest = url.partition(str(_PK_MARKER))
    middle, _, after = rest.partition(_KIND_MARKER)
    return before, middle, after


def patterns(*names: str) -> list[tuple[str, str]]:
    """The (before, after) of each named slug page, for joining many paths in a loop."""
    prefix = get_script_prefix()
    return [_slug_pattern(name, prefix) for name in names]


def slug_path(name: str, slug: str) -> str:
    """The path of a public page named in SLUG_PAGES for a slug."""
    before, after = _slug_pattern(name, get_script_prefix())
    return f"{before}{slug}{after}"


def story_path(slug: str) -> str:
    """The public page of a story."""
    return slug_path("story", slug)


def kanwil_path(slug: str) -> str:
    """The public page of a Kanwil."""
    return slug_path("kanwil", slug)


def unit_path(slug: str) -> str:
    """The public page of a unit."""
    return slug_path("unit", slug)


def category_path(slug: str) -> str:
    """The public page of a category."""
    return slug_path("category", slug)


def tag_path(slug: str) -> str:
    """The public page of a tag."""
    return slug_path("tag", slug)


def photo_path(pk: int, kind: str) -> str:
    """The path of a photo rendition (served by a view that checks the story is public)."""
    before, middle, after = _photo_pattern(get_script_prefix())
    return f"{before}{pk}{middle}{kind}{after}"
