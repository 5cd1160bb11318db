"""Share kit services: the kit made on publish, cards drawn and redrawn, focal points, hashtags
and the visit counter."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage

from accounts.models import AuditEvent
from news.models import HashtagSet, ShareChannel, ShareKit, ShareVisit
from news.services import sharing
from news.sharing import links
from tests.factories.news import write_story

pytestmark = pytest.mark.django_db


def test_publishing_makes_a_kit_with_a_code_counters_and_three_cards(shared_story):
    kit = ShareKit.objects.get(story=shared_story)
    assert len(kit.code) == sharing.CODE_LENGTH
    assert set(kit.code) <= set(sharing.CODE_ALPHABET)
    assert set(kit.visits.values_list("channel", flat=True)) == set(ShareChannel.values)
    assert {kind: (entry["width"], entry["height"]) for kind, entry in kit.cards.items()} == {
        "square": (1080, 1080),
        "portrait": (1080, 1350),
        "story": (1080, 1920),
    }
    assert all(default_storage.exists(entry["name"]) for entry in kit.cards.values())
    assert kit.fingerprint


def test_publishing_queues_the_cards_after_commit(
    operator_palu, palu_unit, editor_sulteng, django_capture_on_commit_callbacks
):
    from tests.news.sharing.conftest import publish

    story = write_story(unit=palu_unit, by=operator_palu)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        publish(story, editor_sulteng)
    assert ShareKit.objects.get(story=story).cards == {}
    for callback in callbacks:
        callback()
    assert set(ShareKit.objects.get(story=story).cards) == {"square", "portrait", "story"}


def test_cards_up_to_date_are_not_drawn_again(shared_story):
    before = ShareKit.objects.get(story=shared_story).cards
    assert sharing.make_story_cards(story_id=shared_story.pk) == sharing.SKIPPED
    assert ShareKit.objects.get(story=shared_story).cards == before


def test_forced_redraw_replaces_and_deletes_the_old_files(
    shared_story, django_capture_on_commit_callbacks
):
    old = [entry["name"] for entry in ShareKit.objects.get(story=shared_story).cards.values()]
    with django_capture_on_commit_callbacks(execute=True):
        assert sharing.make_story_cards(story_id=shared_story.pk, force=True) == sharing.MADE
    new = [entry["name"] for entry in ShareKit.objects.get(story=shared_story).cards.values()]
    assert set(old).isdisjoint(new)
    assert not any(default_storage.exists(name) for name in old)


def test_cards_of_an_unpublished_story_are_not_drawn(palu_story):
    assert sharing.make_story_cards(story_id=palu_story.pk) == sharing.GONE
    assert not ShareKit.objects.filter(story=palu_story).exists()


def test_focal_point_redraws_cards_and_renditions(
    shared_story, editor_sulteng, django_capture_on_commit_callbacks
):
    photo = shared_story.photos.get()
    kit_before = ShareKit.objects.get(story=shared_story)
    square_before = photo.renditions["square"]["name"]
    with django_capture_on_commit_callbacks(execute=True):
        sharing.set_focal_point(photo=photo, by=editor_sulteng, x=0.9, y=0.2)
    photo.refresh_from_db()
    assert photo.focus == (0.9, 0.2)
    assert photo.renditions["square"]["name"] != square_before
    kit = ShareKit.objects.get(story=shared_story)
    assert kit.fingerprint != kit_before.fingerprint
    event = AuditEvent.objects.get(action="photo_focal_point")
    assert event.actor == editor_sulteng
    assert event.detail["after"] == [0.9, 0.2]


def test_focal_point_cleared_means_centre(shared_story, operator_palu):
    photo = shared_story.photos.get()
    sharing.set_focal_point(photo=photo, by=operator_palu, x=0.1, y=0.1)
    sharing.set_focal_point(photo=photo, by=operator_palu, x=None, y=None)
    photo.refresh_from_db()
    assert photo.focus is None


@pytest.mark.parametrize("point", [(1.5, 0.5), (-0.1, 0.2), ("abc", "0.5"), (0.5, None)])
def test_focal_point_outside_the_photo_is_refused(shared_story, operator_palu, point):
    with pytest.raises(ValidationError):
        sharing.set_focal_point(
            photo=shared_story.photos.get(), by=operator_palu, x=point[0], y=point[1]
        )


def test_focal_point_refused_outside_scope(shared_story, operator_pelaihari, editor_kalsel):
    for person in (operator_pelaihari, editor_kalsel):
        with pytest.raises(PermissionDenied):
            sharing.set_focal_point(photo=shared_story.photos.get(), by=person, x=0.5, y=0.5)


def test_count_visit_adds_to_the_channel_only(shared_story):
    kit = ShareKit.objects.get(story=shared_story)
    sharing.count_visit(kit_id=kit.pk, channel="ig")
    sharing.count_visit(kit_id=kit.pk, channel="ig")
    sharing.count_visit(kit_id=kit.pk, channel="nonsense")
    sharing.count_visit(kit_id=kit.pk, channel="")
    counts = dict(kit.visits.values_list("channel", "visits"))
    assert counts["ig"] == 2
    assert counts["other"] == 1
    assert counts["direct"] == 1
    assert counts["fb"] == 0


def test_count_visit_creates_a_missing_counter(shared_story):
    kit = ShareKit.objects.get(story=shared_story)
    ShareVisit.objects.filter(kit=kit, channel="wa").delete()
    sharing.count_visit(kit_id=kit.pk, channel="wa")
    assert ShareVisit.objects.get(kit=kit, channel="wa").visits == 1


def test_default_hashtags_are_set_by_a_central_admin_and_recorded(central_admin):
    sharing.set_hashtags(
        unit=None, by=central_admin, text="#Pemasyarakatan, kehumasan #Pemasyarakatan"
    )
    hashtag_set = HashtagSet.objects.get(unit=None)
    assert hashtag_set.as_list() == ["#Pemasyarakatan", "#kehumasan"]
    event = AuditEvent.objects.get(action="hashtags_changed")
    assert event.actor == central_admin
    assert event.detail == {"unit": None, "before": "", "after": "#Pemasyarakatan #kehumasan"}


def test_default_hashtags_refused_to_editors_and_operators(editor_sulteng, operator_palu):
    for person in (editor_sulteng, operator_palu):
        with pytest.raises(PermissionDenied):
            sharing.set_hashtags(unit=None, by=person, text="#x")


def test_unit_hashtags_by_its_operator_and_editor_not_others(
    palu_unit, operator_palu, editor_sulteng, operator_pelaihari, editor_kalsel
):
    sharing.set_hashtags(unit=palu_unit, by=operator_palu, text="#LapasPalu")
    sharing.set_hashtags(unit=palu_unit, by=editor_sulteng, text="#LapasPalu #Sulteng")
    assert HashtagSet.objects.get(unit=palu_unit).hashtags == "#LapasPalu #Sulteng"
    for person in (operator_pelaihari, editor_kalsel):
        with pytest.raises(PermissionDenied):
            sharing.set_hashtags(unit=palu_unit, by=person, text="#x")


def test_too_many_hashtag_characters_are_refused(central_admin):
    with pytest.raises(ValidationError):
        sharing.set_hashtags(unit=None, by=central_admin, text="#a " * 1000)


@pytest.mark.parametrize(
    "value,expected",
    [
        ("ig", "ig"),
        ("FB", "fb"),
        (" wa ", "wa"),
        ("x", "x"),
        ("tt", "tt"),
        ("", "direct"),
        (None, "direct"),
        ("other", "other"),
        ("direct", "other"),
        ("<script>", "other"),
    ],
)
def test_channel_of(value, expected):
    assert links.channel_of(value) == expected
