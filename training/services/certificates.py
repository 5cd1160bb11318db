"""Issuing, revoking and bundling certificates."""

import io
import logging
import secrets
import zipfile
import zoneinfo
from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from humas_portal.queueing import enqueue, enqueue_on_commit
from humas_portal.text import clean_line

from .. import policies, selectors
from ..certificates import render_certificate_pdf
from ..models import Attendance, BundleStatus, Certificate, CertificateBundle, TrainingSession
from .attendance import lock_session
from .audit import record

logger = logging.getLogger(__name__)

NUMBER_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def certificate_number(session: TrainingSession, sequence: int) -> str:
    """A unique, hard-to-guess number: HP-<year>-<session>-<sequence>-<random>."""
    year = session.starts_at.astimezone(zoneinfo.ZoneInfo(session.time_zone)).year
    suffix = "".join(secrets.choice(NUMBER_ALPHABET) for _index in range(6))
    return f"HP-{year}-{session.pk:04d}-{sequence:04d}-{suffix}"


@transaction.atomic
def issue_certificates(
    *, session: TrainingSession, by: User, attendances: list[Attendance] | None = None
) -> list[Certificate]:
    """Certificates for everyone (or the given people) who met the rule and has none yet."""
    locked = lock_session(session)
    if not policies.can_manage_session(by, locked):
        raise PermissionDenied(_("You may not issue certificates for this session."))
    valid = Certificate.objects.filter(revoked_at__isnull=True).values("attendance_id")
    eligible = (
        Attendance.objects.filter(session=locked, meets_rule=True)
        .exclude(pk__in=valid)
        .select_related("user", "staff")
    )
    if attendances is not None:
        eligible = eligible.filter(pk__in=[attendance.pk for attendance in attendances])
    zone = zoneinfo.ZoneInfo(locked.time_zone)
    organiser = locked.organiser
    organiser_name = organiser.name if organiser is not None else ""
    already = Certificate.objects.filter(attendance__session=locked).count()
    now = timezone.now()
    certificates = [
        Certificate(
            attendance=attendance,
            number=certificate_number(locked, already + index),
            holder_name=attendance.holder_name[:200],
            holder_nip=attendance.holder_nip,
            session_title=locked.title,
            organiser_name=organiser_name[:200],
            jp=locked.jp_credited,
            starts_on=locked.starts_at.astimezone(zone).date(),
            ends_on=locked.ends_at.astimezone(zone).date(),
            issued_by=by,
            issued_at=now,
        )
        for index, attendance in enumerate(
            eligible.order_by("staff__full_name", "user__full_name", "id"), start=1
        )
    ]
    Certificate.objects.bulk_create(certificates)
    record(session=locked, actor=by, action="certificates_issued", count=len(certificates))
    return certificates


@transaction.atomic
def revoke_certificate(*, certificate: Certificate, by: User, reason: str) -> Certificate:
    """Withdraw a certificate; its verification page then says so."""
    locked = (
        Certificate.objects.select_for_update(of=("self",))
        .select_related("attendance__session__organiser_unit")
        .get(pk=certificate.pk)
    )
    if not policies.can_manage_session(by, locked.attendance.session):
        raise PermissionDenied(_("You may not revoke this certificate."))
    if locked.revoked_at is not None:
        raise ValidationError(_("This certificate has been revoked already."), code="revoked")
    if not clean_line(reason):
        raise ValidationError(_("Say why the certificate is revoked."))
    locked.revoked_at = timezone.now()
    locked.revoked_by = by
    locked.revoke_reason = clean_line(reason)[:300]
    locked.save(update_fields=["revoked_at", "revoked_by", "revoke_reason"])
    record(
        session=locked.attendance.session,
        actor=by,
        action="certificate_revoked",
        number=locked.number,
        reason=locked.revoke_reason,
    )
    return locked


@transaction.atomic
def request_certificate_bundle(*, session: TrainingSession, by: User) -> CertificateBundle:
    """Queue a ZIP of the session's valid certificates, built by a worker."""
    locked = lock_session(session)
    if not policies.can_manage_session(by, locked):
        raise PermissionDenied(_("You may not download the certificates of this session."))
    bundle = CertificateBundle.objects.create(session=locked, requested_by=by)
    record(session=locked, actor=by, action="certificate_bundle_requested", bundle=bundle.pk)
    from ..tasks import build_certificate_bundle

    # A broker outage leaves the bundle queued; requeue_stuck_bundles picks it up.
    enqueue_on_commit(build_certificate_bundle, bundle.pk)
    return bundle


# A bundle still queued this long after it was asked for lost its task (broker outage or a
# worker that died); one asked for longer ago than the window is left alone.
BUNDLE_STUCK_AFTER = timedelta(minutes=10)
BUNDLE_RETRY_WINDOW = timedelta(days=1)


def requeue_stuck_bundles(*, now=None) -> int:
    """Queue again the bundles that were asked for but never built; safe to run twice."""
    from ..tasks import build_certificate_bundle

    now = now or timezone.now()
    stuck = list(
        CertificateBundle.objects.filter(
            status=BundleStatus.QUEUED,
            requested_at__lte=now - BUNDLE_STUCK_AFTER,
            requested_at__gt=now - BUNDLE_RETRY_WINDOW,
        ).values_list("pk", flat=True)[:100]
    )
    for bundle_id in stuck:
        enqueue(build_certificate_bundle, bundle_id)
    return len(stuck)


def build_bundle(*, bundle_id: int) -> str:
    """Render every valid certificate of the session into one ZIP; safe to run twice."""
    bundle = CertificateBundle.objects.select_related("session").get(pk=bundle_id)
    if bundle.status != BundleStatus.QUEUED:
        return bundle.status
    try:
        certificates = list(selectors.valid_certificates_of(bundle.session))
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for certificate in certificates:
                archive.writestr(f"{certificate.number}.pdf", render_certificate_pdf(certificate))
    except Exception as error:
        logger.exception("Certificate bundle %s failed", bundle_id)
        with transaction.atomic():
            locked = CertificateBundle.objects.select_for_update().get(pk=bundle_id)
            locked.status = BundleStatus.FAILED
            locked.error = str(error)[:500]
            locked.finished_at = timezone.now()
            locked.save(update_fields=["status", "error", "finished_at"])
        return BundleStatus.FAILED
    with transaction.atomic():
        locked = CertificateBundle.objects.select_for_update().get(pk=bundle_id)
        if locked.status != BundleStatus.QUEUED:
            return locked.status
        name = f"sertifikat-{locked.session_id}-{secrets.token_hex(8)}.zip"
        locked.file.save(name, ContentFile(buffer.getvalue()), save=False)
        locked.status = BundleStatus.READY
        locked.certificate_count = len(certificates)
        locked.finished_at = timezone.now()
        locked.save(update_fields=["file", "status", "certificate_count", "finished_at"])
        record(
            session=locked.session,
            actor=None,
            action="certificate_bundle_built",
            bundle=locked.pk,
            count=len(certificates),
        )
    return BundleStatus.READY
