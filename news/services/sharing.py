"""The share kit: short links, cards, focal points, hashtags and the visit counter.

Cards are drawn in the background (news.tasks.make_share_cards) when a story is published and
again whenever what they show changes: the title, the cover photo or its focal point. The task
compares a fingerprint of those inputs with the one the stored cards were drawn from, so it may
be queued freely and a repeated run changes nothing.
"""

import hashlib
import json
import logging
import secrets

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.models import Unit, User
from accounts.services import record_event
from accounts.templatetags.portal_dates import long_date

from .. import images, policies
from ..models import HashtagSet, Photo, ShareChannel, ShareKit, ShareVisit, State, Story
from ..sharing import cards as card_drawing
from ..sharing import links, selectors
from ..sharing.captions import parse_hashtags
from .photos import delete_files

logger = logging.getLogger(__name__)

# No 0/o, 1/l: a code read aloud or retyped from a card still works.
CODE_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789"
CODE_LENGTH = 7
CARD_DIRECTORY = "share/cards"
HASHTAGS_MAX_LENGTH = 1000
SKIPPED = "skipped"
MADE = "made"
GONE = "gone"


# --- Short links ----------------------------------------------------------------------------


def _new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def ensure_share_kit(*, story: Story) -> ShareKit:
    """The story's kit, created with a fresh code and zeroed counters if it has none.

    Called inside the transaction that publishes the story."""
    kit = ShareKit.objects.filter(story_id=story.pk).first()
    if kit is not None:
        return kit
    code = _new_code()
    while ShareKit.objects.filter(code=code).exists():
        code = _new_code()
    kit = ShareKit.objects.create(story_id=story.pk, code=code)
    ShareVisit.objects.bulk_create(
        ShareVisit(kit=kit, channel=channel) for channel in ShareChannel.values
    )
    return kit


def count_visit(*, kit_id: int, channel: str) -> None:
    """Add one to a channel's visit counter: a single atomic UPDATE, nothing about the visitor.

    The one write a GET makes in the portal, and the documented purpose of the short link (see
    docs/share-kit.md)."""
    channel = links.channel_of(channel)
    updated = ShareVisit.objects.filter(kit_id=kit_id, channel=channel).update(
        visits=F("visits") + 1
    )
    if updated:
        return
    # A kit made before its counters existed: create the row, or lose a race and count again.
    try:
        with transaction.atomic():
            ShareVisit.objects.create(kit_id=kit_id, channel=channel, visits=1)
    except IntegrityError:
        ShareVisit.objects.filter(kit_id=kit_id, channel=channel).update(visits=F("visits") + 1)


# --- Cards ----------------------------------------------------------------------------------


def _queue_cards(story_id: int) -> None:
    # Imported here: the tasks module imports this one.
    from ..tasks import make_share_cards

    make_share_cards.delay(story_id)


def queue_share_cards(story_id: int) -> None:
    """Queue the cards of a story after the current transaction commits."""
    # robust: a broker that is down must not turn a committed change into an error page.
    transaction.on_commit(lambda: _queue_cards(story_id), robust=True)


def card_text(story: Story, kit: ShareKit) -> card_drawing.CardText:
    """What the story's cards say, in Indonesian whatever language queued them."""
    with translation.override(settings.LANGUAGE_CODE):
        date = long_date(story.event_start, story.unit.effective_time_zone)
    link = links.short_url(kit.code).split("://", 1)[-1]
    organisation = f"{story.unit.name} · {story.unit.kanwil.short_name}"
    return card_drawing.CardText(story.title, organisation, date, link)


def cover_photo(story: Story) -> Photo | None:
    """The story's first photo (photos prefetched in order)."""
    return next(iter(story.photos.all()), None)


def fingerprint(content: card_drawing.CardText, cover: Photo | None) -> str:
    """What the cards are drawn from, hashed."""
    source = {
        "text": [content.title, content.organisation, content.date, content.link],
        "photo": [cover.pk, cover.original.name, cover.focus] if cover else None,
        "formats": [[card.name, card.width, card.height] for card in card_drawing.CARD_FORMATS],
    }
    return hashlib.sha256(json.dumps(source, sort_keys=True).encode()).hexdigest()


def _card_name(kind: str) -> str:
    return f"{CARD_DIRECTORY}/{timezone.now():%Y/%m}/{kind}-{images.random_name()}"


def _draw(cover: Photo | None, content: card_drawing.CardText) -> dict:
    if cover is None or not cover.original.name:
        return card_drawing.make_cards(None, content)
    try:
        with default_storage.open(cover.original.name, "rb") as file:
            return card_drawing.make_cards(file, content, cover.focus)
    except FileNotFoundError:
        logger.error("Story cards: the cover photo file %s is missing", cover.original.name)
        return card_drawing.make_cards(None, content)


def make_story_cards(*, story_id: int, force: bool = False) -> str:
    """Draw and store a published story's three cards unless they are up to date."""
    story = selectors.story_for_cards(story_id)
    if story is None:
        return GONE
    with transaction.atomic():
        kit = ensure_share_kit(story=story)
    content = card_text(story, kit)
    cover = cover_photo(story)
    wanted = fingerprint(content, cover)
    if kit.fingerprint == wanted and kit.cards and not force:
        return SKIPPED
    drawn = _draw(cover, content)
    written: list[str] = []
    try:
        entries = {}
        for kind, encoded in drawn.items():
            name = default_storage.save(_card_name(kind), ContentFile(encoded.content))
            written.append(name)
            entries[kind] = {"name": name, "width": encoded.width, "height": encoded.height}
        with transaction.atomic():
            locked = ShareKit.objects.select_for_update().filter(pk=kit.pk).first()
            if locked is None:
                delete_files(written)
                return GONE
            previous = [entry["name"] for entry in (locked.cards or {}).values()]
            locked.cards, locked.fingerprint = entries, wanted
            locked.cards_made_at = timezone.now()
            locked.save(update_fields=["cards", "fingerprint", "cards_made_at"])
            transaction.on_commit(lambda: delete_files(previous))
    except BaseException:
        delete_files(written)
        raise
    return MADE


# --- Focal point ----------------------------------------------------------------------------


def _queue_renditions(photo_id: int) -> None:
    from ..tasks import make_photo_renditions

    make_photo_renditions.delay(photo_id, True)


def _clean_point(x, y) -> tuple[float, float] | tuple[None, None]:
    if x is None and y is None:
        return None, None
    try:
        point = float(x), float(y)
    except (TypeError, ValueError):
        point = (-1.0, -1.0)
    if not all(0.0 <= value <= 1.0 for value in point):
        raise ValidationError(
            _("Tap or click inside the photo to choose its focal point."), code="bad_focal_point"
        )
    return round(point[0], 4), round(point[1], 4)


@transaction.atomic
def set_focal_point(*, photo: Photo, by: User, x: float | None, y: float | None) -> Photo:
    """Set (or clear, with None) where a photo's crops are centred; they are all made again."""
    focal_x, focal_y = _clean_point(x, y)
    story = (
        Story.objects.select_for_update(of=("self",)).select_related("unit").get(pk=photo.story_id)
    )
    if not policies.can_set_focal_point(by, story):
        raise PermissionDenied(_("You may not change the photos of this story now."))
    locked = Photo.objects.select_for_update().filter(pk=photo.pk, story=story).first()
    if locked is None:
        raise ValidationError(_("This photo has been removed in the meantime."), code="gone")
    if (locked.focal_x, locked.focal_y) == (focal_x, focal_y):
        return locked
    previous = locked.focus
    locked.focal_x, locked.focal_y = focal_x, focal_y
    locked.save(update_fields=["focal_x", "focal_y"])
    record_event(
        actor=by,
        action="photo_focal_point",
        subject=None,
        story=story.pk,
        photo=locked.pk,
        before=list(previous) if previous else None,
        after=[focal_x, focal_y] if focal_x is not None else None,
    )
    transaction.on_commit(lambda: _queue_renditions(locked.pk), robust=True)
    if story.state == State.PUBLISHED:
        queue_share_cards(story.pk)
    return locked


# --- Hashtags -------------------------------------------------------------------------------


@transaction.atomic
def set_hashtags(*, unit: Unit | None, by: User, text: str) -> HashtagSet:
    """Replace the default hashtags (unit=None) or a unit's own; the change is recorded."""
    if not policies.can_edit_hashtags(by, unit):
        raise PermissionDenied(_("You may not change these hashtags."))
    if len(text or "") > HASHTAGS_MAX_LENGTH:
        raise ValidationError(
            _("Write at most %(limit)s characters of hashtags.") % {"limit": HASHTAGS_MAX_LENGTH},
            code="too_long",
        )
    cleaned = " ".join(parse_hashtags(text))
    hashtag_set = HashtagSet.objects.select_for_update().filter(unit=unit).first()
    if hashtag_set is None:
        hashtag_set = HashtagSet(unit=unit)
    before = hashtag_set.hashtags
    if hashtag_set.pk and before == cleaned:
        return hashtag_set
    hashtag_set.hashtags, hashtag_set.updated_by = cleaned, by
    hashtag_set.updated_at = timezone.now()
    if hashtag_set.pk:
        hashtag_set.save(update_fields=["hashtags", "updated_by", "updated_at"])
    else:
        hashtag_set.save()
    record_event(
        actor=by,
        action="hashtags_changed",
        subject=None,
        unit=unit.pk if unit else None,
        before=before,
        after=cleaned,
    )
    return hashtag_set
