"""What a material upload may be: an allowed extension, a bounded size, and content that really
is what the extension says.

The content is sniffed, never trusted from the name or the browser's content type: PDF by its
header and end marker, Office Open XML (docx, xlsx, pptx) and OpenDocument as ZIP packages with
the right parts, legacy Office files as OLE containers with the right stream, images by Pillow,
MP4 by its ``ftyp`` box, text as UTF-8. Archives are refused when encrypted, damaged, or when
they unpack to more than a bounded size (zip bombs). Each refusal has its own message and code.
"""

import zipfile
from typing import IO

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

MATERIAL_MAX_BYTES = 25 * 1024 * 1024
# An archive may unpack to at most this much, and hold at most this many members.
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_ARCHIVE_MEMBERS = 5_000
MAX_IMAGE_PIXELS = 60_000_000
CHUNK = 64 * 1024

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")

# Extension -> what the content must be.
KIND_OF_EXTENSION = {
    ".pdf": "pdf",
    ".docx": "docx",
    ".xlsx": "xlsx",
    ".pptx": "pptx",
    ".doc": "doc",
    ".xls": "xls",
    ".ppt": "ppt",
    ".odt": "odt",
    ".odp": "odp",
    ".png": "png",
    ".jpg": "jpeg",
    ".jpeg": "jpeg",
    ".mp4": "mp4",
    ".zip": "zip",
    ".txt": "text",
    ".csv": "text",
}
MATERIAL_EXTENSIONS = frozenset(KIND_OF_EXTENSION)

KIND_LABELS = {
    "pdf": gettext_lazy("PDF document"),
    "docx": gettext_lazy("Word document"),
    "xlsx": gettext_lazy("Excel workbook"),
    "pptx": gettext_lazy("PowerPoint presentation"),
    "doc": gettext_lazy("Word 97–2003 document"),
    "xls": gettext_lazy("Excel 97–2003 workbook"),
    "ppt": gettext_lazy("PowerPoint 97–2003 presentation"),
    "odt": gettext_lazy("OpenDocument text"),
    "odp": gettext_lazy("OpenDocument presentation"),
    "png": gettext_lazy("PNG image"),
    "jpeg": gettext_lazy("JPEG image"),
    "mp4": gettext_lazy("MP4 video"),
    "zip": gettext_lazy("ZIP archive"),
    "text": gettext_lazy("UTF-8 text file"),
}

# Office Open XML: a part folder and the main content type declared in [Content_Types].xml.
OOXML = {
    "docx": ("word/", b"application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "xlsx": ("xl/", b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "pptx": (
        "ppt/",
        b"application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ),
}
OPENDOCUMENT = {
    "odt": b"application/vnd.oasis.opendocument.text",
    "odp": b"application/vnd.oasis.opendocument.presentation",
}
# Legacy Office: a stream every such file holds (directory names are UTF-16LE).
OLE_STREAMS = {
    "doc": ("WordDocument",),
    "xls": ("Workbook", "Book"),
    "ppt": ("PowerPoint Document",),
}
ENCRYPTED_OOXML_STREAM = "EncryptedPackage".encode("utf-16-le")
IMAGE_FORMATS = {"png": ("PNG", b"\x89PNG\r\n\x1a\n"), "jpeg": ("JPEG", b"\xff\xd8\xff")}


def _refusal(message: str, code: str) -> ValidationError:
    return ValidationError(message, code=code)


def mismatch(kind: str, extension: str) -> ValidationError:
    """The content is not what the extension promises."""
    return _refusal(
        _(
            "The content of this file is not a %(kind)s, although its name ends in "
            "%(extension)s. Upload the original file, or give it the right extension."
        )
        % {"kind": KIND_LABELS[kind], "extension": extension},
        "mismatch",
    )


def encrypted() -> ValidationError:
    """A password-protected document or archive."""
    return _refusal(
        _(
            "This file is protected with a password, so nobody could open it from the portal. "
            "Save a copy without the password and upload that."
        ),
        "encrypted",
    )


def corrupt() -> ValidationError:
    """A damaged or truncated file."""
    return _refusal(
        _(
            "This file is damaged or incomplete and cannot be opened. Save or export it again "
            "and upload the new copy."
        ),
        "corrupt",
    )


def unpacks_too_large() -> ValidationError:
    """An archive that unpacks to too much (a zip bomb, or simply too big)."""
    return _refusal(
        _("This file unpacks to more than %(mb)s MB. Upload a smaller file.")
        % {"mb": MAX_UNPACKED_BYTES // (1024 * 1024)},
        "unpacks_too_large",
    )


def _read_all(file: IO[bytes]) -> bytes:
    file.seek(0)
    return file.read()


def _check_pdf(file: IO[bytes], extension: str) -> None:
    file.seek(0)
    head = file.read(1024)
    if b"%PDF-" not in head:
        raise mismatch("pdf", extension)
    file.seek(0, 2)
    size = file.tell()
    file.seek(max(0, size - 2048))
    if b"%%EOF" not in file.read():
        raise corrupt()


def _archive_members(file: IO[bytes]) -> zipfile.ZipFile:
    """The ZIP archive, after checking it is readable, unencrypted and bounded when unpacked.

    Every member is decompressed once (counting the bytes), so a damaged member or a lying
    size in the directory is caught here and not when someone opens the download."""
    file.seek(0)
    try:
        archive = zipfile.ZipFile(file)
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise corrupt() from None
    if len(members) > MAX_ARCHIVE_MEMBERS:
        raise unpacks_too_large()
    if any(member.flag_bits & 0x1 for member in members):
        raise encrypted()
    if sum(member.file_size for member in members) > MAX_UNPACKED_BYTES:
        raise unpacks_too_large()
    unpacked = 0
    try:
        for member in members:
            with archive.open(member) as stream:
                while chunk := stream.read(CHUNK):
                    unpacked += len(chunk)
                    if unpacked > MAX_UNPACKED_BYTES:
                        raise unpacks_too_large()
    except ValidationError:
        raise
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, RuntimeError):
        raise corrupt() from None
    return archive


def _is_zip(file: IO[bytes]) -> bool:
    file.seek(0)
    return file.read(4) in ZIP_MAGIC


def _is_ole(file: IO[bytes]) -> bool:
    file.seek(0)
    return file.read(8) == OLE_MAGIC


def _check_ole(file: IO[bytes], kind: str, extension: str) -> None:
    data = _read_all(file)
    if not data.startswith(OLE_MAGIC):
        raise mismatch(kind, extension)
    if ENCRYPTED_OOXML_STREAM in data:
        raise encrypted()
    if len(data) < 1536:
        raise corrupt()
    if not any(name.encode("utf-16-le") in data for name in OLE_STREAMS[kind]):
        raise mismatch(kind, extension)


def _check_ooxml(file: IO[bytes], kind: str, extension: str) -> None:
    if _is_ole(file):
        # Office saves a password-protected docx, xlsx or pptx as an OLE container.
        if ENCRYPTED_OOXML_STREAM in _read_all(file):
            raise encrypted()
        raise mismatch(kind, extension)
    if not _is_zip(file):
        raise mismatch(kind, extension)
    folder, content_type = OOXML[kind]
    with _archive_members(file) as archive:
        names = archive.namelist()
        if "[Content_Types].xml" not in names or not any(name.startswith(folder) for name in names):
            raise mismatch(kind, extension)
        if content_type not in archive.read("[Content_Types].xml"):
            raise mismatch(kind, extension)


def _check_opendocument(file: IO[bytes], kind: str, extension: str) -> None:
    if not _is_zip(file):
        raise mismatch(kind, extension)
    with _archive_members(file) as archive:
        try:
            mimetype = archive.read("mimetype").strip()
        except KeyError:
            raise mismatch(kind, extension) from None
    if mimetype != OPENDOCUMENT[kind]:
        raise mismatch(kind, extension)


def _check_zip(file: IO[bytes], extension: str) -> None:
    if not _is_zip(file):
        raise mismatch("zip", extension)
    with _archive_members(file) as archive:
        if not archive.namelist():
            raise _refusal(_("The archive is empty."), "empty")


def _check_image(file: IO[bytes], kind: str, extension: str) -> None:
    import warnings

    from PIL import Image

    pillow_format, magic = IMAGE_FORMATS[kind]
    file.seek(0)
    if not file.read(len(magic)) == magic:
        raise mismatch(kind, extension)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            file.seek(0)
            with Image.open(file, formats=[pillow_format]) as image:
                width, height = image.size
                if width * height > MAX_IMAGE_PIXELS:
                    raise _refusal(
                        _(
                            "This image has more than %(megapixels)s million pixels. Make it "
                            "smaller before uploading."
                        )
                        % {"megapixels": MAX_IMAGE_PIXELS // 1_000_000},
                        "too_many_pixels",
                    )
                image.verify()
            file.seek(0)
            with Image.open(file, formats=[pillow_format]) as image:
                image.load()
    except ValidationError:
        raise
    except Exception:  # noqa: BLE001 - Pillow raises many kinds of error on broken input
        raise corrupt() from None


def _check_mp4(file: IO[bytes], extension: str) -> None:
    file.seek(0)
    if file.read(12)[4:8] != b"ftyp":
        raise mismatch("mp4", extension)


def _check_text(file: IO[bytes], extension: str) -> None:
    data = _read_all(file)
    if b"\x00" in data:
        raise mismatch("text", extension)
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        raise _refusal(
            _(
                "This text file is not in UTF-8. Save it again as UTF-8 (in a spreadsheet "
                "program: “CSV UTF-8”) and upload it."
            ),
            "encoding",
        ) from None


def check_material_file(file: IO[bytes], extension: str) -> None:
    """Refuse a material whose content is not what its (allowed, lower-case) extension says."""
    kind = KIND_OF_EXTENSION[extension]
    file.seek(0, 2)
    if file.tell() == 0:
        raise _refusal(_("The file is empty."), "empty")
    try:
        if kind == "pdf":
            _check_pdf(file, extension)
        elif kind in OOXML:
            _check_ooxml(file, kind, extension)
        elif kind in OPENDOCUMENT:
            _check_opendocument(file, kind, extension)
        elif kind in OLE_STREAMS:
            _check_ole(file, kind, extension)
        elif kind in IMAGE_FORMATS:
            _check_image(file, kind, extension)
        elif kind == "mp4":
            _check_mp4(file, extension)
        elif kind == "zip":
            _check_zip(file, extension)
        else:
            _check_text(file, extension)
    finally:
        file.seek(0)
