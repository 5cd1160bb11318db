"""Factories for staff directory records."""

import factory
from factory.django import DjangoModelFactory

from directory.models import StaffMember

from .accounts import PALU_UNIT, get_unit


def nip_for(number: int, *, gender: int = 1) -> str:
    """A valid NIP, different for every number below 28 * 12 * 999."""
    day = number % 28 + 1
    month = number // 28 % 12 + 1
    serial = number // (28 * 12) % 999 + 1
    return f"1985{month:02d}{day:02d}201003{gender}{serial:03d}"


class StaffMemberFactory(DjangoModelFactory):
    """A civil servant of Lapas Perempuan Kelas III Palu, without a login."""

    class Meta:
        model = StaffMember

    nip = factory.Sequence(nip_for)
    full_name = factory.Sequence(lambda n: f"Pegawai Direktori {n:04d}")
    unit = factory.LazyFunction(lambda: get_unit(PALU_UNIT))
    position = "Pengelola Data"
    golongan = "II/c"
