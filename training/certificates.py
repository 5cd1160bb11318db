"""Rendering a certificate: HTML with a QR code of its verification URL, printed to PDF."""

import base64
import io

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.urls import reverse

from .models import Certificate

STYLESHEET = "training/css/certificate.css"


def verification_url(certificate: Certificate) -> str:
    """The public address where anyone can check the certificate."""
    path = reverse("certificate_verify", kwargs={"number": certificate.number})
    return settings.SITE_URL.rstrip("/") + path


def qr_data_uri(text: str) -> str:
    """An SVG QR code of ``text`` as a data URI."""
    import qrcode
    import qrcode.image.svg

    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=10, border=2)
    buffer = io.BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def certificate_html(certificate: Certificate) -> str:
    """The certificate as an HTML page for the PDF printer."""
    url = verification_url(certificate)
    return render_to_string(
        "training/certificate_pdf.html",
        {"certificate": certificate, "verify_url": url, "qr": qr_data_uri(url)},
    )


def _weasyprint():
    """WeasyPrint, imported on first use without its global Pillow side effect.

    Importing it sets ``PIL.ImageFile.LOAD_TRUNCATED_IMAGES = True`` for the whole process,
    which would make the photo pipeline accept truncated uploads; the previous value is put
    back (certificates embed no raster images, so WeasyPrint does not need it).
    """
    from PIL import ImageFile

    previous = ImageFile.LOAD_TRUNCATED_IMAGES
    try:
        import weasyprint
        import weasyprint.images  # noqa: F401 - the module that flips the flag, loaded now
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = previous
    return weasyprint


def render_certificate_pdf(certificate: Certificate) -> bytes:
    """The certificate as PDF bytes (WeasyPrint is imported only here)."""
    weasyprint = _weasyprint()
    CSS, HTML = weasyprint.CSS, weasyprint.HTML  # noqa: N806 - the library's class names
    stylesheet = finders.find(STYLESHEET)
    styles = [CSS(filename=stylesheet)] if stylesheet else []
    return HTML(string=certificate_html(certificate)).write_pdf(stylesheets=styles)
