"""Everyday paths in a real browser: editing keeps the event date in Indonesian; the share kit on a
phone."""

from zoneinfo import ZoneInfo

from django.urls import reverse

from news import services
from news.models import Story
from tests.browser.conftest import BROWSER_TEST, PHONE, page_width_overflow, run_axe
from tests.factories.news import attach_photo, write_story
from tests.news.sharing.conftest import shared_story  # noqa: F401 (fixture)

pytestmark = BROWSER_TEST


def test_editing_in_indonesian_keeps_the_event_date_and_time(browse, operator_palu, palu_unit):
    story = write_story(unit=palu_unit, by=operator_palu)
    attach_photo(story)
    page = browse.page(operator_palu)
    page.goto(browse.url(reverse("news:story_edit", args=[story.pk])))

    # The browser shows what the inputs carry: ISO values, not "06-02-2025" or "09.00.00".
    local = story.event_start.astimezone(ZoneInfo(palu_unit.effective_time_zone))
    assert page.input_value("#id_event_date") == local.date().isoformat()
    assert page.input_value("#id_event_time") == local.strftime("%H:%M")
    page.fill("#id_title", "Penguatan kehumasan, judul diperbaiki")
    browse.shot(page, "edit keeps the date")
    page.locator("form.story-form button[type=submit]").first.click()
    page.wait_for_load_state()

    saved = Story.objects.get(pk=story.pk)
    assert saved.title == "Penguatan kehumasan, judul diperbaiki"
    assert saved.event_start == story.event_start
    assert "tidak boleh kosong" not in page.content()


def test_share_kit_fits_a_phone(browse, operator_palu, shared_story):  # noqa: F811
    story = shared_story
    page = browse.page(operator_palu, viewport=PHONE)
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(browse.url(reverse("news:share_page", args=[story.pk])))
    page.wait_for_load_state("load")

    assert page_width_overflow(page) <= 0
    assert page.locator("[data-copy-caption]").first.is_visible()
    assert "Bagikan" in page.content()
    browse.shot(page, "share kit on a phone")
    assert not run_axe(page)
    assert not errors, errors


def test_a_stale_edit_is_recovered_without_losing_text(browse, operator_palu, palu_unit):
    story = write_story(unit=palu_unit, by=operator_palu)
    page = browse.page(operator_palu)
    page.goto(browse.url(reverse("news:story_edit", args=[story.pk])))
    page.fill("#id_title", "Judul yang saya ketik")

    # Meanwhile someone else saves a newer version.
    story.refresh_from_db()
    services.update_story(
        story=story,
        by=operator_palu,
        expected_version=story.version,
        title="Judul dari rekan",
        lead=story.lead,
        body=story.body,
        event_start=story.event_start,
        dateline=story.dateline,
        category=story.category,
    )
    page.locator("form.story-form button[type=submit]").first.click()
    page.wait_for_load_state()

    # Refused, with what changed shown and the typed text kept.
    assert page.locator(".edit-conflict").is_visible()
    assert page.input_value("#id_title") == "Judul yang saya ketik"
    browse.shot(page, "stale edit shows the changes")
    page.check("#id_save_over")
    page.locator("form.story-form button[type=submit]").first.click()
    page.wait_for_load_state()

    assert Story.objects.get(pk=story.pk).title == "Judul yang saya ketik"
