"""Copy each story's Kanwil onto the story, so a region's public page is one index scan.

Added as nullable and filled here; the next migration makes it required. Two migrations, so
the column change never runs in the transaction that wrote the rows.
"""

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def copy_kanwil(apps, schema_editor):
    Story = apps.get_model("news", "Story")
    Unit = apps.get_model("accounts", "Unit")
    Story.objects.filter(kanwil__isnull=True).update(
        kanwil_id=Subquery(Unit.objects.filter(pk=OuterRef("unit_id")).values("kanwil_id")[:1])
    )


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_load_organisations"),
        ("news", "0002_default_categories"),
    ]

    operations = [
        migrations.AddField(
            model_name="story",
            name="kanwil",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="stories",
                to="accounts.kanwil",
                verbose_name="Kanwil",
            ),
        ),
        migrations.RunPython(copy_kanwil, migrations.RunPython.noop),
    ]
