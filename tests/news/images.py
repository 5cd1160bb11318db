"""Images made in memory for tests: good photos in each accepted format, and hostile files."""

import functools
import io
import struct
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, Image, ImageCms

RED = (220, 30, 30)
BLUE = (30, 30, 220)
XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-'
    b'syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" dc:creator='
    b'"Secret Photographer"/></rdf:RDF></x:xmpmeta>'
)


@functools.cache
def srgb_profile() -> bytes:
    """An sRGB ICC profile, as cameras and editors embed it (made once: it holds a date)."""
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def encode(image: Image.Image, image_format: str, **options) -> bytes:
    """The image saved in a format, as bytes."""
    output = io.BytesIO()
    image.save(output, image_format, **options)
    return output.getvalue()


def two_tone(size: tuple[int, int] = (160, 90), mode: str = "RGB") -> Image.Image:
    """Left half red, right half blue: shows which way an image was turned."""
    image = Image.new(mode, size, BLUE if mode == "RGB" else (*BLUE, 255))
    image.paste(RED if mode == "RGB" else (*RED, 255), (0, 0, size[0] // 2, size[1]))
    return image


def noisy(size: tuple[int, int], mode: str = "RGB") -> Image.Image:
    """Noise that compresses like a photo; large sizes are blown up from a smaller noise."""
    small = (min(size[0], 400), min(size[1], 400))
    bands = [Image.effect_noise(small, 40).resize(size) for _ in range(len(mode))]
    return Image.merge(mode, bands) if len(bands) > 1 else bands[0]


def jpeg(size: tuple[int, int] = (120, 80), **options) -> bytes:
    """A small plain JPEG."""
    return encode(two_tone(size), "JPEG", quality=90, **options)


def png(size: tuple[int, int] = (120, 80), mode: str = "RGB") -> bytes:
    """A small PNG."""
    return encode(two_tone(size, "RGBA" if mode == "RGBA" else "RGB").convert(mode), "PNG")


def webp(size: tuple[int, int] = (120, 80)) -> bytes:
    """A small WebP."""
    return encode(two_tone(size), "WEBP", quality=90)


def jpeg_with_metadata(size: tuple[int, int] = (160, 90), orientation: int = 6) -> bytes:
    """A camera-like JPEG: EXIF orientation, camera, GPS position, XMP, a comment and ICC."""
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.Base.Make] = "PhoneMaker"
    exif[ExifTags.Base.Model] = "Phone 12"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "S"
    gps[ExifTags.GPS.GPSLatitude] = (0.0, 53.0, 52.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (119.0, 52.0, 12.0)
    return encode(
        two_tone(size),
        "JPEG",
        quality=90,
        exif=exif,
        xmp=XMP,
        comment=b"taken at home",
        icc_profile=srgb_profile(),
    )


def noisy_jpeg(size: tuple[int, int] = (300, 200), **options) -> bytes:
    """A JPEG with real image data, e.g. to be cut short."""
    return encode(noisy(size), "JPEG", quality=90, **options)


def truncated_jpeg() -> bytes:
    """A JPEG whose image data stops halfway, as after an interrupted transfer."""
    data = noisy_jpeg()
    return data[: len(data) // 2]


def truncated_png() -> bytes:
    """A PNG cut short inside its image data."""
    data = encode(noisy((300, 200)), "PNG")
    return data[: len(data) // 2]


def png_with_bad_checksum() -> bytes:
    """A PNG whose image data chunk fails its CRC check."""
    data = bytearray(png())
    index = data.index(b"IDAT")
    length = struct.unpack(">I", data[index - 4 : index])[0]
    data[index + 4 + length] ^= 0xFF  # first byte of the CRC
    return bytes(data)


def jpeg_claiming(width: int, height: int) -> bytes:
    """A small JPEG whose header claims another pixel size."""
    data = bytearray(jpeg())
    index = data.index(b"\xff\xc0")  # start of frame, baseline
    data[index + 5 : index + 9] = struct.pack(">HH", height, width)
    return bytes(data)


def _chunk(kind: bytes, payload: bytes) -> bytes:
    return (
        struct.pack(">I", len(payload))
        + kind
        + payload
        + struct.pack(">I", zlib.crc32(kind + payload) & 0xFFFFFFFF)
    )


def png_bomb(width: int = 20_000, height: int = 20_000, *, with_data: bool = True) -> bytes:
    """A decompression bomb: a PNG of black 1-bit pixels that is tiny on disk.

    With ``with_data=False`` it is only a header claiming the size, without image data."""
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)  # 1-bit greyscale
    chunks = [_chunk(b"IHDR", header)]
    if with_data:
        row = b"\x00" * (1 + (width + 7) // 8)  # filter byte + packed pixels
        compressor = zlib.compressobj(9)
        data = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
        chunks.append(_chunk(b"IDAT", data))
    chunks.append(_chunk(b"IEND", b""))
    return b"\x89PNG\r\n\x1a\n" + b"".join(chunks)


def transparent_png(size: tuple[int, int] = (120, 80)) -> bytes:
    """RGBA: left half fully transparent, right half opaque blue."""
    image = Image.new("RGBA", size, (*BLUE, 255))
    image.paste((0, 0, 0, 0), (0, 0, size[0] // 2, size[1]))
    return encode(image, "PNG")


def animated(image_format: str, size: tuple[int, int] = (120, 80)) -> bytes:
    """Three frames: red, green, blue."""
    frames = [Image.new("RGB", size, color) for color in (RED, (30, 200, 30), BLUE)]
    options = {"lossless": True} if image_format == "WEBP" else {}
    return encode(
        frames[0],
        image_format,
        save_all=True,
        append_images=frames[1:],
        duration=100,
        loop=0,
        **options,
    )


def cmyk_jpeg(size: tuple[int, int] = (120, 80)) -> bytes:
    """A print-style CMYK JPEG."""
    return encode(two_tone(size).convert("CMYK"), "JPEG", quality=90)


def grey_jpeg(size: tuple[int, int] = (120, 80)) -> bytes:
    """A greyscale JPEG."""
    return encode(Image.new("L", size, 128), "JPEG", quality=90)


def grey16_png(size: tuple[int, int] = (64, 32)) -> bytes:
    """A 16-bit greyscale PNG at mid grey."""
    return encode(Image.new("I;16", size, 32768), "PNG")


def gif() -> bytes:
    """A GIF, an image format the portal does not take."""
    return encode(two_tone((40, 20)), "GIF")


def tiff() -> bytes:
    """A TIFF."""
    return encode(two_tone((40, 20)), "TIFF")


def bmp() -> bytes:
    """A BMP."""
    return encode(two_tone((40, 20)), "BMP")


def heic_header() -> bytes:
    """The start of an iPhone HEIC file."""
    return b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 64


def svg() -> bytes:
    """An SVG drawing with a script in it."""
    return (
        b'<?xml version="1.0" encoding="UTF-8"?>\n'
        b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
        b"<script>alert(document.cookie)</script><rect width='10' height='10'/></svg>"
    )


def bare_svg() -> bytes:
    """An SVG without an XML declaration."""
    return b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"></svg>'


def pdf() -> bytes:
    """The start of a PDF document."""
    return b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"


def text() -> bytes:
    """A text file."""
    return b"Laporan kegiatan: bukan foto.\n"


def html() -> bytes:
    """An HTML page."""
    return b"<!DOCTYPE html><html><body><img src=x onerror=alert(1)></body></html>"


def jpeg_magic_then_garbage() -> bytes:
    """Starts like a JPEG, then nothing but noise."""
    return b"\xff\xd8\xff\xe0" + bytes(range(256)) * 8


def upload(
    data: bytes, name: str = "photo.jpg", content_type: str = "image/jpeg"
) -> SimpleUploadedFile:
    """An uploaded file as Django hands it to a view."""
    return SimpleUploadedFile(name, data, content_type=content_type)
