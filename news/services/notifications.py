"""Notifications: written with the event in one transaction, e-mailed after commit.

The rows are the outbox: if the broker is down when the transaction commits, the
beat sweeper finds them still pending and sends them later, once each."""

import logging
from collections.abc import Iterable
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from accounts import session_state
from accounts.models import Role, User

from ..models import EmailPreference, EmailState, Notification, Story

logger = logging.getLogger(__name__)

# Rows younger than this are left to the task queued at commit.
SWEEP_GRACE = timedelta(minutes=2)


def _queue_delivery(ids: list[int]) -> None:
    from ..tasks import deliver_notification_emails

    try:
        deliver_notification_emails.delay(ids)
    except Exception:  # noqa: BLE001 - any broker failure; the sweeper retries later
        logger.warning("Broker unavailable; %d notification e-mails wait for the sweeper", len(ids))


def _notify(
    *,
    recipients: Iterable[User],
    story: Story | None,
    kind: str,
    actor: User | None,
    note: str = "",
) -> list[Notification]:
    people = {person.pk: person for person in recipients if person.is_active}
    if actor is not None:
        people.pop(actor.pk, None)
    if not people:
        return []
    muted = set(
        EmailPreference.objects.filter(user_id__in=people, kind=kind, send_email=False).values_list(
            "user_id", flat=True
        )
    )
    rows = Notification.objects.bulk_create(
        [
            Notification(
                recipient_id=pk,
                kind=kind,
                story=story,
                actor=actor,
                note=note,
                email_state=EmailState.SKIPPED if pk in muted else EmailState.PENDING,
            )
            for pk in sorted(people)
        ]
    )
    # The recipients' sessions show the new unread count on their next request.
    session_state.expire(people)
    pending = [row.pk for row in rows if row.email_state == EmailState.PENDING]
    if pending:
        transaction.on_commit(lambda: _queue_delivery(pending))
    return rows


def notify_authors(*, story: Story, kind: str, actor: User | None, note: str = "") -> None:
    """Tell the story's authors about a decision or comment."""
    _notify(recipients=story.authors.all(), story=story, kind=kind, actor=actor, note=note)


def notify_kanwil_editors(*, story: Story, kind: str, actor: User | None) -> None:
    """Tell the editors of the story's Kanwil that something waits for them."""
    editors = User.objects.filter(
        role_assignments__role=Role.EDITOR, role_assignments__kanwil_id=story.unit.kanwil_id
    ).distinct()
    _notify(recipients=editors, story=story, kind=kind, actor=actor)


def notify_people(
    *, recipients: Iterable[User], kind: str, note: str, story: Story | None = None
) -> list[Notification]:
    """Notifications not tied to one event of a story (reminders, digests), same outbox."""
    return _notify(recipients=recipients, story=story, kind=kind, actor=None, note=note)


def _render_email(notification: Notification) -> EmailMultiAlternatives:
    story = notification.story
    target = story.get_absolute_url() if story is not None else reverse("news:inbox")
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "notification": notification,
            "story": story,
            "link": settings.SITE_URL.rstrip("/") + target,
        }
        subject = render_to_string("news/email/notification_subject.txt", context)
        text = render_to_string("news/email/notification_message.txt", context)
        html = render_to_string("news/email/notification_message.html", context)
    message = EmailMultiAlternatives(
        " ".join(subject.split()), text, to=[notification.recipient.email]
    )
    message.attach_alternative(html, "text/html")
    return message


def deliver_email(*, notification_id: int) -> bool:
    """Send one pending notification e-mail; a second call (or a racing worker) sends nothing."""
    with transaction.atomic():
        notification = (
            Notification.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("recipient", "story__unit", "actor")
            .filter(pk=notification_id, email_state=EmailState.PENDING)
            .first()
        )
        if notification is None:
            return False
        if not notification.recipient.is_active:
            notification.email_state = EmailState.SKIPPED
            notification.save(update_fields=["email_state"])
            return False
        _render_email(notification).send()
        notification.email_state = EmailState.SENT
        notification.email_sent_at = timezone.now()
        notification.save(update_fields=["email_state", "email_sent_at"])
        return True


def pending_email_ids(*, older_than: timedelta = SWEEP_GRACE) -> list[int]:
    """Notifications whose e-mail never left, for the sweeper."""
    cutoff = timezone.now() - older_than
    return list(
        Notification.objects.filter(
            email_state=EmailState.PENDING, created_at__lte=cutoff
        ).values_list("pk", flat=True)[:500]
    )


@transaction.atomic
def mark_read(*, user: User, notification_ids: list[int] | None = None) -> int:
    """Mark some (or all) of the person's notifications as read."""
    unread = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if notification_ids is not None:
        unread = unread.filter(pk__in=notification_ids)
    count = unread.update(read_at=timezone.now())
    if count:
        session_state.expire([user.pk])
    return count


@transaction.atomic
def set_email_preference(*, user: User, kind: str, send_email: bool) -> None:
    """Switch e-mail on or off for one kind of notification."""
    EmailPreference.objects.update_or_create(
        user=user, kind=kind, defaults={"send_email": send_email}
    )
