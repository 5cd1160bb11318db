"""Certificates: only for who met the rule, unique numbers, PDF with QR, verify, revoke, ZIP."""

import importlib.util
import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from training import services
from training.certificates import certificate_html, verification_url
from training.models import BundleStatus, Certificate

pytestmark = pytest.mark.django_db


def needs_weasyprint() -> None:
    """Skip without WeasyPrint; found without importing it (the app imports it guarded)."""
    if importlib.util.find_spec("weasyprint") is None:
        pytest.skip("WeasyPrint is not installed")


@pytest.fixture
def issued(sulteng_session, editor_sulteng, operator_palu, staff_member):
    """Rahmawati met the rule; Yusuf was absent."""
    services.record_attendance(
        session=sulteng_session, person=operator_palu, by=editor_sulteng, status="present"
    )
    services.record_attendance(
        session=sulteng_session, person=staff_member, by=editor_sulteng, status="absent"
    )
    return services.issue_certificates(session=sulteng_session, by=editor_sulteng)


def test_only_those_who_met_the_rule_get_one_once(issued, sulteng_session, editor_sulteng):
    assert [certificate.holder_name for certificate in issued] == ["Rahmawati Operator Palu"]
    assert issued[0].number.startswith(f"HP-2025-{sulteng_session.pk:04d}-0001-")
    assert issued[0].jp == 3
    assert services.issue_certificates(session=sulteng_session, by=editor_sulteng) == []


def test_numbers_are_unique(issued):
    with pytest.raises(Exception):  # noqa: B017 - the database refuses a second one
        Certificate.objects.create(
            attendance=issued[0].attendance,
            number=issued[0].number,
            holder_name="x",
            session_title="x",
            organiser_name="x",
            jp=1,
            starts_on=issued[0].starts_on,
            ends_on=issued[0].ends_on,
        )


def test_the_public_page_verifies_and_revocation_shows(client, client_for, issued, editor_sulteng):
    certificate = issued[0]
    url = reverse("certificate_verify", args=[certificate.number])
    assert url == f"/sertifikat/{certificate.number}/"
    page = client.get(url)
    assert page.status_code == 200
    assert "genuine and valid" in page.content.decode()
    assert "Rahmawati Operator Palu" in page.content.decode()
    assert client.get(reverse("certificate_verify", args=["HP-0000-NOPE"])).status_code == 404
    revoke = reverse("training:certificate_revoke", args=[certificate.number])
    client_for(editor_sulteng).post(revoke, {"reason": "Data kehadiran keliru"})
    page = client.get(url)
    assert "has been revoked" in page.content.decode()
    with pytest.raises(ValidationError):
        services.revoke_certificate(
            certificate=Certificate.objects.get(), by=editor_sulteng, reason="lagi"
        )
    # A new one may be issued after a revocation.
    again = services.issue_certificates(session=issued[0].attendance.session, by=editor_sulteng)
    assert len(again) == 1 and again[0].number != certificate.number


def test_the_pdf_carries_a_qr_of_the_verification_url(client_for, issued, operator_palu):
    certificate = issued[0]
    html = certificate_html(certificate)
    assert "data:image/svg+xml;base64," in html
    assert verification_url(certificate) in html
    needs_weasyprint()
    response = client_for(operator_palu).get(
        reverse("training:certificate_pdf", args=[certificate.number])
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    # Rendering leaves Pillow as strict as the photo pipeline needs it.
    from PIL import ImageFile

    assert ImageFile.LOAD_TRUNCATED_IMAGES is False


@pytest.mark.parametrize("persona", ["editor_kalsel", "operator_pelaihari", "staff_member"])
def test_others_cannot_download_it(request, client_for, issued, persona):
    client = client_for(request.getfixturevalue(persona))
    url = reverse("training:certificate_pdf", args=[issued[0].number])
    assert client.get(url).status_code == 404
    revoke = reverse("training:certificate_revoke", args=[issued[0].number])
    assert client.post(revoke, {"reason": "x"}).status_code == 404
    assert Certificate.objects.get().revoked_at is None


def test_a_zip_of_the_session_is_built_in_the_background(
    client_for, issued, sulteng_session, editor_sulteng, django_capture_on_commit_callbacks
):
    needs_weasyprint()
    client = client_for(editor_sulteng)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("training:bundle_request", args=[sulteng_session.pk]))
    bundle = sulteng_session.certificate_bundles.get()
    assert (bundle.status, bundle.certificate_count) == (BundleStatus.READY, 1)
    assert services.build_bundle(bundle_id=bundle.pk) == BundleStatus.READY
    response = client.get(reverse("training:bundle_download", args=[sulteng_session.pk, bundle.pk]))
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    assert archive.namelist() == [f"{issued[0].number}.pdf"]
    assert archive.read(archive.namelist()[0]).startswith(b"%PDF")


@pytest.mark.parametrize(
    ("reason", "expected"),
    [
        ("x" * 10_000, "at most 300 characters"),
        ("Data keliru\x00", "Null characters are not allowed"),
        ("", "Say why the certificate is revoked."),
    ],
)
def test_a_bad_revocation_reason_is_refused_for_what_it_is(
    client_for, issued, editor_sulteng, reason, expected
):
    revoke = reverse("training:certificate_revoke", args=[issued[0].number])
    response = client_for(editor_sulteng).post(
        revoke, {"reason": reason}, follow=True, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert expected in [str(message) for message in response.context["messages"]][0]
    assert Certificate.objects.get().revoked_at is None
