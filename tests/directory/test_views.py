"""Directory pages: scoped to unit, region or everyone; 404 outside; lookups leak nothing."""

import pytest
from django.urls import reverse

from directory import policies, selectors
from directory.models import StaffMember, StaffMove
from tests.factories.directory import StaffMemberFactory, nip_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(palu_unit, lpka_palu_unit, pelaihari_unit, sulteng):
    return {
        "palu": StaffMemberFactory(unit=palu_unit, full_name="Siti Palu"),
        "lpka": StaffMemberFactory(unit=lpka_palu_unit, full_name="Nur LPKA"),
        "office": StaffMemberFactory(unit=None, kanwil=sulteng, full_name="Andi Kanwil"),
        "pelaihari": StaffMemberFactory(
            unit=pelaihari_unit, full_name="Budi Pelaihari", email="budi@kalsel.example"
        ),
    }


@pytest.mark.parametrize(
    ("persona", "visible"),
    [
        ("operator_palu", {"palu"}),
        ("operator_pelaihari", {"pelaihari"}),
        ("editor_sulteng", {"palu", "lpka", "office"}),
        ("editor_kalsel", {"pelaihari"}),
        ("central_admin", {"palu", "lpka", "office", "pelaihari"}),
        ("staff_member", set()),
    ],
)
def test_scope_per_persona_and_policy_agrees_with_selector(request, people, persona, visible):
    user = request.getfixturevalue(persona)
    listed = set(selectors.members_visible_to(user).values_list("pk", flat=True))
    assert listed == {people[key].pk for key in visible}
    for member in StaffMember.objects.select_related("unit"):
        assert policies.can_see_member(user, member) == (member.pk in listed)


def test_detail_is_404_outside_scope(client_for, people, operator_palu, operator_pelaihari):
    url = reverse("directory:member_detail", args=[people["palu"].pk])
    assert client_for(operator_palu).get(url).status_code == 200
    assert client_for(operator_pelaihari).get(url).status_code == 404
    edit = reverse("directory:member_edit", args=[people["palu"].pk])
    assert client_for(operator_pelaihari).get(edit).status_code == 404


def test_lookups_by_nip_or_email_say_nothing_outside_scope(client_for, people, operator_palu):
    outsider = people["pelaihari"]
    client = client_for(operator_palu)
    for term in (outsider.nip, outsider.email, outsider.nip[:8]):
        page = client.get(reverse("directory:member_list"), {"q": term})
        assert page.status_code == 200
        assert outsider.full_name not in page.content.decode()
        assert page.context["page"].paginator.count == 0
    assert selectors.find_member(operator_palu, outsider.nip) is None
    assert selectors.find_member(operator_palu, people["palu"].nip) == people["palu"]


def test_staff_without_desk_rights_get_404(client_for, staff_member):
    assert client_for(staff_member).get(reverse("directory:member_list")).status_code == 404


def test_list_queries_do_not_grow_with_rows(
    client_for, editor_sulteng, palu_unit, django_assert_num_queries
):
    client = client_for(editor_sulteng)
    url = reverse("directory:member_list")
    StaffMemberFactory(unit=palu_unit)
    client.get(url)
    with django_assert_num_queries(4) as one:
        client.get(url)
    StaffMemberFactory.create_batch(30, unit=palu_unit)
    with django_assert_num_queries(len(one.captured_queries)):
        client.get(url)


def test_add_change_and_move_through_the_pages(
    client_for, operator_palu, editor_sulteng, palu_unit, lpka_palu_unit, pelaihari_unit
):
    client = client_for(operator_palu)
    response = client.post(
        reverse("directory:member_create"),
        {
            "nip": "19850101 201003 1 001",
            "front_title": "Dr.",
            "full_name": "Siti Aminah",
            "back_title": "S.H.",
            "organisation": f"unit:{palu_unit.pk}",
            "status": "active",
        },
    )
    member = StaffMember.objects.get()
    assert response.url == member.get_absolute_url()
    assert member.titled_name == "Dr. Siti Aminah, S.H."
    # An operator cannot place anyone in another unit: the choice is not offered.
    refused = client.post(
        reverse("directory:member_edit", args=[member.pk]),
        {"full_name": "Siti", "organisation": f"unit:{pelaihari_unit.pk}", "status": "active"},
    )
    assert refused.status_code == 200 and "organisation" in refused.context["form"].errors
    editor = client_for(editor_sulteng)
    editor.post(
        reverse("directory:member_edit", args=[member.pk]),
        {
            "full_name": "Siti Aminah",
            "organisation": f"unit:{lpka_palu_unit.pk}",
            "status": "active",
        },
    )
    member.refresh_from_db()
    assert member.unit == lpka_palu_unit
    assert StaffMove.objects.get().to_name == lpka_palu_unit.name
    page = editor.get(member.get_absolute_url())
    assert lpka_palu_unit.name in page.content.decode()


def test_a_taken_nip_is_refused_the_same_way_inside_or_outside(
    client_for, operator_palu, palu_unit, people
):
    response = client_for(operator_palu).post(
        reverse("directory:member_create"),
        {
            "nip": people["pelaihari"].nip,
            "full_name": "Someone",
            "organisation": f"unit:{palu_unit.pk}",
            "status": "active",
        },
    )
    assert "already" in response.content.decode()
    assert StaffMember.objects.count() == 4


def test_bad_nip_is_a_message(client_for, operator_palu, palu_unit):
    response = client_for(operator_palu).post(
        reverse("directory:member_create"),
        {
            "nip": "123",
            "full_name": "X",
            "organisation": f"unit:{palu_unit.pk}",
            "status": "active",
        },
    )
    assert response.status_code == 200 and "18 digits" in response.content.decode()


def test_only_editors_and_admins_link_logins(
    client_for, operator_palu, editor_sulteng, people, staff_member
):
    url = reverse("directory:member_link", args=[people["lpka"].pk])
    assert client_for(operator_palu).post(url, {"email": staff_member.email}).status_code == 404
    client_for(editor_sulteng).post(url, {"email": staff_member.email})
    people["lpka"].refresh_from_db()
    assert people["lpka"].user == staff_member


def test_nav_shows_the_directory_to_those_who_keep_it(client_for, operator_palu, staff_member):
    url = reverse("directory:member_list")
    assert url in client_for(operator_palu).get(reverse("training:session_list")).content.decode()
    assert (
        url not in client_for(staff_member).get(reverse("training:session_list")).content.decode()
    )


def test_nip_helper_gives_valid_numbers():
    from accounts.nip import validate_nip

    for number in (0, 1, 500, 4000):
        validate_nip(nip_for(number))
