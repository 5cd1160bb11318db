"""A story's way through the newsroom in a real browser, in Indonesian, as people click it.

The operator writes a story with a photo and submits it; the Sulteng editor signs in for the
first time, sets up two-factor sign-in with an authenticator app, asks for a change on a phone,
then approves and publishes; the public page, the feed and the sitemap show the story.
"""

import io
import re
from datetime import timedelta
from urllib.parse import urlsplit

import pyotp
from allauth.mfa.models import Authenticator
from django.urls import reverse
from django.utils import timezone
from PIL import Image, ImageDraw

from news.models import State, Story
from tests.browser.conftest import BROWSER_TEST, PHONE, run_axe
from tests.factories import TEST_PASSWORD
from tests.factories.public import story_in_state

pytestmark = BROWSER_TEST

TITLE = "Lapas Perempuan Palu Ikuti Penguatan Kehumasan Secara Daring"
LEAD = "Jajaran Lapas Perempuan Palu mengikuti penguatan kehumasan melalui Zoom, Kamis (6/2)."


def scene_jpeg(size: tuple[int, int] = (1600, 1067)) -> bytes:
    """A calm landscape-like photo (sky, sun, ground), so screenshots look like a real story."""
    width, height = size
    sky = Image.linear_gradient("L").resize((width, height))
    picture = Image.merge(
        "RGB",
        (
            sky.point(lambda v: 60 + v * 120 // 255),
            sky.point(lambda v: 110 + v * 100 // 255),
            sky.point(lambda v: 170 + v * 60 // 255),
        ),
    )
    draw = ImageDraw.Draw(picture)
    draw.ellipse((width * 0.68, height * 0.12, width * 0.8, height * 0.3), fill=(255, 214, 90))
    draw.rectangle((0, height * 0.68, width, height), fill=(74, 122, 72))
    draw.rectangle((width * 0.15, height * 0.45, width * 0.45, height * 0.72), fill=(232, 226, 210))
    draw.rectangle((width * 0.27, height * 0.58, width * 0.33, height * 0.72), fill=(8, 47, 85))
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


def sign_in(browse, page, email: str) -> None:
    """Sign in through the sign-in page with the test password."""
    page.goto(browse.url(reverse("account_login")))
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", TEST_PASSWORD)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state()


def transition_button(page, story: Story, action: str, *, within: str = ""):
    """The button that sends ``action`` for the story (in ``within`` when given)."""
    path = reverse("news:story_transition", args=[story.pk, action])
    return page.locator(f'{within} form[action="{path}"] button[type=submit]'.strip())


def tick_ethics(page) -> None:
    """Tick every point of the ethics checklist, which submission requires."""
    boxes = page.locator('aside input[name="ethics"]')
    for index in range(boxes.count()):
        boxes.nth(index).check()


def write_and_submit(browse, operator) -> Story:
    """The operator's part: desk, new story, photo, submit. Returns the submitted story."""
    page = browse.page()
    sign_in(browse, page, operator.email)
    assert page.url.endswith(reverse("accounts:dashboard"))
    browse.shot(page, "operator desk")
    page.click("a.portal-write-story")
    page.fill("#id_title", TITLE)
    page.fill("#id_lead", LEAD)
    page.click(".prose-editor [contenteditable]")
    page.keyboard.type("Kegiatan berlangsung melalui Zoom Meeting bersama seluruh UPT.")
    page.fill("#id_event_date", "2025-02-06")
    page.fill("#id_event_time", "10:00")
    page.fill("#id_dateline", "Sigi")
    page.select_option("#id_category", label="Kehumasan")
    page.fill("#id_tags", "kehumasan, media sosial")
    browse.shot(page, "story editor filled in")
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state()
    story = Story.objects.get(title=TITLE)
    assert page.url.endswith(story.get_absolute_url())
    page.set_input_files(
        "#photo-upload-file",
        files=[{"name": "zoom.jpg", "mimeType": "image/jpeg", "buffer": scene_jpeg()}],
    )
    page.fill("#photo-upload-caption", "Petugas menyimak materi penguatan kehumasan melalui Zoom.")
    page.fill("#photo-upload-credit", "Humas Lapas Perempuan Palu")
    page.locator('form[action$="/photos/upload/"] button[type=submit]').click()
    page.wait_for_load_state()
    assert story.photos.count() == 1
    browse.shot(page, "story with photo")
    tick_ethics(page)
    transition_button(page, story, "submit", within="aside").click()
    page.wait_for_load_state()
    story.refresh_from_db()
    assert story.state == State.SUBMITTED
    browse.shot(page, "story submitted")
    return story


def enrol_in_two_factor(browse, page, editor) -> None:
    """First sign-in of an editor: the portal sends them to set up an authenticator app."""
    sign_in(browse, page, editor.email)
    if "/reauthenticate/" in page.url:
        # allauth may ask for the password once more before adding an authenticator.
        page.fill("input[name=password]", TEST_PASSWORD)
        page.locator("main form button[type=submit]").first.click()
        page.wait_for_load_state()
    assert reverse("mfa_activate_totp") in page.url
    browse.shot(page, "two-factor setup")
    secret = page.input_value("#authenticator_secret")
    page.fill("input[name=code]", pyotp.TOTP(secret).now())
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state()
    assert Authenticator.objects.filter(user=editor, type=Authenticator.Type.TOTP).exists()
    browse.shot(page, "two-factor active")


def test_operator_writes_and_editor_reviews_on_a_phone_then_publishes(
    browse, operator_palu, editor_sulteng
):
    story = write_and_submit(browse, operator_palu)

    # The editor, on a phone, signs in for the first time and sets up two-factor sign-in.
    page = browse.page(viewport=PHONE)
    enrol_in_two_factor(browse, page, editor_sulteng)
    page.goto(browse.url(story.get_absolute_url()))
    bar = page.locator(".portal-decision-bar")
    assert bar.is_visible()
    assert bar.bounding_box()["y"] + bar.bounding_box()["height"] <= PHONE["height"]
    browse.shot(page, "review on a phone", full_page=False)
    assert not run_axe(page)

    # Asking for changes: the bar jumps to the reason, which is required.
    bar.locator('a[href="#action-request_changes"]').click()
    wait_until_in_view(page, "#action-request_changes")
    reason = page.locator("#action-request_changes textarea[name=note]")
    assert reason.is_visible()
    reason.fill("Sebutkan nama narasumber dengan lengkap.")
    browse.shot(page, "reason for changes", full_page=False)
    page.locator("#action-request_changes button[type=submit]").click()
    page.wait_for_load_state()
    story.refresh_from_db()
    assert story.state == State.CHANGES_REQUESTED

    # The operator resubmits (their own page), then the editor approves and publishes from the bar.
    operator = browse.page(operator_palu)
    operator.goto(browse.url(story.get_absolute_url()))
    tick_ethics(operator)
    transition_button(operator, story, "submit", within="aside").click()
    operator.wait_for_load_state()
    story.refresh_from_db()
    assert story.state == State.SUBMITTED
    page.goto(browse.url(story.get_absolute_url()))
    transition_button(page, story, "approve", within=".portal-decision-bar").click()
    page.wait_for_load_state()
    story.refresh_from_db()
    assert story.state == State.APPROVED
    browse.shot(page, "approved", full_page=False)
    transition_button(page, story, "publish", within=".portal-decision-bar").click()
    page.wait_for_load_state()
    story.refresh_from_db()
    assert story.state == State.PUBLISHED

    # The public page, the feed and the sitemap show it to anyone.
    visitor = browse.page()
    visitor.goto(browse.url(reverse("public:story", args=[story.slug])))
    assert visitor.locator("h1").inner_text().strip() == TITLE
    assert visitor.locator("figure img").first.evaluate("img => img.naturalWidth") > 0
    browse.shot(visitor, "public story")
    feed = visitor.request.get(browse.url(reverse("public:rss")))
    assert feed.ok and TITLE in feed.text()
    index = visitor.request.get(browse.url(reverse("public:sitemap")))
    assert index.ok
    sections = re.findall(r"<loc>([^<]+)</loc>", index.text())
    # The sitemap names SITE_URL's host; read its sections from the live server.
    assert any(
        reverse("public:story", args=[story.slug])
        in visitor.request.get(browse.url(urlsplit(section).path)).text()
        for section in sections
    )
    visitor.goto(browse.url(reverse("home")))
    assert TITLE in visitor.locator("main").inner_text()
    browse.shot(visitor, "public home")


def wait_until_in_view(page, selector: str) -> None:
    """Wait for the (smooth) jump to an anchor to end with the element in the window."""
    page.wait_for_function(
        """(selector) => {
            const box = document.querySelector(selector).getBoundingClientRect();
            return box.top >= 0 && box.bottom <= window.innerHeight;
        }""",
        arg=selector,
    )


def _decide_on_phone(browse, page, story: Story, action: str, **fields) -> Story:
    """Send ``action`` from the phone's decision bar, filling the form it leads to if any."""
    page.goto(browse.url(story.get_absolute_url()))
    bar = page.locator(".portal-decision-bar")
    link = bar.locator(f'a[href="#action-{action}"]')
    if link.count():
        link.click()
        wait_until_in_view(page, f"#action-{action}")
        form = page.locator(f"#action-{action}")
        for name, value in fields.items():
            form.locator(f"[name={name}]").fill(value)
        browse.shot(page, f"{action} form", full_page=False)
        form.locator("button[type=submit]").click()
    else:
        transition_button(page, story, action, within=".portal-decision-bar").click()
    page.wait_for_load_state()
    story.refresh_from_db()
    return story


def test_every_decision_form_works_from_the_phone_bar(
    browse, operator_palu, editor_sulteng, palu_unit
):
    def story(state, title):
        return story_in_state(state, unit=palu_unit, by=operator_palu, title=title)

    editor = browse.page(editor_sulteng, viewport=PHONE)
    rejected = _decide_on_phone(
        browse,
        editor,
        story(State.SUBMITTED, "Ditolak"),
        "reject",
        note="Kegiatan ini sudah diberitakan kemarin.",
    )
    assert rejected.state == State.REJECTED

    tomorrow = (timezone.now() + timedelta(days=2)).date().isoformat()
    scheduled = _decide_on_phone(
        browse,
        editor,
        story(State.APPROVED, "Dijadwalkan"),
        "schedule",
        publish_date=tomorrow,
        publish_time="08:00",
    )
    assert scheduled.state == State.SCHEDULED
    assert _decide_on_phone(browse, editor, scheduled, "unschedule").state == State.APPROVED

    withdrawn = _decide_on_phone(
        browse,
        editor,
        story(State.PUBLISHED, "Ditarik"),
        "withdraw",
        note="Nama narasumber keliru; berita ditarik untuk diperbaiki.",
    )
    assert withdrawn.state == State.WITHDRAWN

    operator = browse.page(operator_palu, viewport=PHONE)
    pulled = _decide_on_phone(
        browse, operator, story(State.SUBMITTED, "Ditarik kembali"), "pull_back"
    )
    assert pulled.state == State.DRAFT
