"""The first photo of each story in a list, read in the same query as the stories."""

from dataclasses import dataclass, field

from django.db.models import JSONField, OuterRef, QuerySet, Subquery

from ..models import Photo, Story


@dataclass(frozen=True)
class CoverPhoto:
    """The first photo of a story, read with the story's row (see ``with_cover``)."""

    pk: int
    caption: str
    rendition_state: str
    renditions: dict = field(default_factory=dict)


def _first_photo() -> QuerySet[Photo]:
    return Photo.objects.filter(story=OuterRef("pk")).order_by("position", "id")


def with_cover(stories: QuerySet[Story]) -> QuerySet[Story]:
    """Stories with the fields of their first photo, in the same query."""
    first = _first_photo()
    return stories.annotate(
        cover_id=Subquery(first.values("pk")[:1]),
        cover_caption=Subquery(first.values("caption")[:1]),
        cover_state=Subquery(first.values("rendition_state")[:1]),
        cover_renditions=Subquery(first.values("renditions")[:1], output_field=JSONField()),
    )


def attach_covers(stories: list[Story]) -> list[Story]:
    """Turn the cover annotations into ``story.cover`` (a CoverPhoto or None)."""
    for story in stories:
        cover_id = getattr(story, "cover_id", None)
        story.cover = (
            CoverPhoto(
                pk=cover_id,
                caption=story.cover_caption or "",
                rendition_state=story.cover_state or "",
                renditions=story.cover_renditions or {},
            )
            if cover_id
            else None
        )
    return stories
