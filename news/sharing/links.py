"""Short links: their absolute address per channel, the counted channel, and link previews.

Pure functions of strings and settings.
"""

from django.conf import settings
from django.urls import reverse

CHANNEL_CODES = ("ig", "fb", "wa", "x", "tt")
OTHER = "other"
DIRECT = "direct"
# Platforms fetch a shared link to draw its preview card; those fetches are not visits.
_PREVIEW_AGENTS = (
    "facebookexternalhit",
    "facebookcatalog",
    "meta-externalagent",
    "whatsapp",
    "twitterbot",
    "telegrambot",
    "slackbot",
    "discordbot",
    "linkedinbot",
    "bytespider",
    "skypeuripreview",
)


def short_path(code: str) -> str:
    """The short link's path."""
    return reverse("public:short_link", kwargs={"code": code})


def short_url(code: str, channel: str | None = None) -> str:
    """The absolute short link, with the channel it is shared on."""
    url = f"{settings.SITE_URL.rstrip('/')}{short_path(code)}"
    return f"{url}?c={channel}" if channel else url


def channel_of(value: str | None) -> str:
    """The counted channel for a ?c= value: a known code, "direct" when absent, else "other"."""
    if not value:
        return DIRECT
    value = value.strip().lower()
    return value if value in CHANNEL_CODES else OTHER


def is_link_preview(user_agent: str) -> bool:
    """Whether a request comes from a platform drawing a link preview, not from a person."""
    agent = (user_agent or "").lower()
    return any(name in agent for name in _PREVIEW_AGENTS)
