"""Who sees what: every allowed persona is paired with a second-scope persona who gets a 404."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.factories import UserFactory
from training import policies, services
from training.models import MaterialVisibility

from .conftest import PDF

pytestmark = pytest.mark.django_db

ALL_PERSONAS = [
    "central_admin",
    "editor_sulteng",
    "editor_kalsel",
    "operator_palu",
    "operator_pelaihari",
    "staff_member",
]


@pytest.fixture
def attended(sulteng_session, editor_sulteng, operator_palu, staff_member):
    """Rahmawati (Palu) and Yusuf (LPKA Palu) attended the Sulteng session."""
    for person in (operator_palu, staff_member):
        services.record_attendance(
            session=sulteng_session, person=person, by=editor_sulteng, status="present"
        )
    return sulteng_session


def get(request, persona, url):
    return request.getfixturevalue("client_for")(request.getfixturevalue(persona)).get(url)


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("central_admin", 200),
        ("editor_sulteng", 200),
        ("operator_palu", 200),
        ("staff_member", 200),
        ("editor_kalsel", 404),
        ("operator_pelaihari", 404),
    ],
)
def test_passcode_only_for_organisers_and_the_invited(request, sulteng_session, persona, status):
    response = get(request, persona, reverse("training:session_join", args=[sulteng_session.pk]))
    assert response.status_code == status
    detail = get(request, persona, sulteng_session.get_absolute_url())
    assert detail.status_code == 200
    assert sulteng_session.passcode not in detail.content.decode()
    if status == 200:
        assert sulteng_session.passcode in response.content.decode()


@pytest.mark.parametrize(
    ("persona", "visible"),
    [
        ("central_admin", {"Rahmawati Operator Palu", "Yusuf Staf LPKA Palu"}),
        ("editor_sulteng", {"Rahmawati Operator Palu", "Yusuf Staf LPKA Palu"}),
        ("operator_palu", {"Rahmawati Operator Palu"}),
        ("staff_member", {"Yusuf Staf LPKA Palu"}),
        ("editor_kalsel", None),
        ("operator_pelaihari", None),
    ],
)
def test_attendee_lists_stay_within_scope(request, attended, persona, visible):
    for url in (
        reverse("training:attendee_list", args=[attended.pk]),
        reverse("training:attendee_export", args=[attended.pk, "csv"]),
        reverse("training:attendee_export", args=[attended.pk, "xlsx"]),
    ):
        response = get(request, persona, url)
        if visible is None:
            assert response.status_code == 404
            continue
        assert response.status_code == 200
        if url.endswith("/"):
            names = {row.user.full_name for row in response.context["page"].object_list}
            assert names == visible
        elif url.endswith(".csv"):
            body = response.content.decode("utf-8-sig")
            for name in {"Rahmawati Operator Palu", "Yusuf Staf LPKA Palu"}:
                assert (name in body) == (name in visible)


@pytest.mark.parametrize("persona", ALL_PERSONAS)
def test_organiser_pages_are_the_organisers(request, sulteng_session, persona):
    allowed = persona in ("central_admin", "editor_sulteng")
    pk = sulteng_session.pk
    for name in (
        "session_manage",
        "session_update",
        "import_upload",
        "matching_queue",
    ):
        response = get(request, persona, reverse(f"training:{name}", args=[pk]))
        assert response.status_code == (200 if allowed else 404), name


@pytest.mark.parametrize("persona", ["editor_kalsel", "operator_palu", "staff_member"])
def test_organiser_posts_are_not_found_for_others(
    request, client_for, sulteng_session, persona, palu_unit
):
    client = client_for(request.getfixturevalue(persona))
    pk = sulteng_session.pk
    posts = {
        "invite_all": {"expected_count": 2},
        "attendance_record": {"person": "x@y.example", "status": "present"},
        "certificates_issue": {},
        "bundle_request": {},
        "material_add": {"title": "x", "url": "https://x.example", "visibility": "staff"},
    }
    for name, data in posts.items():
        assert client.post(reverse(f"training:{name}", args=[pk]), data).status_code == 404
    assert not sulteng_session.attendances.exists()
    assert not sulteng_session.materials.exists()


def test_anonymous_people_sign_in_and_roleless_people_see_nothing(client, sulteng_session):
    response = client.get(reverse("training:session_list"))
    assert response.status_code == 302 and "login" in response.url
    roleless = UserFactory()
    client.force_login(roleless)
    assert client.get(reverse("training:session_list")).status_code == 404
    assert client.get(sulteng_session.get_absolute_url()).status_code == 404


@pytest.mark.parametrize(
    ("viewer", "status"),
    [
        ("operator_palu", 200),
        ("editor_sulteng", 200),
        ("central_admin", 200),
        ("editor_kalsel", 404),
        ("operator_pelaihari", 404),
        ("staff_member", 404),
    ],
)
def test_a_persons_history(request, attended, operator_palu, viewer, status):
    url = reverse("training:person_history", args=[operator_palu.pk])
    assert get(request, viewer, url).status_code == status
    siasn = reverse("training:person_siasn", args=[operator_palu.pk])
    assert get(request, viewer, siasn).status_code == status


def test_everyone_sees_their_own_record(request, attended):
    for persona in ALL_PERSONAS:
        assert get(request, persona, reverse("training:my_history")).status_code == 200


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("operator_palu", 200),
        ("editor_sulteng", 200),
        ("editor_kalsel", 404),
        ("operator_pelaihari", 404),
    ],
)
def test_invited_materials(request, sulteng_session, editor_sulteng, persona, status):
    material = services.add_material(
        session=sulteng_session,
        by=editor_sulteng,
        title="Bahan paparan",
        upload=SimpleUploadedFile("paparan.pdf", PDF),
        visibility=MaterialVisibility.INVITED,
    )
    url = reverse("training:material_download", args=[sulteng_session.pk, material.pk])
    response = get(request, persona, url)
    assert response.status_code == status
    if status == 200:
        assert b"".join(response.streaming_content) == PDF
        assert "paparan.pdf" in response["Content-Disposition"]


def test_check_in_outside_the_invitation_is_not_found(
    client_for, running_now, operator_pelaihari, operator_palu
):
    url = reverse("training:check_in", args=[running_now.pk])
    data = {"code": running_now.checkin_code}
    assert client_for(operator_pelaihari).post(url, data).status_code == 404
    assert client_for(operator_palu).post(url, data).status_code == 302
    assert running_now.attendances.get().user == operator_palu


def test_policies_answer_without_queries(
    sulteng_session, editor_kalsel, operator_palu, django_assert_num_queries
):
    invitees = list(sulteng_session.invitees.select_related("unit"))
    policies.can_view_attendees(editor_kalsel, sulteng_session, invitees)
    policies.can_see_join_details(operator_palu, sulteng_session, invitees)
    with django_assert_num_queries(0):
        for _round in range(20):
            assert not policies.can_view_attendees(editor_kalsel, sulteng_session, invitees)
            assert policies.can_see_join_details(operator_palu, sulteng_session, invitees)
