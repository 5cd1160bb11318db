"""Template helpers of the share kit."""

from django import template

from ..sharing.presenting import PRESET_LABELS, PRESET_POINTS

register = template.Library()


@register.simple_tag
def focal_presets() -> list[tuple[str, str]]:
    """The nine focal point positions as (value, label), top left to bottom right."""
    return list(zip(PRESET_POINTS, (str(label) for label in PRESET_LABELS), strict=True))
