"""The pure image processing: what is refused, how photos are cleaned, renditions."""

import io
import time

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from PIL import ExifTags, Image, ImageFile, JpegImagePlugin

from news import images
from tests.news import images as samples


@pytest.fixture(autouse=True)
def english():
    """Messages are compared in English, whatever translations exist."""
    with translation.override("en"):
        yield


def opened(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def refusal(data: bytes) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        images.clean_upload(io.BytesIO(data))
    return caught.value


# --- Refusals -------------------------------------------------------------------------------

HOSTILE = [
    pytest.param(b"", "empty", id="empty"),
    pytest.param(b"\xff\xd8\xff" + b"\x00" * images.MAX_UPLOAD_BYTES, "too_large", id="over-20-MB"),
    pytest.param(samples.png_bomb(with_data=False), "too_many_pixels", id="png-header-bomb"),
    pytest.param(samples.png_bomb(), "too_many_pixels", id="png-bomb"),
    pytest.param(samples.jpeg_claiming(8000, 6000), "too_many_pixels", id="jpeg-48-megapixels"),
    pytest.param(samples.jpeg_claiming(20000, 20000), "too_many_pixels", id="jpeg-bomb"),
    pytest.param(samples.truncated_jpeg(), "corrupt", id="truncated-jpeg"),
    pytest.param(samples.truncated_png(), "corrupt", id="truncated-png"),
    pytest.param(samples.png_with_bad_checksum(), "corrupt", id="png-bad-crc"),
    pytest.param(samples.jpeg_magic_then_garbage(), "corrupt", id="jpeg-magic-garbage"),
    pytest.param(samples.svg(), "svg", id="svg"),
    pytest.param(samples.bare_svg(), "svg", id="svg-without-declaration"),
    pytest.param(samples.gif(), "unsupported_format", id="gif"),
    pytest.param(samples.tiff(), "unsupported_format", id="tiff"),
    pytest.param(samples.bmp(), "unsupported_format", id="bmp"),
    pytest.param(samples.heic_header(), "unsupported_format", id="heic"),
    pytest.param(samples.pdf(), "not_an_image", id="pdf"),
    pytest.param(samples.text(), "not_an_image", id="text"),
    pytest.param(samples.html(), "not_an_image", id="html"),
]


@pytest.mark.parametrize(("data", "code"), HOSTILE)
def test_hostile_files_are_refused_with_their_own_code(data, code):
    error = refusal(data)
    assert error.code == code
    assert error.messages and error.messages[0]


def test_each_refusal_reads_differently():
    messages: dict[str, set[str]] = {}
    for param in HOSTILE:
        data, code = param.values
        messages.setdefault(code, set()).add(refusal(data).messages[0])
    codes = list(messages)
    for index, code in enumerate(codes):
        for other in codes[index + 1 :]:
            assert not messages[code] & messages[other], (code, other)


def test_refusals_say_what_to_do():
    assert "GIF" in refusal(samples.gif()).messages[0]
    assert "HEIC" in refusal(samples.heic_header()).messages[0]
    assert "8000 × 6000" in refusal(samples.jpeg_claiming(8000, 6000)).messages[0]
    too_large = refusal(b"\xff\xd8\xff" + b"\x00" * images.MAX_UPLOAD_BYTES).messages[0]
    assert "20.1" in too_large or "20,1" in too_large


def test_a_bomb_is_refused_quickly_without_decoding(monkeypatch):
    def no_decoding(self):
        raise AssertionError("decoded")

    monkeypatch.setattr(ImageFile.ImageFile, "load", no_decoding)
    bomb = samples.png_bomb(10_000, 10_000)
    started = time.perf_counter()
    assert refusal(bomb).code == "too_many_pixels"
    assert time.perf_counter() - started < 0.5


def test_pillow_limits_are_set():
    assert Image.MAX_IMAGE_PIXELS == images.MAX_PIXELS
    assert ImageFile.LOAD_TRUNCATED_IMAGES is False


def test_the_name_of_a_format_never_decides(monkeypatch):
    # A file object that claims to be a PNG upload but holds a PDF.
    upload = samples.upload(samples.pdf(), name="foto.png", content_type="image/png")
    with pytest.raises(ValidationError) as caught:
        images.clean_upload(upload)
    assert caught.value.code == "not_an_image"
    # And a PNG in disguise is accepted as what it is.
    cleaned = images.clean_upload(samples.upload(samples.png(), "x.gif", "image/gif"))
    assert opened(cleaned.content).format == "JPEG"


# --- Cleaning -------------------------------------------------------------------------------


@pytest.mark.parametrize("make", [samples.jpeg, samples.png, samples.webp])
def test_accepted_formats_become_jpeg(make):
    cleaned = images.clean_upload(io.BytesIO(make((120, 80))))
    image = opened(cleaned.content)
    assert image.format == "JPEG"
    assert image.size == (cleaned.width, cleaned.height) == (120, 80)
    assert bool(image.info.get("progressive")) is images.PROGRESSIVE_ORIGINAL


def test_orientation_applied_and_metadata_dropped_but_profile_kept():
    source = samples.jpeg_with_metadata(size=(160, 90), orientation=6)
    assert opened(source).getexif().get_ifd(ExifTags.IFD.GPSInfo)

    cleaned = images.clean_upload(io.BytesIO(source))
    image = opened(cleaned.content)

    # Orientation 6 is a quarter turn clockwise: the left (red) half ends up on top.
    assert image.size == (90, 160) == (cleaned.width, cleaned.height)
    top, bottom = image.getpixel((45, 10)), image.getpixel((45, 150))
    assert top[0] > 180 and top[2] < 80
    assert bottom[2] > 180 and bottom[0] < 80
    assert not image.getexif()
    assert "exif" not in image.info
    assert "xmp" not in image.info
    assert "comment" not in image.info
    assert b"GPS" not in cleaned.content
    assert b"Secret Photographer" not in cleaned.content
    assert b"PhoneMaker" not in cleaned.content
    assert image.info["icc_profile"] == samples.srgb_profile()


def test_transparency_is_flattened_onto_white():
    image = opened(images.clean_upload(io.BytesIO(samples.transparent_png())).content)
    assert image.mode == "RGB"
    assert all(channel > 245 for channel in image.getpixel((5, 40)))
    right = image.getpixel((115, 40))
    assert right[2] > 180 and right[0] < 80


@pytest.mark.parametrize("image_format", ["PNG", "WEBP"])
def test_animations_keep_their_first_frame(image_format):
    source = samples.animated(image_format)
    assert Image.open(io.BytesIO(source)).n_frames == 3
    image = opened(images.clean_upload(io.BytesIO(source)).content)
    red, green, blue = image.getpixel((60, 40))
    assert red > 180 and green < 80 and blue < 80


def test_cmyk_becomes_rgb():
    image = opened(images.clean_upload(io.BytesIO(samples.cmyk_jpeg())).content)
    assert image.mode == "RGB"
    red, _green, blue = image.getpixel((10, 40))
    assert red > 150 and blue < 100


def test_greyscale_stays_greyscale_and_16_bit_is_scaled():
    assert opened(images.clean_upload(io.BytesIO(samples.grey_jpeg())).content).mode == "L"
    image = opened(images.clean_upload(io.BytesIO(samples.grey16_png())).content)
    assert image.mode == "L"
    assert 120 <= image.getpixel((5, 5)) <= 136


def test_random_names():
    first, second = images.random_name(), images.random_name()
    assert first != second
    assert len(first) == len("0" * 32 + ".jpg") and first.endswith(".jpg")
    int(first.removesuffix(".jpg"), 16)


# --- Renditions -----------------------------------------------------------------------------


def sizes(renditions: dict[str, images.EncodedImage]) -> dict[str, tuple[int, int]]:
    result = {}
    for name, encoded in renditions.items():
        image = opened(encoded.content)
        assert image.format == "JPEG"
        assert image.size == (encoded.width, encoded.height)
        result[name] = image.size
    return result


@pytest.mark.parametrize(
    ("size", "expected"),
    [
        (
            (1800, 1200),
            {
                "thumb": (400, 267),
                "large": (1600, 1067),
                "social": (1200, 630),
                "square": (1080, 1080),
            },
        ),
        (
            (1200, 1800),
            {
                "thumb": (400, 600),
                "large": (1067, 1600),
                "social": (1200, 630),
                "square": (1080, 1080),
            },
        ),
        (
            (300, 200),
            {
                "thumb": (300, 200),
                "large": (300, 200),
                "social": (1200, 630),
                "square": (1080, 1080),
            },
        ),
        (
            (4000, 10),
            {"thumb": (400, 1), "large": (1600, 4), "social": (1200, 630), "square": (1080, 1080)},
        ),
    ],
)
def test_rendition_sizes(size, expected):
    source = images.clean_upload(io.BytesIO(samples.noisy_jpeg(size))).content
    assert sizes(images.make_renditions(io.BytesIO(source))) == expected


def test_renditions_crop_around_the_centre():
    # Red | blue | red, in thirds: a centred square crop of a wide image is all blue.
    image = Image.new("RGB", (3000, 1000), samples.RED)
    image.paste(samples.BLUE, (1000, 0, 2000, 1000))
    source = samples.encode(image, "JPEG", quality=95)
    renditions = images.make_renditions(io.BytesIO(source))
    square = opened(renditions["square"].content)
    for x in (5, 540, 1074):
        red, _green, blue = square.getpixel((x, 540))
        assert blue > 180 and red < 80
    social = opened(renditions["social"].content)
    assert social.getpixel((5, 315))[0] > 180  # the red thirds show at both edges
    assert social.getpixel((1194, 315))[0] > 180


def test_renditions_keep_the_profile_and_carry_no_metadata():
    source = images.clean_upload(io.BytesIO(samples.jpeg_with_metadata((800, 600)))).content
    for encoded in images.make_renditions(io.BytesIO(source)).values():
        image = opened(encoded.content)
        assert image.info["icc_profile"] == samples.srgb_profile()
        assert not image.getexif()
        assert "comment" not in image.info


def test_jpeg_renditions_decode_at_a_reduced_size(monkeypatch):
    decoded = []
    original_draft = JpegImagePlugin.JpegImageFile.draft

    def recording_draft(self, mode, size):
        result = original_draft(self, mode, size)
        decoded.append(self.size)
        return result

    monkeypatch.setattr(JpegImagePlugin.JpegImageFile, "draft", recording_draft)
    source = samples.noisy_jpeg((3400, 2200))
    assert sizes(images.make_renditions(io.BytesIO(source)))["large"] == (1600, 1035)
    # The renditions need less than half the width and height, so libjpeg decodes at 1/2.
    assert decoded == [(1700, 1100)]


def test_renditions_refuse_what_uploads_refuse():
    with pytest.raises(ValidationError) as caught:
        images.make_renditions(io.BytesIO(samples.png_bomb(with_data=False)))
    assert caught.value.code == "too_many_pixels"


def test_renditions_crop_around_the_focal_point():
    # Red | blue | red, in thirds: a square crop focused on the left third is all red.
    image = Image.new("RGB", (3000, 1000), samples.RED)
    image.paste(samples.BLUE, (1000, 0, 2000, 1000))
    source = samples.encode(image, "JPEG", quality=95)
    renditions = images.make_renditions(io.BytesIO(source), focus=(0.1, 0.5))
    square = opened(renditions["square"].content)
    assert square.getpixel((5, 540))[0] > 180
    assert square.getpixel((540, 540))[0] > 180
    # The social image (1200×630 of a 3:1 photo) moves to the left edge too.
    social = opened(renditions["social"].content)
    assert social.getpixel((5, 315))[0] > 180
    assert social.getpixel((1194, 315))[2] > 180


@pytest.mark.parametrize(
    "focus,expected",
    [
        (None, (1000.0, 0.0, 2000.0, 1000.0)),
        ((0.5, 0.5), (1000.0, 0.0, 2000.0, 1000.0)),
        ((0.0, 0.0), (0.0, 0.0, 1000.0, 1000.0)),
        ((1.0, 1.0), (2000.0, 0.0, 3000.0, 1000.0)),
        ((0.3, 0.9), (400.0, 0.0, 1400.0, 1000.0)),
        ((7.0, -3.0), (2000.0, 0.0, 3000.0, 1000.0)),
    ],
)
def test_cover_box_centres_on_the_focus_within_the_edges(focus, expected):
    assert images.cover_box((3000, 1000), (1080, 1080), focus) == pytest.approx(expected)


def _with_profile(profile: bytes, size: tuple[int, int] = (800, 600)) -> bytes:
    return samples.encode(samples.two_tone(size), "JPEG", quality=90, icc_profile=profile)


def _claiming_rgb(body: bytes, *, signature: bytes = b"acsp") -> bytes:
    """Bytes whose header says: an RGB profile of exactly this length."""
    size = 128 + len(body)
    header = size.to_bytes(4, "big") + b"\x00" * 12 + b"RGB " + b"\x00" * 16 + signature
    return header + b"\x00" * (128 - len(header)) + body


@pytest.mark.parametrize(
    "profile",
    [
        _claiming_rgb(bytes(range(256)) * 4096),  # a megabyte of noise dressed as a profile
        _claiming_rgb(b"\x00" * 200, signature=b"xxxx"),  # no profile signature
        samples.srgb_profile()[:-100],  # cut short: the stated length disagrees
    ],
    ids=["noise", "no-signature", "truncated"],
)
def test_an_unusable_colour_profile_is_dropped_everywhere(profile):
    cleaned = images.clean_upload(io.BytesIO(_with_profile(profile)))
    assert "icc_profile" not in opened(cleaned.content).info
    assert len(cleaned.content) < 100_000
    for encoded in images.make_renditions(io.BytesIO(_with_profile(profile))).values():
        assert "icc_profile" not in opened(encoded.content).info
        assert len(encoded.content) < 100_000


def test_a_profile_larger_than_the_bound_is_not_copied(monkeypatch):
    monkeypatch.setattr(images, "MAX_ICC_BYTES", len(samples.srgb_profile()) - 1)
    renditions = images.make_renditions(io.BytesIO(_with_profile(samples.srgb_profile())))
    assert all("icc_profile" not in opened(item.content).info for item in renditions.values())


def test_a_valid_profile_passes_the_check():
    assert images.checked_profile(samples.srgb_profile()) == samples.srgb_profile()
    assert images.checked_profile(None) is None
    assert images.checked_profile(samples.srgb_profile(), limit=100) is None
