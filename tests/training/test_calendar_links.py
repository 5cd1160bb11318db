"""Private calendar links: a token stored only as a hash, shown once, reset or stopped by its
owner; the feed works without signing in and shows only what its owner may see."""

import hashlib
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.factories import UserFactory
from training import policies, services
from training.models import AuditEntry, CalendarFeed

from .conftest import plan_session

pytestmark = pytest.mark.django_db


@pytest.fixture
def upcoming(editor_sulteng, sulteng, palu_unit):
    """A Sulteng session in three days, inviting Lapas Perempuan Palu."""
    soon = timezone.now() + timedelta(days=3)
    session = plan_session(
        by=editor_sulteng,
        organiser=sulteng,
        title="Rakor Humas minggu depan",
        starts_at=soon,
        ends_at=soon + timedelta(hours=2),
    )
    services.invite_organisations(session=session, by=editor_sulteng, organisations=[palu_unit])
    return session


def feed(token: str):
    """The feed as a calendar program fetches it: no cookies, no session."""
    return Client().get(reverse("training:private_calendar", args=[token]))


def body(response) -> str:
    return response.content.decode().replace("\r\n ", "")


def test_only_the_hash_of_the_token_is_kept(operator_palu):
    token = services.reset_calendar_link(person=operator_palu, by=operator_palu)
    stored = CalendarFeed.objects.get(user=operator_palu)
    assert stored.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in str(stored.__dict__)
    assert len(token) >= 40
    assert AuditEntry.objects.get(action="calendar_link_created").actor == operator_palu


def test_the_feed_works_without_signing_in(operator_palu, upcoming):
    token = services.reset_calendar_link(person=operator_palu, by=operator_palu)
    response = feed(token)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "no-store" in response["Cache-Control"]
    text = body(response)
    assert f"UID:training-session-{upcoming.pk}@testserver" in text
    join = reverse("training:session_join", args=[upcoming.pk])
    assert f"You are invited. How to join: http://testserver{join}" in text
    assert upcoming.passcode not in text and upcoming.join_url not in text


def test_a_person_outside_the_invitation_sees_no_invitation(operator_pelaihari, upcoming):
    token = services.reset_calendar_link(person=operator_pelaihari, by=operator_pelaihari)
    text = body(feed(token))
    assert f"UID:training-session-{upcoming.pk}@" in text
    assert "You are invited" not in text
    assert upcoming.passcode not in text and upcoming.join_url not in text


def test_the_organiser_s_feed_marks_what_they_organise(editor_sulteng, editor_kalsel, upcoming):
    sulteng = services.reset_calendar_link(person=editor_sulteng, by=editor_sulteng)
    kalsel = services.reset_calendar_link(person=editor_kalsel, by=editor_kalsel)
    assert "You are invited" in body(feed(sulteng))
    assert "You are invited" not in body(feed(kalsel))


def test_resetting_makes_the_old_link_stop(operator_palu, upcoming):
    old = services.reset_calendar_link(person=operator_palu, by=operator_palu)
    new = services.reset_calendar_link(person=operator_palu, by=operator_palu)
    assert old != new
    assert feed(old).status_code == 404
    assert feed(new).status_code == 200
    assert CalendarFeed.objects.count() == 1
    assert AuditEntry.objects.filter(action="calendar_link_reset").exists()


def test_a_stopped_unknown_or_foreign_person_s_link_is_not_found(operator_palu):
    token = services.reset_calendar_link(person=operator_palu, by=operator_palu)
    assert services.stop_calendar_link(person=operator_palu, by=operator_palu)
    assert not services.stop_calendar_link(person=operator_palu, by=operator_palu)
    for candidate in (token, "x", "A" * 43, "A" * 500):
        assert feed(candidate).status_code == 404


def test_a_deactivated_or_roleless_person_s_link_is_not_found(operator_palu):
    token = services.reset_calendar_link(person=operator_palu, by=operator_palu)
    operator_palu.is_active = False
    operator_palu.save(update_fields=["is_active"])
    assert feed(token).status_code == 404
    operator_palu.is_active = True
    operator_palu.save(update_fields=["is_active"])
    assert feed(token).status_code == 200
    operator_palu.role_assignments.all().delete()
    assert feed(token).status_code == 404


@pytest.mark.parametrize("other", ["editor_sulteng", "editor_kalsel", "central_admin"])
def test_nobody_else_keeps_a_person_s_link(request, operator_palu, other):
    person = request.getfixturevalue(other)
    assert not policies.can_keep_calendar_link(person, operator_palu)
    with pytest.raises(PermissionDenied):
        services.reset_calendar_link(person=operator_palu, by=person)
    with pytest.raises(PermissionDenied):
        services.stop_calendar_link(person=operator_palu, by=person)
    assert not CalendarFeed.objects.exists()
    roleless = UserFactory()
    with pytest.raises(PermissionDenied):
        services.reset_calendar_link(person=roleless, by=roleless)


def test_the_link_is_shown_once_on_the_own_page(client_for, operator_palu, upcoming):
    client = client_for(operator_palu)
    page = client.get(reverse("training:my_history"))
    assert reverse("training:calendar_link_reset") in page.content.decode()
    assert client.get(reverse("training:calendar_link_reset")).status_code == 405
    response = client.post(reverse("training:calendar_link_reset"), follow=True)
    url = response.context["new_calendar_url"]
    assert url.startswith("http://testserver/training/calendar/")
    assert url in response.content.decode()
    token = url.rsplit("/", 1)[1].removesuffix(".ics")
    assert feed(token).status_code == 200
    again = client.get(reverse("training:my_history"))
    assert again.context["new_calendar_url"] == ""
    assert token not in again.content.decode()
    assert again.context["calendar_link"] is not None
    client.post(reverse("training:calendar_link_stop"))
    assert feed(token).status_code == 404


def test_another_person_s_history_page_has_no_link_controls(
    client_for, editor_sulteng, operator_palu
):
    services.reset_calendar_link(person=operator_palu, by=operator_palu)
    page = client_for(editor_sulteng).get(
        reverse("training:person_history", args=[operator_palu.pk])
    )
    assert page.status_code == 200
    assert "can_keep_calendar_link" not in page.context
    assert reverse("training:calendar_link_reset") not in page.content.decode()


def test_the_signed_in_feed_still_works(client_for, staff_member, upcoming):
    response = client_for(staff_member).get(reverse("training:calendar"))
    assert f"UID:training-session-{upcoming.pk}@testserver" in response.content.decode()
    assert Client().get(reverse("training:calendar")).status_code == 302


def test_feed_queries_do_not_grow(operator_palu, upcoming, editor_sulteng, palu_unit):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    token = services.reset_calendar_link(person=operator_palu, by=operator_palu)

    def queries() -> int:
        with CaptureQueriesContext(connection) as context:
            assert feed(token).status_code == 200
        return len(context.captured_queries)

    one = queries()
    for days in (4, 5):
        soon = timezone.now() + timedelta(days=days)
        session = plan_session(
            by=editor_sulteng,
            organiser=palu_unit,
            title=f"Asistensi {days}",
            starts_at=soon,
            ends_at=soon + timedelta(hours=1),
        )
        services.invite_organisations(session=session, by=editor_sulteng, organisations=[palu_unit])
    assert body(feed(token)).count("You are invited") == 3
    assert queries() == one
