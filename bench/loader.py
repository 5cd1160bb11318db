"""Stories, revisions, authors, tags and photo rows, written with COPY."""

import math
import random
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.contrib.postgres.search import SearchVectorField
from django.db import connection, models
from django.utils.text import slugify

from bench import pgbulk, search_columns
from bench.corpus import Corpus, date_fields
from bench.corpus_topics import EXTRA_TAGS, TOPICS
from bench.orgs import UnitInfo, person_name
from news.models import Category, Photo, State, Story, StoryRevision, Tag

GROWTH = 2.0  # stories per day at the end of the span, relative to its start
OTHER_STATES = [
    (State.DRAFT, 40),
    (State.SUBMITTED, 25),
    (State.CHANGES_REQUESTED, 15),
    (State.REJECTED, 10),
    (State.WITHDRAWN, 10),
]
CORRECTION = "Berita ini ditarik karena terdapat kekeliruan data jumlah peserta."
RENDITIONS = {"thumb": (400, 267), "large": (1600, 1067), "social": (1200, 630)}
RENDITIONS["square"] = (1080, 1080)
# Columns this generator writes itself; any other column gets its default (see Table).
STORY_KEYS = {
    "id", "unit_id", "kanwil_id", "state", "title", "lead", "body", "event_start", "dateline",
    "category_id", "created_by_id", "version", "current_revision_id", "submitted_revision_id",
    "approved_revision_id", "live_revision_id", "publish_at", "published_at", "correction_note",
    "slug", "created_at", "updated_at",
}  # fmt: skip
REVISION_KEYS = {
    "id", "story_id", "number", "title", "lead", "body", "event_start", "dateline",
    "category_name", "tag_names", "photos", "created_by_id", "created_at",
}  # fmt: skip
PHOTO_KEYS = {
    "id", "story_id", "position", "original", "width", "height", "caption", "credit",
    "renditions", "rendition_state", "uploaded_by_id", "created_at",
}  # fmt: skip


@dataclass
class StoryPlan:
    """How many stories to write and how."""

    stories: int
    years: float
    max_photos: int
    unpublished: float
    chunk: int
    seed: int


def refuse_if_filled(reset_hint: str) -> None:
    """Stop when the database already holds stories."""
    if Story.objects.exists():
        sys.exit(f"generate: the database already has stories; {reset_hint}")


def build_tags(units: list[UnitInfo]) -> dict[str, int]:
    """Every tag stories may carry (topic keywords and town names), by name."""
    names = [tag for topic in TOPICS for tag in topic["tags"]] + EXTRA_TAGS
    names += sorted({unit.fields["town"] for unit in units})
    by_slug: dict[str, str] = {}
    for name in names:
        by_slug.setdefault(slugify(name), name)
    Tag.objects.bulk_create(
        [Tag(name=name, slug=slug) for slug, name in by_slug.items()], ignore_conflicts=True
    )
    return {tag.name: tag.pk for tag in Tag.objects.all()}


class Table:
    """A model's COPY column list, with constants for the columns this generator does not fill."""

    def __init__(self, model: type[models.Model], provided: set[str]) -> None:
        """Plan the columns; exit if a NOT NULL column without a default is unknown here."""
        self.name = model._meta.db_table
        self.attnames: list[str] = []
        self.columns: list[str] = []
        self.constants: dict[str, str] = {}
        for field in model._meta.concrete_fields:
            if getattr(field, "generated", False):
                continue  # computed by PostgreSQL itself
            self.attnames.append(field.attname)
            self.columns.append(field.column)
            if field.attname in provided:
                continue
            if isinstance(field, SearchVectorField):
                self.constants[field.attname] = "" if not field.null else pgbulk.NULL
            elif field.has_default():
                self.constants[field.attname] = pgbulk.value(field.get_default())
            elif field.null:
                self.constants[field.attname] = pgbulk.NULL
            else:
                sys.exit(
                    f"generate: {model._meta.label}.{field.name} is NOT NULL without a default; "
                    "teach bench/loader.py how to fill it"
                )
        self.lines: list[str] = []

    def add(self, row: dict[str, str]) -> None:
        """Append one row (attname -> COPY text); keys the table does not have are ignored."""
        values = self.constants | row
        self.lines.append("\t".join([values[name] for name in self.attnames]))

    def take(self) -> str:
        """The COPY text collected so far, and start afresh."""
        data = "\n".join(self.lines) + "\n" if self.lines else ""
        self.lines = []
        return data


def _slug_suffix(pk: int) -> str:
    """Six base-36 characters, different for every id below 36**6, that look random."""
    number = (pk * 2654435761) % 36**6
    digits = ""
    for _ in range(6):
        number, digit = divmod(number, 36)
        digits += "0123456789abcdefghijklmnopqrstuvwxyz"[digit]
    return digits


def _next_id(model: type[models.Model]) -> int:
    return (model.objects.aggregate(top=models.Max("pk"))["top"] or 0) + 1


class StoryWriter:
    """Turns generated texts into rows of every story table."""

    def __init__(self, units: list[UnitInfo], plan: StoryPlan) -> None:
        """Look up categories and tags and plan the COPY columns."""
        self.plan = plan
        self.rng = random.Random(plan.seed + 1)
        self.corpus = Corpus(plan.seed)
        self.units = units
        self.cum_weights = []
        total = 0.0
        for unit in units:
            total += unit.weight
            self.cum_weights.append(total)
        self.categories = {category.slug: category for category in Category.objects.all()}
        self.tags = build_tags(units)
        self.officers = [person_name(self.rng) for _ in range(2000)]
        self.ids = {model: _next_id(model) for model in (Story, StoryRevision, Photo)}
        self.m2m_ids = {"tags": 1, "authors": 1}
        self.story = Table(Story, STORY_KEYS)
        self.revision = Table(StoryRevision, REVISION_KEYS)
        self.story_tags = Table(Story.tags.through, {"id", "story_id", "tag_id"})
        self.story_authors = Table(Story.authors.through, {"id", "story_id", "user_id"})
        self.photo = Table(Photo, PHOTO_KEYS)
        self.tables = [self.story, self.revision, self.story_tags, self.story_authors]
        if plan.max_photos > 0:
            self.tables.append(self.photo)

    def columns(self) -> dict[str, list[str]]:
        """COPY column lists by table name."""
        return {table.name: table.columns for table in self.tables}

    def take(self) -> dict[str, str]:
        """The rows written since the last call, as COPY text by table name."""
        return {table.name: table.take() for table in self.tables}

    def _photo_count(self, state: str) -> int:
        if self.plan.max_photos <= 0:
            return 0
        extra = min(int(self.rng.expovariate(1.4)), self.plan.max_photos - 1)
        return 0 if state == State.DRAFT and self.rng.random() < 0.5 else 1 + extra

    def write(self, index: int, published_at: datetime, state: str) -> None:
        """All rows of one story."""
        rng = self.rng
        unit = self.units[rng.choices(range(len(self.units)), cum_weights=self.cum_weights)[0]]
        event = published_at - timedelta(seconds=rng.uniform(3600, 3 * 86400))
        created = event + (published_at - event) * 0.4
        fields = unit.fields | date_fields(event + timedelta(hours=8))
        fields["officer"] = self.officers[rng.getrandbits(11) % len(self.officers)]
        photos = self._photo_count(state)
        story_text = self.corpus.story(fields, photos)
        if rng.random() < 0.2:
            story_text.tags.append(fields["town"])

        story_id = self.ids[Story]
        revision_id = self.ids[StoryRevision]
        self.ids[Story] += 1
        self.ids[StoryRevision] += 1
        category = self.categories.get(story_text.category) or next(iter(self.categories.values()))
        photo_entries = []
        credit = f"Humas {fields['unit_short']}"
        for position, caption in enumerate(story_text.captions):
            photo_id = self.ids[Photo]
            self.ids[Photo] += 1
            photo_entries.append({"id": photo_id, "caption": caption, "credit": credit})
            folder = f"{created:%Y/%m}"
            self.photo.add(
                {
                    "id": str(photo_id),
                    "story_id": str(story_id),
                    "position": str(position),
                    "original": f"photos/original/{folder}/{rng.getrandbits(128):032x}.jpg",
                    "width": "4000",
                    "height": "3000",
                    "caption": pgbulk.text(caption),
                    "credit": pgbulk.text(credit),
                    "renditions": pgbulk.value(
                        {
                            kind: {
                                "name": f"photos/renditions/{folder}/{rng.getrandbits(128):032x}"
                                ".jpg",
                                "width": width,
                                "height": height,
                            }
                            for kind, (width, height) in RENDITIONS.items()
                        }
                    ),
                    "rendition_state": "ready",
                    "uploaded_by_id": str(unit.operator_id),
                    "created_at": created.isoformat(),
                }
            )

        title, lead, body = (
            pgbulk.text(story_text.title),
            pgbulk.text(story_text.lead),
            pgbulk.text(story_text.body),
        )
        dateline = pgbulk.text(unit.city)
        event_text, created_text = event.isoformat(), created.isoformat()
        reviewed = state not in (State.DRAFT,)
        went_live = state in (State.PUBLISHED, State.WITHDRAWN)
        revision = str(revision_id)
        self.story.add(
            {
                "id": str(story_id),
                "unit_id": str(unit.id),
                "kanwil_id": str(unit.kanwil_id),
                "state": state,
                "title": title,
                "lead": lead,
                "body": body,
                "event_start": event_text,
                "dateline": dateline,
                "category_id": str(category.pk),
                "created_by_id": str(unit.operator_id),
                "version": "1",
                "current_revision_id": revision,
                "submitted_revision_id": revision if reviewed else pgbulk.NULL,
                "approved_revision_id": revision if went_live else pgbulk.NULL,
                "live_revision_id": revision if went_live else pgbulk.NULL,
                "publish_at": pgbulk.NULL,
                "published_at": published_at.isoformat() if went_live else pgbulk.NULL,
                "correction_note": CORRECTION if state == State.WITHDRAWN else "",
                "slug": f"{slugify(story_text.title)[:200]}-{_slug_suffix(story_id)}",
                "created_at": created_text,
                "updated_at": published_at.isoformat(),
            }
        )
        tag_names = sorted(story_text.tags)
        self.revision.add(
            {
                "id": revision,
                "story_id": str(story_id),
                "number": "1",
                "title": title,
                "lead": lead,
                "body": body,
                "event_start": event_text,
                "dateline": dateline,
                "category_name": pgbulk.text(category.name),
                "tag_names": pgbulk.value(tag_names),
                "photos": pgbulk.value(photo_entries),
                "created_by_id": str(unit.operator_id),
                "created_at": created_text,
            }
        )
        for name in tag_names:
            self.story_tags.add(
                {
                    "id": str(self.m2m_ids["tags"]),
                    "story_id": str(story_id),
                    "tag_id": str(self.tags[name]),
                }
            )
            self.m2m_ids["tags"] += 1
        self.story_authors.add(
            {
                "id": str(self.m2m_ids["authors"]),
                "story_id": str(story_id),
                "user_id": str(unit.operator_id),
            }
        )
        self.m2m_ids["authors"] += 1


def _published_at(rng: random.Random, index: int, plan: StoryPlan, start: datetime) -> datetime:
    """The index-th publication time; the daily rate grows linearly to GROWTH× over the span."""
    share = (index + rng.random()) / plan.stories
    # Invert the cumulative share of a linearly rising rate: (x + (g-1)x²/2) / ((1+g)/2).
    g = GROWTH
    x = (-1 + math.sqrt(1 + 2 * (g - 1) * share * (1 + g) / 2)) / (g - 1)
    return start + timedelta(days=plan.years * 365.25 * x)


def load_stories(url: str, units: list[UnitInfo], plan: StoryPlan) -> None:
    """Write every story and its rows, then rebuild the indexes set aside meanwhile."""
    writer = StoryWriter(units, plan)
    tables = [table.name for table in writer.tables]
    restore = pgbulk.timed("set aside indexes", lambda: pgbulk.set_aside(connection, tables))
    search_columns.before_copy(connection, Story)
    copier = pgbulk.CopyWriter(url, writer.columns())
    copier.start()
    now = datetime.now(UTC).replace(microsecond=0)
    start = now - timedelta(days=plan.years * 365.25)
    states, weights = zip(*OTHER_STATES, strict=True)
    rng = writer.rng
    started = time.perf_counter()
    total = plan.stories
    for index in range(total):
        published_at = _published_at(rng, index, plan, start)
        writer.write(index, published_at, State.PUBLISHED)
        if rng.random() < plan.unpublished:
            writer.write(index, published_at, rng.choices(states, weights=weights)[0])
        done = index + 1
        if done % plan.chunk == 0 or done == total:
            copier.put(writer.take())
            elapsed = time.perf_counter() - started
            if done % (plan.chunk * 10) == 0 or done == total:
                eta = elapsed / done * (total - done)
                print(
                    f"  {done:>10,}/{total:,} stories  {elapsed:6.0f} s  "
                    f"{done / elapsed:7,.0f}/s  eta {eta:4.0f} s",
                    flush=True,
                )
    pgbulk.timed("commit", copier.finish)
    print(
        f"stories written in {time.perf_counter() - started:.0f} s "
        f"(COPY busy {copier.busy_seconds:.0f} s)"
    )
    search_columns.after_copy(url, Story)
    pgbulk.timed("rebuild indexes and constraints", lambda: pgbulk.restore(url, restore))


def finish(url: str) -> None:
    """Reset the id sequences, then vacuum and analyse the whole database."""
    database = pgbulk.connect(url)
    database.autocommit = True
    with database.cursor() as cursor:
        for model in (Story, StoryRevision, Photo, Story.tags.through, Story.authors.through):
            table = model._meta.db_table
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT coalesce(max(id), 1) FROM {table}))"
            )
        pgbulk.timed("vacuum analyze", lambda: cursor.execute("VACUUM (ANALYZE)"))
    database.close()
