"""The Kanwil becomes required; partial indexes for the public lists; the search vector column.

The indexes cover only published stories, newest first by (published_at, id): everything, per
Kanwil, per unit and per category. The search vector is a tsvector column on PostgreSQL and an
unused column on SQLite; migration 0005 adds what fills and indexes it on PostgreSQL.
"""

import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_load_organisations"),
        ("news", "0003_story_kanwil"),
    ]

    operations = [
        migrations.AlterField(
            model_name="story",
            name="kanwil",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="stories",
                to="accounts.kanwil",
                verbose_name="Kanwil",
            ),
        ),
        migrations.AddField(
            model_name="story",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(
                editable=False, null=True, verbose_name="search vector"
            ),
        ),
        migrations.AddIndex(
            model_name="story",
            index=models.Index(
                condition=models.Q(("state", "published")),
                fields=["published_at", "id"],
                name="story_public_idx",
            ),
        ),
        migrations.AddIndex(
            model_name="story",
            index=models.Index(
                condition=models.Q(("state", "published")),
                fields=["kanwil", "published_at", "id"],
                name="story_public_kanwil_idx",
            ),
        ),
        migrations.AddIndex(
            model_name="story",
            index=models.Index(
                condition=models.Q(("state", "published")),
                fields=["unit", "published_at", "id"],
                name="story_public_unit_idx",
            ),
        ),
        migrations.AddIndex(
            model_name="story",
            index=models.Index(
                condition=models.Q(("state", "published")),
                fields=["category", "published_at", "id"],
                name="story_public_category_idx",
            ),
        ),
    ]
