"""Material uploads are checked by content: what the name says is what the file is."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from training import materials, services
from training.models import Material

from . import files

pytestmark = pytest.mark.django_db

ZIP_WITH_TEXT = {"catatan.txt": b"Catatan rapat"}


def upload(session, by, name: str, data: bytes) -> Material:
    return services.add_material(
        session=session, by=by, title="Bahan", upload=SimpleUploadedFile(name, data)
    )


def refusal(session, by, name: str, data: bytes) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        upload(session, by, name, data)
    assert not Material.objects.exists()
    return caught.value


def stored_materials() -> list[str]:
    if not default_storage.exists("training/materials"):
        return []
    found, folders = [], ["training/materials"]
    while folders:
        folder = folders.pop()
        subfolders, names = default_storage.listdir(folder)
        folders += [f"{folder}/{sub}" for sub in subfolders]
        found += names
    return found


@pytest.mark.parametrize(
    ("name", "make"),
    [
        ("paparan.pdf", files.pdf),
        ("paparan.docx", lambda: files.ooxml("docx")),
        ("daftar.xlsx", files.xlsx),
        ("slide.pptx", lambda: files.ooxml("pptx")),
        ("paparan.doc", files.ole),
        ("daftar.xls", lambda: files.ole("Workbook")),
        ("slide.ppt", lambda: files.ole("PowerPoint Document")),
        ("paparan.odt", files.opendocument),
        (
            "slide.odp",
            lambda: files.opendocument("application/vnd.oasis.opendocument.presentation"),
        ),
        ("foto.png", files.image),
        ("foto.JPG", lambda: files.image("JPEG")),
        ("foto.jpeg", lambda: files.image("JPEG")),
        ("rekaman.mp4", files.mp4),
        ("bahan.zip", lambda: files.zip_of(ZIP_WITH_TEXT)),
        ("catatan.txt", lambda: "Etika bermedia sosial — ASN\n".encode()),
        ("peserta.csv", lambda: "\ufeffNama,NIP\nNur Aisyah,198609262015052001\n".encode()),
    ],
)
def test_real_files_are_accepted(sulteng_session, editor_sulteng, name, make):
    data = make()
    material = upload(sulteng_session, editor_sulteng, name, data)
    assert material.original_name == name
    with material.file.open("rb") as handle:
        assert handle.read() == data


@pytest.mark.parametrize(
    ("name", "make"),
    [
        ("paparan.docx", files.pdf),
        ("paparan.docx", files.xlsx),
        ("daftar.xlsx", lambda: files.ooxml("docx")),
        ("slide.pptx", lambda: files.zip_of(ZIP_WITH_TEXT)),
        ("paparan.pdf", lambda: files.ooxml("docx")),
        ("foto.jpg", files.image),
        ("foto.png", lambda: files.image("JPEG")),
        ("foto.png", files.pdf),
        ("daftar.xls", files.ole),
        ("paparan.doc", files.xlsx),
        (
            "paparan.odt",
            lambda: files.opendocument("application/vnd.oasis.opendocument.spreadsheet"),
        ),
        ("slide.odp", files.xlsx),
        ("rekaman.mp4", files.image),
        ("bahan.zip", files.pdf),
        ("catatan.txt", files.image),
    ],
)
def test_content_that_does_not_match_the_name_is_refused(
    sulteng_session, editor_sulteng, name, make
):
    error = refusal(sulteng_session, editor_sulteng, name, make())
    assert error.code == "mismatch"
    assert name.rsplit(".", 1)[1].lower() in error.messages[0]


@pytest.mark.parametrize(
    ("name", "make"),
    [
        ("bahan.zip", lambda: files.encrypted_zip(files.zip_of(ZIP_WITH_TEXT))),
        ("paparan.docx", lambda: files.encrypted_zip(files.ooxml("docx"))),
        # Office keeps a password-protected docx in an OLE container.
        ("paparan.docx", lambda: files.ole("EncryptedPackage")),
    ],
)
def test_encrypted_files_are_refused(sulteng_session, editor_sulteng, name, make):
    assert refusal(sulteng_session, editor_sulteng, name, make()).code == "encrypted"


def _flip_last_data_byte(data: bytes) -> bytes:
    central = data.rfind(b"PK\x01\x02")
    damaged = bytearray(data)
    damaged[central - 3] ^= 0xFF
    return bytes(damaged)


@pytest.mark.parametrize(
    ("name", "make"),
    [
        ("bahan.zip", lambda: files.zip_of(ZIP_WITH_TEXT)[:60]),
        ("bahan.zip", lambda: _flip_last_data_byte(files.zip_of({"a.txt": b"x" * 5000}))),
        ("daftar.xlsx", lambda: files.xlsx()[:-200]),
        ("paparan.pdf", lambda: files.pdf()[:-40]),
        ("foto.png", lambda: files.image(size=(200, 200))[:-30]),
        ("foto.jpg", lambda: files.image("JPEG", size=(200, 200))[:300]),
        ("paparan.doc", lambda: files.ole()[:1000]),
    ],
)
def test_damaged_files_are_refused(sulteng_session, editor_sulteng, name, make):
    assert refusal(sulteng_session, editor_sulteng, name, make()).code == "corrupt"


def test_zip_bombs_are_refused(sulteng_session, editor_sulteng, monkeypatch):
    monkeypatch.setattr(materials, "MAX_UNPACKED_BYTES", 1024 * 1024)
    bomb = files.zip_of({f"nol-{index}.bin": bytes(600 * 1024) for index in range(2)})
    assert len(bomb) < 10_000
    # Refused before anything inside is looked at, whatever the package claims to be.
    for name in ("bahan.zip", "daftar.xlsx", "paparan.odt"):
        assert refusal(sulteng_session, editor_sulteng, name, bomb).code == "unpacks_too_large"
    monkeypatch.setattr(materials, "MAX_ARCHIVE_MEMBERS", 3)
    many = files.zip_of({f"{index}.txt": b"x" for index in range(4)})
    assert refusal(sulteng_session, editor_sulteng, "bahan.zip", many).code == "unpacks_too_large"


def test_images_with_too_many_pixels_are_refused(sulteng_session, editor_sulteng, monkeypatch):
    monkeypatch.setattr(materials, "MAX_IMAGE_PIXELS", 100)
    error = refusal(sulteng_session, editor_sulteng, "foto.png", files.image(size=(20, 20)))
    assert error.code == "too_many_pixels"


def test_text_must_be_utf8(sulteng_session, editor_sulteng):
    error = refusal(sulteng_session, editor_sulteng, "peserta.csv", "Nama\nRené\n".encode("cp1252"))
    assert error.code == "encoding"
    assert refusal(sulteng_session, editor_sulteng, "kosong.txt", b"").code == "empty"


def test_every_refusal_has_its_own_message(sulteng_session, editor_sulteng, monkeypatch):
    monkeypatch.setattr(materials, "MAX_IMAGE_PIXELS", 100)
    cases = {
        "mismatch": ("paparan.docx", files.pdf()),
        "encrypted": ("bahan.zip", files.encrypted_zip(files.zip_of(ZIP_WITH_TEXT))),
        "corrupt": ("bahan.zip", files.zip_of(ZIP_WITH_TEXT)[:60]),
        "too_many_pixels": ("foto.png", files.image(size=(20, 20))),
        "encoding": ("peserta.csv", "René".encode("cp1252")),
        "empty": ("kosong.pdf", b""),
        "extension": ("program.exe", b"MZ"),
    }
    messages = {}
    for code, (name, data) in cases.items():
        error = refusal(sulteng_session, editor_sulteng, name, data)
        assert error.code == code
        messages[code] = error.messages[0]
    assert len(set(messages.values())) == len(cases)
    monkeypatch.setattr(materials, "MAX_UNPACKED_BYTES", 1024)
    bomb = refusal(sulteng_session, editor_sulteng, "bahan.zip", files.zip_of({"a": bytes(4096)}))
    assert bomb.messages[0] not in messages.values()
    assert stored_materials() == []


def test_a_refused_upload_is_a_message_on_the_page(client_for, sulteng_session, editor_sulteng):
    response = client_for(editor_sulteng).post(
        reverse("training:material_add", args=[sulteng_session.pk]),
        {
            "title": "Paparan",
            "visibility": "invited",
            "file": SimpleUploadedFile("paparan.pptx", files.pdf()),
        },
        follow=True,
    )
    assert response.status_code == 200
    assert any("not a PowerPoint" in str(message) for message in response.context["messages"])
    assert not Material.objects.exists()
    assert stored_materials() == []
