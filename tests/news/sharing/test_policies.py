"""Who may use the share kit, set focal points and edit hashtags; always with a second scope."""

import pytest

from news import policies
from news.models import State
from tests.factories.news import force_state

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(palu_story):
    return force_state(palu_story, State.PUBLISHED)


def test_share_kit_is_for_the_unit_its_kanwil_and_admins(
    published, operator_palu, editor_sulteng, central_admin
):
    for person in (operator_palu, editor_sulteng, central_admin):
        assert policies.can_share_story(person, published)


def test_share_kit_is_refused_to_other_scopes_and_staff(
    published, operator_pelaihari, editor_kalsel, staff_member
):
    for person in (operator_pelaihari, editor_kalsel, staff_member):
        assert not policies.can_share_story(person, published)


@pytest.mark.parametrize("state", [State.DRAFT, State.APPROVED, State.WITHDRAWN])
def test_share_kit_only_for_published_stories(palu_story, operator_palu, state):
    assert not policies.can_share_story(operator_palu, force_state(palu_story, state))


def test_focal_point_while_open_within_scope(palu_story, operator_palu, operator_pelaihari):
    assert policies.can_set_focal_point(operator_palu, palu_story)
    assert not policies.can_set_focal_point(operator_pelaihari, palu_story)
    assert not policies.can_set_focal_point(operator_palu, force_state(palu_story, State.WITHDRAWN))


def test_hashtags(palu_unit, operator_palu, editor_sulteng, central_admin, editor_kalsel):
    assert policies.can_edit_hashtags(central_admin, None)
    assert not policies.can_edit_hashtags(editor_sulteng, None)
    assert not policies.can_edit_hashtags(operator_palu, None)
    assert policies.can_edit_hashtags(operator_palu, palu_unit)
    assert policies.can_edit_hashtags(editor_sulteng, palu_unit)
    assert policies.can_edit_hashtags(central_admin, palu_unit)
    assert not policies.can_edit_hashtags(editor_kalsel, palu_unit)
