"""Builders for stories in any workflow state, going through the services where it matters."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

from accounts.models import Unit, User
from news import services
from news.models import Category, Photo, State, Story

EVENT_START = datetime(2025, 2, 6, 9, 0, tzinfo=ZoneInfo("Asia/Makassar"))


def kehumasan() -> Category:
    """The category the seed stories belong to."""
    return Category.objects.get(slug="kehumasan")


def write_story(*, unit: Unit, by: User, title: str = "Penguatan Kehumasan", **extra) -> Story:
    """A draft written through the service, as an operator would."""
    arguments = {
        "title": title,
        "lead": "Petugas mengikuti penguatan kehumasan secara daring.",
        "body": "<p>Kegiatan berlangsung melalui Zoom Meeting.</p>",
        "event_start": EVENT_START,
        "dateline": "Sigi",
        "category": kehumasan(),
        "tag_names": ["kehumasan"],
    }
    arguments.update(extra)
    return services.create_story(unit=unit, by=by, **arguments)


def attach_photo(story: Story, *, caption: str = "Peserta mengikuti Zoom") -> Photo:
    """A photo row without running the image pipeline (for workflow tests)."""
    return Photo.objects.create(
        story=story,
        original="photos/original/test.jpg",
        width=1200,
        height=800,
        caption=caption,
        position=story.photos.count(),
    )


def force_state(story: Story, state: str) -> Story:
    """Put a story straight into a state, keeping the database invariants."""
    revision = story.current_revision
    changes: dict = {"state": state}
    if state in (State.SUBMITTED, State.APPROVED, State.SCHEDULED):
        changes["submitted_revision"] = revision
    if state in (State.APPROVED, State.SCHEDULED):
        changes["approved_revision"] = revision
    if state == State.SCHEDULED:
        changes["publish_at"] = timezone.now() + timedelta(days=1)
    if state in (State.PUBLISHED, State.WITHDRAWN):
        changes.update(approved_revision=revision, live_revision=revision)
        changes["published_at"] = timezone.now() - timedelta(hours=1)
    if state == State.WITHDRAWN:
        changes["correction_note"] = "Ditarik karena data keliru."
    Story.objects.filter(pk=story.pk).update(**changes)
    story.refresh_from_db()
    return story


def ethics_ticks() -> dict[str, list[str]]:
    """The submit form's data with every ethics checklist point ticked."""
    from news.models import EthicsItem

    return {"ethics": [str(pk) for pk in EthicsItem.objects.values_list("pk", flat=True)]}
