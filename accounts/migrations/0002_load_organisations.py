"""Load Ditjenpas, its directorates, the 33 Kanwil and the known units."""

from django.db import migrations

from accounts import orgdata

KANWIL_NAME_PREFIX = "Kantor Wilayah Direktorat Jenderal Pemasyarakatan "


def load(apps, schema_editor):
    Directorate = apps.get_model("accounts", "Directorate")
    Kanwil = apps.get_model("accounts", "Kanwil")
    Unit = apps.get_model("accounts", "Unit")
    Directorate.objects.update_or_create(
        slug=orgdata.HEAD_OFFICE["slug"],
        defaults={
            "name": orgdata.HEAD_OFFICE["name"],
            "short_name": orgdata.HEAD_OFFICE["short_name"],
            "is_head_office": True,
        },
    )
    for row in orgdata.DIRECTORATES:
        Directorate.objects.update_or_create(
            slug=row["slug"], defaults={"name": row["name"], "short_name": row["short_name"]}
        )
    kanwil_by_slug = {}
    for row in orgdata.KANWILS:
        kanwil_by_slug[row["slug"]], _ = Kanwil.objects.update_or_create(
            slug=row["slug"],
            defaults={
                "name": KANWIL_NAME_PREFIX + row["province"],
                "province": row["province"],
                "short_name": row["short_name"],
                "time_zone": row["time_zone"],
            },
        )
    for row in orgdata.UNITS:
        Unit.objects.update_or_create(
            slug=row["slug"],
            defaults={
                "name": row["name"],
                "unit_type": row["unit_type"],
                "unit_class": row["unit_class"],
                "city": row["city"],
                "kanwil": kanwil_by_slug[row["kanwil"]],
            },
        )


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
