"""JP rules: 45 minutes per JP, and overlapping sessions never count twice. Pure functions."""

from datetime import UTC, datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from training import services
from training.credit import Credit, default_jp, max_jp, yearly_credit

from .conftest import SESSION_START, plan_session


def at(day: int, hour: int) -> datetime:
    return datetime(2025, 3, day, hour, tzinfo=UTC)


def test_one_jp_is_45_minutes():
    assert default_jp(60) == 1
    assert default_jp(150) == 3
    assert default_jp(44) == 0
    assert max_jp(60) == Decimal("1.0")
    assert max_jp(120) == Decimal("2.5")
    assert max_jp(0) == 0


def test_three_simultaneous_sessions_credit_once():
    credits = [Credit(key, 2025, at(1, 9), at(1, 11), Decimal(2)) for key in (1, 2, 3)]
    credits.append(Credit(4, 2025, at(2, 9), at(2, 11), Decimal(2)))
    (year,) = yearly_credit(credits)
    assert year.jp == 4 and year.gap == 16
    assert sorted(year.overlapping) == [2, 3]


def test_a_chain_of_overlaps_is_one_group_crediting_its_largest_session():
    credits = [
        Credit(1, 2025, at(1, 9), at(1, 11), Decimal(2)),
        Credit(2, 2025, at(1, 10), at(1, 13), Decimal(4)),
        Credit(3, 2025, at(1, 13), at(1, 14), Decimal(1)),
    ]
    (year,) = yearly_credit(credits)
    # Touching is not overlapping: 13:00 is the end of one and the start of the next.
    assert year.jp == 5 and year.overlapping == [1]


def test_years_are_kept_apart_newest_first():
    credits = [
        Credit(
            1,
            2024,
            datetime(2024, 5, 1, 9, tzinfo=UTC),
            datetime(2024, 5, 1, 11, tzinfo=UTC),
            Decimal(25),
        ),
        Credit(2, 2025, at(1, 9), at(1, 11), Decimal(2)),
    ]
    assert [(year.year, year.jp, year.gap) for year in yearly_credit(credits)] == [
        (2025, 2, 18),
        (2024, 25, 0),
    ]


@pytest.mark.django_db
def test_jp_above_the_duration_needs_a_reason(editor_sulteng, sulteng):
    short = {"ends_at": SESSION_START.replace(hour=10), "title": "Satu jam"}
    with pytest.raises(ValidationError) as error:
        plan_session(by=editor_sulteng, organiser=sulteng, jp_credited=Decimal(10), **short)
    assert "at most 1 JP" in str(error.value)
    session = plan_session(by=editor_sulteng, organiser=sulteng, **short)
    assert session.jp_credited == 1
    justified = plan_session(
        by=editor_sulteng,
        organiser=sulteng,
        jp_credited=Decimal(10),
        jp_justification="Includes a written assignment marked afterwards",
        **short,
    )
    assert justified.jp_credited == 10


@pytest.mark.django_db
def test_older_sessions_keep_their_jp_until_it_changes(editor_sulteng, sulteng):
    from training.models import TrainingSession

    session = plan_session(by=editor_sulteng, organiser=sulteng)
    TrainingSession.objects.filter(pk=session.pk).update(jp_credited=Decimal(10))
    session.refresh_from_db()
    services.update_session(session=session, by=editor_sulteng, title="Judul baru")
    with pytest.raises(ValidationError):
        services.update_session(session=session, by=editor_sulteng, jp_credited=Decimal(11))


@pytest.mark.django_db
def test_the_organiser_sees_the_overlap(client_for, editor_sulteng, sulteng, operator_palu):
    from django.urls import reverse

    sessions = [plan_session(by=editor_sulteng, organiser=sulteng, title=f"S{i}") for i in range(2)]
    for session in sessions:
        services.record_attendance(
            session=session, person=operator_palu, by=editor_sulteng, status="present"
        )
    page = client_for(editor_sulteng).get(reverse("training:attendee_list", args=[sessions[0].pk]))
    assert "held at the same time" in page.content.decode()


@pytest.mark.django_db
def test_only_the_speakers_organisers_and_central_admins_change_a_speaker(
    sulteng_session, editor_sulteng, operator_pelaihari, central_admin
):
    from django.core.exceptions import PermissionDenied

    from training.models import AuditEntry

    speaker = services.create_speaker(
        by=editor_sulteng, full_name="Lilik Sujandi", current_position="Kepala"
    )
    services.add_appearance(
        session=sulteng_session, by=editor_sulteng, speaker=speaker, role="presenter"
    )
    change = {"current_position": "Direktur", "current_organisation": "", "aliases": ["L. S."]}
    with pytest.raises(PermissionDenied):
        services.update_speaker(speaker=speaker, by=operator_pelaihari, **change)
    services.update_speaker(speaker=speaker, by=editor_sulteng, **change)
    services.update_speaker(speaker=speaker, by=central_admin, **change)
    entry = AuditEntry.objects.filter(action="speaker_updated").first()
    assert entry.detail["new"]["aliases"] == ["L. S."]
