"""Small helpers for the training templates. Load with ``{% load training_tags %}``."""

from django import template
from django.urls import NoReverseMatch, reverse

register = template.Library()


@register.filter
def public_story_url(story) -> str:
    """The public address of a published story, else its newsroom page."""
    try:
        return reverse("public:story", kwargs={"slug": story.slug})
    except NoReverseMatch:
        return story.get_absolute_url()


@register.filter
def minutes_label(minutes) -> str:
    """90 → "1:30"; hours and minutes of a minute count."""
    try:
        value = int(minutes)
    except (TypeError, ValueError):
        return ""
    return f"{value // 60}:{value % 60:02d}"


@register.filter
def time_in(value, zone_name) -> str:
    """The clock time "12.01" of an aware datetime in the given zone (the session's)."""
    import zoneinfo
    from datetime import datetime

    if not isinstance(value, datetime):
        return ""
    try:
        local = value.astimezone(zoneinfo.ZoneInfo(str(zone_name)))
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return ""
    return f"{local.hour:02d}.{local.minute:02d}"
