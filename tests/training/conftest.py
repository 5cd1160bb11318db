"""Fixtures of the training tests: sessions in two regions and a national one."""

import tempfile
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import settings as hypothesis_settings
from hypothesis.configuration import set_hypothesis_home_dir

from accounts.models import Directorate
from tests.factories.news import write_story
from tests.factories.training import SpeakerFactory
from training import services
from training.models import Mode, Platform, PresenceRule, SessionKind, TrainingSession

from .reports import WITA, Participant

# Property tests keep no example database and write their caches outside the project.
set_hypothesis_home_dir(Path(tempfile.gettempdir()) / "humas-portal-hypothesis")
hypothesis_settings.register_profile("portal", database=None, deadline=None)
hypothesis_settings.load_profile("portal")

SESSION_START = datetime(2025, 2, 6, 9, 0, tzinfo=WITA)
# The smallest file every PDF reader accepts as a PDF.
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
SESSION_END = datetime(2025, 2, 6, 11, 30, tzinfo=WITA)


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploaded and generated files go to a folder of this test only."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def plan_session(*, by, organiser, **extra) -> TrainingSession:
    """A session through the service, 6 Feb 2025 09.00–11.30 WITA, present after 75%."""
    arguments = {
        "title": "Penguatan Kehumasan",
        "kind": SessionKind.PENGUATAN,
        "starts_at": SESSION_START,
        "ends_at": SESSION_END,
        "time_zone": "Asia/Makassar",
        "mode": Mode.ONLINE,
        "platform": Platform.ZOOM,
        "meeting_id": "812 3456 7890",
        "join_url": "https://zoom.example/j/8123456790",
        "passcode": "rahasia-77",
        "presence_rule": PresenceRule.SHARE,
        "presence_min_percent": 75,
        # No JP given: one JP per 45 planned minutes (3 JP for these 150 minutes).
    }
    arguments.update(extra)
    return services.create_session(by=by, organiser=organiser, **arguments)


def at(hour: int, minute: int = 0, day: int = 6) -> datetime:
    """A moment on the session's day, in WITA."""
    return datetime(2025, 2, day, hour, minute, tzinfo=WITA)


def connection(name: str, email: str, start: tuple, end: tuple) -> Participant:
    """A participant row from (hour, minute) to (hour, minute) WITA."""
    return Participant(name, email, at(*start), at(*end))


@pytest.fixture
def sulteng_session(editor_sulteng, sulteng, palu_unit, lpka_palu_unit):
    """Organised by Kanwil Sulteng for the Kanwil and two of its units only."""
    session = plan_session(by=editor_sulteng, organiser=sulteng, title="Bimtek Humas Sulteng")
    services.invite_organisations(
        session=session,
        by=editor_sulteng,
        organisations=[sulteng, palu_unit, lpka_palu_unit],
        expected_count=2,
        expected_roles="Kepala dan staf humas",
    )
    return session


@pytest.fixture
def kalsel_session(editor_kalsel, kalsel, pelaihari_unit):
    """Organised by Kanwil Kalsel for Rutan Pelaihari."""
    session = plan_session(
        by=editor_kalsel, organiser=kalsel, title="Rakor Humas Kalsel", passcode="kalsel-99"
    )
    services.invite_organisations(
        session=session, by=editor_kalsel, organisations=[kalsel, pelaihari_unit]
    )
    return session


@pytest.fixture
def ti_directorate(db) -> Directorate:
    """Direktorat Teknologi Informasi dan Kerja Sama Pemasyarakatan."""
    return Directorate.objects.get(slug="ti-dan-kerja-sama")


@pytest.fixture
def national_session(central_admin, ti_directorate):
    """Organised by a Ditjenpas directorate for all Kanwil and all units."""
    session = plan_session(by=central_admin, organiser=ti_directorate)
    services.invite_all(session=session, by=central_admin, expected_count=2)
    return session


@pytest.fixture
def running_now(sulteng_session):
    """The Sulteng session moved to the current hour, so check-in is open."""
    from django.utils import timezone

    now = timezone.now()
    TrainingSession.objects.filter(pk=sulteng_session.pk).update(
        starts_at=now - timedelta(minutes=10), ends_at=now + timedelta(minutes=140)
    )
    sulteng_session.refresh_from_db()
    return sulteng_session


@pytest.fixture
def programme(sulteng_session, editor_sulteng, operator_palu, palu_unit):
    """A speaker leading an agenda item, a file, a link and a linked story."""
    speaker = SpeakerFactory(full_name="Maulidi Hilal")
    appearance = services.add_appearance(
        session=sulteng_session, by=editor_sulteng, speaker=speaker, role="presenter"
    )
    item = services.add_agenda_item(
        session=sulteng_session,
        by=editor_sulteng,
        kind="presentation",
        title="Etika bermedia sosial",
        starts_at=at(9, 15),
        ends_at=at(10, 0),
        appearance=appearance,
    )
    document = services.add_material(
        session=sulteng_session,
        by=editor_sulteng,
        title="Bahan paparan",
        upload=SimpleUploadedFile("paparan.pdf", PDF),
    )
    link = services.add_material(
        session=sulteng_session, by=editor_sulteng, title="Rekaman", url="https://video.example/x"
    )
    story = write_story(unit=palu_unit, by=operator_palu, title="Palu ikut Bimtek Humas")
    coverage = services.link_story(session=sulteng_session, story=story, by=operator_palu)
    return {
        "session": sulteng_session,
        "appearance": appearance,
        "item": item,
        "document": document,
        "link": link,
        "coverage": coverage,
    }


@pytest.fixture(autouse=True)
def english_messages(settings):
    """Assertions here read the English source texts; Indonesian output is checked elsewhere."""
    settings.LANGUAGE_CODE = "en"
