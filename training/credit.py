"""JP rules: 1 JP is 45 minutes of planned lessons, and one person's overlapping sessions count
once toward the yearly figure. Pure functions.
"""

from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_FLOOR, Decimal

# Peraturan LAN: one lesson hour (jam pelajaran, JP) of civil-service training is 45 minutes.
MINUTES_PER_JP = 45
YEARLY_TARGET = Decimal(20)


def default_jp(planned_minutes: int) -> Decimal:
    """JP a session of this planned length credits by default: whole JP of 45 minutes."""
    if planned_minutes <= 0:
        return Decimal(0)
    return (Decimal(planned_minutes) / MINUTES_PER_JP).quantize(Decimal(1), rounding=ROUND_FLOOR)


def max_jp(planned_minutes: int) -> Decimal:
    """The most JP a session can credit without a justification: duration ÷ 45, in halves."""
    if planned_minutes <= 0:
        return Decimal(0)
    halves = (Decimal(planned_minutes) * 2 / MINUTES_PER_JP).quantize(
        Decimal(1), rounding=ROUND_FLOOR
    )
    return halves / 2


@dataclass(frozen=True)
class Credit:
    """One attendance that met its session's rule."""

    key: int
    year: int
    starts_at: datetime
    ends_at: datetime
    jp: Decimal


@dataclass
class YearCredit:
    """JP credited in one year, the shortfall to the target and what overlapped."""

    year: int
    jp: Decimal = Decimal(0)
    # Keys of attendances not counted because a session at the same time counted instead.
    overlapping: list[int] | None = None

    @property
    def gap(self) -> Decimal:
        """JP still missing to reach the yearly target."""
        return max(Decimal(0), YEARLY_TARGET - self.jp)


def yearly_credit(credits: list[Credit]) -> list[YearCredit]:
    """JP per year, newest year first. Sessions whose times overlap form a group that credits
    the JP of its largest session once, so the same minutes never count twice."""
    years: dict[int, YearCredit] = {}
    ordered = sorted(credits, key=lambda credit: (credit.starts_at, credit.ends_at, credit.key))
    group: list[Credit] = []
    group_end = None

    def close(members: list[Credit]) -> None:
        if not members:
            return
        best = max(members, key=lambda credit: (credit.jp, -credit.key))
        entry = years.setdefault(best.year, YearCredit(best.year, overlapping=[]))
        entry.jp += best.jp
        entry.overlapping.extend(credit.key for credit in members if credit is not best)

    for credit in ordered:
        if group and credit.starts_at < group_end:
            group.append(credit)
            group_end = max(group_end, credit.ends_at)
            continue
        close(group)
        group, group_end = [credit], credit.ends_at
    close(group)
    return [years[year] for year in sorted(years, reverse=True)]
