"""Seed the working-day calendar with the holidays and joint-leave days of the years in use."""

from django.db import migrations

YEARS = list(range(2020, 2028))


def seed(apps, schema_editor):
    from odon.calendar import seed_days

    CalendarDay = apps.get_model("odon", "CalendarDay")
    CalendarChange = apps.get_model("odon", "CalendarChange")
    present = set(CalendarDay.objects.values_list("day", flat=True))
    rows = [
        CalendarDay(day=day, kind=kind, name=name, seeded=True)
        for day, kind, name in seed_days(YEARS)
        if day not in present
    ]
    CalendarDay.objects.bulk_create(rows)
    CalendarChange.objects.bulk_create(
        [
            CalendarChange(
                action="seeded", day=row.day, detail={"kind": row.kind, "name": row.name}
            )
            for row in rows
        ]
    )


class Migration(migrations.Migration):
    dependencies = [("odon", "0001_odon_calendar_rollup_reminders_recaps")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
