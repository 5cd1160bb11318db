"""A Zoom attendance report imported in a real browser: preview first, then confirmed."""

from django.urls import reverse

from tests.browser.conftest import ARTIFACTS, BROWSER_TEST, run_axe, validate_html
from tests.training.conftest import connection, plan_session
from tests.training.reports import zoom_csv
from training import services
from training.models import Attendance, ImportFile

pytestmark = BROWSER_TEST


def test_editor_previews_and_confirms_a_zoom_report(
    browse, editor_sulteng, operator_palu, sulteng, palu_unit
):
    session = plan_session(by=editor_sulteng, organiser=sulteng, title="Bimtek Humas Sulteng")
    services.invite_organisations(session=session, by=editor_sulteng, organisations=[palu_unit])
    report = zoom_csv(
        [
            connection(operator_palu.full_name, operator_palu.email, (8, 55), (11, 30)),
            connection("Tamu Misterius", "", (9, 0), (9, 20)),
        ]
    )
    page = browse.page(editor_sulteng)
    page.goto(browse.url(reverse("training:session_manage", args=[session.pk])))
    page.click(f'a[href="{reverse("training:import_upload", args=[session.pk])}"]')
    page.set_input_files(
        "input[name=file]",
        files=[{"name": "participants.csv", "mimeType": "text/csv", "buffer": report}],
    )
    browse.shot(page, "import form")
    page.locator("main form[enctype] button[type=submit]").click()
    page.wait_for_load_state()

    # The preview shows the rows and saves nothing yet.
    assert "Tamu Misterius" in page.locator("main").inner_text()
    assert not ImportFile.objects.exists()
    browse.shot(page, "import preview")
    assert not run_axe(page)
    saved = [ARTIFACTS / "html" / "training-import-preview.html"]
    saved[0].parent.mkdir(parents=True, exist_ok=True)
    saved[0].write_text(page.content(), encoding="utf-8")

    page.locator("main form:has(input[name=token]) button[type=submit]").click()
    page.wait_for_load_state()
    assert ImportFile.objects.filter(session=session).count() == 1
    browse.shot(page, "import confirmed")
    assert Attendance.objects.filter(session=session, user=operator_palu).exists()

    # The attendees page lists the person with a readable status badge.
    response = page.goto(browse.url(reverse("training:attendee_list", args=[session.pk])))
    assert page.locator(".training-status").count() >= 1
    browse.shot(page, "attendees after import")
    assert not run_axe(page)
    saved.append(ARTIFACTS / "html" / "training-attendees-imported.html")
    saved[1].write_text(response.text(), encoding="utf-8")
    assert not validate_html(saved)
