"""The checks in the workflow: submit, overrides, the ethics checklist, the pages and links."""

import pytest
from django.urls import reverse

from accounts.models import Directorate
from news import services
from news.models import EthicsItem, State, Story, SubmissionCheck
from news.services import TransitionRefused
from tests.factories.news import attach_photo, ethics_ticks, write_story
from tests.training.conftest import plan_session
from training.models import Coverage

pytestmark = pytest.mark.django_db

NIK_BODY = "<p>Peserta dari masyarakat tercatat dengan NIK 7271014508900003.</p>"
ALL = object()


def ticks() -> list[int]:
    return list(EthicsItem.objects.filter(is_active=True).values_list("pk", flat=True))


@pytest.fixture
def nik_story(operator_palu, palu_unit):
    story = write_story(unit=palu_unit, by=operator_palu, body=NIK_BODY)
    attach_photo(story)
    return story


def test_the_five_ethics_points_are_seeded():
    assert EthicsItem.objects.filter(is_active=True).count() == 5


def test_a_block_stops_submission_until_a_reason_is_given(nik_story, operator_palu):
    with pytest.raises(TransitionRefused, match="7271014508900003"):
        services.submit_story(story=nik_story, by=operator_palu, ethics_ticked=ticks())
    assert Story.objects.get(pk=nik_story.pk).state == State.DRAFT
    findings = services.checks.findings_for(story=nik_story, user=operator_palu)
    (block,) = [f for f in findings if f.severity == "block"]
    services.submit_story(
        story=nik_story,
        by=operator_palu,
        overrides={block.key: "Nomor contoh dari panitia, bukan data warga."},
        ethics_ticked=ticks(),
    )
    record = SubmissionCheck.objects.get(story=nik_story)
    assert record.overrides[0]["reason"] == "Nomor contoh dari panitia, bukan data warga."
    assert record.overrides[0]["code"] == "privacy.nik"
    assert len(record.ethics_ticks) == 5
    assert record.revision_id == Story.objects.get(pk=nik_story.pk).current_revision_id


def test_the_checklist_must_be_ticked_in_full(palu_story, operator_palu):
    with pytest.raises(TransitionRefused):
        services.submit_story(story=palu_story, by=operator_palu, ethics_ticked=ticks()[:4])
    assert Story.objects.get(pk=palu_story.pk).state == State.DRAFT
    assert not SubmissionCheck.objects.exists()
    services.submit_story(story=palu_story, by=operator_palu, ethics_ticked=ticks())
    assert Story.objects.get(pk=palu_story.pk).state == State.SUBMITTED


def test_the_submit_form_refuses_without_ticks_and_keeps_the_story(
    client_for, palu_story, operator_palu
):
    client = client_for(operator_palu)
    url = reverse("news:story_transition", args=[palu_story.pk, "submit"])
    client.post(url, {})
    assert Story.objects.get(pk=palu_story.pk).state == State.DRAFT
    client.post(url, ethics_ticks())
    assert Story.objects.get(pk=palu_story.pk).state == State.SUBMITTED


def test_the_review_page_shows_findings_overrides_and_ticks(
    client_for, nik_story, operator_palu, editor_sulteng
):
    findings = services.checks.findings_for(story=nik_story, user=operator_palu)
    key = next(f.key for f in findings if f.severity == "block")
    client_for(operator_palu).post(
        reverse("news:story_transition", args=[nik_story.pk, "submit"]),
        {
            **ethics_ticks(),
            "override_key": [key],
            "override_reason": ["Data fiktif untuk latihan."],
        },
    )
    assert Story.objects.get(pk=nik_story.pk).state == State.SUBMITTED
    page = client_for(editor_sulteng).get(nik_story.get_absolute_url()).content.decode()
    assert "7271014508900003" in page
    assert "Data fiktif untuk latihan." in page
    assert EthicsItem.objects.first().text in page


def test_the_operator_sees_the_checklist_and_reason_fields(client_for, nik_story, operator_palu):
    page = client_for(operator_palu).get(nik_story.get_absolute_url()).content.decode()
    assert 'name="ethics"' in page and 'name="override_reason"' in page


def live(client, story, **data):
    fields = {"title": story.title, "lead": story.lead, "body": story.body, "dateline": "Sigi"}
    fields.update(data)
    return client.post(reverse("news:story_live_check", args=[story.pk]), fields)


def test_the_live_check_answers_with_the_same_findings(client_for, palu_story, operator_palu):
    response = live(
        client_for(operator_palu),
        palu_story,
        lead="Petugas Lapas hadir, Kamis (07/02).",
        event_date="2025-02-06",
    )
    assert response.status_code == 200
    codes = [f["code"] for f in response.json()["findings"]]
    assert "date.weekday_mismatch" in codes
    assert response.json()["counts"]["block"] == 1


def test_the_live_check_is_for_those_who_may_edit(
    client_for, palu_story, editor_sulteng, editor_kalsel
):
    assert live(client_for(editor_kalsel), palu_story).status_code == 404
    # The Sulteng editor sees the draft but may not edit it yet.
    assert live(client_for(editor_sulteng), palu_story).status_code == 403


def test_the_live_check_needs_post_and_a_csrf_token(client_for, palu_story, operator_palu):
    client = client_for(operator_palu)
    url = reverse("news:story_live_check", args=[palu_story.pk])
    assert client.get(url).status_code == 405
    client.handler.enforce_csrf_checks = True
    assert client.post(url, {"title": "x"}).status_code == 403


def test_bad_input_in_the_live_check_is_never_a_500(client_for, palu_story, operator_palu):
    client = client_for(operator_palu)
    for data in (
        {"event_date": "2025-02-31", "lead": "Senin (31/02) 🎉"},
        {"body": "<p>" + "Петугас 活動 " * 20000 + "</p>"},
        {"title": "<script>alert(1)</script>", "event_date": "kemarin"},
    ):
        assert live(client, palu_story, **data).status_code == 200


def test_a_candidate_session_is_linked_in_one_click(
    client_for, palu_story, operator_palu, central_admin
):
    session = plan_session(
        by=central_admin, organiser=Directorate.objects.get(slug="ti-dan-kerja-sama")
    )
    client = client_for(operator_palu)
    page = client.get(palu_story.get_absolute_url()).content.decode()
    link = reverse("news:story_link_session", args=[palu_story.pk, session.pk])
    assert link in page
    client.post(link)
    assert Coverage.objects.filter(session=session, story=palu_story).exists()


def test_linking_outside_the_scope_is_not_found(
    client_for, palu_story, operator_pelaihari, central_admin
):
    session = plan_session(
        by=central_admin, organiser=Directorate.objects.get(slug="ti-dan-kerja-sama")
    )
    link = reverse("news:story_link_session", args=[palu_story.pk, session.pk])
    assert client_for(operator_pelaihari).post(link).status_code == 404
    assert not Coverage.objects.exists()


def test_other_units_covering_the_same_event_are_shown(
    palu_story, pelaihari_story, operator_palu, operator_pelaihari, editor_kalsel
):
    services.submit_story(story=palu_story, by=operator_palu, ethics_ticked=ticks())
    services.submit_story(story=pelaihari_story, by=operator_pelaihari, ethics_ticked=ticks())
    findings = services.checks.findings_for(story=palu_story, user=operator_palu)
    # The Pelaihari draft is not the Palu operator's to see: no neighbours leak.
    assert "same_event.other_units" not in [f.code for f in findings]
    services.approve_story(story=pelaihari_story, by=editor_kalsel)
    services.publish_story(story=pelaihari_story, by=editor_kalsel)
    findings = services.checks.findings_for(story=palu_story, user=operator_palu)
    (other,) = [f for f in findings if f.code == "same_event.other_units"]
    assert "Rutan Kelas IIB Pelaihari" in other.message


def test_the_editor_page_carries_the_live_panel_and_its_translated_script(
    client_for, palu_story, operator_palu
):
    client = client_for(operator_palu)
    page = client.get(reverse("news:story_edit", args=[palu_story.pk])).content.decode()
    assert reverse("news:story_live_check", args=[palu_story.pk]) in page
    assert "js/editorial_checks.js" in page and reverse("javascript-catalog") in page
    catalog = client.get(reverse("javascript-catalog")).content.decode()
    assert "Menahan pengajuan" in catalog
