"""The session page and the paged training pages cost the same queries for one row and many."""

from datetime import timedelta

import pytest
from django.urls import reverse

from tests.factories import StaffFactory
from tests.factories.news import write_story
from training import selectors, services
from training.models import Invitee

from .conftest import plan_session
from .test_views import attend, queries_for

pytestmark = pytest.mark.django_db


def test_session_page_queries_do_not_grow(
    client_for,
    sulteng_session,
    editor_sulteng,
    operator_palu,
    palu_unit,
    lpka_palu_unit,
    django_assert_num_queries,
):
    client = client_for(editor_sulteng)
    url = sulteng_session.get_absolute_url()
    attend(sulteng_session, editor_sulteng, [operator_palu])
    write_story(unit=palu_unit, by=operator_palu, title="Laporan satu")
    one = queries_for(client, url)
    people = [StaffFactory(unit=lpka_palu_unit).user for _ in range(4)]
    attend(sulteng_session, editor_sulteng, people)
    for index in range(5):
        write_story(unit=palu_unit, by=operator_palu, title=f"Laporan {index + 2}")
    with django_assert_num_queries(one):
        response = client.get(url)
    assert response.context["totals"]["attended"] == 1 + 2  # each unit counts up to 2 expected
    choices = list(response.context["coverage_form"].fields["story"].widget.choices)
    assert len(choices) == 1 + 6


def test_story_choices_are_narrow_and_limited(
    sulteng_session, editor_sulteng, palu_unit, operator_palu
):
    for index in range(4):
        write_story(unit=palu_unit, by=operator_palu, title=f"Laporan {index}")
    choices = selectors.story_choices_to_link(editor_sulteng, sulteng_session, limit=3)
    assert len(choices) == 3
    assert all(isinstance(pk, int) and isinstance(title, str) for pk, title in choices)


def test_session_participation_is_paged_with_totals_of_all(
    client_for, central_admin, head_office, monkeypatch
):
    from accounts.models import Unit

    monkeypatch.setattr(selectors, "PARTICIPATION_PER_PAGE", 10)
    session = plan_session(by=central_admin, organiser=head_office)
    units = list(Unit.objects.filter(is_active=True)[:15])
    services.invite_organisations(
        session=session, by=central_admin, organisations=units, expected_count=2
    )
    client = client_for(central_admin)
    response = client.get(session.get_absolute_url())
    assert len(response.context["participation"]) == selectors.PARTICIPATION_PER_PAGE
    assert response.context["totals"]["organisations"] == len(units)
    assert response.context["totals"]["expected"] == 2 * len(units)
    page_two = client.get(f"{session.get_absolute_url()}?page=2")
    assert len(page_two.context["participation"]) == 5


def test_participation_summary_matches_the_rows(
    sulteng_session, editor_sulteng, operator_palu, staff_member
):
    attend(sulteng_session, editor_sulteng, [operator_palu, staff_member])
    invitees = Invitee.objects.filter(session=sulteng_session)
    rows = selectors.participation_of(invitees)
    assert selectors.participation_summary(invitees) == selectors.participation_totals(rows)


def test_person_history_is_paged_and_jp_summed_in_sql(
    client_for, editor_sulteng, operator_palu, sulteng, django_assert_num_queries
):
    client = client_for(operator_palu)
    url = reverse("training:my_history")
    sessions = [
        plan_session(
            by=editor_sulteng,
            organiser=sulteng,
            title=f"S{index}",
            starts_at=sulteng_start() + timedelta(days=index),
            ends_at=sulteng_start() + timedelta(days=index, hours=2),
        )
        for index in range(selectors.HISTORY_PER_PAGE + 2)
    ]
    attend(sessions[0], editor_sulteng, [operator_palu])
    one = queries_for(client, url)
    for session in sessions[1:]:
        attend(session, editor_sulteng, [operator_palu])
    with django_assert_num_queries(one):
        response = client.get(url)
    assert len(response.context["attendances"]) == selectors.HISTORY_PER_PAGE
    assert response.context["years"] == selectors.jp_per_year(selectors.history_of(operator_palu))


def sulteng_start():
    """The start of the sessions of the training tests."""
    from .conftest import SESSION_START

    return SESSION_START
