"""The coverage log: where a published story also appeared (external media, official posts)."""

from datetime import date
from urllib.parse import urlsplit, urlunsplit

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from accounts.models import User

from .. import policies
from ..models import Coverage, CoverageKind, Platform, Story

# The hosts each platform publishes on; a subdomain (www., m.) of one counts too.
PLATFORM_HOSTS: dict[str, tuple[str, ...]] = {
    Platform.INSTAGRAM: ("instagram.com",),
    Platform.FACEBOOK: ("facebook.com", "fb.com", "fb.watch"),
    Platform.X: ("x.com", "twitter.com"),
    Platform.TIKTOK: ("tiktok.com",),
    Platform.YOUTUBE: ("youtube.com", "youtu.be"),
    Platform.WHATSAPP: ("whatsapp.com",),
}


def clean_url(url: str) -> str:
    """An http(s) link with a host, scheme and host lower-cased; anything else is refused."""
    text = (url or "").strip()
    try:
        parts = urlsplit(text)
    except ValueError as error:
        raise ValidationError(_("This is not a valid link."), code="invalid_url") from error
    if parts.scheme.lower() not in ("http", "https"):
        raise ValidationError(_("Only http:// and https:// links can be recorded."), code="scheme")
    if not parts.hostname or " " in text or len(text) > 500:
        raise ValidationError(_("This is not a valid link."), code="invalid_url")
    netloc = parts.netloc.rsplit("@", 1)[-1].lower()
    return urlunsplit((parts.scheme.lower(), netloc, parts.path or "/", parts.query, ""))


def host_matches(platform: str, url: str) -> bool:
    """Whether the link's host belongs to the platform."""
    host = (urlsplit(url).hostname or "").lower()
    return any(host == name or host.endswith("." + name) for name in PLATFORM_HOSTS[platform])


@transaction.atomic
def record_coverage(
    *,
    story: Story,
    by: User | None,
    kind: str,
    url: str,
    outlet: str = "",
    platform: str = "",
    appeared_on: date | None = None,
) -> Coverage:
    """Log one appearance of a published story; the same link is refused twice.

    kind "media" needs an outlet name (and usually a date); kind "social" needs a platform whose
    host the link is on. ``by=None`` is for system callers that checked permission themselves."""
    if by is not None and not policies.can_record_coverage(by, story):
        raise PermissionDenied(_("You may not record coverage of this story."))
    if story.state != "published":
        raise ValidationError(_("Only published stories have coverage."), code="not_published")
    link = clean_url(url)
    outlet = " ".join((outlet or "").split())[:120]
    if kind == CoverageKind.MEDIA:
        if not outlet:
            raise ValidationError(_("Name the outlet that carried the story."), code="outlet")
        platform = ""
    elif kind == CoverageKind.SOCIAL:
        if platform not in Platform.values:
            raise ValidationError(_("Choose the platform of the post."), code="platform")
        if not host_matches(platform, link):
            raise ValidationError(
                _("This link is not on %(platform)s.") % {"platform": Platform(platform).label},
                code="platform_host",
            )
        outlet = ""
    else:
        raise ValidationError(_("Choose external media or an official post."), code="kind")
    if Coverage.objects.filter(url=link).exists():
        raise ValidationError(_("This link has already been recorded."), code="duplicate")
    try:
        with transaction.atomic():
            return Coverage.objects.create(
                story=story,
                kind=kind,
                outlet=outlet,
                platform=platform,
                url=link,
                appeared_on=appeared_on,
                recorded_by=by,
            )
    except IntegrityError as error:
        # Two people saving the same link at once: the unique constraint decides.
        raise ValidationError(
            _("This link has already been recorded."), code="duplicate"
        ) from error
