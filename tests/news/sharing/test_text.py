"""Text on share cards: unsupported characters dropped, titles wrapped and sized to their box."""

import pytest

from news.sharing import text

BOX = (64, 700, 1016, 950)
LONG_TITLE = (
    "Lapas Perempuan Kelas III Palu Ikuti Penguatan Kehumasan Bersama Kanwil Ditjenpas Sulteng"
    " Hari Kamis"
)


def _inside(block: text.TextBlock, box: tuple[int, int, int, int]) -> bool:
    left, top, right, bottom = box
    return all(
        b_left >= left and b_top >= top and b_right <= right and b_bottom <= bottom
        for b_left, b_top, b_right, b_bottom in block.boxes()
    )


def test_hundred_character_title_fits_its_box():
    assert len(LONG_TITLE) == 100
    block = text.fit(LONG_TITLE, box=BOX, max_size=62, min_size=30)
    assert _inside(block, BOX)
    assert " ".join(block.lines) == LONG_TITLE
    assert block.size < 62


@pytest.mark.parametrize(
    "title",
    [
        "W" * 100,
        "Mmmmmmmmmm " * 9 + "M",
        "ÀÉÎÕÜ ḈḖṎ Ǻǻ ẤẦẨẪẬ " * 5,
        "Pembinaan-kemandirian-warga-binaan-pemasyarakatan-melalui-pelatihan-" * 2,
    ],
)
def test_awkward_long_titles_never_overflow(title):
    block = text.fit(title[:100], box=BOX, max_size=62, min_size=30)
    assert block.lines
    assert _inside(block, BOX)


def test_text_too_long_for_the_smallest_size_ends_with_an_ellipsis():
    block = text.fit("kata " * 200, box=BOX, max_size=62, min_size=30)
    assert _inside(block, BOX)
    assert block.size == 30
    assert block.lines[-1].endswith(text.ELLIPSIS)


@pytest.mark.parametrize(
    "title",
    [
        "监狱开展公共关系培训活动",
        "ورشة عمل للعلاقات العامة في السجن",
        "סדנה ליחסי ציבור",
        "Kegiatan 🎉🇮🇩 👩🏽‍💻 sukses",
        "\u202eterbalik\u202c \u200d\ufe0f zero\u200bwidth",
        "Ελληνικά и русский текст",
        "\x00\x07 kontrol \ud7ff",
        "",
    ],
)
def test_any_script_emoji_and_right_to_left_never_crash(title):
    block = text.fit(title, box=BOX, max_size=62, min_size=30)
    assert _inside(block, BOX)


def test_unsupported_characters_are_dropped_supported_ones_kept():
    assert text.drawable("Kegiatan 🎉 监狱 sukses") == "Kegiatan sukses"
    assert text.drawable("Ελληνικά и русский") == "Ελληνικά и русский"
    assert text.drawable("a\u200db\u202ec") == "abc"


def test_a_line_limit_is_respected():
    block = text.fit(LONG_TITLE, box=(0, 0, 400, 400), max_size=32, min_size=22, max_lines=2)
    assert len(block.lines) <= 2
    assert _inside(block, (0, 0, 400, 400))
