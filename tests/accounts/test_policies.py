"""Every policy predicate for every persona, with a second scope so leaks would show."""

import pytest
from django.contrib.auth.models import AnonymousUser

from accounts import policies
from accounts.models import Role, User
from accounts.selectors import scope_for
from tests.factories import (
    AdminFactory,
    EditorFactory,
    OperatorFactory,
    StaffFactory,
    UnitFactory,
    UserFactory,
    get_directorate,
)

pytestmark = pytest.mark.django_db

PERSONAS = [
    "operator_palu",
    "operator_pelaihari",
    "editor_sulteng",
    "editor_kalsel",
    "central_admin",
    "staff_member",
]


def fresh(user: User) -> User:
    """The same person re-read, without a cached scope."""
    return User.objects.get(pk=user.pk)


@pytest.fixture
def person(request):
    """Resolve a persona name (or "anonymous"/"nobody") into a user."""

    def _person(name: str):
        if name == "anonymous":
            return AnonymousUser()
        if name == "nobody":
            return UserFactory(full_name="Tanpa Peran")
        return request.getfixturevalue(name)

    return _person


# name: (signed in, admin, editor, operator, staff, 2FA, people desk, organisations, training)
ROLE_TABLE = {
    "operator_palu": (True, False, False, True, False, False, False, False, True),
    "operator_pelaihari": (True, False, False, True, False, False, False, False, True),
    "editor_sulteng": (True, False, True, False, False, True, True, False, True),
    "editor_kalsel": (True, False, True, False, False, True, True, False, True),
    "central_admin": (True, True, False, False, False, True, True, True, True),
    "staff_member": (True, False, False, False, True, False, False, False, True),
    "nobody": (True, False, False, False, False, False, False, False, False),
    "anonymous": (False, False, False, False, False, False, False, False, False),
}


@pytest.mark.parametrize("name", list(ROLE_TABLE))
def test_role_predicates(name, person):
    """Who is what, and what that unlocks, for every persona."""
    user = person(name)
    expected = ROLE_TABLE[name]

    actual = (
        policies.is_signed_in(user),
        policies.is_central_admin(user),
        policies.is_kanwil_editor(user),
        policies.is_unit_operator(user),
        policies.is_staff_member(user),
        policies.must_use_two_factor(user),
        policies.can_manage_people(user),
        policies.can_manage_organisations(user),
        policies.can_browse_training(user),
    )

    assert actual == expected


@pytest.mark.parametrize("name", PERSONAS)
def test_deactivated_person_has_no_rights(name, person, palu_unit):
    """An inactive account keeps its roles in the database but none of them counts."""
    user = person(name)
    user.is_active = False
    user.save()
    user = fresh(user)

    assert not policies.is_signed_in(user)
    assert not policies.can_manage_people(user)
    assert not policies.can_browse_training(user)
    assert not policies.must_use_two_factor(user)
    assert not policies.can_invite(user, role=Role.OPERATOR, unit=palu_unit)


def test_staff_of_a_kanwil_or_directorate_is_staff(sulteng, head_office):
    """Staff may sit in any kind of organisation."""
    kanwil_staff = StaffFactory(unit=None, kanwil=sulteng).user
    head_office_staff = StaffFactory(unit=None, directorate=head_office).user

    for user in (kanwil_staff, head_office_staff):
        assert policies.is_staff_member(user)
        assert not policies.must_use_two_factor(user)
        assert not policies.can_manage_people(user)
        assert policies.can_browse_training(user)


def test_admin_of_another_directorate_is_a_central_admin():
    """Admins of any directorate act centrally, not only those of the head office."""
    admin = AdminFactory(directorate=get_directorate("bimkemas")).user

    assert policies.is_central_admin(admin)
    assert policies.must_use_two_factor(admin)


def test_operator_who_is_also_editor_must_use_two_factor(palu_unit, kalsel):
    """One editor role among others is enough to require two-factor sign-in."""
    user = OperatorFactory(unit=palu_unit).user
    EditorFactory(user=user, kanwil=kalsel)

    assert policies.must_use_two_factor(fresh(user))


# --- Units and Kanwil --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "palu", "lpka_palu", "pelaihari"),
    [
        ("operator_palu", True, False, False),
        ("operator_pelaihari", False, False, True),
        ("editor_sulteng", False, False, False),
        ("editor_kalsel", False, False, False),
        ("central_admin", False, False, False),
        ("staff_member", False, False, False),
        ("anonymous", False, False, False),
    ],
)
def test_can_operate_unit(
    name, palu, lpka_palu, pelaihari, person, palu_unit, lpka_palu_unit, pelaihari_unit
):
    """Only a unit's own operators write for it; staff of the unit do not."""
    user = person(name)

    assert policies.can_operate_unit(user, palu_unit) is palu
    assert policies.can_operate_unit(user, lpka_palu_unit) is lpka_palu
    assert policies.can_operate_unit(user, pelaihari_unit) is pelaihari


@pytest.mark.parametrize(
    ("name", "sulteng_allowed", "kalsel_allowed"),
    [
        ("operator_palu", False, False),
        ("operator_pelaihari", False, False),
        ("editor_sulteng", True, False),
        ("editor_kalsel", False, True),
        ("central_admin", True, True),
        ("staff_member", False, False),
        ("anonymous", False, False),
    ],
)
def test_can_edit_for_kanwil(name, sulteng_allowed, kalsel_allowed, person, sulteng, kalsel):
    """Editors review for their own region; central admins for every region."""
    user = person(name)

    assert policies.can_edit_for_kanwil(user, sulteng.pk) is sulteng_allowed
    assert policies.can_edit_for_kanwil(user, kalsel.pk) is kalsel_allowed


# --- Inviting ----------------------------------------------------------------------------

# (role, organisation fixture, keyword) for every kind of invitation.
TARGETS = {
    "operator@palu": (Role.OPERATOR, "palu_unit", "unit"),
    "staff@palu": (Role.STAFF, "palu_unit", "unit"),
    "operator@pelaihari": (Role.OPERATOR, "pelaihari_unit", "unit"),
    "staff@pelaihari": (Role.STAFF, "pelaihari_unit", "unit"),
    "editor@sulteng": (Role.EDITOR, "sulteng", "kanwil"),
    "editor@kalsel": (Role.EDITOR, "kalsel", "kanwil"),
    "staff@sulteng": (Role.STAFF, "sulteng", "kanwil"),
    "admin@ditjenpas": (Role.ADMIN, "head_office", "directorate"),
    "staff@ditjenpas": (Role.STAFF, "head_office", "directorate"),
}

ALLOWED_INVITATIONS = {
    "editor_sulteng": {"operator@palu", "staff@palu"},
    "editor_kalsel": {"operator@pelaihari", "staff@pelaihari"},
    "central_admin": set(TARGETS),
    "operator_palu": set(),
    "operator_pelaihari": set(),
    "staff_member": set(),
    "nobody": set(),
    "anonymous": set(),
}


@pytest.mark.parametrize("target", list(TARGETS))
@pytest.mark.parametrize("name", list(ALLOWED_INVITATIONS))
def test_can_invite(name, target, person, request):
    """Editors invite unit roles for units of their own region only; admins invite anything."""
    user = person(name)
    role, fixture, keyword = TARGETS[target]
    organisation = request.getfixturevalue(fixture)

    allowed = policies.can_invite(user, role=role, **{keyword: organisation})

    assert allowed is (target in ALLOWED_INVITATIONS[name])


def test_editor_cannot_invite_unit_role_without_a_unit(editor_sulteng):
    """No unit given, no region to check: refused."""
    assert not policies.can_invite(editor_sulteng, role=Role.OPERATOR)
    assert not policies.can_invite(editor_sulteng, role=Role.STAFF)


def test_editor_of_two_regions_invites_in_both(sulteng, kalsel, palu_unit, pelaihari_unit):
    """Scope is the union of one's editor roles."""
    user = EditorFactory(kanwil=sulteng).user
    EditorFactory(user=user, kanwil=kalsel)
    user = fresh(user)

    assert policies.can_invite(user, role=Role.OPERATOR, unit=palu_unit)
    assert policies.can_invite(user, role=Role.OPERATOR, unit=pelaihari_unit)
    assert not policies.can_invite(user, role=Role.EDITOR, kanwil=kalsel)


def test_editor_of_a_new_unit_in_region_may_invite(editor_sulteng):
    """Units added later to the region are in scope without further ado."""
    new_unit = UnitFactory()

    assert policies.can_invite(editor_sulteng, role=Role.OPERATOR, unit=new_unit)


# --- Viewing people ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "sees_others"),
    [
        ("operator_palu", False),
        ("staff_member", False),
        ("editor_sulteng", True),
        ("central_admin", True),
        ("nobody", False),
    ],
)
def test_can_view_person(name, sees_others, person, operator_pelaihari):
    """Oneself always; others only with people-desk rights (the selector narrows by region)."""
    user = person(name)

    assert policies.can_view_person(user, user)
    assert policies.can_view_person(user, operator_pelaihari) is sees_others


def test_anonymous_cannot_view_anyone(operator_palu):
    """Not even a public profile."""
    assert not policies.can_view_person(AnonymousUser(), operator_palu)


# --- Deactivating ------------------------------------------------------------------------


def test_editor_deactivates_unit_people_of_own_region_only(
    editor_sulteng, operator_palu, staff_member, operator_pelaihari
):
    """Palu's operator and LPKA Palu's staff: yes; Pelaihari's operator: no."""
    assert policies.can_deactivate_person(editor_sulteng, operator_palu)
    assert policies.can_deactivate_person(editor_sulteng, staff_member)
    assert not policies.can_deactivate_person(editor_sulteng, operator_pelaihari)


def test_editor_of_other_region_cannot_deactivate_palu_operator(
    editor_kalsel, operator_palu, operator_pelaihari
):
    """The mirror image from Kalsel."""
    assert not policies.can_deactivate_person(editor_kalsel, operator_palu)
    assert policies.can_deactivate_person(editor_kalsel, operator_pelaihari)


def test_editor_cannot_deactivate_editors_admins_or_self(
    editor_sulteng, editor_kalsel, central_admin, sulteng
):
    """Only people whose roles all lie in units of the region."""
    colleague = EditorFactory(kanwil=sulteng).user

    assert not policies.can_deactivate_person(editor_sulteng, colleague)
    assert not policies.can_deactivate_person(editor_sulteng, editor_kalsel)
    assert not policies.can_deactivate_person(editor_sulteng, central_admin)
    assert not policies.can_deactivate_person(editor_sulteng, editor_sulteng)


def test_editor_cannot_deactivate_kanwil_or_head_office_staff(editor_sulteng, sulteng, head_office):
    """Staff outside units are not the editor's to switch off."""
    kanwil_staff = StaffFactory(unit=None, kanwil=sulteng).user
    head_office_staff = StaffFactory(unit=None, directorate=head_office).user

    assert not policies.can_deactivate_person(editor_sulteng, kanwil_staff)
    assert not policies.can_deactivate_person(editor_sulteng, head_office_staff)


def test_editor_cannot_deactivate_someone_with_a_role_outside_the_region(
    editor_sulteng, palu_unit, pelaihari_unit
):
    """One role in Kalsel is enough to take the person out of Sulteng's hands."""
    person = OperatorFactory(unit=palu_unit).user
    StaffFactory(user=person, unit=pelaihari_unit)

    assert not policies.can_deactivate_person(editor_sulteng, fresh(person))


def test_editor_cannot_deactivate_someone_without_roles(editor_sulteng):
    """No role anywhere means not in the region either."""
    assert not policies.can_deactivate_person(editor_sulteng, UserFactory())


def test_admin_deactivates_anyone_but_self(
    central_admin, operator_palu, operator_pelaihari, editor_kalsel, staff_member
):
    """Central admins act everywhere, even on other admins."""
    other_admin = AdminFactory().user

    for person in (operator_palu, operator_pelaihari, editor_kalsel, staff_member, other_admin):
        assert policies.can_deactivate_person(central_admin, person), person
    assert policies.can_deactivate_person(central_admin, UserFactory())
    assert not policies.can_deactivate_person(central_admin, central_admin)


@pytest.mark.parametrize("name", ["operator_palu", "staff_member", "operator_pelaihari"])
def test_people_without_desk_rights_deactivate_nobody(name, person, operator_palu, staff_member):
    """Operators and staff cannot switch anyone off, not even in their own unit."""
    user = person(name)
    colleague = OperatorFactory(unit=user.role_assignments.get().unit).user

    for target in (colleague, operator_palu, staff_member):
        assert not policies.can_deactivate_person(user, target)


def test_nobody_deactivates_an_already_inactive_person(central_admin, editor_sulteng, palu_unit):
    """Deactivating twice is refused."""
    inactive = OperatorFactory(unit=palu_unit, user__is_active=False).user

    assert not policies.can_deactivate_person(central_admin, inactive)
    assert not policies.can_deactivate_person(editor_sulteng, inactive)


def test_anonymous_deactivates_nobody(operator_palu):
    """Signed out, no rights."""
    assert not policies.can_deactivate_person(AnonymousUser(), operator_palu)


def test_deactivation_check_accepts_a_precomputed_scope(
    editor_sulteng, operator_palu, operator_pelaihari
):
    """Lists pass the person's scope in; the answer is the same as computing it."""
    assert policies.can_deactivate_person(
        editor_sulteng, operator_palu, person_scope=scope_for(fresh(operator_palu))
    )
    assert not policies.can_deactivate_person(
        editor_sulteng, operator_palu, person_scope=scope_for(fresh(operator_pelaihari))
    )
