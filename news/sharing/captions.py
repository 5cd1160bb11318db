"""Captions for each social platform, built from a story's title, lead, short link and hashtags.

Pure functions of strings. Each platform has a length limit and counts it its own way; a caption
that would be too long loses hashtags from the end first, then the lead is shortened, then
dropped, and only then the title is shortened. The link is always kept.

* X counts "weighted" characters: most Latin, Greek, Cyrillic and general punctuation count 1,
  everything else (CJK, emoji, other scripts) counts 2, and every URL counts 23 whatever its
  length (its t.co wrapping). An emoji made of several code points is counted per code point,
  which can only overestimate.
* Instagram and TikTok do not make links in captions clickable, but people copy them, so the
  short link is included as text.
* WhatsApp gets a message, not a post: the title in bold (``*…*``), the lead and the link.
"""

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

ELLIPSIS = "…"
X_URL_LENGTH = 23
# The code point ranges X counts as one character (twitter-text configuration v3).
_X_LIGHT_RANGES = ((0, 4351), (8192, 8205), (8208, 8223), (8242, 8247))
_URL = re.compile(r"https?://\S+")
INSTAGRAM_MAX_HASHTAGS = 30


@dataclass(frozen=True)
class Platform:
    """A channel's code in the short link, its name, and how long a caption may be."""

    code: str
    name: str
    limit: int
    counts_urls_as: int | None = None
    hashtags: bool = True
    max_hashtags: int | None = None


X = Platform("x", "X", 280, counts_urls_as=X_URL_LENGTH)
INSTAGRAM = Platform("ig", "Instagram", 2200, max_hashtags=INSTAGRAM_MAX_HASHTAGS)
FACEBOOK = Platform("fb", "Facebook", 63206)
TIKTOK = Platform("tt", "TikTok", 2200)
WHATSAPP = Platform("wa", "WhatsApp", 65536, hashtags=False)
PLATFORMS = (INSTAGRAM, FACEBOOK, X, TIKTOK, WHATSAPP)
PLATFORMS_BY_CODE = {platform.code: platform for platform in PLATFORMS}


@dataclass(frozen=True)
class CaptionInput:
    """What a caption is made of."""

    title: str
    lead: str
    hashtags: tuple[str, ...]


def _x_weight(character: str) -> int:
    code = ord(character)
    return 1 if any(low <= code <= high for low, high in _X_LIGHT_RANGES) else 2


def length(text: str, platform: Platform) -> int:
    """The caption's length as the platform counts it."""
    text = unicodedata.normalize("NFC", text)
    if platform.counts_urls_as is None:
        return len(text)
    total, position = 0, 0
    for match in _URL.finditer(text):
        total += sum(_x_weight(character) for character in text[position : match.start()])
        total += platform.counts_urls_as
        position = match.end()
    return total + sum(_x_weight(character) for character in text[position:])


def hashtag(word: str) -> str:
    """A hashtag from free text: "#" plus its letters, digits and underscores ("" if none)."""
    kept = "".join(
        character
        for character in unicodedata.normalize("NFC", word)
        if character == "_" or unicodedata.category(character)[0] in ("L", "N", "M")
    )
    return f"#{kept}" if kept else ""


def tag_to_hashtag(name: str) -> str:
    """A story tag as one hashtag: its words joined, each starting with a capital."""
    words = re.split(r"[\s\-_/.,]+", name.strip().lstrip("#"))
    return hashtag("".join(word[:1].upper() + word[1:] for word in words if word))


def parse_hashtags(text: str) -> list[str]:
    """Hashtags typed as a list separated by spaces, commas or new lines."""
    return unique_hashtags(hashtag(word) for word in re.split(r"[\s,;]+", text or ""))


def unique_hashtags(tags: Iterable[str]) -> list[str]:
    """Hashtags in order, without empties and without repeats (ignoring case)."""
    seen, result = set(), []
    for tag in tags:
        key = tag.casefold()
        if tag and key not in seen:
            seen.add(key)
            result.append(tag)
    return result


def _shorten(text: str, keep: int) -> str:
    """At most ``keep`` characters, cut at a word where possible, with an ellipsis."""
    if len(text) <= keep:
        return text
    if keep <= 1:
        return ""
    cut = text[: keep - 1]
    if " " in cut[len(cut) // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,.;:-–—") + ELLIPSIS


def _compose(platform: Platform, title: str, lead: str, link: str, tags: list[str]) -> str:
    if platform is WHATSAPP:
        parts = [f"*{title}*", lead, link]
    elif platform is X:
        parts = [title, link, " ".join(tags)]
        return " ".join(part for part in parts if part)
    else:
        parts = [title, lead, link, " ".join(tags)]
    return "\n\n".join(part for part in parts if part)


def build(platform: Platform, content: CaptionInput, link: str) -> str:
    """The caption for one platform, within its length limit."""
    title = " ".join(content.title.split())
    lead = " ".join(content.lead.split()) if platform is not X else ""
    tags = unique_hashtags(content.hashtags) if platform.hashtags else []
    if platform.max_hashtags is not None:
        tags = tags[: platform.max_hashtags]

    def fits(caption: str) -> bool:
        return length(caption, platform) <= platform.limit

    while tags and not fits(_compose(platform, title, lead, link, tags)):
        tags.pop()
    caption = _compose(platform, title, lead, link, tags)
    if not fits(caption) and lead:
        overflow = length(caption, platform) - platform.limit
        lead = _shorten(lead, len(lead) - overflow - 1)
        caption = _compose(platform, title, lead, link, tags)
        if not fits(caption):
            lead = ""
            caption = _compose(platform, title, lead, link, tags)
    while not fits(caption) and title:
        overflow = length(caption, platform) - platform.limit
        # Weighted characters may count 2 each: shorten by at least the overflow.
        title = _shorten(title, max(0, len(title) - max(1, overflow)))
        caption = _compose(platform, title, lead, link, tags)
    return caption


def build_all(content: CaptionInput, links: dict[str, str]) -> dict[str, str]:
    """Every platform's caption, each with its own tracked link (keyed by platform code)."""
    return {platform.code: build(platform, content, links[platform.code]) for platform in PLATFORMS}
