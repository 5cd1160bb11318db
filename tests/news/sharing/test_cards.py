"""Share cards: sizes, text placed inside the panel, and crops that follow the focal point."""

import io

import pytest
from PIL import Image

from news.sharing import cards
from tests.news.images import encode, two_tone

CONTENT = cards.CardText(
    title="Lapas Perempuan Palu Ikuti Penguatan Kehumasan Bersama Kanwil Ditjenpas Sulteng Kamis",
    organisation="Lapas Perempuan Kelas III Palu · Kanwil Sulawesi Tengah",
    date="6 Februari 2025",
    link="humas.example/b/k7p2xq/",
)


def _photo(size=(1600, 900)) -> io.BytesIO:
    return io.BytesIO(encode(two_tone(size), "JPEG", quality=90))


def test_three_cards_in_their_sizes():
    made = cards.make_cards(_photo(), CONTENT)
    assert {name: (card.width, card.height) for name, card in made.items()} == {
        "square": (1080, 1080),
        "portrait": (1080, 1350),
        "story": (1080, 1920),
    }
    for card in made.values():
        assert Image.open(io.BytesIO(card.content)).format == "JPEG"


@pytest.mark.parametrize("card", cards.CARD_FORMATS, ids=lambda card: card.name)
@pytest.mark.parametrize("title", ["W" * 100, CONTENT.title, "🎉" * 50, "x"])
def test_every_text_stays_inside_the_panel(card, title):
    placed = cards.layout(card, cards.CardText(title, "U" * 120, "31 Desember 2025", "a" * 80))
    left, top, right, bottom = placed.panel
    blocks = (placed.title, placed.organisation, placed.details)
    all_boxes = [box for block in blocks for box in block.boxes()]
    for box_left, box_top, box_right, box_bottom in all_boxes:
        assert left <= box_left and box_right <= right
        assert top <= box_top and box_bottom <= bottom
    # The blocks do not run into each other.
    ordered = sorted(all_boxes, key=lambda box: box[1])
    assert all(upper[3] <= lower[1] for upper, lower in zip(ordered, ordered[1:], strict=False))


def test_no_photo_still_makes_cards():
    made = cards.make_cards(None, CONTENT)
    assert set(made) == {"square", "portrait", "story"}


def _left_colour(card_bytes: bytes) -> tuple[int, int, int]:
    image = Image.open(io.BytesIO(card_bytes)).convert("RGB")
    return image.getpixel((20, 20))


def test_focal_point_moves_the_crop():
    # Left half red, right half blue; a wide photo cropped to a tall card.
    centred = cards.make_cards(_photo((3000, 600)), CONTENT)
    on_the_right = cards.make_cards(_photo((3000, 600)), CONTENT, focus=(0.9, 0.5))
    on_the_left = cards.make_cards(_photo((3000, 600)), CONTENT, focus=(0.1, 0.5))
    assert _left_colour(on_the_left["story"].content)[0] > 150
    assert _left_colour(on_the_right["story"].content)[2] > 150
    assert _left_colour(centred["story"].content) != _left_colour(on_the_right["story"].content)


@pytest.mark.parametrize(
    "title",
    [
        "监狱开展公共关系培训活动",
        "ورشة عمل للعلاقات العامة",
        "Kegiatan 🎉🇮🇩 sukses",
        "\u202e\u200d",
        "",
    ],
)
def test_drawing_a_card_never_fails_on_any_script(title):
    card = cards.FORMATS_BY_NAME["square"]
    image = cards.draw_card(
        card, cards.CardText(title, "Unit · Kanwil", "1 Mei 2025", "h/b/x/"), None
    )
    assert image.size == (1080, 1080)
