"""Key pages in a real browser: no serious axe-core violation, no Nu HTML checker error."""

import json

import pytest
from django.urls import reverse

from news.models import Notification, NotificationKind, State
from tests.browser.conftest import ARTIFACTS, BROWSER_TEST, PHONE, run_axe, validate_html
from tests.factories.public import published_story, story_in_state
from tests.training.conftest import plan_session
from training import services as training_services
from training.models import SessionKind

pytestmark = BROWSER_TEST


@pytest.fixture
def newsroom(operator_palu, editor_sulteng, palu_unit, sulteng):
    """A published story, one waiting for review (with a note in the operator's inbox) and a
    training session of Kanwil Sulteng."""
    public = published_story(
        unit=palu_unit,
        by=operator_palu,
        title="Lapas Perempuan Palu Ikuti Penguatan Kehumasan",
        tag_names=["kehumasan"],
        photos=2,
        credit="Humas Lapas Perempuan Palu",
    )
    submitted = story_in_state(
        State.SUBMITTED, unit=palu_unit, by=operator_palu, title="Pembinaan Kemandirian Warga"
    )
    Notification.objects.create(
        recipient=operator_palu,
        kind=NotificationKind.CHANGES_REQUESTED,
        story=submitted,
        actor=editor_sulteng,
        note="Sebutkan nama narasumber dengan lengkap.",
    )
    session = plan_session(
        by=editor_sulteng, organiser=sulteng, title="Bimtek Humas Sulteng", kind=SessionKind.BIMTEK
    )
    training_services.invite_organisations(
        session=session, by=editor_sulteng, organisations=[sulteng, palu_unit]
    )
    return {"public": public, "submitted": submitted, "session": session}


def key_pages(newsroom, palu_unit) -> list[tuple[str, str, str]]:
    """(name, persona, path) of every key page."""
    session = newsroom["session"].pk
    return [
        ("public-home", "anonymous", reverse("home")),
        ("public-kanwil", "anonymous", reverse("public:kanwil", args=[palu_unit.kanwil.slug])),
        ("public-unit", "anonymous", reverse("public:unit", args=[palu_unit.slug])),
        ("public-story", "anonymous", reverse("public:story", args=[newsroom["public"].slug])),
        ("public-search", "anonymous", reverse("public:search") + "?q=kehumasan"),
        ("sign-in", "anonymous", reverse("account_login")),
        ("operator-dashboard", "operator", reverse("accounts:dashboard")),
        ("operator-desk", "operator", reverse("news:unit_desk")),
        ("story-editor-new", "operator", reverse("news:story_create")),
        ("inbox", "operator", reverse("news:inbox")),
        ("review-queue", "editor", reverse("news:review_queue")),
        ("review-page", "editor", reverse("news:story_detail", args=[newsroom["submitted"].pk])),
        ("review-page-phone", "editor-phone", newsroom["submitted"].get_absolute_url()),
        ("training-list", "editor", reverse("training:session_list")),
        ("training-session", "editor", reverse("training:session_detail", args=[session])),
        ("training-attendees", "editor", reverse("training:attendee_list", args=[session])),
    ]


def test_key_pages_have_no_serious_axe_violation_and_valid_html(
    browse, newsroom, palu_unit, operator_palu, editor_sulteng
):
    pages = {
        "anonymous": browse.page(),
        "operator": browse.page(operator_palu),
        "editor": browse.page(editor_sulteng),
        "editor-phone": browse.page(editor_sulteng, viewport=PHONE),
    }
    html_folder = ARTIFACTS / "html"
    html_folder.mkdir(parents=True, exist_ok=True)
    violations, saved = {}, []
    for name, persona, path in key_pages(newsroom, palu_unit):
        page = pages[persona]
        response = page.goto(browse.url(path))
        assert response.status == 200, (name, response.status)
        browse.shot(page, name)
        found = run_axe(page)
        if found:
            violations[name] = found
        saved_file = html_folder / f"{name}.html"
        saved_file.write_text(response.text(), encoding="utf-8")
        saved.append(saved_file)
    assert pages["anonymous"].request.get(browse.url("/favicon.ico")).ok
    errors = validate_html(saved)
    (ARTIFACTS / "axe-violations.json").write_text(json.dumps(violations, indent=2))
    (ARTIFACTS / "vnu-errors.txt").write_text("\n".join(errors))
    assert not violations, json.dumps(violations, indent=2)
    assert not errors, "\n".join(errors)
