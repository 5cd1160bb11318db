"""Shared fixtures: service detection and the named personas."""

import os
import socket
from urllib.parse import urlparse

import pytest
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.db import connection
from django.test import Client

from accounts import policies
from accounts.models import Directorate, Kanwil, Unit, User
from news.public import cache as public_cache
from tests.factories import (
    BANJARBARU_UNIT,
    HEAD_OFFICE,
    KALSEL,
    LPKA_PALU_UNIT,
    PALU_UNIT,
    PELAIHARI_UNIT,
    SULTENG,
    AdminFactory,
    EditorFactory,
    OperatorFactory,
    StaffFactory,
    activate_totp,
    get_directorate,
    get_kanwil,
    get_unit,
)


def _redis_reachable() -> bool:
    url = settings.REDIS_URL
    if not url:
        return False
    parsed = urlparse(url)
    try:
        with socket.create_connection((parsed.hostname, parsed.port or 6379), timeout=1):
            return True
    except OSError:
        return False


def services_available() -> tuple[bool, str]:
    """PostgreSQL as the database and a reachable Redis."""
    if connection.vendor != "postgresql":
        return False, "needs PostgreSQL (set DATABASE_URL)"
    if not _redis_reachable():
        return False, "needs Redis (set REDIS_URL)"
    return True, ""


def pytest_runtest_setup(item):
    """Skip service tests without the services; with REQUIRE_SERVICES=1 fail instead."""
    if item.get_closest_marker("services") is None:
        return
    available, reason = services_available()
    if available:
        return
    if os.environ.get("REQUIRE_SERVICES") == "1":
        pytest.fail(f"service test cannot run: {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(autouse=True)
def _fresh_public_pages():
    """Every test starts without cached public pages: the cache outlives each test's data."""
    public_cache.invalidate()


# --- Organisations of the reference data (migration 0002) ---------------------------------


@pytest.fixture
def palu_unit(db) -> Unit:
    """Lapas Perempuan Kelas III Palu, in Kanwil Sulteng (WITA)."""
    return get_unit(PALU_UNIT)


@pytest.fixture
def lpka_palu_unit(db) -> Unit:
    """LPKA Kelas II Palu, a second unit in Kanwil Sulteng."""
    return get_unit(LPKA_PALU_UNIT)


@pytest.fixture
def pelaihari_unit(db) -> Unit:
    """Rutan Kelas IIB Pelaihari, in Kanwil Kalsel (another region)."""
    return get_unit(PELAIHARI_UNIT)


@pytest.fixture
def banjarbaru_unit(db) -> Unit:
    """Lapas Kelas IIB Banjarbaru, a second unit in Kanwil Kalsel."""
    return get_unit(BANJARBARU_UNIT)


@pytest.fixture
def sulteng(db) -> Kanwil:
    """Kanwil Sulawesi Tengah, Palu's region."""
    return get_kanwil(SULTENG)


@pytest.fixture
def kalsel(db) -> Kanwil:
    """Kanwil Kalimantan Selatan, Pelaihari's region."""
    return get_kanwil(KALSEL)


@pytest.fixture
def head_office(db) -> Directorate:
    """The Ditjenpas head office."""
    return get_directorate(HEAD_OFFICE)


# --- Named personas: one role each, each in its own organisation ---------------------------


@pytest.fixture
def operator_palu(palu_unit) -> User:
    """Operator of Lapas Perempuan Kelas III Palu (Kanwil Sulteng)."""
    return OperatorFactory(
        unit=palu_unit,
        user__email="operator.palu@humas.example",
        user__full_name="Rahmawati Operator Palu",
    ).user


@pytest.fixture
def operator_pelaihari(pelaihari_unit) -> User:
    """Operator of Rutan Kelas IIB Pelaihari (Kanwil Kalsel, another region)."""
    return OperatorFactory(
        unit=pelaihari_unit,
        user__email="operator.pelaihari@humas.example",
        user__full_name="Budi Operator Pelaihari",
    ).user


@pytest.fixture
def editor_sulteng(sulteng) -> User:
    """Editor of Kanwil Sulteng, the region of the Palu units."""
    return EditorFactory(
        kanwil=sulteng,
        user__email="editor.sulteng@humas.example",
        user__full_name="Siti Editor Sulteng",
    ).user


@pytest.fixture
def editor_kalsel(kalsel) -> User:
    """Editor of Kanwil Kalsel, a region other than Palu's."""
    return EditorFactory(
        kanwil=kalsel,
        user__email="editor.kalsel@humas.example",
        user__full_name="Ahmad Editor Kalsel",
    ).user


@pytest.fixture
def central_admin(head_office) -> User:
    """Central admin at the Ditjenpas head office, with access to the Django admin."""
    return AdminFactory(
        directorate=head_office,
        user__email="admin.pusat@humas.example",
        user__full_name="Dewi Admin Pusat",
        user__is_staff=True,
    ).user


@pytest.fixture
def staff_member(lpka_palu_unit) -> User:
    """Staff of LPKA Kelas II Palu (Kanwil Sulteng); no desk rights."""
    return StaffFactory(
        unit=lpka_palu_unit,
        user__email="staf.lpka.palu@humas.example",
        user__full_name="Yusuf Staf LPKA Palu",
    ).user


@pytest.fixture
def client_for(db):
    """Return a function giving a fresh test client signed in as ``user``.

    People who must use two-factor sign-in (editors, admins) get a TOTP authenticator first,
    so RequireTwoFactorMiddleware lets them through; pass ``two_factor=False`` to skip that.
    """

    def _client_for(user: User, *, two_factor: bool | None = None) -> Client:
        if two_factor is None:
            # A fresh copy, so the scope cached by the policy does not stick to ``user``.
            two_factor = policies.must_use_two_factor(User.objects.get(pk=user.pk))
        if (
            two_factor
            and not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
        ):
            activate_totp(user)
        client = Client()
        client.force_login(user)
        return client

    return _client_for
