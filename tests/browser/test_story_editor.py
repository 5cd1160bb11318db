"""The story editor in a real browser: toolbar and link dialog in Indonesian, a named text area."""

from django.urls import reverse

from tests.browser.conftest import BROWSER_TEST, run_axe

pytestmark = BROWSER_TEST

ENGLISH = {"paragraph", "bold", "italic", "unordered list", "ordered list", "blockquote", "undo"}
ENGLISH |= {"redo", "insert link", "remove link", "Edit Link", "URL", "Title", "Update", "Cancel"}


def test_toolbar_and_link_dialog_speak_indonesian(browse, operator_palu):
    page = browse.page(operator_palu)
    page.goto(browse.url(reverse("news:story_create")))
    area = page.locator(".prose-editor [contenteditable]")
    area.wait_for()
    page.wait_for_function("document.querySelector('.prose-menubar button[title=\"Tebal\"]')")

    titles = page.eval_on_selector_all(
        ".prose-menubar button[title]", "buttons => buttons.map(b => b.title)"
    )
    assert titles and not set(titles) & ENGLISH, titles
    assert {"Tebal", "Miring", "Urungkan", "Ulangi", "Tautan"} <= set(titles)
    # The editable area is named after its label (axe: aria-input-field-name).
    assert area.get_attribute("aria-labelledby")
    assert not run_axe(page)

    area.click()
    page.keyboard.type("Humas Ditjenpas")
    page.keyboard.press("Control+A")
    page.locator('.prose-menubar button[title="Tautan"]').click()
    dialog = page.locator("dialog[open]")
    dialog.wait_for()
    browse.shot(page, "link dialog", full_page=False)
    words = dialog.inner_text()
    assert "Sunting tautan" in words and "Batal" in words, words
    assert not {"Edit Link", "Cancel", "Update"} & set(words.split("\n"))
