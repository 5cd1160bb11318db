"""Factories for people, roles, units and invitations.

Organisations come from the reference data loaded by migration 0002; the getters below fetch
them by slug. ``UnitFactory`` exists for the rare test that needs an extra unit.
"""

from datetime import timedelta

import factory
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.utils import timezone
from factory.django import DjangoModelFactory

from accounts.models import (
    Directorate,
    Invitation,
    Kanwil,
    Role,
    RoleAssignment,
    Unit,
    UnitType,
    User,
)

TEST_PASSWORD = "test-pass-123!"

# Slugs of the reference data the personas live in (see accounts/orgdata.py).
PALU_UNIT = "lapas-perempuan-kelas-iii-palu"
LPKA_PALU_UNIT = "lpka-kelas-ii-palu"
PELAIHARI_UNIT = "rutan-kelas-iib-pelaihari"
BANJARBARU_UNIT = "lapas-kelas-iib-banjarbaru"
PONTIANAK_UNIT = "lapas-perempuan-kelas-iia-pontianak"
SULTENG = "sulteng"
KALSEL = "kalsel"
HEAD_OFFICE = "ditjenpas"


def get_unit(slug: str = PALU_UNIT) -> Unit:
    """A unit of the reference data, with its Kanwil."""
    return Unit.objects.select_related("kanwil").get(slug=slug)


def get_kanwil(slug: str = SULTENG) -> Kanwil:
    """A Kanwil of the reference data."""
    return Kanwil.objects.get(slug=slug)


def get_directorate(slug: str = HEAD_OFFICE) -> Directorate:
    """The head office or a directorate of the reference data."""
    return Directorate.objects.get(slug=slug)


def activate_totp(user: User) -> str:
    """Give the person a TOTP authenticator, as allauth stores it; return the secret."""
    secret = generate_totp_secret()
    Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).delete()
    TOTP.activate(user, secret)
    return secret


class UserFactory(DjangoModelFactory):
    """A person who can sign in with TEST_PASSWORD and a verified primary e-mail address."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"pegawai{n:04d}@humas.example")
    full_name = factory.Sequence(lambda n: f"Pegawai Humas {n:04d}")
    position = "Pranata Humas"
    password = factory.django.Password(TEST_PASSWORD)
    is_active = True

    @factory.post_generation
    def verified_email(obj, create, extracted, **kwargs):  # noqa: N805 - factory_boy signature
        """Create the verified primary EmailAddress allauth needs for mandatory verification."""
        if not create or extracted is False:
            return
        EmailAddress.objects.create(user=obj, email=obj.email, primary=True, verified=True)


class UnitFactory(DjangoModelFactory):
    """An extra unit, in Kanwil Sulteng unless told otherwise."""

    class Meta:
        model = Unit

    name = factory.Sequence(lambda n: f"Lapas Kelas IIB Uji {n:04d}")
    slug = factory.Sequence(lambda n: f"lapas-kelas-iib-uji-{n:04d}")
    unit_type = UnitType.LAPAS
    unit_class = "IIB"
    city = "Palu"
    kanwil = factory.LazyFunction(lambda: get_kanwil(SULTENG))


class RoleAssignmentFactory(DjangoModelFactory):
    """A role with no organisation; use one of the subclasses."""

    class Meta:
        model = RoleAssignment

    user = factory.SubFactory(UserFactory)


class OperatorFactory(RoleAssignmentFactory):
    """Unit operator, of Lapas Perempuan Kelas III Palu by default."""

    role = Role.OPERATOR
    unit = factory.LazyFunction(lambda: get_unit(PALU_UNIT))


class EditorFactory(RoleAssignmentFactory):
    """Kanwil editor, of Kanwil Sulteng by default."""

    role = Role.EDITOR
    kanwil = factory.LazyFunction(lambda: get_kanwil(SULTENG))


class AdminFactory(RoleAssignmentFactory):
    """Central admin, of the Ditjenpas head office by default."""

    role = Role.ADMIN
    directorate = factory.LazyFunction(lambda: get_directorate(HEAD_OFFICE))


class StaffFactory(RoleAssignmentFactory):
    """Staff of LPKA Kelas II Palu by default; pass kanwil= or directorate= with unit=None."""

    role = Role.STAFF
    unit = factory.LazyFunction(lambda: get_unit(LPKA_PALU_UNIT))


class InvitationFactory(DjangoModelFactory):
    """An open invitation, valid for a week."""

    class Meta:
        model = Invitation

    user = factory.SubFactory(UserFactory)
    token_hash = factory.Sequence(lambda n: f"{n:064x}")
    created_at = factory.LazyFunction(timezone.now)
    expires_at = factory.LazyAttribute(lambda o: o.created_at + timedelta(days=7))
