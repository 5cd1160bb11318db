"""What the share page shows: cards with their links, captions per platform, the hashtags.

Pure functions of rows already read by the share page's selector.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ..models import HashtagSet, ShareKit, Story
from . import captions, links

CARD_LABELS = {
    "square": _("Square post"),
    "portrait": _("Portrait post (Instagram feed)"),
    "story": _("Story or status"),
}

# Nine focal point positions for choosing without tapping (and without JavaScript).
PRESET_POINTS = {
    f"{row}-{column}": (x, y)
    for row, y in (("top", 0.2), ("middle", 0.5), ("bottom", 0.8))
    for column, x in (("left", 0.2), ("centre", 0.5), ("right", 0.8))
}
PRESET_LABELS = (
    pgettext_lazy("focal point", "Top left"),
    pgettext_lazy("focal point", "Top"),
    pgettext_lazy("focal point", "Top right"),
    pgettext_lazy("focal point", "Left"),
    pgettext_lazy("focal point", "Centre"),
    pgettext_lazy("focal point", "Right"),
    pgettext_lazy("focal point", "Bottom left"),
    pgettext_lazy("focal point", "Bottom"),
    pgettext_lazy("focal point", "Bottom right"),
)


@dataclass(frozen=True)
class CardEntry:
    """One card as the page offers it."""

    kind: str
    label: str
    width: int
    height: int
    url: str
    download_url: str
    filename: str


# The card that suits each platform best when sharing image and text together.
CARD_FOR_PLATFORM = {"ig": "portrait", "tt": "story"}


@dataclass(frozen=True)
class CaptionEntry:
    """One platform's caption with its length as the platform counts it, and its card."""

    code: str
    name: str
    text: str
    length: int
    limit: int
    card: CardEntry | None
    visits: int


def hashtags_for(story: Story, default: HashtagSet | None, own: HashtagSet | None) -> list[str]:
    """The default hashtags, then the unit's own, then the story's tags (tags prefetched)."""
    tags = [captions.tag_to_hashtag(tag.name) for tag in story.tags.all()]
    return captions.unique_hashtags(
        [*(default.as_list() if default else []), *(own.as_list() if own else []), *tags]
    )


def caption_entries(
    story: Story,
    kit: ShareKit,
    hashtags: list[str],
    cards: list[CardEntry],
    visits: dict[str, int],
) -> list[CaptionEntry]:
    """Each platform's caption, with the short link counting that platform's visits."""
    content = captions.CaptionInput(story.title, story.lead, tuple(hashtags))
    by_kind = {card.kind: card for card in cards}
    entries = []
    for platform in captions.PLATFORMS:
        text = captions.build(platform, content, links.short_url(kit.code, platform.code))
        card = by_kind.get(CARD_FOR_PLATFORM.get(platform.code, "square")) or next(
            iter(cards), None
        )
        entries.append(
            CaptionEntry(
                platform.code,
                platform.name,
                text,
                captions.length(text, platform),
                platform.limit,
                card,
                visits.get(platform.code, 0),
            )
        )
    return entries


def card_entries(story: Story, kit: ShareKit) -> list[CardEntry]:
    """The cards made so far, in the order of their formats."""
    entries = []
    for kind in ("square", "portrait", "story"):
        card = (kit.cards or {}).get(kind)
        if not card:
            continue
        url = reverse("news:share_card", kwargs={"pk": story.pk, "kind": kind})
        entries.append(
            CardEntry(
                kind,
                str(CARD_LABELS[kind]),
                card["width"],
                card["height"],
                url,
                f"{url}?unduh=1",
                f"{story.slug[:60]}-{kind}.jpg",
            )
        )
    return entries
