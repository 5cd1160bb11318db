"""The database itself refuses data that breaks the rules of people, roles and organisations."""

from datetime import timedelta

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.models import (
    Directorate,
    Invitation,
    Role,
    RoleAssignment,
    TimeZone,
    Unit,
    UnitType,
    User,
)
from tests.factories import (
    EditorFactory,
    InvitationFactory,
    OperatorFactory,
    UnitFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

VALID_NIP = "198609262015051001"
OTHER_VALID_NIP = "199001012015052002"


def assert_refused(create) -> None:
    """``create()`` must hit a database constraint, without breaking the test transaction."""
    with pytest.raises(IntegrityError), transaction.atomic():
        create()


# --- Role scope --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "organisations"),
    [
        (Role.OPERATOR, {"kanwil"}),
        (Role.OPERATOR, {"directorate"}),
        (Role.OPERATOR, {"unit", "kanwil"}),
        (Role.OPERATOR, set()),
        (Role.EDITOR, {"unit"}),
        (Role.EDITOR, {"directorate"}),
        (Role.EDITOR, {"kanwil", "unit"}),
        (Role.EDITOR, set()),
        (Role.ADMIN, {"unit"}),
        (Role.ADMIN, {"kanwil"}),
        (Role.ADMIN, {"directorate", "kanwil"}),
        (Role.ADMIN, set()),
        (Role.STAFF, {"unit", "kanwil"}),
        (Role.STAFF, {"unit", "directorate"}),
        (Role.STAFF, {"kanwil", "directorate"}),
        (Role.STAFF, {"unit", "kanwil", "directorate"}),
        (Role.STAFF, set()),
        ("superhero", {"unit"}),
    ],
)
def test_role_scope_must_match_role(role, organisations, palu_unit, sulteng, head_office):
    """A role sits in exactly the kind of organisation it belongs to, and in only one."""
    person = UserFactory()
    available = {"unit": palu_unit, "kanwil": sulteng, "directorate": head_office}
    kwargs = {name: available[name] for name in organisations}

    assert_refused(lambda: RoleAssignment.objects.create(user=person, role=role, **kwargs))
    assert not RoleAssignment.objects.filter(user=person).exists()


@pytest.mark.parametrize(
    ("role", "organisation"),
    [
        (Role.OPERATOR, "unit"),
        (Role.EDITOR, "kanwil"),
        (Role.ADMIN, "directorate"),
        (Role.STAFF, "unit"),
        (Role.STAFF, "kanwil"),
        (Role.STAFF, "directorate"),
    ],
)
def test_role_in_its_own_kind_of_organisation_is_accepted(
    role, organisation, palu_unit, sulteng, head_office
):
    """The counterpart of the refusals: every legitimate combination is stored."""
    available = {"unit": palu_unit, "kanwil": sulteng, "directorate": head_office}
    person = UserFactory()

    assignment = RoleAssignment.objects.create(
        user=person, role=role, **{organisation: available[organisation]}
    )

    assert assignment.organisation == available[organisation]


@pytest.mark.parametrize(
    ("role", "organisation"),
    [
        (Role.OPERATOR, "unit"),
        (Role.EDITOR, "kanwil"),
        (Role.ADMIN, "directorate"),
        (Role.STAFF, "unit"),
        (Role.STAFF, "kanwil"),
        (Role.STAFF, "directorate"),
    ],
)
def test_same_role_twice_in_one_organisation_is_refused(
    role, organisation, palu_unit, sulteng, head_office
):
    """One person holds a given role in a given organisation at most once."""
    available = {"unit": palu_unit, "kanwil": sulteng, "directorate": head_office}
    person = UserFactory()
    kwargs = {organisation: available[organisation]}
    RoleAssignment.objects.create(user=person, role=role, **kwargs)

    assert_refused(lambda: RoleAssignment.objects.create(user=person, role=role, **kwargs))
    assert RoleAssignment.objects.filter(user=person).count() == 1


def test_same_role_in_two_units_and_two_roles_in_one_unit_are_fine(palu_unit, pelaihari_unit):
    """The uniqueness is per (person, role, organisation), not per person."""
    person = UserFactory()

    RoleAssignment.objects.create(user=person, role=Role.OPERATOR, unit=palu_unit)
    RoleAssignment.objects.create(user=person, role=Role.OPERATOR, unit=pelaihari_unit)
    RoleAssignment.objects.create(user=person, role=Role.STAFF, unit=palu_unit)

    assert RoleAssignment.objects.filter(user=person).count() == 3


def test_two_people_may_hold_the_same_role_in_one_unit(palu_unit):
    """A unit has several operators."""
    OperatorFactory(unit=palu_unit)
    OperatorFactory(unit=palu_unit)

    assert RoleAssignment.objects.filter(unit=palu_unit, role=Role.OPERATOR).count() == 2


# --- People ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "bad_nip",
    # At most 18 characters, so it is the check constraint that refuses them (not the length).
    ["123", "19860926201505100", "19860926 2015051 1", "1986092620150510O1", "abcdefghijklmnopqr"],
)
def test_nip_format_is_enforced_by_the_database(bad_nip):
    """Writes that skip validation (queryset.update) still cannot store a malformed NIP."""
    person = UserFactory()

    assert_refused(lambda: User.objects.filter(pk=person.pk).update(nip=bad_nip))
    person.refresh_from_db()
    assert person.nip == ""


def test_nip_of_18_digits_is_stored():
    """The constraint lets a well-formed NIP through."""
    person = UserFactory()

    User.objects.filter(pk=person.pk).update(nip=VALID_NIP)

    person.refresh_from_db()
    assert person.nip == VALID_NIP


def test_nip_is_unique_when_set():
    """Two people cannot share a NIP."""
    UserFactory(nip=VALID_NIP)

    assert_refused(lambda: UserFactory(nip=VALID_NIP))
    assert User.objects.filter(nip=VALID_NIP).count() == 1


def test_many_people_without_nip_are_allowed():
    """Contract staff and honorary staff have no NIP; blanks never collide."""
    UserFactory.create_batch(3, nip="")
    UserFactory(nip=VALID_NIP)
    UserFactory(nip=OTHER_VALID_NIP)

    assert User.objects.filter(nip="").count() == 3


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Budi.Santoso@Kemenkumham.example", "budi.santoso@kemenkumham.example"),
        ("humas@lapas.example", "HUMAS@LAPAS.EXAMPLE"),
    ],
)
def test_email_is_unique_ignoring_case(first, second):
    """Saving directly (not through the manager, which lower-cases) still cannot duplicate."""
    User(email=first, full_name="Pertama").save()

    assert_refused(lambda: User(email=second, full_name="Kedua").save())
    assert User.objects.filter(email__iexact=first).count() == 1


def test_manager_stores_email_lower_case_and_without_usable_password():
    """create_user lower-cases the address; without a password it sets an unusable one."""
    person = User.objects.create_user(email="Budi@Lapas.EXAMPLE", full_name="Budi")

    assert person.email == "budi@lapas.example"
    assert not person.has_usable_password()


# --- Organisations -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("unit_type", "unit_class"),
    [
        (UnitType.LPKA, "IIA"),
        (UnitType.LPKA, "III"),
        (UnitType.BAPAS, "IIB"),
        (UnitType.RUPBASAN, "III"),
        (UnitType.CABANG_RUTAN, "IIB"),
        (UnitType.CABANG_RUTAN, "I"),
        (UnitType.LAPAS, "II"),
        (UnitType.RUTAN, "II"),
        (UnitType.LAPAS, "IV"),
    ],
)
def test_unit_class_must_fit_unit_type(unit_type, unit_class):
    """LPKA, Bapas and Rupbasan are I/II; Lapas and Rutan I/IIA/IIB/III; Cabang Rutan none."""
    assert_refused(lambda: UnitFactory(unit_type=unit_type, unit_class=unit_class))


@pytest.mark.parametrize(
    ("unit_type", "unit_class"),
    [
        (UnitType.LPKA, "II"),
        (UnitType.BAPAS, "I"),
        (UnitType.CABANG_RUTAN, ""),
        (UnitType.LAPAS_PEREMPUAN, "III"),
        (UnitType.RUTAN, "IIB"),
        (UnitType.LAPAS_TERBUKA, ""),
    ],
)
def test_unit_class_fitting_its_type_is_accepted(unit_type, unit_class):
    """The counterpart: real combinations are stored."""
    unit = UnitFactory(unit_type=unit_type, unit_class=unit_class)

    assert Unit.objects.filter(pk=unit.pk, unit_class=unit_class).exists()


def test_unknown_unit_type_is_refused():
    """Only the kinds of UPT the law knows."""
    assert_refused(lambda: UnitFactory(unit_type="kantor_imigrasi", unit_class=""))


@pytest.mark.parametrize("zone", ["Europe/Berlin", "UTC", "Asia/Singapore", "WITA"])
def test_unit_time_zone_must_be_indonesian(zone):
    """A unit's own zone is empty or one of the four Indonesian zones."""
    assert_refused(lambda: UnitFactory(time_zone=zone))


def test_kanwil_time_zone_must_be_indonesian(sulteng):
    """The same holds for a Kanwil."""
    assert_refused(
        lambda: type(sulteng).objects.filter(pk=sulteng.pk).update(time_zone="Europe/Paris")
    )


def test_unit_effective_time_zone_falls_back_to_its_kanwil(sulteng):
    """Without its own zone a unit lives in its Kanwil's zone."""
    unit = UnitFactory(kanwil=sulteng, time_zone="")

    assert sulteng.time_zone == TimeZone.MAKASSAR
    assert unit.effective_time_zone == "Asia/Makassar"


def test_unit_effective_time_zone_prefers_its_own(sulteng):
    """A unit with its own zone (e.g. on the zone border) uses it."""
    unit = UnitFactory(kanwil=sulteng, time_zone=TimeZone.JAKARTA)

    assert unit.effective_time_zone == "Asia/Jakarta"


def test_reference_units_use_their_kanwil_zone(palu_unit, pelaihari_unit):
    """The migrated units carry no zone of their own: Palu and Pelaihari are both WITA."""
    assert palu_unit.time_zone == ""
    assert palu_unit.effective_time_zone == "Asia/Makassar"
    assert pelaihari_unit.effective_time_zone == "Asia/Makassar"
    assert Unit.objects.get(slug="lapas-perempuan-kelas-iia-pontianak").effective_time_zone == (
        "Asia/Pontianak"
    )


def test_only_one_head_office(head_office):
    """Ditjenpas is the one head office; a second one is refused."""
    assert head_office.is_head_office

    assert_refused(
        lambda: Directorate.objects.create(
            name="Kantor Pusat Kedua", short_name="KP2", slug="kantor-pusat-2", is_head_office=True
        )
    )
    assert Directorate.objects.filter(is_head_office=True).count() == 1
    # Ordinary directorates are not affected.
    Directorate.objects.create(name="Direktorat Uji", short_name="Uji", slug="direktorat-uji")


# --- Invitations -------------------------------------------------------------------------


@pytest.mark.parametrize("offset", [timedelta(0), -timedelta(seconds=1), -timedelta(days=7)])
def test_invitation_must_expire_after_creation(offset):
    """An invitation cannot expire at or before the moment it was created."""
    now = timezone.now()

    assert_refused(lambda: InvitationFactory(created_at=now, expires_at=now + offset))
    assert not Invitation.objects.exists()


def test_only_one_open_invitation_per_person():
    """A new link has to replace (revoke) the open one."""
    first = InvitationFactory()

    assert_refused(lambda: InvitationFactory(user=first.user))

    first.revoked_at = timezone.now()
    first.save()
    InvitationFactory(user=first.user)
    assert Invitation.objects.filter(user=first.user).count() == 2


def test_accepted_invitation_does_not_block_a_new_one():
    """Closed invitations (accepted) do not count as open."""
    first = InvitationFactory(accepted_at=timezone.now())

    InvitationFactory(user=first.user)

    assert Invitation.objects.filter(user=first.user, accepted_at__isnull=True).count() == 1


def test_invitation_cannot_be_both_accepted_and_revoked():
    """An invitation ends one way or the other."""
    now = timezone.now()

    assert_refused(lambda: InvitationFactory(accepted_at=now, revoked_at=now))


def test_invitation_token_hash_is_unique():
    """Two invitations never share a link."""
    first = InvitationFactory(revoked_at=timezone.now())

    assert_refused(lambda: InvitationFactory(token_hash=first.token_hash))


# --- Small model behaviour ---------------------------------------------------------------


def test_role_assignment_names_role_and_organisation(palu_unit, sulteng):
    """The organisation property returns the one organisation of the role."""
    operator = OperatorFactory(unit=palu_unit)
    editor = EditorFactory(kanwil=sulteng)

    assert operator.organisation == palu_unit
    assert editor.organisation == sulteng
    assert palu_unit.name in str(operator)


def test_user_short_name_and_str():
    """People are shown by name, falling back to their e-mail address."""
    person = UserFactory(full_name="Siti Aminah")
    nameless = UserFactory(full_name="")

    assert str(person) == "Siti Aminah"
    assert person.get_short_name() == "Siti"
    assert str(nameless) == nameless.email
