"""Validation and formatting of the civil-servant number NIP (PNS, Perka BKN 22/2007)."""

import calendar
import re
from datetime import date

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Layout: YYYYMMDD YYYYMM G NNN = birth date, TMT CPNS (appointment) year-month,
# gender (1 male, 2 female), serial number 001-999. Example: 19860926 201505 1 001.
NIP_LENGTH = 18

# Age at appointment (TMT CPNS). Applicants must be at least 18 (PP 11/2017 Art. 23). The usual
# maximum is 35 (40 for some posts), but honorary staff up to 46 on 1 Jan 2006 were appointed for
# years afterwards (PP 48/2005 as amended by PP 56/2012), so some were appointed in their 50s.
# 60 leaves room for them and still catches typos such as a century slip in the birth year.
# The minimum is checked at the end of the appointment month and the maximum at its start,
# because the NIP has no appointment day.
MIN_AGE_AT_APPOINTMENT = 18
MAX_AGE_AT_APPOINTMENT = 60

_SEPARATORS = re.compile(r"[\s.\-]+")
_DIGITS = re.compile(r"[0-9]+")


def normalise_nip(value: str) -> str:
    """Return the NIP without the spaces, dots and hyphens people type between its groups."""
    return _SEPARATORS.sub("", value or "")


def format_nip(value: str) -> str:
    """Return the NIP in the spaced layout "19860926 201505 1 001" (unchanged if not 18 digits)."""
    digits = normalise_nip(value)
    if len(digits) != NIP_LENGTH or not _DIGITS.fullmatch(digits):
        return value
    return f"{digits[:8]} {digits[8:14]} {digits[14]} {digits[15:]}"


def _age_on(birth: date, day: date) -> int:
    """Return the age in whole years of someone born on ``birth`` at ``day``."""
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def validate_nip(value: str) -> None:
    """Raise ValidationError unless ``value`` is a plausible PNS NIP (empty is accepted)."""
    nip = normalise_nip(value)
    if not nip:
        return

    if not _DIGITS.fullmatch(nip):
        invalid = "".join(dict.fromkeys(ch for ch in nip if not "0" <= ch <= "9"))
        raise ValidationError(
            _("NIP may contain only digits, spaces, dots and hyphens; found %(chars)s."),
            code="nip_not_digits",
            params={"chars": invalid},
        )
    if len(nip) != NIP_LENGTH:
        raise ValidationError(
            _("NIP must have exactly 18 digits; you typed %(count)d."),
            code="nip_length",
            params={"count": len(nip)},
        )

    birth_part, appointment_part, gender, serial = nip[:8], nip[8:14], nip[14], nip[15:]

    try:
        birth = date(int(birth_part[:4]), int(birth_part[4:6]), int(birth_part[6:]))
    except ValueError:
        raise ValidationError(
            _("The first 8 digits of the NIP (%(value)s) must be a real birth date, YYYYMMDD."),
            code="nip_birth_date",
            params={"value": birth_part},
        ) from None

    appointment_year, appointment_month = int(appointment_part[:4]), int(appointment_part[4:])
    if appointment_year < 1 or not 1 <= appointment_month <= 12:
        raise ValidationError(
            _("Digits 9 to 14 of the NIP (%(value)s) must be a real appointment month, YYYYMM."),
            code="nip_appointment_month",
            params={"value": appointment_part},
        )
    appointment_start = date(appointment_year, appointment_month, 1)
    appointment_end = date(
        appointment_year,
        appointment_month,
        calendar.monthrange(appointment_year, appointment_month)[1],
    )

    if gender not in ("1", "2"):
        raise ValidationError(
            _("Digit 15 of the NIP must be 1 (male) or 2 (female), not %(digit)s."),
            code="nip_gender",
            params={"digit": gender},
        )
    if serial == "000":
        raise ValidationError(
            _("The last 3 digits of the NIP (the serial number) must be 001 to 999, not 000."),
            code="nip_serial",
        )

    today = timezone.localdate()
    birth_text = birth.isoformat()
    appointment_text = f"{appointment_year:04d}-{appointment_month:02d}"
    if birth > today:
        raise ValidationError(
            _("The birth date in the NIP (%(birth)s) is in the future."),
            code="nip_birth_range",
            params={"birth": birth_text},
        )
    if appointment_start > today:
        raise ValidationError(
            _("The appointment month in the NIP (%(appointment)s) is in the future."),
            code="nip_appointment_order",
            params={"appointment": appointment_text},
        )
    if appointment_end <= birth:
        raise ValidationError(
            _(
                "The appointment month in the NIP (%(appointment)s) must come after "
                "the birth date (%(birth)s)."
            ),
            code="nip_appointment_order",
            params={"appointment": appointment_text, "birth": birth_text},
        )

    youngest = _age_on(birth, appointment_end)
    oldest = _age_on(birth, appointment_start)
    if youngest < MIN_AGE_AT_APPOINTMENT or oldest > MAX_AGE_AT_APPOINTMENT:
        raise ValidationError(
            _(
                "The birth date (%(birth)s) and appointment month (%(appointment)s) in the NIP "
                "make the person %(age)d at appointment; it must be %(min)d to %(max)d."
            ),
            code="nip_birth_range",
            params={
                "birth": birth_text,
                "appointment": appointment_text,
                "age": youngest if youngest < MIN_AGE_AT_APPOINTMENT else oldest,
                "min": MIN_AGE_AT_APPOINTMENT,
                "max": MAX_AGE_AT_APPOINTMENT,
            },
        )
