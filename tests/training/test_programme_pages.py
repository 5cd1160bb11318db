"""The pages that change and remove a session's programme: organisers only, removals confirmed."""

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse

from training import services
from training.models import AgendaItem, Appearance, Coverage, Invitee, Material

from .test_views import INLINE_STYLE, queries_for

pytestmark = pytest.mark.django_db


def urls(programme) -> dict[str, str]:
    session = programme["session"]
    pk = session.pk
    invitee = session.invitees.get(unit__slug="lpka-kelas-ii-palu")
    return {
        "agenda_edit": reverse("training:agenda_edit", args=[pk, programme["item"].pk]),
        "agenda_remove": reverse("training:agenda_remove", args=[pk, programme["item"].pk]),
        "appearance_edit": reverse(
            "training:appearance_edit", args=[pk, programme["appearance"].pk]
        ),
        "appearance_remove": reverse(
            "training:appearance_remove", args=[pk, programme["appearance"].pk]
        ),
        "material_edit": reverse("training:material_edit", args=[pk, programme["document"].pk]),
        "material_remove": reverse("training:material_remove", args=[pk, programme["document"].pk]),
        "invitee_list": reverse("training:invitee_list", args=[pk]),
        "invitee_edit": reverse("training:invitee_edit", args=[pk, invitee.pk]),
        "invitee_remove": reverse("training:invitee_remove", args=[pk, invitee.pk]),
        "coverage_remove": reverse("training:coverage_remove", args=[pk, programme["coverage"].pk]),
    }


def counts() -> tuple[int, ...]:
    return (
        AgendaItem.objects.count(),
        Appearance.objects.count(),
        Material.objects.count(),
        Invitee.objects.count(),
        Coverage.objects.count(),
    )


def test_the_organiser_sees_every_page_and_a_get_removes_nothing(
    client_for, programme, editor_sulteng
):
    client = client_for(editor_sulteng)
    before = counts()
    manage = client.get(reverse("training:session_manage", args=[programme["session"].pk]))
    page = manage.content.decode()
    for name, url in urls(programme).items():
        response = client.get(url)
        assert response.status_code == 200, name
        assert not INLINE_STYLE.search(response.content.decode()), name
        if name != "invitee_list":
            assert url in page or name.startswith("invitee"), name
    assert counts() == before


@pytest.mark.parametrize(
    "persona", ["editor_kalsel", "operator_pelaihari", "operator_palu", "staff_member"]
)
def test_other_people_get_not_found_and_change_nothing(request, client_for, programme, persona):
    client = client_for(request.getfixturevalue(persona))
    before = counts()
    for name, url in urls(programme).items():
        assert client.get(url).status_code == 404, name
        assert client.post(url, {"title": "x", "visibility": "staff"}).status_code == 404, name
    assert counts() == before


def test_edits_through_the_pages(client_for, programme, editor_sulteng):
    client = client_for(editor_sulteng)
    links = urls(programme)
    response = client.post(
        links["agenda_edit"],
        {"kind": "discussion", "title": "Diskusi", "start_time": "10:00", "end_time": "10:45"},
        follow=True,
    )
    assert response.redirect_chain[-1][0].endswith("/manage/#agenda")
    assert any("updated" in str(message) for message in response.context["messages"])
    item = AgendaItem.objects.get()
    assert (item.title, item.starts_at.isoformat()) == ("Diskusi", "2025-02-06T02:00:00+00:00")
    client.post(
        links["appearance_edit"],
        {"role": "moderator", "position_title": "Kasubdit Kerja Sama", "topic": ""},
    )
    assert Appearance.objects.get().role == "moderator"
    client.post(links["material_edit"], {"title": "Paparan", "visibility": "staff"})
    assert Material.objects.get(pk=programme["document"].pk).visibility == "staff"
    client.post(links["invitee_edit"], {"expected_count": 4, "expected_roles": "Kepala"})
    assert Invitee.objects.get(unit__slug="lpka-kelas-ii-palu").expected_count == 4
    invalid = client.post(links["agenda_edit"], {"kind": "break", "title": ""})
    assert invalid.status_code == 200 and invalid.context["form"].errors


def test_removals_through_the_pages(
    client_for, programme, editor_sulteng, django_capture_on_commit_callbacks
):
    client = client_for(editor_sulteng)
    links = urls(programme)
    name = programme["document"].file.name
    with django_capture_on_commit_callbacks(execute=True):
        for key in (
            "agenda_remove",
            "appearance_remove",
            "material_remove",
            "invitee_remove",
            "coverage_remove",
        ):
            response = client.post(links[key], follow=True)
            assert response.status_code == 200, key
            assert list(response.context["messages"]), key
    assert counts() == (0, 0, 1, 2, 0)
    assert not default_storage.exists(name)


def test_a_refused_withdrawal_explains_itself(
    client_for, sulteng_session, editor_sulteng, operator_palu
):
    services.record_attendance(
        session=sulteng_session, person=operator_palu, by=editor_sulteng, status="present"
    )
    invitee = sulteng_session.invitees.get(unit__slug="lapas-perempuan-kelas-iii-palu")
    url = reverse("training:invitee_remove", args=[sulteng_session.pk, invitee.pk])
    client = client_for(editor_sulteng)
    page = client.get(url)
    assert page.context["invitee"].has_records
    assert "btn btn-danger" not in page.content.decode()
    response = client.post(url, follow=True)
    assert any("cannot be withdrawn" in str(message) for message in response.context["messages"])
    assert Invitee.objects.filter(pk=invitee.pk).exists()


def test_invitation_list_queries_do_not_grow(
    client_for, sulteng_session, editor_sulteng, kalsel, pelaihari_unit, banjarbaru_unit
):
    client = client_for(editor_sulteng)
    url = reverse("training:invitee_list", args=[sulteng_session.pk])
    Invitee.objects.filter(session=sulteng_session).exclude(
        unit__slug="lpka-kelas-ii-palu"
    ).delete()
    one = queries_for(client, url)
    services.invite_organisations(
        session=sulteng_session,
        by=sulteng_session.created_by,
        organisations=[sulteng_session.organiser_kanwil],
    )
    services.record_attendance(
        session=sulteng_session,
        person=editor_sulteng,
        by=editor_sulteng,
        status="present",
    )
    Invitee.objects.create(session=sulteng_session, unit=pelaihari_unit)
    assert queries_for(client, url) == one
