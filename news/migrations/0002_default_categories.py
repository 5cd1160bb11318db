"""Ship the categories units report under; admins add or rename more later."""

from django.db import migrations

CATEGORIES = [
    ("Kegiatan", "kegiatan"),
    ("Pembinaan", "pembinaan"),
    ("Keamanan", "keamanan"),
    ("Layanan", "layanan"),
    ("Kehumasan", "kehumasan"),
    ("Pelatihan", "pelatihan"),
    ("Kerja Sama", "kerja-sama"),
    ("Kesehatan", "kesehatan"),
]


def load(apps, schema_editor):
    Category = apps.get_model("news", "Category")
    for position, (name, slug) in enumerate(CATEGORIES):
        Category.objects.update_or_create(slug=slug, defaults={"name": name, "position": position})


class Migration(migrations.Migration):
    dependencies = [("news", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
