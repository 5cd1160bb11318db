"""Background jobs for people and invitations; thin wrappers around services."""

from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from . import services
from .models import Invitation


@shared_task(bind=True, max_retries=5, default_retry_delay=60)
def send_invitation_email(self, invitation_id: int, token: str) -> None:
    """E-mail the set-password link of one invitation, in Indonesian."""
    invitation = (
        Invitation.objects.select_related("user", "invited_by", "role_assignment")
        .filter(pk=invitation_id, accepted_at__isnull=True, revoked_at__isnull=True)
        .first()
    )
    if invitation is None or invitation.token_hash != services.hash_token(token):
        # Closed, or its link was replaced by resend_unsent_invitations: nothing to send.
        return
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "invitation": invitation,
            "person": invitation.user,
            "role": invitation.role_assignment,
            "link": settings.SITE_URL.rstrip("/")
            + reverse("accounts:invitation_accept", kwargs={"token": token}),
        }
        subject = render_to_string("accounts/email/invitation_subject.txt", context).strip()
        body = render_to_string("accounts/email/invitation_message.txt", context)
        html = render_to_string("accounts/email/invitation_message.html", context)
    message = EmailMultiAlternatives(subject, body, to=[invitation.user.email])
    message.attach_alternative(html, "text/html")
    try:
        message.send()
    except OSError as error:
        raise self.retry(exc=error) from error
    services.mark_invitation_sent(invitation_id=invitation.pk)


@shared_task
def resend_unsent_invitations() -> int:
    """Beat job: send the invitations whose e-mail was not queued (broker was down)."""
    return services.resend_unsent_invitations()


@shared_task
def expire_invitations() -> int:
    """Beat job: close invitations whose link has run out."""
    return services.expire_invitations()
