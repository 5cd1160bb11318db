"""Photos in templates: ``{% load news_photos %}``, then ``{{ photo|photo_url:"thumb" }}``."""

from django import template
from django.templatetags.static import static

from .. import images
from ..public.paths import photo_path
from ..services import photos

register = template.Library()

PLACEHOLDER = "img/photo-placeholder.svg"


@register.filter
def photo_url(photo, kind: str = "thumb") -> str:
    """The URL of a rendition once it is ready, else the placeholder image."""
    if getattr(photo, "rendition_state", None) == "ready":
        entry = (getattr(photo, "renditions", None) or {}).get(kind)
        if isinstance(entry, dict) and entry.get("name"):
            # Served through a view that checks the story's visibility, never straight
            # from the media folder.
            return photo_path(photo.pk, kind)
    return static(PLACEHOLDER)


@register.simple_tag
def photo_limits() -> dict:
    """The upload limits, for help texts and the file input's ``accept`` attribute."""
    return {
        "max_photos": photos.MAX_PHOTOS,
        "max_megabytes": images.MAX_UPLOAD_BYTES // (1024 * 1024),
        "max_megapixels": images.MAX_PIXELS // 1_000_000,
        "accept": images.ACCEPT_ATTRIBUTE,
        "caption_max_length": photos.CAPTION_MAX_LENGTH,
        "credit_max_length": photos.CREDIT_MAX_LENGTH,
    }
