"""The demo seeder records the 6 February 2025 session through the real services."""

from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.test import override_settings

from accounts.models import Kanwil, Unit
from training.demo import SESSION_TITLE, zoom_report
from training.models import (
    Attendance,
    Certificate,
    Coverage,
    ImportFile,
    Invitee,
    Speaker,
    TrainingSession,
)
from training.parsers import parse_attendance_file

pytestmark = pytest.mark.django_db


def seed():
    with override_settings(DEBUG=True):
        call_command("seed_demo", stdout=StringIO())


def test_the_generated_zoom_report_is_a_real_one():
    parsed = parse_attendance_file(
        zoom_report().encode("utf-8-sig"), time_zone="Asia/Jakarta", reference=None
    )
    assert parsed.source_format == "zoom" and len(parsed.rows) == 12


def test_seed_demo_records_the_session_once(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        seed()
        seed()
    session = TrainingSession.objects.get()
    assert session.title == SESSION_TITLE
    assert session.organiser.slug == "ti-dan-kerja-sama"
    local = session.starts_at.astimezone(ZoneInfo("Asia/Jakarta"))
    assert (local.isoweekday(), local.date().isoformat(), local.hour) == (4, "2025-02-06", 9)
    appearances = [
        (item.speaker.full_name, item.role, item.position_title)
        for item in session.appearances.order_by("position")
    ]
    assert appearances == [
        ("Lilik Sujandi", "opening", "Direktur Kepatuhan Internal"),
        ("Gun Gun Gunawan", "presenter", "Sekretaris Direktorat Jenderal Pemasyarakatan"),
        (
            "Maulidi Hilal",
            "presenter",
            "Direktur Teknologi Informasi dan Kerja Sama Pemasyarakatan",
        ),
    ]
    assert Speaker.objects.get(aliases__alias="M. Hilal").full_name == "Maulidi Hilal"
    assert session.agenda_items.filter(kind="discussion").exists()
    assert Invitee.objects.filter(session=session).count() == (
        Kanwil.objects.count() + Unit.objects.filter(is_active=True).count()
    )
    assert ImportFile.objects.get().status == "done"
    statuses = dict(Attendance.objects.values_list("user__email", "status"))
    assert statuses["operator.palu@humas.test"] == "present"
    assert statuses["operator.pelaihari@humas.test"] == "present"
    assert statuses["editor.kalsel@humas.test"] == "absent"
    assert Certificate.objects.count() == Attendance.objects.filter(meets_rule=True).count()
    # Siti Rohmah has no login: the directory record gets the credit and the certificate.
    rohmah = Attendance.objects.get(staff__nip="199007152015032004")
    assert rohmah.user is None and rohmah.meets_rule and rohmah.certificates.exists()
    assert Attendance.objects.get(user__email="operator.palu@humas.test").staff is not None
    linked = Coverage.objects.select_related("story__unit")
    assert {coverage.story.unit.slug for coverage in linked} == {
        "lapas-perempuan-kelas-iii-palu",
        "rutan-kelas-iib-pelaihari",
    }
