"""Scope, two-factor state and unread count come from the session and follow every change."""

import pytest
from allauth.mfa.models import Authenticator
from django.urls import reverse

from accounts import session_state
from accounts.models import Role, RoleAssignment
from accounts.selectors import UserScope
from news.models import Notification
from tests.factories.news import attach_photo, write_story

pytestmark = pytest.mark.django_db


def test_scope_survives_the_session_round_trip():
    scope = UserScope(
        operator_unit_ids=frozenset({3, 1}),
        editor_kanwil_ids=frozenset({7}),
        kanwil_of_unit={1: 7, 3: 7},
        time_zone="Asia/Makassar",
    )
    assert session_state.scope_from_data(session_state.scope_to_data(scope)) == scope


def test_sign_in_session_and_two_factor_cost_two_queries(
    client_for, editor_sulteng, django_assert_num_queries
):
    client = client_for(editor_sulteng)
    url = reverse("news:inbox")
    client.get(url)
    # The session row, the user row, then the inbox's own query: no scope, TOTP or count.
    with django_assert_num_queries(3):
        response = client.get(url)
    assert response.status_code == 200


def test_a_new_role_is_seen_on_the_next_request(client_for, staff_member, palu_unit):
    client = client_for(staff_member)
    assert client.get(reverse("news:unit_desk")).status_code == 404
    RoleAssignment.objects.create(user=staff_member, role=Role.OPERATOR, unit=palu_unit)
    assert client.get(reverse("news:unit_desk")).status_code == 200


def test_a_removed_authenticator_sends_the_editor_back_to_two_factor(client_for, editor_sulteng):
    client = client_for(editor_sulteng)
    assert client.get(reverse("news:review_queue")).status_code == 200
    Authenticator.objects.filter(user=editor_sulteng).delete()
    response = client.get(reverse("news:review_queue"))
    assert response.status_code == 302
    assert reverse("mfa_activate_totp") in response["Location"]


def test_unread_count_follows_new_and_read_notifications(
    client_for, editor_sulteng, operator_palu, palu_unit
):
    from news import selectors, services

    client = client_for(editor_sulteng)
    client.get(reverse("news:inbox"))
    story = write_story(unit=palu_unit, by=operator_palu)
    attach_photo(story)
    services.submit_story(story=story, by=operator_palu)
    response = client.get(reverse("news:inbox"))
    user = response.wsgi_request.user
    assert selectors.unread_count_for(user) == 1
    services.mark_read(user=editor_sulteng)
    response = client.get(reverse("news:inbox"))
    assert selectors.unread_count_for(response.wsgi_request.user) == 0
    assert Notification.objects.filter(recipient=editor_sulteng, read_at__isnull=True).count() == 0


def test_a_tampered_state_is_read_again(client_for, operator_palu):
    client = client_for(operator_palu)
    session = client.session
    session[session_state.SESSION_KEY] = {"version": 0, "scope": "nonsense"}
    session.save()
    assert client.get(reverse("news:unit_desk")).status_code == 200
