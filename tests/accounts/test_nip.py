"""Tests for NIP normalisation, formatting and validation."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from accounts.nip import format_nip, normalise_nip, validate_nip

TODAY = date(2026, 3, 15)


@pytest.fixture(autouse=True)
def _freeze_today(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pin "today" so the future and age checks do not drift with the calendar."""
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: TODAY)


@pytest.mark.parametrize(
    "value",
    [
        "",
        "19860926 201505 1 001",
        "198609262015051001",
        "19860926.201505.1.001",
        "19860926-201505-2-999",
        "  19860926 201505 1 001  ",
        # Exactly 18 by the end of the appointment month.
        "19970531 201505 1 001",
        # Appointed this month.
        "19900101 202603 2 010",
        # 60 at the start of the appointment month.
        "19550101 201501 1 001",
    ],
)
def test_valid_nip_passes(value: str) -> None:
    """Well-formed NIPs, in any common spelling, raise nothing."""
    validate_nip(value)


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("19860926 201505 1 00A", "nip_not_digits"),
        ("19860926/201505/1/001", "nip_not_digits"),
        ("19860926 201505 1 01", "nip_length"),
        ("19860926 201505 1 0001", "nip_length"),
        ("19860231 201505 1 001", "nip_birth_date"),
        ("19861301 201505 1 001", "nip_birth_date"),
        ("00000926 201505 1 001", "nip_birth_date"),
        ("20270101 202601 1 001", "nip_birth_range"),
        ("20000101 201505 1 001", "nip_birth_range"),
        ("19970601 201505 1 001", "nip_birth_range"),
        ("19300101 201505 1 001", "nip_birth_range"),
        ("19860926 201513 1 001", "nip_appointment_month"),
        ("19860926 201500 1 001", "nip_appointment_month"),
        ("19860926 202604 1 001", "nip_appointment_order"),
        ("19860926 198001 1 001", "nip_appointment_order"),
        ("19860926 201505 3 001", "nip_gender"),
        ("19860926 201505 0 001", "nip_gender"),
        ("19860926 201505 1 000", "nip_serial"),
    ],
)
def test_invalid_nip_raises_specific_code(value: str, code: str) -> None:
    """Each kind of mistake raises its own error code with a message that renders."""
    with pytest.raises(ValidationError) as excinfo:
        validate_nip(value)
    assert excinfo.value.code == code
    # Rendering interpolates params, so a missing or misspelt placeholder fails here.
    assert excinfo.value.messages[0]


def test_length_message_reports_digit_count() -> None:
    """The length error tells people how many digits they typed."""
    with pytest.raises(ValidationError) as excinfo:
        validate_nip("1986 0926")
    assert excinfo.value.params == {"count": 8}


def test_normalise_strips_separators() -> None:
    """Spaces, dots and hyphens disappear; digits are kept in order."""
    assert normalise_nip(" 19860926 201505-1.001 ") == "198609262015051001"
    assert normalise_nip("") == ""


def test_format_uses_spaced_layout() -> None:
    """A bare NIP is shown as birth date, appointment, gender and serial."""
    assert format_nip("198609262015051001") == "19860926 201505 1 001"
    assert format_nip("19860926-201505-1-001") == "19860926 201505 1 001"


def test_format_leaves_non_nip_unchanged() -> None:
    """Values that are not 18 digits are returned as typed."""
    assert format_nip("12345") == "12345"
    assert format_nip("") == ""


@pytest.mark.parametrize("value", ["198609262015051001", "19550101 201501 2 999"])
def test_normalise_format_round_trip(value: str) -> None:
    """Formatting and normalising again gives back the bare digits."""
    digits = normalise_nip(value)
    assert normalise_nip(format_nip(digits)) == digits
    assert format_nip(normalise_nip(format_nip(value))) == format_nip(value)
