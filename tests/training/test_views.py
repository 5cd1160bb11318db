"""The training pages: they render, forms work, and lists cost the same queries for 1 or 3."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from news.models import State
from tests.factories.news import force_state, write_story
from training import services
from training.models import Speaker, TrainingSession

from .conftest import plan_session
from .reports import zoom_csv

pytestmark = pytest.mark.django_db
INLINE_STYLE = re.compile(r"<[^>]+\sstyle=|<style|<script(?![^>]*\ssrc=)")


def queries_for(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def test_session_list_queries_do_not_grow(
    client_for, staff_member, editor_sulteng, sulteng, palu_unit
):
    client = client_for(staff_member)
    url = reverse("training:session_list")
    plan_session(by=editor_sulteng, organiser=sulteng)
    one = queries_for(client, url)
    plan_session(by=editor_sulteng, organiser=palu_unit, title="Kedua")
    plan_session(by=editor_sulteng, organiser=sulteng, title="Ketiga")
    assert queries_for(client, url) == one
    assert queries_for(client, f"{url}?kind=penguatan&q=Ke&unit={palu_unit.pk}") > 0


def test_session_list_filters(client_for, staff_member, editor_sulteng, sulteng, palu_unit):
    first = plan_session(by=editor_sulteng, organiser=sulteng, title="Bimtek A", kind="bimtek")
    second = plan_session(
        by=editor_sulteng,
        organiser=sulteng,
        title="Rakor B",
        kind="rakor",
        starts_at=first.starts_at + timedelta(days=30),
        ends_at=first.ends_at + timedelta(days=30),
    )
    services.invite_organisations(session=second, by=editor_sulteng, organisations=[palu_unit])
    speaker = services.create_speaker(by=editor_sulteng, full_name="Lilik Sujandi")
    services.add_appearance(
        session=first, by=editor_sulteng, speaker=speaker, role="opening", position_title="Dir"
    )
    client = client_for(staff_member)
    url = reverse("training:session_list")

    def titles(query: str) -> list[str]:
        page = client.get(f"{url}?{query}").context["page"]
        return [session.title for session in page.object_list]

    assert titles("") == ["Rakor B", "Bimtek A"]
    assert titles("kind=bimtek") == ["Bimtek A"]
    assert titles(f"unit={palu_unit.pk}") == ["Rakor B"]
    assert titles(f"speaker={speaker.pk}") == ["Bimtek A"]
    assert titles("date_from=2025-03-01") == ["Rakor B"]
    assert titles(f"organiser=kanwil:{sulteng.pk}") == ["Rakor B", "Bimtek A"]
    assert titles("q=rakor") == ["Rakor B"]


def attend(session, by, people):
    for person in people:
        services.record_attendance(session=session, person=person, by=by, status="present")


def test_attendee_list_queries_do_not_grow(
    client_for, sulteng_session, editor_sulteng, operator_palu, staff_member
):
    from tests.factories import StaffFactory

    client = client_for(editor_sulteng)
    url = reverse("training:attendee_list", args=[sulteng_session.pk])
    attend(sulteng_session, editor_sulteng, [operator_palu])
    services.issue_certificates(session=sulteng_session, by=editor_sulteng)
    one = queries_for(client, url)
    extra = StaffFactory(unit=operator_palu.role_assignments.get().unit).user
    attend(sulteng_session, editor_sulteng, [staff_member, extra])
    services.issue_certificates(session=sulteng_session, by=editor_sulteng)
    assert queries_for(client, url) == one


def test_person_history_queries_do_not_grow(
    client_for, editor_sulteng, operator_palu, sulteng, palu_unit
):
    client = client_for(operator_palu)
    url = reverse("training:my_history")
    sessions = [plan_session(by=editor_sulteng, organiser=sulteng, title=f"S{i}") for i in range(3)]
    sessions.append(plan_session(by=editor_sulteng, organiser=palu_unit, title="S4"))
    attend(sessions[0], editor_sulteng, [operator_palu])
    one = queries_for(client, url)
    for session in sessions[1:3]:
        attend(session, editor_sulteng, [operator_palu])
        services.issue_certificates(session=session, by=editor_sulteng)
    assert queries_for(client, url) == one
    response = client.get(url)
    year = response.context["years"][0]
    # The three sessions run at the same time: their minutes count once, for 3 JP, not 9.
    assert (year["year"], year["jp"], year["gap"]) == (2025, 3, 17)
    assert len(year["overlapping"]) == 2


def test_unit_participation_queries_do_not_grow(
    client_for, staff_member, editor_sulteng, sulteng, palu_unit, operator_palu
):
    client = client_for(staff_member)
    url = reverse("training:unit_participation", args=[palu_unit.slug])

    def invited_session(title):
        session = plan_session(by=editor_sulteng, organiser=sulteng, title=title)
        services.invite_organisations(
            session=session, by=editor_sulteng, organisations=[palu_unit], expected_count=2
        )
        attend(session, editor_sulteng, [operator_palu])
        return session

    invited_session("Satu")
    one = queries_for(client, url)
    invited_session("Dua")
    invited_session("Tiga")
    assert queries_for(client, url) == one
    rows = client.get(url).context["rows"]
    assert [(row.attended, row.percent) for row in rows] == [(1, 50)] * 3


def test_speaker_list_queries_do_not_grow(client_for, staff_member, editor_sulteng):
    client = client_for(staff_member)
    url = reverse("training:speaker_list")
    services.create_speaker(by=editor_sulteng, full_name="Lilik Sujandi")
    one = queries_for(client, url)
    services.create_speaker(by=editor_sulteng, full_name="Gun Gun Gunawan")
    services.create_speaker(by=editor_sulteng, full_name="Maulidi Hilal", aliases=["M. Hilal"])
    assert queries_for(client, url) == one


def test_matching_queue_queries_do_not_grow(client_for, sulteng_session, editor_sulteng):
    from training.services import imports

    from .conftest import connection as row

    client = client_for(editor_sulteng)
    url = reverse("training:matching_queue", args=[sulteng_session.pk])

    def load(names, file_name):
        rows = [row(name, "", (9, 0), (10, 0)) for name in names]
        staged = imports.stage_attendance_file(
            session=sulteng_session,
            by=editor_sulteng,
            data=zoom_csv(rows),
            name=file_name,
            time_zone="Asia/Makassar",
        )
        services.confirm_import(session=sulteng_session, by=editor_sulteng, token=staged.token)

    load(["Tamu Satu"], "a.csv")
    one = queries_for(client, url)
    load(["Tamu Dua", "Tamu Tiga"], "b.csv")
    assert queries_for(client, url) == one


def test_session_pages_render_without_inline_code(
    client_for, sulteng_session, editor_sulteng, operator_palu, palu_unit
):
    speaker = services.create_speaker(
        by=editor_sulteng, full_name="Gun Gun Gunawan", current_position="Sesditjenpas"
    )
    appearance = services.add_appearance(
        session=sulteng_session, by=editor_sulteng, speaker=speaker, role="presenter"
    )
    services.add_agenda_item(
        session=sulteng_session,
        by=editor_sulteng,
        kind="presentation",
        title="Materi",
        starts_at=sulteng_session.starts_at,
        ends_at=sulteng_session.starts_at + timedelta(minutes=45),
        appearance=appearance,
    )
    story = write_story(unit=palu_unit, by=operator_palu, title="Palu ikut Bimtek Humas")
    force_state(story, State.PUBLISHED)
    services.link_story(session=sulteng_session, story=story, by=operator_palu)
    attend(sulteng_session, editor_sulteng, [operator_palu])
    client = client_for(editor_sulteng)
    pk = sulteng_session.pk
    for url in (
        sulteng_session.get_absolute_url(),
        reverse("training:session_join", args=[pk]),
        reverse("training:session_manage", args=[pk]),
        reverse("training:session_update", args=[pk]),
        reverse("training:attendee_list", args=[pk]),
        reverse("training:import_upload", args=[pk]),
        reverse("training:matching_queue", args=[pk]),
        reverse("training:session_list"),
        reverse("training:session_create"),
        reverse("training:speaker_list"),
        speaker.get_absolute_url(),
        reverse("training:my_history"),
        reverse("training:unit_participation", args=[palu_unit.slug]),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert not INLINE_STYLE.search(response.content.decode()), url
    page = client.get(sulteng_session.get_absolute_url()).content.decode()
    assert "Gun Gun Gunawan" in page and "Palu ikut Bimtek Humas" in page
    assert "Lapas Perempuan Kelas III Palu" in page


def test_unpublished_coverage_is_not_shown(
    client_for, sulteng_session, operator_palu, palu_unit, staff_member
):
    story = write_story(unit=palu_unit, by=operator_palu, title="Masih draf")
    services.link_story(session=sulteng_session, story=story, by=operator_palu)
    page = client_for(staff_member).get(sulteng_session.get_absolute_url()).content.decode()
    assert "Masih draf" not in page


def test_create_and_edit_a_session_through_the_form(client_for, editor_sulteng, sulteng):
    client = client_for(editor_sulteng)
    form = client.get(reverse("training:session_create")).context["form"]
    choices = [
        value for _group, options in form.fields["organiser"].choices for value, _ in options
    ]
    assert f"kanwil:{sulteng.pk}" in choices
    assert not any(value.startswith("directorate:") for value in choices)
    data = {
        "organiser": f"kanwil:{sulteng.pk}",
        "title": "Bimtek Penulisan Berita",
        "kind": "bimtek",
        "date": "2025-03-10",
        "start_time": "09:00",
        "end_time": "12:00",
        "time_zone": "Asia/Makassar",
        "mode": "online",
        "platform": "zoom",
        "jp_credited": "3",
        "presence_rule": "minutes",
        "presence_min_minutes": "120",
    }
    response = client.post(reverse("training:session_create"), data)
    session = TrainingSession.objects.get()
    assert response.status_code == 302
    assert session.starts_at.isoformat() == "2025-03-10T01:00:00+00:00"
    assert session.required_minutes == 120
    data.pop("organiser")
    data["title"] = "Bimtek Penulisan Berita (ubah)"
    response = client.post(reverse("training:session_update", args=[session.pk]), data)
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.title.endswith("(ubah)")


def test_a_foreign_organiser_in_the_form_is_refused(client_for, editor_sulteng, kalsel):
    data = {"organiser": f"kanwil:{kalsel.pk}", "title": "x"}
    response = client_for(editor_sulteng).post(reverse("training:session_create"), data)
    assert response.status_code == 200
    assert not TrainingSession.objects.exists()


def test_programme_forms(client_for, sulteng_session, editor_sulteng):
    client = client_for(editor_sulteng)
    pk = sulteng_session.pk
    client.post(
        reverse("training:speaker_create"),
        {"full_name": "Maulidi Hilal", "aliases": "M. Hilal", "current_position": "Direktur TI"},
    )
    speaker = Speaker.objects.get()
    client.post(
        reverse("training:appearance_add", args=[pk]), {"speaker": speaker.pk, "role": "presenter"}
    )
    appearance = sulteng_session.appearances.get()
    client.post(
        reverse("training:agenda_add", args=[pk]),
        {
            "kind": "presentation",
            "title": "Materi",
            "start_time": "09:15",
            "end_time": "10:00",
            "appearance": appearance.pk,
        },
    )
    client.post(
        reverse("training:material_add", args=[pk]),
        {"title": "Rekaman", "url": "https://video.example/x", "visibility": "staff"},
    )
    item = sulteng_session.agenda_items.get()
    assert item.appearance == appearance
    assert item.starts_at.isoformat() == "2025-02-06T01:15:00+00:00"
    assert sulteng_session.materials.get().url == "https://video.example/x"
    assert speaker.aliases.get().alias == "M. Hilal"


def test_navigation_shows_training(client_for, staff_member):
    page = client_for(staff_member).get(reverse("training:session_list")).content.decode()
    assert reverse("training:my_history") in page


def test_invited_people_check_in_on_the_session_page(
    client_for, running_now, operator_palu, editor_kalsel
):
    check_in = reverse("training:check_in", args=[running_now.pk])
    assert (
        check_in in client_for(operator_palu).get(running_now.get_absolute_url()).content.decode()
    )
    page = client_for(editor_kalsel).get(running_now.get_absolute_url()).content.decode()
    assert check_in not in page


def test_an_operator_links_their_story_from_the_session_page(
    client_for, sulteng_session, operator_palu, palu_unit
):
    story = write_story(unit=palu_unit, by=operator_palu, title="Laporan Bimtek")
    client = client_for(operator_palu)
    page = client.get(sulteng_session.get_absolute_url())
    assert page.context["coverage_form"] is not None
    response = client.post(
        reverse("training:coverage_add", args=[sulteng_session.pk]), {"story": story.pk}
    )
    assert response.status_code == 302
    assert sulteng_session.coverage.get().story == story
