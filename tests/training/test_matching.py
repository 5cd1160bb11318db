"""Matching rows to people: e-mail, then NIP, then unit and name, then name; the rest queue."""

import pytest

from training.matching import Matcher, name_candidates, nip_in, normalise, unit_keys
from training.models import MatchStatus
from training.parsers import ParsedRow

from .conftest import at

pytestmark = pytest.mark.django_db


def row(name: str, email: str = "", line: int = 2) -> ParsedRow:
    return ParsedRow(line, name, email, at(9), at(11), {})


def test_names_and_nips_are_normalised():
    assert normalise("  Nur  Aisyah, S.H. ") == "nur aisyah s h"
    assert normalise("René Ñoño") == "rene nono"
    assert nip_in("Fadli 19930228 201902 1 006 (LPKA)") == "199302282019021006"
    assert nip_in("call 0812345678") == ""
    assert "lapas perempuan palu" in unit_keys("Lapas Perempuan Kelas III Palu")
    assert "lpp palu" in unit_keys("Lapas Perempuan Kelas III Palu")
    assert "rutan pelaihari" in unit_keys("Rutan Kelas IIB Pelaihari")
    assert name_candidates("LPP Palu - Nur Aisyah, S.H.")[:3] == [
        "lpp palu nur aisyah s h",
        "lpp palu",
        "nur aisyah",
    ]


def test_rules_in_order(sulteng_session, operator_palu, staff_member, pelaihari_unit):
    staff_member.nip = "199302282019021006"
    staff_member.save(update_fields=["nip"])
    rows = [
        row("Whatever Name", operator_palu.email.upper()),
        row(f"Yusuf {staff_member.nip[:8]} {staff_member.nip[8:14]} 1 006"),
        row("LPP Palu - Rahmawati Operator Palu", "private@gmail.example"),
        row("Lapas Perempuan Kelas III Palu"),
        row("Rahmawati Operator Palu"),
        row("Rutan Pelaihari"),
        row("iPhone"),
    ]
    result = Matcher(sulteng_session).match(rows)
    statuses = [match.status for match in result.matches]
    assert statuses == [
        MatchStatus.EMAIL,
        MatchStatus.NIP,
        MatchStatus.UNIT_NAME,
        MatchStatus.GROUP,
        MatchStatus.NAME,
        # Pelaihari is not invited to the Sulteng session: its room goes to the queue.
        MatchStatus.UNMATCHED,
        MatchStatus.UNMATCHED,
    ]
    users = [match.user_id for match in result.matches]
    assert users[:3] == [operator_palu.pk, staff_member.pk, operator_palu.pk]
    palu_invitee = sulteng_session.invitees.get(unit__slug="lapas-perempuan-kelas-iii-palu")
    assert result.matches[3].invitee_id == palu_invitee.pk
    # Each person attends for the invitee of their own unit.
    assert result.organisation_of[operator_palu.pk] == (palu_invitee.pk, palu_invitee.unit.name)


def test_an_ambiguous_name_is_not_guessed(sulteng_session, operator_palu, lpka_palu_unit):
    from tests.factories import StaffFactory

    StaffFactory(unit=lpka_palu_unit, user__full_name=operator_palu.full_name)
    result = Matcher(sulteng_session).match([row(operator_palu.full_name)])
    assert result.matches[0].status == MatchStatus.UNMATCHED


def test_name_only_stays_within_the_invited_scope(
    sulteng_session, operator_palu, operator_pelaihari
):
    from tests.factories import UserFactory

    # A namesake without any role, and one in Kanwil Kalsel, are outside the Sulteng session.
    UserFactory(full_name=operator_palu.full_name)
    result = Matcher(sulteng_session).match(
        [row(operator_palu.full_name), row(operator_pelaihari.full_name)]
    )
    assert result.matches[0].status == MatchStatus.NAME
    assert result.matches[0].user_id == operator_palu.pk
    assert result.matches[1].status == MatchStatus.UNMATCHED


def test_matching_costs_the_same_queries_for_many_rows(
    sulteng_session, operator_palu, django_assert_max_num_queries
):
    many = [row(f"Peserta {index}", f"p{index}@x.example", index + 2) for index in range(300)]
    many.append(row("Rahmawati Operator Palu", operator_palu.email))
    with django_assert_max_num_queries(8):
        Matcher(sulteng_session).match(many)
