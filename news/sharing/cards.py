"""Share cards of a published story, drawn with Pillow: a photo above, the story's facts below.

Pure: bytes of the cleaned photo and the texts go in, JPEG bytes come out. One reduced decode
of the photo serves all three cards; every crop is centred on the photo's focal point.
"""

from dataclasses import dataclass
from typing import IO

from PIL import Image, ImageDraw

from .. import images
from . import text

NAVY = (8, 47, 85)
GOLD = (255, 204, 51)
WHITE = (255, 255, 255)
MUTED = (214, 224, 236)
CARD_QUALITY = 88
MARGIN = 64
ACCENT_HEIGHT = 10


@dataclass(frozen=True)
class CardFormat:
    """One card size and how much of it the photo takes."""

    name: str
    width: int
    height: int
    photo_height: int


CARD_FORMATS = (
    CardFormat("square", 1080, 1080, 600),
    CardFormat("portrait", 1080, 1350, 790),
    CardFormat("story", 1080, 1920, 1180),
)
FORMATS_BY_NAME = {card.name: card for card in CARD_FORMATS}


@dataclass(frozen=True)
class CardText:
    """What a card says besides its photo."""

    title: str
    organisation: str
    date: str
    link: str


@dataclass(frozen=True)
class CardLayout:
    """Where each text sits on one card, measured; what the renderer draws and tests check."""

    panel: tuple[int, int, int, int]
    title: text.TextBlock
    organisation: text.TextBlock
    details: text.TextBlock


def layout(card: CardFormat, content: CardText) -> CardLayout:
    """Place title, organisation and date/link in the card's panel, each sized to fit."""
    panel = (MARGIN, card.photo_height + ACCENT_HEIGHT + 48, card.width - MARGIN, card.height)
    bottom = card.height - MARGIN
    details = text.fit(
        f"{content.date} · {content.link}",
        box=(panel[0], bottom - 44, panel[2], bottom),
        max_size=30,
        min_size=20,
        path=text.REGULAR,
        max_lines=1,
    )
    organisation = text.fit(
        content.organisation,
        box=(panel[0], bottom - 44 - 16 - 88, panel[2], bottom - 44 - 16),
        max_size=32,
        min_size=22,
        path=text.REGULAR,
        max_lines=2,
    )
    title = text.fit(
        content.title,
        box=(panel[0], panel[1], panel[2], bottom - 44 - 16 - 88 - 32),
        max_size=72 if card.name == "story" else 62,
        min_size=30,
        path=text.BOLD,
    )
    return CardLayout(panel, title, organisation, details)


def _draw_block(draw: ImageDraw.ImageDraw, block: text.TextBlock, colour: tuple) -> None:
    loaded = text.font(block.path, block.size)
    for line, origin in zip(block.lines, block.origins, strict=True):
        draw.text(origin, line, font=loaded, fill=colour, anchor="la")


def _specs() -> tuple[images.RenditionSpec, ...]:
    return tuple(
        images.RenditionSpec(card.name, card.width, card.photo_height, "cover")
        for card in CARD_FORMATS
    )


def draw_card(
    card: CardFormat,
    content: CardText,
    photo: Image.Image | None,
    focus: images.Focus | None = None,
) -> Image.Image:
    """One card as an RGB image."""
    canvas = Image.new("RGB", (card.width, card.height), NAVY)
    if photo is not None:
        target = (card.width, card.photo_height)
        box = images.cover_box(photo.size, target, focus)
        cropped = photo.resize(target, images.RESAMPLE, box=box, reducing_gap=images.REDUCING_GAP)
        canvas.paste(cropped.convert("RGB"), (0, 0))
    draw = ImageDraw.Draw(canvas)
    draw.rectangle(
        (0, card.photo_height, card.width, card.photo_height + ACCENT_HEIGHT - 1), fill=GOLD
    )
    placed = layout(card, content)
    _draw_block(draw, placed.title, WHITE)
    _draw_block(draw, placed.organisation, GOLD)
    _draw_block(draw, placed.details, MUTED)
    return canvas


def make_cards(
    photo_file: IO[bytes] | None, content: CardText, focus: images.Focus | None = None
) -> dict[str, images.EncodedImage]:
    """The three cards as JPEG, from one reduced decode of the photo (None: no photo)."""
    photo, icc = images.decode_for(photo_file, _specs()) if photo_file else (None, None)
    if photo is not None and photo.mode != "RGB":
        photo, icc = photo.convert("RGB"), None
    return {
        # Baseline JPEG: half the encoding time of a progressive one, and cards are downloaded
        # whole, never shown while loading.
        card.name: images.encode_jpeg(
            draw_card(card, content, photo, focus),
            icc=icc,
            quality=CARD_QUALITY,
            progressive=False,
        )
        for card in CARD_FORMATS
    }
