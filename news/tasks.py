"""Background jobs of the news app; thin wrappers around services."""

import logging

from celery import shared_task
from django.core.exceptions import ValidationError

from . import selectors
from .models import RenditionState
from .services import notifications, photos, related, sharing, transitions

logger = logging.getLogger(__name__)


@shared_task
def publish_due_stories() -> int:
    """Beat job: publish scheduled stories whose time has come."""
    return transitions.publish_due_stories()


@shared_task
def refresh_related_lists(story_id: int) -> int:
    """Choose again the related news of the stories that list a withdrawn story."""
    return related.refresh_related_lists_citing(story_id=story_id)


@shared_task(bind=True, max_retries=5, default_retry_delay=60)
def deliver_notification_emails(self, notification_ids: list[int]) -> int:
    """Send the e-mail copies of some notifications."""
    sent = 0
    try:
        for notification_id in notification_ids:
            sent += notifications.deliver_email(notification_id=notification_id)
    except OSError as error:
        raise self.retry(exc=error) from error
    return sent


@shared_task
def sweep_notification_emails() -> int:
    """Beat job: send e-mails that were not queued because the broker was down."""
    return sum(
        notifications.deliver_email(notification_id=pk) for pk in notifications.pending_email_ids()
    )


# Seconds before the first retry of a rendition job; doubled at each further attempt.
RENDITION_RETRY_DELAY = 30


@shared_task(bind=True, max_retries=3)
def make_photo_renditions(self, photo_id: int, force: bool = False) -> str:
    """Make the derived sizes of an uploaded photo; retried with growing delays, then FAILED."""
    try:
        return photos.render_photo(photo_id=photo_id, force=force)
    except ValidationError as error:
        # The stored original cannot be read as an image: trying again will not help.
        logger.error("Photo %s cannot be rendered: %s", photo_id, "; ".join(error.messages))
        photos.mark_renditions_failed(photo_id=photo_id)
        return RenditionState.FAILED
    except Exception as error:
        if self.request.retries >= self.max_retries:
            logger.exception("Photo %s: renditions failed after all retries", photo_id)
            photos.mark_renditions_failed(photo_id=photo_id)
            return RenditionState.FAILED
        countdown = RENDITION_RETRY_DELAY * 2**self.request.retries
        raise self.retry(exc=error, countdown=countdown) from error


@shared_task
def requeue_stuck_renditions() -> int:
    """Beat job: queue again the photos whose renditions never started (broker was down)."""
    stuck = selectors.photos_waiting_for_renditions()
    for photo_id in stuck:
        make_photo_renditions.delay(photo_id)
    return len(stuck)


@shared_task(bind=True, max_retries=3, default_retry_delay=60)
def make_share_cards(self, story_id: int, force: bool = False) -> str:
    """Draw a published story's share cards unless they are up to date."""
    try:
        return sharing.make_story_cards(story_id=story_id, force=force)
    except ValidationError as error:
        # The cover photo cannot be read as an image: trying again will not help.
        logger.error("Story %s: cards cannot be drawn: %s", story_id, "; ".join(error.messages))
        return "failed"
    except Exception as error:
        if self.request.retries >= self.max_retries:
            logger.exception("Story %s: cards failed after all retries", story_id)
            return "failed"
        raise self.retry(exc=error) from error
