"""Builders for the public site's tests: published stories with ready photos, at chosen times."""

from datetime import datetime, timedelta

from django.utils import timezone

from accounts.models import Unit, User
from news.models import Photo, State, Story
from news.services.related import choose_related_stories

from .news import attach_photo, force_state, write_story

RENDITION_SIZES = {
    "thumb": (400, 267),
    "large": (1600, 1067),
    "social": (1200, 630),
    "square": (1080, 1080),
}


def ready_renditions(photo: Photo) -> Photo:
    """Mark a photo's renditions as made, without running the image pipeline."""
    renditions = {
        kind: {"name": f"photos/renditions/test-{photo.pk}-{kind}.jpg", "width": w, "height": h}
        for kind, (w, h) in RENDITION_SIZES.items()
    }
    Photo.objects.filter(pk=photo.pk).update(rendition_state="ready", renditions=renditions)
    photo.refresh_from_db()
    return photo


def story_in_state(
    state: str,
    *,
    unit: Unit,
    by: User,
    title: str = "Penguatan Kehumasan",
    published_at: datetime | None = None,
    photos: int = 1,
    credit: str = "",
    **extra,
) -> Story:
    """A story in any state with captioned, ready photos; published ones at ``published_at``."""
    story = write_story(unit=unit, by=by, title=title, **extra)
    for number in range(photos):
        photo = attach_photo(story, caption=f"Foto {number + 1} dari {title}")
        if credit:
            Photo.objects.filter(pk=photo.pk).update(credit=credit)
        ready_renditions(photo)
    force_state(story, state)
    if published_at is not None and state in (State.PUBLISHED, State.WITHDRAWN):
        Story.objects.filter(pk=story.pk).update(published_at=published_at)
        story.refresh_from_db()
    if state in (State.PUBLISHED, State.WITHDRAWN):
        # What publish_story does besides changing the state.
        choose_related_stories(story=story)
    return story


def published_story(*, unit: Unit, by: User, **extra) -> Story:
    """A published story (force_state; the search trigger fills its vector on PostgreSQL)."""
    return story_in_state(State.PUBLISHED, unit=unit, by=by, **extra)


def published_series(
    count: int, *, unit: Unit, by: User, start: datetime | None = None, prefix: str = "Berita"
) -> list[Story]:
    """``count`` published stories an hour apart, the last one newest."""
    start = start or timezone.now() - timedelta(days=1)
    return [
        published_story(
            unit=unit,
            by=by,
            title=f"{prefix} {number:02d}",
            published_at=start + timedelta(hours=number),
        )
        for number in range(count)
    ]
