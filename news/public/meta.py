"""What public pages say about themselves: URLs, feeds, OpenGraph, JSON-LD and share links."""

import json
from dataclasses import dataclass, field
from urllib.parse import quote

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from . import paths

SITE_NAME = "Humas Portal"
RSS = "application/rss+xml"
ATOM = "application/atom+xml"
# Characters that could end a <script> element or start markup, as JSON escapes.
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def absolute(path: str) -> str:
    """A site path as a full URL on the public address (SITE_URL)."""
    return settings.SITE_URL.rstrip("/") + path


def story_path(story) -> str:
    """The public page of a story (its get_absolute_url is the newsroom page)."""
    return paths.story_path(story.slug)


def story_url(story) -> str:
    """The full public URL of a story."""
    return absolute(story_path(story))


def photo_absolute_url(photo, kind: str) -> str:
    """The full URL of a ready rendition of a photo, else an empty string."""
    if photo is None or getattr(photo, "rendition_state", "") != "ready":
        return ""
    entry = (photo.renditions or {}).get(kind)
    if not isinstance(entry, dict) or not entry.get("name"):
        return ""
    return absolute(paths.photo_path(photo.pk, kind))


def json_ld(data: dict) -> SafeString:
    """JSON for a <script type="application/ld+json">, unable to close the element early."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":"))
    return mark_safe(text.translate(_JSON_ESCAPES))  # noqa: S308 - <, > and & are escaped


@dataclass(frozen=True)
class Feed:
    """A feed to advertise with <link rel="alternate">."""

    title: str
    url: str
    kind: str


@dataclass(frozen=True)
class Image:
    """The picture of a shared page."""

    url: str
    alt: str
    width: int | None = None
    height: int | None = None


@dataclass
class PageMeta:
    """The head of a public page: title, canonical URL, feeds and social metadata."""

    title: str
    description: str
    canonical: str
    og_type: str = "website"
    image: Image | None = None
    feeds: list[Feed] = field(default_factory=list)
    robots: str = ""
    json_ld: str = ""
    published_time: str = ""
    modified_time: str = ""
    section: str = ""
    tags: list[str] = field(default_factory=list)

    @property
    def og_locale(self) -> str:
        """id_ID or en_US, after the page's language."""
        return "en_US" if (get_language() or "").startswith("en") else "id_ID"

    @property
    def full_title(self) -> str:
        """The <title>: the page's own title and the site's name."""
        return f"{self.title} · {SITE_NAME}" if self.title != SITE_NAME else SITE_NAME


def site_feeds() -> list[Feed]:
    """The feeds of every published story."""
    return [
        Feed(_("All news (RSS)"), absolute(reverse("public:rss")), RSS),
        Feed(_("All news (Atom)"), absolute(reverse("public:atom")), ATOM),
    ]


def kanwil_feeds(*, slug: str, short_name: str) -> list[Feed]:
    """The feeds of one Kanwil."""
    return [
        Feed(
            _("News of Kanwil %(name)s (RSS)") % {"name": short_name},
            absolute(paths.slug_path("kanwil_rss", slug)),
            RSS,
        ),
        Feed(
            _("News of Kanwil %(name)s (Atom)") % {"name": short_name},
            absolute(paths.slug_path("kanwil_atom", slug)),
            ATOM,
        ),
    ]


def unit_feeds(*, slug: str, name: str) -> list[Feed]:
    """The feeds of one unit."""
    return [
        Feed(
            _("News of %(name)s (RSS)") % {"name": name},
            absolute(paths.slug_path("unit_rss", slug)),
            RSS,
        ),
        Feed(
            _("News of %(name)s (Atom)") % {"name": name},
            absolute(paths.slug_path("unit_atom", slug)),
            ATOM,
        ),
    ]


@dataclass(frozen=True)
class ShareLink:
    """A plain link that shares a page on one service."""

    name: str
    label: str
    url: str
    icon: str


def share_links(url: str, title: str) -> list[ShareLink]:
    """Share a page by WhatsApp, Facebook, X, Telegram and e-mail: plain links, no scripts."""
    # Each value quoted once, as urlencode(..., quote_via=quote) would quote it.
    link, text = quote(url, safe=""), quote(title, safe="")
    return [
        ShareLink(
            "whatsapp",
            _("Share on WhatsApp"),
            f"https://wa.me/?text={text}%20{link}",
            "bi-whatsapp",
        ),
        ShareLink(
            "facebook",
            _("Share on Facebook"),
            f"https://www.facebook.com/sharer/sharer.php?u={link}",
            "bi-facebook",
        ),
        ShareLink(
            "x",
            _("Share on X"),
            f"https://x.com/intent/post?url={link}&text={text}",
            "bi-twitter-x",
        ),
        ShareLink(
            "telegram",
            _("Share on Telegram"),
            f"https://t.me/share/url?url={link}&text={text}",
            "bi-telegram",
        ),
        ShareLink(
            "email", _("Share by e-mail"), f"mailto:?subject={text}&body={link}", "bi-envelope"
        ),
    ]


def story_json_ld(story, *, photos: list, tags: list) -> SafeString:
    """schema.org NewsArticle of a published story (a news.public.story_rows.StoryRow)."""
    url = story_url(story)
    images = [
        image
        for photo in photos[:3]
        for image in (photo_absolute_url(photo, "social"), photo_absolute_url(photo, "large"))
        if image
    ]
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "headline": story.title[:110],
        "description": story.lead,
        "datePublished": story.published_at.isoformat(),
        "dateModified": story.modified_at.isoformat(),
        "inLanguage": "id",
        "articleSection": story.category_name,
        "keywords": [tag.name for tag in tags],
        "contentLocation": {"@type": "Place", "name": story.dateline},
        "author": {
            "@type": "GovernmentOrganization",
            "name": story.unit_name,
            "url": absolute(paths.unit_path(story.unit_slug)),
        },
        "publisher": {
            "@type": "GovernmentOrganization",
            "name": story.kanwil_name,
            "url": absolute(paths.kanwil_path(story.kanwil_slug)),
        },
        "isAccessibleForFree": True,
    }
    if images:
        data["image"] = images
    return json_ld(data)
