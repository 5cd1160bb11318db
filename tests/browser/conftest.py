"""Real-browser fixtures: Debian's Chromium, driven by Playwright, against a live server.

The tests here are marked ``browser`` and run with ``make test-browser`` only. Screenshots and
the HTML the checkers read are written under ``var/browser-artifacts/`` (or $BROWSER_ARTIFACTS).
"""

import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.test import Client

from accounts import policies
from accounts.models import User
from tests.factories import activate_totp

# Playwright's sync API keeps an event loop in the test's thread; the ORM calls the tests make
# between browser steps are still synchronous, so Django's async guard does not apply.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
NODE_MODULES = Path(settings.BASE_DIR) / "node_modules"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
ARTIFACTS = Path(
    os.environ.get("BROWSER_ARTIFACTS", Path(settings.BASE_DIR) / "var" / "browser-artifacts")
)
# Every browser test: run by `make test-browser` only, on a live server (so transactional), with
# the reference data of the migrations restored after each test.
BROWSER_TEST = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
LAPTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}


_started = False


def pytest_terminal_summary(terminalreporter):
    """Say where the screenshots are, after a run that made some."""
    if _started and ARTIFACTS.is_dir() and any(ARTIFACTS.iterdir()):
        terminalreporter.write_line(f"Browser screenshots and pages: {ARTIFACTS}")


@pytest.fixture(autouse=True)
def _browser_media_root(settings, tmp_path):
    """Uploaded photos of a browser test go to a folder of that test only."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(scope="session")
def chromium():
    """One headless Chromium for the whole run."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: apt-get install chromium", pytrace=False)
    # Each browser run starts with an empty artefact folder.
    global _started
    _started = True
    shutil.rmtree(ARTIFACTS, ignore_errors=True)
    ARTIFACTS.mkdir(parents=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def session_cookie(user: User, live_url: str) -> dict:
    """A signed-in session for ``user`` as a browser cookie (two-factor set up where required)."""
    fresh = User.objects.get(pk=user.pk)
    has_totp = Authenticator.objects.filter(user=fresh, type=Authenticator.Type.TOTP).exists()
    if policies.must_use_two_factor(fresh) and not has_totp:
        activate_totp(fresh)
    client = Client()
    client.force_login(fresh)
    return {
        "name": settings.SESSION_COOKIE_NAME,
        "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
        "url": live_url,
    }


@dataclass
class Browse:
    """Opens pages as a persona and keeps numbered screenshots of one test."""

    chromium: object
    live_url: str
    folder: Path
    contexts: list = field(default_factory=list)
    shots: int = 0

    def page(self, user: User | None = None, *, viewport: dict = LAPTOP, language: str = "id"):
        """A new page in its own context, signed in as ``user`` when given, in ``language``."""
        context = self.chromium.new_context(
            viewport=viewport,
            locale="id-ID" if language == "id" else "en-GB",
            extra_http_headers={"Accept-Language": language},
        )
        context.set_default_timeout(15_000)
        if user is not None:
            context.add_cookies([session_cookie(user, self.live_url)])
        self.contexts.append(context)
        return context.new_page()

    def url(self, path: str) -> str:
        """The live server's address of ``path``."""
        return self.live_url + path

    def shot(self, page, name: str, *, full_page: bool = True) -> Path:
        """Save a numbered screenshot of the page as it is now."""
        self.shots += 1
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / f"{self.shots:02d}-{slug(name)}.png"
        page.screenshot(path=str(path), full_page=full_page)
        return path

    def close(self) -> None:
        """Close every context this test opened."""
        for context in self.contexts:
            context.close()


def slug(text: str) -> str:
    """A file-name-safe form of ``text``."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:80]


@pytest.fixture
def browse(chromium, live_server, request):
    """Pages of the live server for this test, with its own screenshot folder."""
    helper = Browse(chromium, live_server.url, ARTIFACTS / slug(request.node.name))
    yield helper
    helper.close()


# --- Checkers ---------------------------------------------------------------------------------


def run_axe(page) -> list[dict]:
    """Serious and critical axe-core violations on the page as it is now."""
    page.evaluate(AXE_JS.read_text(encoding="utf-8"))
    result = page.evaluate(
        "() => axe.run(document, {resultTypes: ['violations']})"
        ".then(r => r.violations.filter(v => ['serious', 'critical'].includes(v.impact))"
        ".map(v => ({id: v.id, impact: v.impact, help: v.help,"
        " nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' :: ' + n.failureSummary)})))"
    )
    return result


def validate_html(files: list[Path]) -> list[str]:
    """Errors of the Nu HTML checker on the saved pages, as 'file:line: message' strings."""
    java = shutil.which("java") or "java"
    completed = subprocess.run(  # noqa: S603 - fixed command on files this test wrote
        [java, "-jar", str(VNU_JAR), "--format", "json", "--exit-zero-always", *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
    )
    report = json.loads(completed.stderr or completed.stdout)
    return [
        f"{Path(message['url']).name}:{message.get('lastLine', '?')}: {message['message']}"
        for message in report["messages"]
        if message["type"] == "error" or message.get("subType") == "fatal"
    ]


def page_width_overflow(page) -> int:
    """How many pixels the document is wider than the window (0 when it fits)."""
    return page.evaluate(
        "() => Math.max(0, document.documentElement.scrollWidth - window.innerWidth)"
    )
