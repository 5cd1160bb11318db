"""Tiny but real files of every kind a material may be, generated for the tests."""

import io
import struct
import zipfile

from PIL import Image

CONTENT_TYPES = {
    "docx": ("word/document.xml", "wordprocessingml.document.main+xml"),
    "pptx": ("ppt/presentation.xml", "presentationml.presentation.main+xml"),
}
OOXML_PREFIX = "application/vnd.openxmlformats-officedocument."


def pdf() -> bytes:
    """A one-page PDF, as Pillow writes it."""
    buffer = io.BytesIO()
    Image.new("RGB", (20, 20), "white").save(buffer, "PDF")
    return buffer.getvalue()


def image(kind: str = "PNG", size: tuple[int, int] = (12, 8)) -> bytes:
    """A small PNG or JPEG."""
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buffer, kind)
    return buffer.getvalue()


def xlsx() -> bytes:
    """A workbook with one cell, written by openpyxl."""
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active["A1"] = "Daftar hadir"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def ooxml(kind: str) -> bytes:
    """A minimal Word document or PowerPoint presentation package."""
    part, content_type = CONTENT_TYPES[kind]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Override PartName="/'
            + part
            + '" ContentType="'
            + OOXML_PREFIX
            + content_type
            + '"/></Types>',
        )
        archive.writestr(
            "_rels/.rels",
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            'package/2006/relationships"><Relationship Id="rId1" Target="' + part + '" '
            'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'officeDocument"/></Relationships>',
        )
        archive.writestr(part, "<document>Etika bermedia sosial</document>")
    return buffer.getvalue()


def opendocument(mimetype: str = "application/vnd.oasis.opendocument.text") -> bytes:
    """An OpenDocument package: the mimetype first and stored, then the content."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", mimetype, compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", "<office:document-content/>", zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def zip_of(files: dict[str, bytes]) -> bytes:
    """A ZIP archive of the given members, deflated."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def encrypted_zip(data: bytes) -> bytes:
    """The archive with the "encrypted" flag set on every member, in both headers."""
    patched = bytearray(data)
    for signature, flag_offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = 0
        while (found := patched.find(signature, start)) != -1:
            patched[found + flag_offset] |= 0x1
            start = found + 4
    return bytes(patched)


SECTOR = 512
FREE, END, FAT_SECTOR = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD


def _directory_entry(name: str, kind: int, *, child=FREE, start=0, size=0) -> bytes:
    encoded = (name + "\0").encode("utf-16-le")
    return (
        encoded.ljust(64, b"\0")
        + struct.pack("<HBB", len(encoded), kind, 1)
        + struct.pack("<III", FREE, FREE, child)
        + bytes(16 + 4 + 16)
        + struct.pack("<IIH", start, size, 0)
        + bytes(2)
    )


def ole(stream: str = "WordDocument", payload: bytes = b"\0" * 4096) -> bytes:
    """A compound file (the container of .doc, .xls and .ppt) with one stream."""
    data_sectors = -(-len(payload) // SECTOR)
    fat = [FAT_SECTOR, END] + [3 + index for index in range(data_sectors - 1)] + [END]
    fat += [FREE] * (SECTOR // 4 - len(fat))
    header = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + bytes(16)
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + bytes(6)
        + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, END, 0, END, 0)
        + struct.pack("<I", 0)
        + struct.pack("<I", FREE) * 108
    )
    directory = (
        _directory_entry("Root Entry", 5, child=1, start=END)
        + _directory_entry(stream, 2, start=2, size=len(payload))
    ).ljust(SECTOR, b"\0")
    body = payload.ljust(data_sectors * SECTOR, b"\0")
    return header + struct.pack(f"<{SECTOR // 4}I", *fat) + directory + body


def mp4() -> bytes:
    """The first box of an MP4 file."""
    return struct.pack(">I", 24) + b"ftypisom" + struct.pack(">I", 512) + b"isomiso2"
