"""Certificates: issuing, downloading, revoking, the ZIP of a session, public verification."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from humas_portal.form_errors import form_error_text
from humas_portal.ratelimit import rate_limited

from .. import policies, selectors, services
from ..certificates import render_certificate_pdf
from ..forms import RevokeForm
from ..models import BundleStatus
from .common import error_text, managed_session, require


@login_required
@require_POST
def certificates_issue(request, pk: int):
    """Certificates for everyone who met the rule and has none yet."""
    session = managed_session(request, pk)
    try:
        issued = services.issue_certificates(session=session, by=request.user)
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, error_text(error))
    else:
        messages.success(
            request,
            ngettext(
                "%(count)s certificate has been issued.",
                "%(count)s certificates have been issued.",
                len(issued),
            )
            % {"count": len(issued)},
        )
    return redirect("training:attendee_list", pk=session.pk)


@login_required
@require_POST
def bundle_request(request, pk: int):
    """Queue the ZIP of the session's certificates."""
    session = managed_session(request, pk)
    services.request_certificate_bundle(session=session, by=request.user)
    messages.info(request, _("The certificates are being packed; the ZIP appears below."))
    return redirect("training:session_manage", pk=session.pk)


@login_required
def bundle_download(request, pk: int, bundle_pk: int):
    """A finished ZIP of certificates."""
    session = managed_session(request, pk)
    bundle = selectors.bundle_of(session, bundle_pk)
    require(bundle is not None and bundle.status == BundleStatus.READY)
    return FileResponse(
        bundle.file.open("rb"), as_attachment=True, filename=f"sertifikat-{session.pk}.zip"
    )


@login_required
def certificate_pdf(request, number: str):
    """One certificate as PDF, for its holder, the organisers and who may see the holder."""
    certificate = selectors.certificate_for_download(number)
    require(certificate is not None and certificate.revoked_at is None)
    attendance = certificate.attendance
    require(policies.can_download_certificate(request.user, attendance.session, attendance.user))
    response = HttpResponse(render_certificate_pdf(certificate), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{certificate.number}.pdf"'
    return response


@login_required
@require_POST
def certificate_revoke(request, number: str):
    """Withdraw a certificate, with a reason."""
    certificate = selectors.certificate_for_download(number)
    require(certificate is not None)
    session = certificate.attendance.session
    require(policies.can_manage_session(request.user, session))
    form = RevokeForm(request.POST)
    if not form.is_valid():
        messages.error(
            request, form_error_text(form, when_missing=_("Say why the certificate is revoked."))
        )
    else:
        try:
            services.revoke_certificate(
                certificate=certificate, by=request.user, reason=form.cleaned_data["reason"]
            )
        except (ValidationError, PermissionDenied) as error:
            messages.error(request, error_text(error))
        else:
            messages.success(request, _("The certificate has been revoked."))
    return redirect("training:attendee_list", pk=session.pk)


@rate_limited("certificate-verify", setting="CERTIFICATE_CHECKS_PER_MINUTE")
def certificate_verify(request, number: str):
    """Public: is this certificate genuine, and is it still valid?"""
    certificate = selectors.certificate_by_number(number)
    require(certificate is not None)
    return render(request, "training/certificate_verify.html", {"certificate": certificate})
