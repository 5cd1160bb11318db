"""Monthly recaps: built in the background, XLSX formula-safe, PDF with a chart, scoped."""

import io
from datetime import date

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from accounts.models import Unit
from odon import reporting
from odon.models import Recap, RecapState

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_a_kanwil_recap_is_built_and_downloads(
    client_for,
    editor_sulteng,
    editor_kalsel,
    sulteng,
    palu_unit,
    make_submission,
    django_capture_on_commit_callbacks,
):
    Unit.objects.filter(pk=palu_unit.pk).update(name='=HYPERLINK("http://x")')
    make_submission(palu_unit, day=date(2025, 4, 8))
    client = client_for(editor_sulteng)
    url = reverse("odon:recap_list", args=[sulteng.slug])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"month": "2025-04"})
    assert response.status_code == 302
    recap = Recap.objects.get(kanwil=sulteng, month=date(2025, 4, 1))
    assert recap.state == RecapState.READY
    assert recap.progress == 100
    xlsx = client.get(reverse("odon:recap_download", args=[recap.pk, "xlsx"]))
    sheet = load_workbook(io.BytesIO(b"".join(xlsx.streaming_content))).active
    names = [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert '\'=HYPERLINK("http://x")' in names  # shown as text, never run as a formula
    pdf = client.get(reverse("odon:recap_download", args=[recap.pk, "pdf"]))
    assert b"".join(pdf.streaming_content).startswith(b"%PDF")
    other = client_for(editor_kalsel)
    assert other.get(reverse("odon:recap_download", args=[recap.pk, "pdf"])).status_code == 404
    assert other.get(url).status_code == 404


def test_a_month_outside_the_data_is_refused(client_for, editor_sulteng, sulteng):
    url = reverse("odon:recap_list", args=[sulteng.slug])
    response = client_for(editor_sulteng).post(url, {"month": "2019-01"})
    assert response.status_code == 200
    assert not Recap.objects.exists()


def test_the_first_of_the_month_prepares_every_recap_once(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        assert reporting.prepare_monthly_recaps(today=date(2025, 5, 1)) == 34
        assert reporting.prepare_monthly_recaps(today=date(2025, 5, 1)) == 0
    assert Recap.objects.filter(month=date(2025, 4, 1), kanwil__isnull=True).exists()


def test_the_national_recap_reports_progress(central_admin, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        recap = reporting.request_recap(kanwil=None, month=date(2025, 4, 1), by=central_admin)
    recap.refresh_from_db()
    assert recap.state == RecapState.READY
    assert recap.xlsx.name.endswith(".xlsx")
