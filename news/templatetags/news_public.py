"""The public site in templates: ``{% load news_public %}``, ``{{ story|public_story_url }}``."""

from django import template

from ..public.meta import story_path

register = template.Library()


@register.filter
def public_story_url(story) -> str:
    """The public page of a story (``get_absolute_url`` is its newsroom page)."""
    return story_path(story)


@register.filter
def rendition(photo, kind: str) -> dict | None:
    """A ready rendition's entry (name, width, height) of a photo or cover, else None."""
    if photo is None or getattr(photo, "rendition_state", None) != "ready":
        return None
    entry = (getattr(photo, "renditions", None) or {}).get(kind)
    return entry if isinstance(entry, dict) and entry.get("width") else None
