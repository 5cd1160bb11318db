"""Demo data: a month of One Day One News history for the demo Kanwil (Sulawesi Tengah).

Most units are mostly green, a few days are red, some amber (in review or sent back), and
one weekday is a day off. Idempotent: the demo stories are recognised by their slug prefix,
removed and written again relative to today."""

import random
import zoneinfo
from datetime import datetime, time, timedelta

from django.utils import timezone

from accounts.demo import demo_user
from accounts.models import Kanwil
from news.models import Category, State, Story, StoryRevision, Transition

from . import calendar, rollup
from .models import CalendarDay, DayKind

DEMO_KANWIL = "sulteng"
SLUG_PREFIX = "odon-demo-"
DAYS_BACK = 31
ACTIVITIES = [
    ("Pembinaan kerohanian WBP", "Kegiatan"),
    ("Senam pagi bersama petugas dan WBP", "Kegiatan"),
    ("Pelatihan keterampilan las bagi WBP", "Pembinaan"),
    ("Layanan kunjungan tatap muka berjalan tertib", "Layanan"),
    ("Apel pagi dan arahan kepala unit", "Kegiatan"),
    ("Penggeledahan kamar hunian bersama aparat", "Keamanan"),
    ("Pemeriksaan kesehatan gratis bagi WBP", "Layanan"),
    ("Panen sayur hasil kebun pembinaan", "Pembinaan"),
]


def _demo_day_off(start, end) -> None:
    """Make sure the demo month shows one weekday off (added only when there is none)."""
    if CalendarDay.objects.filter(day__range=(start, end), day__week_day__in=[2, 3, 4, 5, 6]):
        return
    candidate = end - timedelta(days=12)
    while candidate.weekday() >= 5:
        candidate -= timedelta(days=1)
    CalendarDay.objects.get_or_create(
        day=candidate, defaults={"kind": DayKind.JOINT_LEAVE, "name": "Cuti bersama (demo)"}
    )


def _category(name: str) -> Category:
    return Category.objects.filter(name__iexact=name).first() or Category.objects.first()


def seed_odon() -> int:
    """Write the demo month of the demo Kanwil and rebuild its roll-up."""
    kanwil = Kanwil.objects.get(slug=DEMO_KANWIL)
    zone = zoneinfo.ZoneInfo(kanwil.time_zone)
    now = timezone.now()
    today = now.astimezone(zone).date()
    start = today - timedelta(days=DAYS_BACK)
    old = Story.objects.filter(slug__startswith=SLUG_PREFIX)
    # Back to draft first: deleting revisions nulls the pointers a published story must keep.
    old.update(state=State.DRAFT, approved_revision=None, live_revision=None, publish_at=None)
    old.delete()
    _demo_day_off(start, today)
    days_off = set(CalendarDay.objects.values_list("day", flat=True))
    editor = demo_user("editor.sulteng@humas.test")
    units = list(kanwil.units.filter(is_active=True).order_by("name"))
    plans = []
    for unit in units:
        chance = random.Random(unit.pk)  # noqa: S311 - demo data, not security
        diligence = (
            0.97 if unit.slug == "lapas-perempuan-kelas-iii-palu" else chance.uniform(0.75, 0.95)
        )
        for day in calendar.working_days(start, today, days_off):
            roll = chance.random()
            if day == today and chance.random() < 0.4:
                continue  # not yet today
            if roll > diligence:
                continue  # a red day
            if day == today or (roll > diligence - 0.05 and day > today - timedelta(days=5)):
                state = chance.choice([State.SUBMITTED, State.CHANGES_REQUESTED])
            else:
                state = State.PUBLISHED
            title, category = chance.choice(ACTIVITIES)
            submitted = datetime.combine(
                day, time(chance.randint(8, 15), chance.randint(0, 59)), zone
            )
            plans.append((unit, day, state, title, category, submitted, chance.uniform(1, 30)))
    stories = Story.objects.bulk_create(
        [
            Story(
                unit=unit,
                kanwil=kanwil,
                state=State.DRAFT,  # moved to its state once its revision exists
                title=f"{title} di {unit.name}",
                lead=f"{unit.name} melaksanakan kegiatan rutin: {title.lower()}.",
                body=f"<p>{title} di {unit.name} berjalan lancar dan tertib.</p>",
                event_start=submitted - timedelta(hours=2),
                dateline=unit.city,
                category=_category(category),
                created_by=editor,
                slug=f"{SLUG_PREFIX}{unit.pk}-{day:%Y%m%d}",
                created_at=submitted - timedelta(hours=1),
                updated_at=submitted,
            )
            for unit, day, state, title, category, submitted, _hours in plans
        ]
    )
    revisions = StoryRevision.objects.bulk_create(
        [
            StoryRevision(
                story=story,
                number=1,
                title=story.title,
                lead=story.lead,
                body=story.body,
                event_start=story.event_start,
                dateline=story.dateline,
                category_name=story.category.name,
                created_at=story.created_at,
            )
            for story in stories
        ]
    )
    steps = []
    for story, revision, plan in zip(stories, revisions, plans, strict=True):
        state, submitted, hours = plan[2], plan[5], plan[6]
        decided = min(submitted + timedelta(hours=hours), now)
        story.state = state
        story.current_revision = story.submitted_revision = revision
        steps.append(
            Transition(
                story=story,
                action="submit",
                from_state="draft",
                to_state="submitted",
                revision=revision,
                created_at=submitted,
            )
        )
        if state == State.PUBLISHED:
            story.approved_revision = story.live_revision = revision
            story.published_at = decided + timedelta(minutes=5)
            steps.append(
                Transition(
                    story=story,
                    actor=editor,
                    action="approve",
                    from_state="submitted",
                    to_state="approved",
                    created_at=decided,
                )
            )
            steps.append(
                Transition(
                    story=story,
                    actor=editor,
                    action="publish",
                    from_state="approved",
                    to_state="published",
                    created_at=story.published_at,
                )
            )
        elif state == State.CHANGES_REQUESTED:
            steps.append(
                Transition(
                    story=story,
                    actor=editor,
                    action="request_changes",
                    from_state="submitted",
                    to_state="changes_requested",
                    note="Mohon lengkapi keterangan foto.",
                    created_at=decided,
                )
            )
    Story.objects.bulk_update(
        stories,
        [
            "state",
            "current_revision",
            "submitted_revision",
            "approved_revision",
            "live_revision",
            "published_at",
        ],
    )
    Transition.objects.bulk_create(steps)
    rollup.rebuild(kanwil_id=kanwil.pk)
    return len(stories)
