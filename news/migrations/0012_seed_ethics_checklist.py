"""The ethics checklist seeded from SE MenPANRB 137/2018 (central admins edit it afterwards)."""

from django.db import migrations

ITEMS = [
    "Tidak memuat informasi rahasia negara atau rahasia jabatan.",
    "Fakta, nama, jabatan dan tanggal sudah diverifikasi.",
    "Tidak menampilkan anak yang dapat dikenali (nama, wajah, identitas).",
    "Wajah warga binaan yang tampil sudah mendapat persetujuan.",
    "Tidak memuat hoaks atau konten SARA.",
]


def seed(apps, schema_editor):
    EthicsItem = apps.get_model("news", "EthicsItem")
    if EthicsItem.objects.exists():
        return
    EthicsItem.objects.bulk_create(
        EthicsItem(text=text, position=index) for index, text in enumerate(ITEMS, start=1)
    )


class Migration(migrations.Migration):
    dependencies = [("news", "0011_editorial_checks")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
