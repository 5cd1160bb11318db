"""Organisation names, personal data, the training record, house style and hostile input."""

from datetime import date

import pytest

from news.checks import CheckContext, StoryInput, check_story
from news.checks.base import MAX_FIELD_CHARS

from .eval_data import directory
from .eval_training import BRIEFING

EVENT = date(2025, 2, 6)


def story(body: str = "", **values) -> StoryInput:
    fields = {
        "title": "Lapas Perempuan Palu Ikuti Penguatan Kehumasan",
        "lead": "Jajaran Lapas Perempuan Kelas III Palu ikut Penguatan Kehumasan, Kamis (6/2).",
        "body": body,
        "dateline": "Sigi",
        "event_date": EVENT,
        "unit_name": "Lapas Perempuan Kelas III Palu",
        "unit_type": "lapas_perempuan",
        "unit_class": "III",
        "unit_city": "Sigi",
    }
    fields.update(values)
    return StoryInput(**fields)


def codes(body: str, context: CheckContext | None = None, **values) -> set[str]:
    return {f.code for f in check_story(story(body, **values), context)}


@pytest.mark.parametrize(
    ("text", "suggested"),
    [
        ("Kanwil Kemenkumham Sulteng", "Kanwil Ditjenpas"),
        ("KANWIL KEMENTERIAN HUKUM DAN HAM RI SULAWESI TENGAH", "Kanwil Ditjenpas"),
        ("Kadivpas Sulteng", "Kakanwil"),
        ("Kepala Divisi Pemasyarakatan", "Kakanwil"),
        ("Kementerian Hukum dan HAM", "Kemenimipas"),
    ],
)
def test_stale_names_suggest_the_current_one(text, suggested):
    (finding,) = [
        f for f in check_story(story(f"<p>Hadir pula {text}.</p>")) if f.code == "org.stale_name"
    ]
    assert finding.severity == "warn" and suggested in finding.message


def test_history_is_not_a_stale_name():
    assert "org.stale_name" not in codes("<p>Unit ini dahulu di bawah Kanwil Kemenkumham.</p>")


def test_unit_class_and_spelling_against_the_directory():
    context = CheckContext(directory=directory())
    assert "org.unit_class" in codes("<p>Rutan Kelas IIA Pelaihari hadir.</p>", context)
    assert "org.unit_place" in codes("<p>Rutan Kelas IIB Pelaihary hadir.</p>", context)
    assert not codes("<p>Rutan Kelas II B Pelaihari hadir.</p>", context) & {
        "org.unit_class",
        "org.unit_place",
    }


def test_napi_is_a_note():
    (finding,) = [
        f for f in check_story(story("<p>Para napi hadir.</p>")) if f.code == "org.prisoner_term"
    ]
    assert finding.severity == "info" and "warga binaan" in finding.message


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("NIK 7271014508900003", "privacy.nik"),
        ("nomor KK 7271010101250001", "privacy.kk"),
        ("hubungi 0812-3456-7890", "privacy.phone"),
        ("hubungi +62 813 5521 0001", "privacy.phone"),
        ("telepon (0451) 421234", "privacy.phone"),
        ("surel rina88@gmail.com", "privacy.email"),
        ("mobil DN 1234 AB", "privacy.plate"),
    ],
)
def test_personal_data_blocks(text, code):
    found = [f for f in check_story(story(f"<p>Data: {text}.</p>")) if f.code == code]
    assert found and found[0].severity == "block"


def test_an_official_nip_and_an_office_mailbox_are_fine():
    body = "<p>Kalapas, NIP 19860926 201505 1 001, menulis ke humas@ditjenpas.go.id.</p>"
    assert not {c for c in codes(body) if c.startswith("privacy.")}


def test_a_sixteen_digit_number_without_a_valid_birth_date_is_not_a_nik():
    assert "privacy.nik" not in codes("<p>Nomor seri 9999999999999999 tercatat.</p>")


def test_named_prisoners_and_children_warn_initials_do_not():
    assert "privacy.prisoner_named" in codes(
        "<p>Warga binaan bernama Andi Prasetyo dengan kasus narkotika membaca puisi.</p>"
    )
    assert "privacy.prisoner_named" not in codes(
        "<p>Warga binaan berinisial AP dengan kasus narkotika membaca puisi.</p>"
    )
    assert "privacy.child_named" in codes("<p>Anak binaan bernama Bagas Saputra menari.</p>")


def test_the_training_record_accepts_aliases_and_flags_an_extra_speaker():
    context = CheckContext(sessions=(BRIEFING,))
    fine = (
        "<p>Materi disampaikan Direktur Teknologi Informasi dan Kerja Sama Pemasyarakatan, "
        "M. Hilal.</p>"
    )
    assert not {c for c in codes(fine, context) if c.startswith("training.")}
    extra = "<p>Materi disampaikan perwakilan dari Direktur Pengamanan dan Intelijen.</p>"
    assert "training.speaker_unknown" in codes(extra, context)
    wrong_title = "<p>Materi disampaikan Direktur Jenderal Pemasyarakatan, Lilik Sujandi.</p>"
    assert "training.title" in codes(wrong_title, context)
    assert "training.date" in codes("", context, event_date=date(2025, 2, 7))


def test_a_candidate_session_is_offered_for_linking():
    candidate = BRIEFING.__class__(**{**BRIEFING.__dict__, "linked": False, "can_link": True})
    found = [
        f
        for f in check_story(story(""), CheckContext(sessions=(candidate,)))
        if f.code == "same_event.session"
    ]
    assert found and found[0].data == {"session_id": BRIEFING.id, "can_link": True}


def test_house_style():
    found = codes(
        "<p>SEMUA PEGAWAI HADIR DALAM KEGIATAN INI</p>",
        title="A" * 120,
        lead="Petugas mengikuti kegiatan.",
        dateline="Makassar",
    )
    assert {"style.all_caps", "style.title_long", "style.lead_when", "style.dateline"} <= found


def test_sigi_and_palu_are_both_right_for_lapas_perempuan_palu():
    assert "style.dateline" not in codes("", dateline="Sigi")
    assert "style.dateline" not in codes("", dateline="Palu")


def test_an_uncaptioned_photo_warns():
    assert "style.photo_caption" in codes("", photo_captions=("Foto satu", " "))


@pytest.mark.parametrize(
    "body",
    [
        "<script>alert(1)</script><p onclick='x'>Kamis (07/02) <b>NIK</b> 7271014508900003</p>",
        "<p>Kegiatan 🎉🙏 meriah, Kamis (07/02) 😀</p>",
        "<p>Петугас 活動 Lapas Палу Kamis (6/2) مرحبا</p>",
        "<p>31/02 32/13 00/00 99/99/9999 (0/0)</p>",
        "<" * 5000 + "&amp;" * 5000,
        "",
    ],
)
def test_hostile_text_gives_findings_or_nothing(body):
    found = check_story(story(body))
    assert all(f.severity in ("block", "warn", "info") for f in found)


def test_a_huge_paste_is_capped_and_the_writer_told():
    body = "<p>" + "Petugas hadir dalam kegiatan pembinaan. " * 5000 + "</p>"
    found = [f for f in check_story(story(body)) if f.code == "input.truncated"]
    assert found and f"{MAX_FIELD_CHARS:,}" in found[0].message
