"""Training text is cleaned like news text: one line, nothing invisible."""

import pytest

from tests.test_text import HOSTILE
from training import services
from training.models import Material, Speaker, TrainingSession

from .conftest import plan_session

pytestmark = pytest.mark.django_db
CLEAN = "Bimtek Humastxt.exe Palu"


def test_session_fields_are_cleaned(editor_sulteng, sulteng):
    session = plan_session(
        by=editor_sulteng,
        organiser=sulteng,
        title=HOSTILE,
        theme=HOSTILE,
        place=HOSTILE,
        description="Baris satu\r\nBaris\u202e dua",
    )
    session = TrainingSession.objects.get(pk=session.pk)
    assert (session.title, session.theme, session.place) == (CLEAN, CLEAN, CLEAN)
    assert session.description == "Baris satu\nBaris dua"
    services.update_session(session=session, by=editor_sulteng, title=HOSTILE + "2")
    assert TrainingSession.objects.get(pk=session.pk).title == CLEAN + " 2"


def test_speaker_and_material_fields_are_cleaned(editor_sulteng, sulteng_session):
    speaker = services.create_speaker(
        by=editor_sulteng,
        full_name=HOSTILE,
        current_position=HOSTILE,
        current_organisation=HOSTILE,
        aliases=[HOSTILE + " alias"],
    )
    speaker = Speaker.objects.get(pk=speaker.pk)
    assert (speaker.full_name, speaker.current_position, speaker.current_organisation) == (
        CLEAN,
        CLEAN,
        CLEAN,
    )
    assert [alias.alias for alias in speaker.aliases.all()] == [CLEAN + " alias"]
    material = services.add_material(
        session=sulteng_session, by=editor_sulteng, title=HOSTILE, url="https://contoh.go.id/a"
    )
    assert Material.objects.get(pk=material.pk).title == CLEAN
