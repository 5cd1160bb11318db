"""Captions per platform: each within its limit, counted the platform's way, the link kept."""

import pytest

from news.sharing import captions

LINK = "https://humas.example/b/k7p2xq/?c=x"
CONTENT = captions.CaptionInput(
    title="Lapas Perempuan Palu Ikuti Penguatan Kehumasan Secara Daring",
    lead="Petugas Lapas Perempuan Palu mengikuti penguatan kehumasan melalui Zoom Meeting.",
    hashtags=("#Pemasyarakatan", "#KemenImipas", "#Kehumasan", "#LapasPerempuanPalu"),
)


def test_x_counts_a_link_as_23_characters():
    assert captions.length(f"Judul {LINK}", captions.X) == len("Judul ") + 23
    long_link = "https://humas.example/" + "a" * 200
    assert captions.length(long_link, captions.X) == 23


def test_x_counts_cjk_and_emoji_double():
    assert captions.length("abc", captions.X) == 3
    assert captions.length("监狱", captions.X) == 4
    assert captions.length("🎉", captions.X) == 2


def test_x_caption_has_title_link_and_hashtags_within_280():
    caption = captions.build(captions.X, CONTENT, LINK)
    assert caption.startswith(CONTENT.title)
    assert LINK in caption
    assert "#Pemasyarakatan" in caption
    assert captions.length(caption, captions.X) <= 280


@pytest.mark.parametrize("platform", captions.PLATFORMS, ids=lambda platform: platform.name)
@pytest.mark.parametrize(
    "title,lead,tags",
    [
        ("Judul " * 80, "Teras " * 3000, tuple(f"#Tag{number}" for number in range(200))),
        ("监狱" * 300, "🎉" * 5000, ("#监狱",)),
        ("J" * 200, "", ()),
    ],
    ids=["long-latin", "cjk-emoji", "no-lead"],
)
def test_every_caption_keeps_within_its_limit_and_keeps_the_link(platform, title, lead, tags):
    link = f"https://humas.example/b/k7p2xq/?c={platform.code}"
    caption = captions.build(platform, captions.CaptionInput(title, lead, tags), link)
    assert captions.length(caption, platform) <= platform.limit
    assert link in caption


def test_x_drops_hashtags_before_shortening_the_title():
    content = captions.CaptionInput("T" * 250, "", ("#Pemasyarakatan", "#Kehumasan"))
    caption = captions.build(captions.X, content, LINK)
    assert "T" * 250 in caption
    assert "#" not in caption
    assert captions.length(caption, captions.X) <= 280


def test_x_shortens_a_too_long_title_with_an_ellipsis():
    caption = captions.build(captions.X, captions.CaptionInput("Kata " * 80, "", ()), LINK)
    assert captions.ELLIPSIS in caption
    assert caption.endswith(LINK)
    assert 270 < captions.length(caption, captions.X) <= 280


def test_instagram_caption_has_everything_and_at_most_30_hashtags():
    tags = tuple(f"#Tag{number}" for number in range(40))
    caption = captions.build(
        captions.INSTAGRAM, captions.CaptionInput(CONTENT.title, CONTENT.lead, tags), LINK
    )
    assert CONTENT.title in caption and CONTENT.lead in caption and LINK in caption
    assert caption.count("#") == 30
    assert len(caption) <= 2200


def test_instagram_shortens_a_long_lead_before_the_title():
    content = captions.CaptionInput(CONTENT.title, "kata " * 1000, ())
    caption = captions.build(captions.INSTAGRAM, content, LINK)
    assert caption.startswith(CONTENT.title)
    assert captions.ELLIPSIS in caption
    assert len(caption) <= 2200


def test_whatsapp_text_is_bold_title_lead_and_link_without_hashtags():
    caption = captions.build(captions.WHATSAPP, CONTENT, LINK)
    assert caption == f"*{CONTENT.title}*\n\n{CONTENT.lead}\n\n{LINK}"


def test_build_all_gives_each_platform_its_own_link():
    links = {
        platform.code: f"https://h.example/b/c/?c={platform.code}"
        for platform in captions.PLATFORMS
    }
    built = captions.build_all(CONTENT, links)
    assert set(built) == {"ig", "fb", "x", "tt", "wa"}
    assert all(links[code] in caption for code, caption in built.items())


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("#Pemasyarakatan, KemenImipas  #pemasyarakatan", ["#Pemasyarakatan", "#KemenImipas"]),
        ("#Humas!!! Lapas-Palu\n#", ["#Humas", "#LapasPalu"]),
        ("", []),
    ],
)
def test_parse_hashtags(raw, expected):
    assert captions.parse_hashtags(raw) == expected


def test_tags_become_camel_case_hashtags():
    assert captions.tag_to_hashtag("hari bhakti pemasyarakatan") == "#HariBhaktiPemasyarakatan"
    assert captions.tag_to_hashtag("!!!") == ""
