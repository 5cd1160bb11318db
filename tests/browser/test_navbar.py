"""The navbar fits the window for every persona, on a laptop, a small laptop and a phone."""

import pytest
from django.urls import reverse

from news.models import Notification, NotificationKind
from tests.browser.conftest import BROWSER_TEST, page_width_overflow, run_axe

pytestmark = BROWSER_TEST

WIDTHS = (1366, 1280, 1024, 390)


def _inside_window(page, selector: str) -> bool:
    """Whether the element is shown and lies wholly inside the window."""
    return page.evaluate(
        """(selector) => {
            const element = document.querySelector(selector);
            if (!element) return false;
            const box = element.getBoundingClientRect();
            return box.width > 0 && box.height > 0 && box.left >= 0
                && box.right <= window.innerWidth;
        }""",
        selector,
    )


def _open_menu_if_collapsed(page) -> None:
    """On narrow windows the menu sits behind the toggler: open it as a person would."""
    toggler = page.locator(".portal-navbar .navbar-toggler")
    if toggler.is_visible():
        toggler.click()
        page.locator("#portal-navbar-menu.show").wait_for()


@pytest.mark.parametrize("persona", ["anonymous", "operator", "editor", "admin"])
def test_navbar_fits_and_keeps_account_and_language_within_reach(
    browse, persona, operator_palu, editor_sulteng, central_admin
):
    user = {
        "anonymous": None,
        "operator": operator_palu,
        "editor": editor_sulteng,
        "admin": central_admin,
    }[persona]
    path = reverse("account_login") if user is None else reverse("accounts:dashboard")
    if user is not None:
        # The widest bar: a two-digit unread badge next to the bell.
        Notification.objects.bulk_create(
            Notification(recipient=user, kind=NotificationKind.APPROVED) for _ in range(12)
        )
    for width in WIDTHS:
        # The public site has its own header; it must fit as well, signed in or not.
        public = browse.page(user, viewport={"width": width, "height": 900})
        public.goto(browse.url(reverse("home")))
        assert page_width_overflow(public) == 0, f"public home for {persona} at {width} px"
        page = browse.page(user, viewport={"width": width, "height": 900 if width > 500 else 844})
        page.goto(browse.url(path))
        assert page.locator("html").get_attribute("lang") == "id"
        assert page_width_overflow(page) == 0, f"{persona} at {width} px"
        _open_menu_if_collapsed(page)
        browse.shot(page, f"{persona}-{width}", full_page=False)
        assert page_width_overflow(page) == 0, f"{persona} at {width} px, menu open"
        if width >= 1200:
            # Expanded: the bar's content stays inside the page's container too.
            outside = page.evaluate(
                """() => {
                    const bar = document.querySelector('.portal-navbar .container');
                    const limit = bar.getBoundingClientRect().right;
                    return [...bar.querySelectorAll('.navbar-brand, .nav-link, form, .dropdown')]
                        .filter(element => element.getBoundingClientRect().right > limit + 1)
                        .map(element => element.outerHTML.slice(0, 80));
                }"""
            )
            assert not outside, f"{persona} at {width} px: past the container: {outside}"
        assert _inside_window(page, "#portal-language-select"), f"language at {width} px"
        account = "#portal-user-menu" if user else ".portal-signin-button"
        assert _inside_window(page, account), f"{persona} account at {width} px"
        if user is not None:
            page.click("#portal-user-menu")
            sign_out = page.locator("#portal-user-menu + .dropdown-menu button[type=submit]")
            sign_out.wait_for()
            assert sign_out.is_visible()
            box = sign_out.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= width
        violations = run_axe(page)
        assert not violations, (persona, width, violations)
