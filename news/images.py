"""Pure image processing for story photos: check an upload, clean it, derive renditions.

Nothing here touches the database or the storage; services feed bytes in and store what comes
out. Decisions, in one place:

* Accepted are JPEG, PNG and WebP, recognised by their first bytes and by the format Pillow
  detects; the file name and the browser's content type are never consulted.
* Limits are checked before any pixel is decoded: the file size first, then the pixel size
  read from the header (``Image.open`` is lazy).
* Animated PNG and WebP files are accepted; only their first frame is kept.
* Every photo is stored as a JPEG. Transparent PNG and WebP images are flattened onto white,
  since a news photo has no use for transparency and one format keeps renditions simple.
* Cleaning applies the EXIF orientation, then writes a new file holding the pixels and the
  ICC colour profile only (checked, at most MAX_ICC_BYTES): EXIF (with GPS), XMP and
  comments are dropped.
"""

import io
import logging
import math
import uuid
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import IO

from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from PIL import Image, ImageCms, ImageFile, ImageOps

logger = logging.getLogger(__name__)

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
MAX_PIXELS = 40_000_000
# The JPEG format cannot hold a wider or taller image.
MAX_SIDE = 65_500

ACCEPTED_FORMATS = ("JPEG", "PNG", "WEBP")
ACCEPT_ATTRIBUTE = "image/jpeg,image/png,image/webp"

JPEG_QUALITY = 88
# A progressive original costs time twice: encoding it, and decoding it again for the
# renditions (libjpeg's reduced-size decode is about three times slower on progressive files).
# Turned off, a 24-megapixel photo goes through the pipeline in about 40 % less time for a file
# about 8 % larger; see bench/README.md.
PROGRESSIVE_ORIGINAL = False
RENDITION_QUALITY = 85
RESAMPLE = Image.Resampling.LANCZOS
# Reduce by whole factors first when shrinking 3x or more; indistinguishable from pure
# Lanczos at this gap and much faster on large images.
REDUCING_GAP = 3.0
WHITE = {"RGB": (255, 255, 255), "L": 255}

# Pillow refuses images above twice this limit with DecompressionBombError and warns above it.
# The limit is also checked explicitly right after reading the header, and the warning is an
# error everywhere after that (see _pillow_errors).
Image.MAX_IMAGE_PIXELS = MAX_PIXELS
# A truncated file must fail, never decode into a half-grey photo.
ImageFile.LOAD_TRUNCATED_IMAGES = False


@dataclass(frozen=True)
class RenditionSpec:
    """One derived size: ``width`` scales to a width, ``contain`` fits a box, ``cover`` crops."""

    name: str
    width: int
    height: int
    fit: str

    def scale_for(self, size: tuple[int, int]) -> float:
        """The factor that maps a source of this size onto the rendition."""
        width, height = size
        if self.fit == "cover":
            return max(self.width / width, self.height / height)
        if self.fit == "contain":
            return min(1.0, self.width / width, self.height / height)
        return min(1.0, self.width / width)


RENDITIONS = (
    RenditionSpec("thumb", 400, 0, "width"),
    RenditionSpec("large", 1600, 1600, "contain"),
    RenditionSpec("social", 1200, 630, "cover"),
    RenditionSpec("square", 1080, 1080, "cover"),
)


@dataclass(frozen=True)
class EncodedImage:
    """A JPEG ready to be stored, with its pixel size."""

    content: bytes
    width: int
    height: int


def random_name(extension: str = "jpg") -> str:
    """A file name that says nothing about the upload: 32 random hex digits."""
    return f"{uuid.uuid4().hex}.{extension}"


# --- Recognising the file -------------------------------------------------------------------

_OTHER_IMAGE_SIGNATURES = (
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
    (b"BM", "BMP"),
    (b"\x00\x00\x01\x00", "ICO"),
    (b"8BPS", "PSD"),
    (b"\x00\x00\x00\x0cjP  \r\n\x87\n", "JPEG 2000"),
    (b"\xff\x4f\xff\x51", "JPEG 2000"),
    (b"\xff\x0a", "JPEG XL"),
    (b"\x00\x00\x00\x0cJXL \r\n\x87\n", "JPEG XL"),
    (b"qoif", "QOI"),
)
_ISO_MEDIA_BRANDS = {
    b"heic": "HEIC",
    b"heix": "HEIC",
    b"hevc": "HEIC",
    b"heim": "HEIC",
    b"heis": "HEIC",
    b"mif1": "HEIF",
    b"msf1": "HEIF",
    b"avif": "AVIF",
    b"avis": "AVIF",
}


def sniff(head: bytes) -> str:
    """Name the file's type from its first bytes: an accepted format, "SVG", another image
    format, or "" for anything else."""
    if head.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WEBP"
    for signature, name in _OTHER_IMAGE_SIGNATURES:
        if head.startswith(signature):
            return name
    if head[4:8] == b"ftyp" and head[8:12] in _ISO_MEDIA_BRANDS:
        return _ISO_MEDIA_BRANDS[head[8:12]]
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith((b"<?xml", b"<svg", b"<!doctype svg", b"<!--")) and b"<svg" in text:
        return "SVG"
    return ""


# --- Refusals -------------------------------------------------------------------------------


def _megapixels(pixels: int) -> str:
    return number_format(pixels / 1_000_000, 0)


def _megabytes(size: int) -> str:
    # Rounded up, so a file just over the limit never reads as equal to it.
    return number_format(math.ceil(size * 10 / (1024 * 1024)) / 10, 1)


def _empty() -> ValidationError:
    return ValidationError(_("The file is empty. Choose a photo to upload."), code="empty")


def _too_large(size: int) -> ValidationError:
    return ValidationError(
        _("The file is %(size)s MB; a photo may be at most %(limit)s MB. Reduce it and try again.")
        % {"size": _megabytes(size), "limit": _megabytes(MAX_UPLOAD_BYTES)},
        code="too_large",
    )


def _too_many_pixels(size: tuple[int, int] | None = None) -> ValidationError:
    if size is None:
        message = _(
            "The photo has too many pixels; at most %(limit)s megapixels are accepted. Reduce it "
            "and try again."
        ) % {"limit": _megapixels(MAX_PIXELS)}
    else:
        message = _(
            "The photo is %(width)s × %(height)s pixels (%(megapixels)s megapixels); at most "
            "%(limit)s megapixels are accepted. Reduce it and try again."
        ) % {
            "width": size[0],
            "height": size[1],
            "megapixels": _megapixels(size[0] * size[1]),
            "limit": _megapixels(MAX_PIXELS),
        }
    return ValidationError(message, code="too_many_pixels")


def _bad_dimensions(size: tuple[int, int]) -> ValidationError:
    return ValidationError(
        _("The photo is %(width)s × %(height)s pixels; neither side may exceed %(limit)s pixels.")
        % {"width": size[0], "height": size[1], "limit": MAX_SIDE},
        code="bad_dimensions",
    )


def _corrupt() -> ValidationError:
    return ValidationError(
        _(
            "The photo file is damaged or incomplete. Open it on your device, save or export "
            "it again, and upload the new file."
        ),
        code="corrupt",
    )


def _svg() -> ValidationError:
    return ValidationError(
        _("SVG drawings are not accepted. Upload a photo in JPEG, PNG or WebP format."),
        code="svg",
    )


def _unsupported(name: str) -> ValidationError:
    return ValidationError(
        _("%(format)s files are not accepted. Save the photo as JPEG, PNG or WebP and upload it.")
        % {"format": name},
        code="unsupported_format",
    )


def _not_an_image() -> ValidationError:
    return ValidationError(
        _("This file is not a photo. Upload a picture in JPEG, PNG or WebP format."),
        code="not_an_image",
    )


# --- Opening safely -------------------------------------------------------------------------


def _file_size(file: IO[bytes]) -> int:
    size = getattr(file, "size", None)
    if size is None:
        position = file.tell()
        size = file.seek(0, io.SEEK_END)
        file.seek(position)
    return size


def check_size(size: tuple[int, int]) -> None:
    """Refuse a pixel size above the limits."""
    width, height = size
    if width <= 0 or height <= 0:
        raise _corrupt()
    if width * height > MAX_PIXELS:
        raise _too_many_pixels(size)
    if max(width, height) > MAX_SIDE:
        raise _bad_dimensions(size)


@contextmanager
def _pillow_errors(*, opening: bool = False) -> Iterator[None]:
    """Turn whatever Pillow raises on a hostile file into one of our refusals.

    While opening, Pillow's bomb warning is silenced: the explicit check that follows reports the
    pixel size. Anywhere else the warning is an error."""
    try:
        with warnings.catch_warnings():
            action = "ignore" if opening else "error"
            warnings.simplefilter(action, Image.DecompressionBombWarning)
            yield
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _too_many_pixels() from None
    except Exception as error:
        # Decoders raise OSError, SyntaxError, ValueError, EOFError, struct.error, zlib.error
        # and more on broken input; all of them mean the same thing to the person uploading.
        logger.info("Refused a damaged image: %r", error)
        raise _corrupt() from None


def open_checked(file: IO[bytes], *, expected: str) -> ImageFile.ImageFile:
    """Open lazily as the expected format and check the header's pixel size; nothing decoded."""
    file.seek(0)
    with _pillow_errors(opening=True):
        image = Image.open(file, formats=[expected])
        if image.format != expected:
            raise _corrupt()
    check_size(image.size)
    return image


def detect_format(file: IO[bytes]) -> str:
    """The accepted format of an upload, from its content; refuse anything else."""
    size = _file_size(file)
    if size == 0:
        raise _empty()
    if size > MAX_UPLOAD_BYTES:
        raise _too_large(size)
    file.seek(0)
    head = file.read(1024)
    kind = sniff(head)
    if kind in ACCEPTED_FORMATS:
        return kind
    if kind == "SVG":
        raise _svg()
    if kind:
        raise _unsupported(kind)
    raise _not_an_image()


# --- Cleaning -------------------------------------------------------------------------------


# A colour profile is copied into the original and every rendition, so it is bounded: real
# RGB and grey profiles are a few kilobytes. A print (CMYK) profile may be larger; it is only
# read to convert the pixels, never copied.
MAX_ICC_BYTES = 64 * 1024
MAX_SOURCE_ICC_BYTES = 4 * 1024 * 1024
_ICC_HEADER_BYTES = 128


def checked_profile(icc: object, *, limit: int = MAX_SOURCE_ICC_BYTES) -> bytes | None:
    """The ICC profile if it is within ``limit`` and is a profile LittleCMS reads, else None."""
    if not isinstance(icc, bytes) or not _ICC_HEADER_BYTES <= len(icc) <= limit:
        return None
    # The header states the profile's own length and carries the "acsp" signature.
    if int.from_bytes(icc[:4], "big") != len(icc) or icc[36:40] != b"acsp":
        return None
    try:
        ImageCms.ImageCmsProfile(io.BytesIO(icc))
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        return None
    return icc


def _profile_space(icc: bytes | None) -> bytes:
    """The colour space an ICC profile describes ("RGB ", "GRAY", "CMYK"), or b""."""
    return icc[16:20] if icc and len(icc) >= 128 else b""


def _from_cmyk(image: Image.Image, icc: bytes | None) -> tuple[Image.Image, bytes | None]:
    """Convert print CMYK to sRGB, through the embedded profile when there is a usable one."""
    if _profile_space(icc) == b"CMYK":
        try:
            srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
            source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            converted = ImageCms.profileToProfile(image, source, srgb, outputMode="RGB")
            return converted, srgb.tobytes()
        except (ImageCms.PyCMSError, OSError, ValueError) as error:
            logger.info("Unusable CMYK profile, converting without it: %r", error)
    return image.convert("RGB"), None


def _flatten(image: Image.Image) -> Image.Image:
    """Composite an image with transparency onto white."""
    base_mode = "L" if image.mode in ("LA", "La") else "RGB"
    if image.mode not in ("RGBA", "LA"):
        image = image.convert("LA" if base_mode == "L" else "RGBA")
    background = Image.new(base_mode, image.size, WHITE[base_mode])
    background.paste(image.convert(base_mode), mask=image.getchannel("A"))
    return background


def to_output_mode(image: Image.Image, icc: bytes | None) -> tuple[Image.Image, bytes | None]:
    """Bring a decoded image to RGB or L (what JPEG holds) and keep a fitting ICC profile."""
    icc = checked_profile(icc)
    if image.mode == "P":
        has_alpha = "transparency" in image.info or image.palette.mode == "RGBA"
        image = image.convert("RGBA" if has_alpha else "RGB")
    elif image.mode == "PA":
        image = image.convert("RGBA")
    elif image.mode == "1":
        image = image.convert("L")
    elif image.mode.startswith("I;16") or image.mode in ("I", "F"):
        # 16-bit greyscale: scale to 8 bits instead of clipping everything above 255.
        image = image.convert("I").point(lambda value: value * (1 / 256)).convert("L")
    elif image.mode == "CMYK":
        image, icc = _from_cmyk(image, icc)
    if image.mode in ("RGBA", "RGBa", "LA", "La"):
        image = _flatten(image)
    elif image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    wanted_space = b"GRAY" if image.mode == "L" else b"RGB "
    fits = _profile_space(icc) == wanted_space and len(icc or b"") <= MAX_ICC_BYTES
    return image, icc if fits else None


def encode_jpeg(
    image: Image.Image, *, icc: bytes | None, quality: int, progressive: bool = True
) -> EncodedImage:
    """Write pixels and profile only: no EXIF, XMP or comment survives."""
    image.info = {}
    output = io.BytesIO()
    options = {"quality": quality, "progressive": progressive, "optimize": True}
    if icc:
        options["icc_profile"] = icc
    image.save(output, "JPEG", **options)
    return EncodedImage(output.getvalue(), image.width, image.height)


def _transpose(image: Image.Image) -> None:
    """Turn the pixels the way the EXIF orientation says; a broken EXIF block is ignored."""
    try:
        ImageOps.exif_transpose(image, in_place=True)
    except Exception as error:
        logger.info("Ignored an unreadable EXIF orientation: %r", error)


def clean_upload(file: IO[bytes]) -> EncodedImage:
    """Check an uploaded photo and re-encode it as a metadata-free JPEG, the right way up.

    Raises ValidationError (codes: empty, too_large, too_many_pixels, bad_dimensions, corrupt,
    svg, unsupported_format, not_an_image) before anything is stored.
    """
    expected = detect_format(file)
    # verify() checks the structure (PNG chunk checksums) and leaves the image unusable, so the
    # file is opened a second time for the full decode, which must also succeed.
    image = open_checked(file, expected=expected)
    with _pillow_errors():
        image.verify()
    image = open_checked(file, expected=expected)
    with _pillow_errors():
        # The first frame of an animation; Pillow opens there.
        icc = image.info.get("icc_profile")
        image.load()
        _transpose(image)
        image, icc = to_output_mode(image, icc)
        return encode_jpeg(image, icc=icc, quality=JPEG_QUALITY, progressive=PROGRESSIVE_ORIGINAL)


# --- Renditions -----------------------------------------------------------------------------


# Where a photo's subject is, as fractions of its width and height from the top left.
Focus = tuple[float, float]
CENTRE: Focus = (0.5, 0.5)


def _centred(start_extent: float, crop: float, focus: float) -> float:
    """The start of a crop of length ``crop`` centred on ``focus``, kept inside the image."""
    return min(max(focus * start_extent - crop / 2, 0.0), start_extent - crop)


def cover_box(
    size: tuple[int, int], target: tuple[int, int], focus: Focus | None = None
) -> tuple[float, float, float, float]:
    """The source box of a cover crop to the target's shape, as near the focal point as the
    edges allow; no focus means the centre."""
    width, height = size
    scale = max(target[0] / width, target[1] / height)
    crop_width, crop_height = target[0] / scale, target[1] / scale
    focus_x, focus_y = focus or CENTRE
    left = _centred(width, crop_width, min(max(focus_x, 0.0), 1.0))
    top = _centred(height, crop_height, min(max(focus_y, 0.0), 1.0))
    return (left, top, left + crop_width, top + crop_height)


def rendition_geometry(
    spec: RenditionSpec, size: tuple[int, int], focus: Focus | None = None
) -> tuple[tuple[int, int], tuple]:
    """The output size and the source box for a rendition of an image of this size."""
    width, height = size
    scale = spec.scale_for(size)
    if spec.fit != "cover":
        out = (max(1, round(width * scale)), max(1, round(height * scale)))
        return out, (0, 0, width, height)
    return (spec.width, spec.height), cover_box(size, (spec.width, spec.height), focus)


def render(
    image: Image.Image,
    spec: RenditionSpec,
    *,
    source: Image.Image | None = None,
    focus: Focus | None = None,
) -> Image.Image:
    """One rendition of a decoded image: scaled, or cover-cropped around the focal point.

    ``source`` may be a smaller, uncropped copy of ``image`` (an earlier rendition) to resample
    from; the geometry is still that of ``image``."""
    size, box = rendition_geometry(spec, image.size, focus)
    if source is not None and source is not image:
        x_factor, y_factor = source.width / image.width, source.height / image.height
        box = (box[0] * x_factor, box[1] * y_factor, box[2] * x_factor, box[3] * y_factor)
        image = source
    if size == image.size and box == (0, 0, *image.size):
        return image.copy()
    return image.resize(size, RESAMPLE, box=box, reducing_gap=REDUCING_GAP)


def _covers(image: Image.Image, spec: RenditionSpec, source: Image.Image) -> bool:
    """Whether a smaller copy of the image still has every pixel the rendition needs."""
    size, (left, top, right, bottom) = rendition_geometry(spec, image.size)
    x_factor, y_factor = source.width / image.width, source.height / image.height
    return (right - left) * x_factor >= size[0] and (bottom - top) * y_factor >= size[1]


def _oriented_size(image: Image.Image) -> tuple[int, int]:
    orientation = image.getexif().get(0x0112, 1) if image.format == "JPEG" else 1
    width, height = image.size
    return (height, width) if orientation in (5, 6, 7, 8) else (width, height)


def _draft(image: ImageFile.ImageFile, specs: tuple[RenditionSpec, ...]) -> None:
    """Let the JPEG decoder scale by 1/2, 1/4 or 1/8 while still covering every rendition."""
    if image.format != "JPEG":
        return
    width, height = _oriented_size(image)
    needed = min(1.0, max(spec.scale_for((width, height)) for spec in specs))
    request = (math.ceil(width * needed), math.ceil(height * needed))
    if (width, height) != image.size:
        request = request[::-1]
    image.draft(image.mode if image.mode in ("RGB", "L") else None, request)


def decode_for(
    file: IO[bytes], specs: tuple[RenditionSpec, ...]
) -> tuple[Image.Image, bytes | None]:
    """Decode a (cleaned) photo the right way up, as small as the given outputs allow."""
    expected = detect_format(file)
    image = open_checked(file, expected=expected)
    with _pillow_errors():
        icc = image.info.get("icc_profile")
        _draft(image, specs)
        image.load()
        _transpose(image)
        return to_output_mode(image, icc)


def make_renditions(
    file: IO[bytes], specs: tuple[RenditionSpec, ...] = RENDITIONS, *, focus: Focus | None = None
) -> dict[str, EncodedImage]:
    """Every rendition of a (cleaned) photo as JPEG, from a single reduced decode; cover crops
    are centred on the focal point."""
    image, icc = decode_for(file, specs)
    with _pillow_errors():
        # Bigger outputs first; a smaller one is resampled from an uncropped rendition already
        # made when that still has enough pixels, which is cheaper than the full decode.
        derived: list[Image.Image] = []
        results: dict[str, EncodedImage] = {}
        by_area = sorted(
            specs, key=lambda spec: -math.prod(rendition_geometry(spec, image.size)[0])
        )
        for spec in by_area:
            usable = [source for source in derived if _covers(image, spec, source)]
            source = min(usable, key=lambda item: item.width * item.height, default=image)
            rendered = render(image, spec, source=source, focus=focus)
            if spec.fit != "cover":
                derived.append(rendered)
            results[spec.name] = encode_jpeg(rendered, icc=icc, quality=RENDITION_QUALITY)
        return {spec.name: results[spec.name] for spec in specs}
