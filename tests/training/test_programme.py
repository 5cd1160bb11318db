"""Changing and removing agenda items, speakers, materials, invitations and coverage links."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage

from tests.factories.training import SpeakerFactory
from training import services
from training.models import (
    AgendaItem,
    Appearance,
    AuditEntry,
    Coverage,
    Invitee,
    Material,
    MaterialVisibility,
)

from .conftest import at

pytestmark = pytest.mark.django_db


def actions() -> list[str]:
    return list(AuditEntry.objects.values_list("action", flat=True))


# --- Services -----------------------------------------------------------------------------


def test_an_agenda_item_is_changed_and_audited(programme, editor_sulteng):
    item = services.update_agenda_item(
        item=programme["item"],
        by=editor_sulteng,
        kind="discussion",
        title="  Tanya jawab  ",
        starts_at=at(10, 0),
        ends_at=at(10, 30),
    )
    item.refresh_from_db()
    assert (item.kind, item.title, item.appearance) == ("discussion", "Tanya jawab", None)
    assert item.starts_at == at(10, 0)
    entry = AuditEntry.objects.filter(action="agenda_item_updated").get()
    assert set(entry.detail["fields"]) == {"kind", "title", "starts_at", "ends_at", "appearance"}
    assert entry.actor == editor_sulteng


def test_an_agenda_item_refuses_bad_values(programme, editor_sulteng, kalsel_session):
    foreign = services.add_appearance(
        session=kalsel_session,
        by=kalsel_session.created_by,
        speaker=SpeakerFactory(),
        role="moderator",
    )
    for changes in (
        {"kind": "nonsense", "title": "x"},
        {"kind": "break", "title": "  "},
        {"kind": "break", "title": "x", "starts_at": at(10), "ends_at": at(9)},
        {"kind": "break", "title": "x", "appearance": foreign},
    ):
        with pytest.raises(ValidationError):
            services.update_agenda_item(item=programme["item"], by=editor_sulteng, **changes)
    assert AgendaItem.objects.get(pk=programme["item"].pk).title == "Etika bermedia sosial"


def test_removing_an_agenda_item(programme, editor_sulteng):
    services.remove_agenda_item(item=programme["item"], by=editor_sulteng)
    assert not AgendaItem.objects.exists()
    assert "agenda_item_removed" in actions()
    with pytest.raises(ValidationError) as caught:
        services.remove_agenda_item(item=programme["item"], by=editor_sulteng)
    assert caught.value.code == "gone"


def test_an_appearance_is_corrected_and_removed(programme, editor_sulteng):
    appearance = services.update_appearance(
        appearance=programme["appearance"],
        by=editor_sulteng,
        role="opening",
        topic="Pembukaan",
        position_title="Plh. Direktur TI dan Kerja Sama",
        organisation_name="Ditjenpas",
    )
    appearance.refresh_from_db()
    assert (appearance.role, appearance.position_title) == (
        "opening",
        "Plh. Direktur TI dan Kerja Sama",
    )
    # The speaker's own record is not rewritten by a correction of that day.
    assert appearance.speaker.current_position == "Direktur Teknologi Informasi dan Kerja Sama"
    with pytest.raises(ValidationError):
        services.update_appearance(
            appearance=appearance,
            by=editor_sulteng,
            role="opening",
            topic="",
            position_title=" ",
            organisation_name="",
        )
    services.remove_appearance(appearance=appearance, by=editor_sulteng)
    assert not Appearance.objects.exists()
    item = AgendaItem.objects.get()
    assert item.appearance is None
    entry = AuditEntry.objects.filter(action="appearance_removed").get()
    assert entry.detail["agenda_items"] == ["Etika bermedia sosial"]


def test_a_material_is_renamed_and_its_visibility_changed(programme, editor_sulteng):
    material = services.update_material(
        material=programme["document"],
        by=editor_sulteng,
        title="Paparan Dirtekinfo",
        visibility=MaterialVisibility.STAFF,
    )
    material.refresh_from_db()
    assert (material.title, material.visibility) == ("Paparan Dirtekinfo", "staff")
    with pytest.raises(ValidationError):
        services.update_material(material=material, by=editor_sulteng, title="x", visibility="all")
    assert "material_updated" in actions()


def test_removing_a_material_deletes_its_file_after_commit(
    programme, editor_sulteng, django_capture_on_commit_callbacks
):
    name = programme["document"].file.name
    assert default_storage.exists(name)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.remove_material(material=programme["document"], by=editor_sulteng)
    # Nothing leaves the disk before the transaction has committed.
    assert default_storage.exists(name)
    assert len(callbacks) == 1
    callbacks[0]()
    assert not default_storage.exists(name)
    assert not Material.objects.filter(pk=programme["document"].pk).exists()


def test_removing_a_link_has_no_file_to_delete(
    programme, editor_sulteng, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        services.remove_material(material=programme["link"], by=editor_sulteng)
    assert callbacks == []
    assert Material.objects.count() == 1


def test_withdrawing_an_invitation_without_attendance(sulteng_session, editor_sulteng):
    invitee = sulteng_session.invitees.get(unit__slug="lpka-kelas-ii-palu")
    services.remove_invitation(invitee=invitee, by=editor_sulteng)
    assert not Invitee.objects.filter(pk=invitee.pk).exists()
    entry = AuditEntry.objects.filter(action="invitation_removed").get()
    assert entry.detail["organisation"] == "LPKA Kelas II Palu"


def test_an_invitation_with_attendance_is_not_withdrawn(
    sulteng_session, editor_sulteng, operator_palu
):
    services.record_attendance(
        session=sulteng_session, person=operator_palu, by=editor_sulteng, status="present"
    )
    invitee = sulteng_session.invitees.get(unit__slug="lapas-perempuan-kelas-iii-palu")
    with pytest.raises(ValidationError) as caught:
        services.remove_invitation(invitee=invitee, by=editor_sulteng)
    assert caught.value.code == "has_attendance"
    assert "Lapas Perempuan Kelas III Palu" in caught.value.messages[0]
    assert Invitee.objects.filter(pk=invitee.pk).exists()
    assert sulteng_session.attendances.get().invitee == invitee


def test_an_invitation_with_a_unit_room_is_not_withdrawn(sulteng_session, editor_sulteng):
    invitee = sulteng_session.invitees.get(unit__slug="lpka-kelas-ii-palu")
    services.set_room_headcount(invitee=invitee, by=editor_sulteng, headcount=5)
    with pytest.raises(ValidationError):
        services.remove_invitation(invitee=invitee, by=editor_sulteng)
    assert Invitee.objects.filter(pk=invitee.pk).exists()


def test_unlinking_a_story(programme, editor_sulteng):
    services.unlink_story(coverage=programme["coverage"], by=editor_sulteng)
    assert not Coverage.objects.exists()
    assert "coverage_unlinked" in actions()


@pytest.mark.parametrize("persona", ["editor_kalsel", "operator_pelaihari", "operator_palu"])
def test_only_organisers_change_the_programme(request, programme, persona):
    person = request.getfixturevalue(persona)
    invitee = programme["session"].invitees.first()
    attempts = [
        lambda: services.update_agenda_item(
            item=programme["item"], by=person, kind="break", title="Rehat"
        ),
        lambda: services.remove_agenda_item(item=programme["item"], by=person),
        lambda: services.update_appearance(
            appearance=programme["appearance"],
            by=person,
            role="opening",
            topic="",
            position_title="x",
            organisation_name="",
        ),
        lambda: services.remove_appearance(appearance=programme["appearance"], by=person),
        lambda: services.update_material(
            material=programme["document"], by=person, title="x", visibility="staff"
        ),
        lambda: services.remove_material(material=programme["document"], by=person),
        lambda: services.remove_invitation(invitee=invitee, by=person),
        lambda: services.unlink_story(coverage=programme["coverage"], by=person),
    ]
    for attempt in attempts:
        with pytest.raises(PermissionDenied):
            attempt()
    assert AgendaItem.objects.count() == 1
    assert Appearance.objects.count() == 1
    assert Material.objects.count() == 2
    assert Coverage.objects.count() == 1
    assert Invitee.objects.filter(pk=invitee.pk).exists()
