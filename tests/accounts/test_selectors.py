"""Scoped reads: a person's scope, who sees whom, and the organisation directory."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from accounts import orgdata, selectors
from accounts.models import AuditEvent, TimeZone, User
from accounts.selectors import EMPTY_SCOPE, forget_scope, people_visible_to, scope_for
from accounts.services import hash_token
from tests.factories import (
    PONTIANAK_UNIT,
    AdminFactory,
    EditorFactory,
    InvitationFactory,
    OperatorFactory,
    StaffFactory,
    UnitFactory,
    UserFactory,
    get_directorate,
    get_unit,
)

pytestmark = pytest.mark.django_db


def fresh(user: User) -> User:
    """The same person re-read, without a cached scope."""
    return User.objects.get(pk=user.pk)


# --- scope_for ---------------------------------------------------------------------------


def test_scope_of_unit_operator(operator_palu, palu_unit, sulteng):
    """Palu's operator: one unit, its Kanwil, and WITA."""
    scope = scope_for(fresh(operator_palu))

    assert scope.operator_unit_ids == {palu_unit.pk}
    assert scope.kanwil_of_unit == {palu_unit.pk: sulteng.pk}
    assert scope.time_zone == "Asia/Makassar"
    assert scope.has_any_role
    assert not (scope.editor_kanwil_ids or scope.admin_directorate_ids)
    assert not (scope.staff_unit_ids or scope.staff_kanwil_ids or scope.staff_directorate_ids)


def test_scope_of_a_kalbar_unit_person_is_pontianak_time():
    """West Kalimantan keeps WIB but with its own IANA zone."""
    unit = get_unit(PONTIANAK_UNIT)
    person = OperatorFactory(unit=unit).user

    assert scope_for(fresh(person)).time_zone == "Asia/Pontianak"


def test_scope_of_kanwil_editor(editor_kalsel, kalsel):
    """Kalsel's editor: one Kanwil, in WITA, no unit."""
    scope = scope_for(fresh(editor_kalsel))

    assert scope.editor_kanwil_ids == {kalsel.pk}
    assert scope.operator_unit_ids == frozenset()
    assert scope.kanwil_of_unit == {}
    assert scope.time_zone == "Asia/Makassar"


def test_scope_of_central_admin(central_admin, head_office):
    """Head office admins live in Jakarta time."""
    scope = scope_for(fresh(central_admin))

    assert scope.admin_directorate_ids == {head_office.pk}
    assert scope.time_zone == "Asia/Jakarta"


def test_scope_of_staff_in_each_kind_of_organisation(
    staff_member, lpka_palu_unit, sulteng, head_office
):
    """Staff land in the bucket of their organisation's kind."""
    kanwil_staff = StaffFactory(unit=None, kanwil=sulteng).user
    head_office_staff = StaffFactory(unit=None, directorate=head_office).user

    unit_scope = scope_for(fresh(staff_member))
    kanwil_scope = scope_for(fresh(kanwil_staff))
    head_office_scope = scope_for(fresh(head_office_staff))

    assert unit_scope.staff_unit_ids == {lpka_palu_unit.pk}
    assert unit_scope.kanwil_of_unit == {lpka_palu_unit.pk: sulteng.pk}
    assert kanwil_scope.staff_kanwil_ids == {sulteng.pk}
    assert kanwil_scope.time_zone == "Asia/Makassar"
    assert head_office_scope.staff_directorate_ids == {head_office.pk}
    assert head_office_scope.time_zone == "Asia/Jakarta"


def test_scope_uses_the_units_own_zone_before_the_kanwils(sulteng):
    """A unit with its own zone wins over its Kanwil's."""
    unit = UnitFactory(kanwil=sulteng, time_zone=TimeZone.JAYAPURA)
    person = OperatorFactory(unit=unit).user

    assert scope_for(fresh(person)).time_zone == "Asia/Jayapura"


def test_scope_zone_is_that_of_the_first_role(palu_unit):
    """With several roles, the earliest granted role of the first kind sets the zone."""
    person = OperatorFactory(unit=get_unit(PONTIANAK_UNIT)).user
    OperatorFactory(user=person, unit=palu_unit)

    scope = scope_for(fresh(person))

    assert scope.operator_unit_ids == {palu_unit.pk, get_unit(PONTIANAK_UNIT).pk}
    assert scope.time_zone == "Asia/Pontianak"


def test_scope_of_person_without_roles_is_empty_but_cached(django_assert_num_queries):
    """No role: nothing in scope, no zone; still one query, then none."""
    person = fresh(UserFactory())

    with django_assert_num_queries(1):
        scope = scope_for(person)
    with django_assert_num_queries(0):
        assert scope_for(person) is scope

    assert not scope.has_any_role
    assert scope.time_zone is None


def test_scope_is_one_query_and_cached(
    django_assert_num_queries, palu_unit, pelaihari_unit, sulteng, head_office
):
    """However many roles, one query; the second call is free and returns the same object."""
    person = OperatorFactory(unit=palu_unit).user
    OperatorFactory(user=person, unit=pelaihari_unit)
    EditorFactory(user=person, kanwil=sulteng)
    StaffFactory(user=person, unit=None, directorate=head_office)
    person = fresh(person)

    with django_assert_num_queries(1):
        scope = scope_for(person)
    with django_assert_num_queries(0):
        again = scope_for(person)

    assert again is scope
    assert scope.operator_unit_ids == {palu_unit.pk, pelaihari_unit.pk}
    assert scope.editor_kanwil_ids == {sulteng.pk}
    assert scope.staff_directorate_ids == {head_office.pk}
    assert scope.kanwil_of_unit == {
        palu_unit.pk: palu_unit.kanwil_id,
        pelaihari_unit.pk: pelaihari_unit.kanwil_id,
    }


def test_forget_scope_makes_the_next_call_read_again(
    operator_palu, kalsel, django_assert_num_queries
):
    """After a role change the cached scope is dropped and recomputed."""
    person = fresh(operator_palu)
    before = scope_for(person)
    EditorFactory(user=person, kanwil=kalsel)

    assert scope_for(person) is before  # still cached
    forget_scope(person)
    with django_assert_num_queries(1):
        after = scope_for(person)

    assert after.editor_kanwil_ids == {kalsel.pk}
    forget_scope(UserFactory())  # forgetting an uncached scope is harmless


def test_scope_of_anonymous_is_empty_without_query(django_assert_num_queries):
    """Anonymous visitors cost nothing."""
    with django_assert_num_queries(0):
        scope = scope_for(AnonymousUser())

    assert scope is EMPTY_SCOPE
    assert not scope.has_any_role
    assert scope.time_zone is None


def test_scope_of_deactivated_person_is_empty(operator_palu, django_assert_num_queries):
    """An inactive account keeps its roles but its scope is empty."""
    operator_palu.is_active = False
    operator_palu.save()
    person = fresh(operator_palu)

    with django_assert_num_queries(0):
        assert scope_for(person) is EMPTY_SCOPE


# --- people_visible_to -------------------------------------------------------------------


@pytest.fixture
def everyone(
    operator_palu, operator_pelaihari, editor_sulteng, editor_kalsel, central_admin, staff_member
):
    """All personas, so every visibility test has people to leak."""
    return {
        "operator_palu": operator_palu,
        "operator_pelaihari": operator_pelaihari,
        "editor_sulteng": editor_sulteng,
        "editor_kalsel": editor_kalsel,
        "central_admin": central_admin,
        "staff_member": staff_member,
    }


def visible_names(user: User, everyone: dict) -> set[str]:
    """Which personas ``user`` sees."""
    ids = set(people_visible_to(fresh(user)).values_list("pk", flat=True))
    return {name for name, person in everyone.items() if person.pk in ids}


def test_editor_sees_people_of_own_region_only(everyone):
    """Sulteng's editor sees Palu's operator, LPKA Palu's staff and themself."""
    assert visible_names(everyone["editor_sulteng"], everyone) == {
        "operator_palu",
        "staff_member",
        "editor_sulteng",
    }


def test_other_editor_sees_other_region_only(everyone):
    """Kalsel's editor sees Pelaihari's operator, never Palu's people."""
    assert visible_names(everyone["editor_kalsel"], everyone) == {
        "operator_pelaihari",
        "editor_kalsel",
    }


@pytest.mark.parametrize("name", ["operator_palu", "operator_pelaihari", "staff_member"])
def test_people_without_desk_rights_see_only_themselves(name, everyone):
    """Operators and staff see their own record and nobody else's."""
    user = everyone[name]

    people = list(people_visible_to(fresh(user)))

    assert people == [user]


def test_central_admin_sees_everyone(everyone):
    """Including people without any role and deactivated people."""
    no_role = UserFactory()
    inactive = OperatorFactory(user__is_active=False).user

    ids = set(people_visible_to(fresh(everyone["central_admin"])).values_list("pk", flat=True))

    assert ids == set(User.objects.values_list("pk", flat=True))
    assert {no_role.pk, inactive.pk} <= ids


def test_editor_sees_kanwil_staff_and_colleagues_but_no_one_without_role(editor_sulteng, sulteng):
    """Anyone with a role at the Kanwil itself is in the region, too."""
    kanwil_staff = StaffFactory(unit=None, kanwil=sulteng).user
    colleague = EditorFactory(kanwil=sulteng).user
    no_role = UserFactory()

    ids = set(people_visible_to(fresh(editor_sulteng)).values_list("pk", flat=True))

    assert {kanwil_staff.pk, colleague.pk, editor_sulteng.pk} <= ids
    assert no_role.pk not in ids


def test_person_with_several_roles_in_region_is_listed_once(
    editor_sulteng, palu_unit, lpka_palu_unit
):
    """The join over roles does not duplicate rows."""
    person = OperatorFactory(unit=palu_unit).user
    StaffFactory(user=person, unit=lpka_palu_unit)
    OperatorFactory(user=person, unit=lpka_palu_unit)

    people = list(people_visible_to(fresh(editor_sulteng)))

    assert [p.pk for p in people].count(person.pk) == 1


def test_visible_people_are_sorted_by_name(central_admin):
    """Stable order for the people desk."""
    UserFactory(full_name="Zulkifli")
    UserFactory(full_name="Agus")

    names = list(people_visible_to(fresh(central_admin)).values_list("full_name", flat=True))

    assert names == sorted(names)


def test_visible_people_come_with_roles_and_organisations(everyone, django_assert_num_queries):
    """Listing people and their roles' organisations costs two queries, however many."""
    admin = fresh(everyone["central_admin"])
    scope_for(admin)

    with django_assert_num_queries(2):
        people = list(people_visible_to(admin))
        organisations = [
            (str(assignment.organisation), getattr(assignment.unit, "kanwil", None))
            for person in people
            for assignment in person.role_assignments.all()
        ]

    assert len(organisations) == len(everyone)


# --- Directory and invitations -----------------------------------------------------------


def test_kanwils_with_unit_counts_counts_active_units_only(sulteng, palu_unit):
    """The count on each Kanwil is of its active units."""
    expected = sum(1 for unit in orgdata.UNITS if unit["kanwil"] == "sulteng")
    counts = {k.slug: k.unit_count for k in selectors.kanwils_with_unit_counts()}

    assert len(counts) == 33
    assert counts["sulteng"] == expected

    palu_unit.is_active = False
    palu_unit.save()
    assert selectors.kanwils_with_unit_counts().get(pk=sulteng.pk).unit_count == expected - 1


def test_units_of_kanwil_lists_active_units_by_name(sulteng, palu_unit, pelaihari_unit):
    """Only this Kanwil's units, without closed ones, alphabetically."""
    palu_unit.is_active = False
    palu_unit.save()

    units = list(selectors.units_of_kanwil(sulteng))

    assert units
    assert all(unit.kanwil_id == sulteng.pk for unit in units)
    assert palu_unit not in units
    assert pelaihari_unit not in units
    assert [u.name for u in units] == sorted(u.name for u in units)


def test_active_units_and_directorates(palu_unit, head_office):
    """Closed units drop out; the head office lists first."""
    palu_unit.is_active = False
    palu_unit.save()

    assert palu_unit not in selectors.active_units()
    assert selectors.active_units().count() == len(orgdata.UNITS) - 1
    assert selectors.directorates().first() == head_office
    assert selectors.directorates().count() == 1 + len(orgdata.DIRECTORATES)


def test_open_invitation_for_ignores_closed_ones():
    """Accepted and revoked invitations are not pending."""
    person = UserFactory()
    InvitationFactory(user=person, revoked_at=timezone.now())
    assert selectors.open_invitation_for(person) is None

    pending = InvitationFactory(user=person)
    assert selectors.open_invitation_for(person) == pending


def test_invitation_by_token_hash():
    """Links are looked up by the hash of their token."""
    invitation = InvitationFactory(token_hash=hash_token("geheim"))

    assert selectors.invitation_by_token_hash(hash_token("geheim")) == invitation
    assert selectors.invitation_by_token_hash(hash_token("anders")) is None


def test_recent_audit_events_about_person_newest_first():
    """The audit trail of one person, limited and newest first."""
    person, other = UserFactory(), UserFactory()
    now = timezone.now()
    for minutes in range(5):
        AuditEvent.objects.create(
            action=f"test.{minutes}", subject=person, created_at=now - timedelta(minutes=minutes)
        )
    AuditEvent.objects.create(action="test.other", subject=other)

    events = list(selectors.recent_audit_events_about(person, limit=3))

    assert [e.action for e in events] == ["test.0", "test.1", "test.2"]


def test_admin_of_non_head_office_directorate_sees_everyone(operator_palu):
    """Every directorate admin is central."""
    admin = AdminFactory(directorate=get_directorate("patnal")).user

    assert operator_palu in people_visible_to(fresh(admin))
