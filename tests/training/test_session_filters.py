"""The session list's person filter: speakers by name or alias, attendees by name, NIP or
e-mail, only within the viewer's scope, each session once, at a fixed number of queries."""

from datetime import timedelta

import pytest
from django.urls import reverse

from tests.factories.training import SpeakerAliasFactory, SpeakerFactory
from training import services

from .conftest import plan_session
from .test_views import queries_for

pytestmark = pytest.mark.django_db
NIP = "198609262015052001"


def titles(client, **params) -> list[str]:
    response = client.get(reverse("training:session_list"), params)
    assert response.status_code == 200
    return [session.title for session in response.context["page"].object_list]


def attend(session, person, by):
    services.record_attendance(session=session, person=person, by=by, status="present")


@pytest.fixture
def attended(sulteng_session, editor_sulteng, operator_palu):
    """Rahmawati (Palu) attended the Sulteng session."""
    operator_palu.nip = NIP
    operator_palu.save(update_fields=["nip"])
    attend(sulteng_session, operator_palu, editor_sulteng)
    return sulteng_session


@pytest.mark.parametrize(
    "search", ["rahmawati", "Operator Palu", "operator.palu@humas", NIP, "19860926 201505"]
)
def test_attendees_are_found_by_name_nip_or_email(client_for, attended, editor_sulteng, search):
    assert titles(client_for(editor_sulteng), person=search) == ["Bimtek Humas Sulteng"]


@pytest.mark.parametrize(
    ("persona", "found"),
    [
        ("central_admin", True),
        ("editor_sulteng", True),
        ("operator_palu", True),
        # Same region, another unit: Rahmawati's attendance is not in Yusuf's attendee list.
        ("staff_member", False),
        ("editor_kalsel", False),
        ("operator_pelaihari", False),
    ],
)
def test_attendance_is_found_only_within_scope(request, client_for, attended, persona, found):
    client = client_for(request.getfixturevalue(persona))
    assert titles(client, person="Rahmawati") == (["Bimtek Humas Sulteng"] if found else [])
    # Without the person filter everyone browses every session.
    assert "Bimtek Humas Sulteng" in titles(client)


def test_speakers_are_found_by_name_and_alias(
    client_for, kalsel_session, editor_kalsel, staff_member
):
    speaker = SpeakerFactory(full_name="Maulidi Hilal")
    SpeakerAliasFactory(speaker=speaker, alias="M. Hilal")
    services.add_appearance(
        session=kalsel_session, by=editor_kalsel, speaker=speaker, role="presenter"
    )
    client = client_for(staff_member)
    assert titles(client, person="maulidi") == ["Rakor Humas Kalsel"]
    assert titles(client, person="M. Hilal") == ["Rakor Humas Kalsel"]
    assert titles(client, person="Nobody") == []


def test_a_session_is_listed_once_however_it_matches(
    client_for, attended, editor_sulteng, operator_palu
):
    speaker = SpeakerFactory(full_name="Rahmawati Narasumber")
    SpeakerAliasFactory(speaker=speaker, alias="Rahmawati N.")
    SpeakerAliasFactory(speaker=speaker, alias="R. Narasumber (Rahmawati)")
    services.add_appearance(session=attended, by=editor_sulteng, speaker=speaker, role="moderator")
    client = client_for(editor_sulteng)
    assert titles(client, person="Rahmawati") == ["Bimtek Humas Sulteng"]
    response = client.get(reverse("training:session_list"), {"person": "Rahmawati"})
    assert response.context["page"].paginator.count == 1


def test_person_filter_queries_do_not_grow(
    client_for, attended, editor_sulteng, operator_palu, sulteng
):
    client = client_for(editor_sulteng)
    url = f"{reverse('training:session_list')}?person=Rahmawati"
    one = queries_for(client, url)
    for offset in (1, 2):
        session = plan_session(
            by=editor_sulteng,
            organiser=sulteng,
            title=f"Rakor {offset}",
            starts_at=attended.starts_at + timedelta(days=offset),
            ends_at=attended.ends_at + timedelta(days=offset),
        )
        attend(session, operator_palu, editor_sulteng)
    assert len(titles(client, person="Rahmawati")) == 3
    assert queries_for(client, url) == one
