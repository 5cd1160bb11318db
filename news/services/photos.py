"""Photos of a story: add, caption, reorder and remove them, and make their renditions.

Every photo change is a content change of the story (a new revision, a version bump, and an
approval voided). Image work happens outside the story's row lock; stored files are deleted only
after the database change that stops referring to them has been committed.
"""

import logging
from collections.abc import Iterable
from typing import IO

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from humas_portal.queueing import enqueue

from .. import images, policies, workflow
from ..models import Photo, RenditionState, Story
from ..sanitize import clean_line
from .content import record_content_change

logger = logging.getLogger(__name__)

MAX_PHOTOS = 10
CAPTION_MAX_LENGTH = Photo._meta.get_field("caption").max_length
CREDIT_MAX_LENGTH = Photo._meta.get_field("credit").max_length
RENDITION_DIRECTORY = "photos/renditions"
DIRECTIONS = ("up", "down")
GONE = "gone"


# --- Helpers --------------------------------------------------------------------------------


def _locked_story(pk: int) -> Story:
    return (
        Story.objects.select_for_update(of=("self",)).select_related("unit", "category").get(pk=pk)
    )


def _locked_photo(story: Story, pk: int) -> Photo:
    photo = Photo.objects.select_for_update().filter(pk=pk, story=story).first()
    if photo is None:
        raise ValidationError(_("This photo has been removed in the meantime."), code="gone")
    return photo


def _require_permission(user: User, story: Story) -> None:
    if not policies.can_manage_photos(user, story):
        raise PermissionDenied(_("You may not change the photos of this story now."))


def _require_room(count: int) -> None:
    if count >= MAX_PHOTOS:
        raise ValidationError(
            _("A story can have at most %(limit)s photos. Remove one before adding another.")
            % {"limit": MAX_PHOTOS},
            code="too_many_photos",
        )


def _clean_texts(*, caption: str, credit: str) -> tuple[str, str]:
    caption, credit = clean_line(caption), clean_line(credit)
    if not caption:
        raise ValidationError(
            _("Write a caption: say who is in the photo and what is happening."),
            code="caption_required",
        )
    if len(caption) > CAPTION_MAX_LENGTH:
        raise ValidationError(
            _("The caption may be at most %(limit)s characters long.")
            % {"limit": CAPTION_MAX_LENGTH},
            code="caption_too_long",
        )
    if len(credit) > CREDIT_MAX_LENGTH:
        raise ValidationError(
            _("The credit may be at most %(limit)s characters long.")
            % {"limit": CREDIT_MAX_LENGTH},
            code="credit_too_long",
        )
    return caption, credit


def _renumber(photos: list[Photo]) -> None:
    """Positions 0..n-1 in list order; only rows that move are written."""
    changed = []
    for position, photo in enumerate(photos):
        if photo.position != position:
            photo.position = position
            changed.append(photo)
    if changed:
        Photo.objects.bulk_update(changed, ["position"])


def rendition_names(photo: Photo) -> list[str]:
    """The stored files of a photo's renditions."""
    return [
        entry["name"]
        for entry in (photo.renditions or {}).values()
        if isinstance(entry, dict) and entry.get("name")
    ]


def stored_names(photo: Photo) -> list[str]:
    """Every file a photo owns in the storage: the original and its renditions."""
    original = [photo.original.name] if photo.original.name else []
    return [*original, *rendition_names(photo)]


def delete_files(names: Iterable[str]) -> None:
    """Remove stored files; a failure is logged and leaves an orphan, never an error."""
    for name in names:
        try:
            default_storage.delete(name)
        except OSError:
            logger.exception("Could not delete stored photo file %s", name)


def _queue_renditions(photo_id: int) -> None:
    # Imported here: the tasks module imports this one.
    from ..tasks import make_photo_renditions

    # A broker outage leaves the photo pending; requeue_stuck_renditions picks it up.
    enqueue(make_photo_renditions, photo_id)


# --- Services -------------------------------------------------------------------------------


def add_photo(
    *, story: Story, by: User, upload: IO[bytes], caption: str, credit: str = ""
) -> Photo:
    """Check, clean and store a photo as the story's last; renditions follow in the background."""
    _require_permission(by, story)
    caption, credit = _clean_texts(caption=caption, credit=credit)
    _require_room(Photo.objects.filter(story_id=story.pk).count())
    # Decoding and re-encoding take a while; do it before locking the story.
    cleaned = images.clean_upload(upload)
    with transaction.atomic():
        locked = _locked_story(story.pk)
        _require_permission(by, locked)
        count = locked.photos.count()
        _require_room(count)
        photo = Photo(
            story=locked,
            position=count,
            width=cleaned.width,
            height=cleaned.height,
            caption=caption,
            credit=credit,
            uploaded_by=by,
            rendition_state=RenditionState.PENDING,
        )
        photo.original.save(images.random_name(), ContentFile(cleaned.content), save=False)
        try:
            photo.save()
            record_content_change(story=locked, by=by)
        except BaseException:
            delete_files([photo.original.name])
            raise
        # A broker that is down must not turn a saved upload into an error page.
        transaction.on_commit(lambda: _queue_renditions(photo.pk))
    return photo


@transaction.atomic
def update_photo(*, photo: Photo, by: User, caption: str, credit: str) -> Photo:
    """Change a photo's caption and credit."""
    story = _locked_story(photo.story_id)
    _require_permission(by, story)
    locked = _locked_photo(story, photo.pk)
    caption, credit = _clean_texts(caption=caption, credit=credit)
    if (locked.caption, locked.credit) == (caption, credit):
        return locked
    locked.caption, locked.credit = caption, credit
    locked.save(update_fields=["caption", "credit"])
    record_content_change(story=story, by=by)
    return locked


@transaction.atomic
def remove_photo(*, photo: Photo, by: User) -> None:
    """Take a photo off the story; its files are deleted once that is committed."""
    story = _locked_story(photo.story_id)
    _require_permission(by, story)
    locked = _locked_photo(story, photo.pk)
    remaining = list(story.photos.exclude(pk=locked.pk).order_by("position", "id"))
    if not remaining and story.state not in workflow.OPERATOR_EDITABLE:
        raise ValidationError(
            _("A story under review needs at least one photo. Add another photo first."),
            code="photo_required",
        )
    names = stored_names(locked)
    locked.delete()
    _renumber(remaining)
    record_content_change(story=story, by=by)
    transaction.on_commit(lambda: delete_files(names))


@transaction.atomic
def move_photo(*, photo: Photo, by: User, direction: str) -> Photo:
    """Move a photo one place up or down; positions stay 0..n-1."""
    if direction not in DIRECTIONS:
        raise ValidationError(_("A photo can only move up or down."), code="bad_direction")
    story = _locked_story(photo.story_id)
    _require_permission(by, story)
    photos = list(story.photos.order_by("position", "id"))
    index = next((i for i, item in enumerate(photos) if item.pk == photo.pk), None)
    if index is None:
        raise ValidationError(_("This photo has been removed in the meantime."), code="gone")
    target = index - 1 if direction == "up" else index + 1
    if not 0 <= target < len(photos):
        return photos[index]
    photos[index], photos[target] = photos[target], photos[index]
    _renumber(photos)
    record_content_change(story=story, by=by)
    return photos[target]


# --- Renditions (run by the background task) ------------------------------------------------


def _rendition_name() -> str:
    return f"{RENDITION_DIRECTORY}/{timezone.now():%Y/%m}/{images.random_name()}"


def render_photo(*, photo_id: int, force: bool = False) -> str:
    """Make a photo's renditions and mark it ready; repeating it leaves no extra files."""
    photo = Photo.objects.filter(pk=photo_id).first()
    if photo is None:
        return GONE
    if photo.rendition_state == RenditionState.READY and not force:
        return RenditionState.READY
    original_name, focus = photo.original.name, photo.focus
    with default_storage.open(original_name, "rb") as file:
        renditions = images.make_renditions(file, focus=focus)
    written: list[str] = []
    try:
        entries = {}
        for kind, encoded in renditions.items():
            name = default_storage.save(_rendition_name(), ContentFile(encoded.content))
            written.append(name)
            entries[kind] = {"name": name, "width": encoded.width, "height": encoded.height}
        with transaction.atomic():
            locked = Photo.objects.select_for_update().filter(pk=photo_id).first()
            if (
                locked is None
                or locked.original.name != original_name
                or locked.focus != focus
                or (locked.rendition_state == RenditionState.READY and not force)
            ):
                # Removed, replaced or finished by a parallel run meanwhile: keep what is there.
                delete_files(written)
                return locked.rendition_state if locked is not None else GONE
            previous = rendition_names(locked)
            locked.renditions = entries
            locked.rendition_state = RenditionState.READY
            locked.save(update_fields=["renditions", "rendition_state"])
            if previous:
                transaction.on_commit(lambda: delete_files(previous))
    except BaseException:
        delete_files(written)
        raise
    return RenditionState.READY


def mark_renditions_failed(*, photo_id: int) -> None:
    """Give up on a photo's renditions; pages keep showing the placeholder."""
    Photo.objects.filter(pk=photo_id).exclude(rendition_state=RenditionState.READY).update(
        rendition_state=RenditionState.FAILED
    )
