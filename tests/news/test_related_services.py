"""Related news chosen at publication, kept with the story, and chosen again after a withdrawal."""

from datetime import timedelta
from unittest import mock

import pytest
from django.utils import timezone

from news import services
from news.models import Category, RelatedStory, State
from news.services.related import choose_related_stories, fill_related_stories
from tests.factories.public import published_story, story_in_state

pytestmark = pytest.mark.django_db


def _listed(story) -> list[int]:
    return list(
        RelatedStory.objects.filter(story=story)
        .order_by("position")
        .values_list("related_id", flat=True)
    )


def _earlier(unit, by, title, *, minutes, **extra):
    moment = timezone.now() - timedelta(days=1) + timedelta(minutes=minutes)
    return published_story(unit=unit, by=by, title=title, published_at=moment, **extra)


def test_publishing_lists_earlier_stories_of_its_category_most_shared_tags_first(
    operator_palu, editor_sulteng, palu_unit
):
    one_tag = _earlier(palu_unit, operator_palu, "Satu Tag", minutes=1, tag_names=["kehumasan"])
    two_tags = _earlier(
        palu_unit, operator_palu, "Dua Tag", minutes=2, tag_names=["kehumasan", "media sosial"]
    )
    no_tag = _earlier(palu_unit, operator_palu, "Tanpa Tag", minutes=3, tag_names=[])
    newest_untagged = _earlier(palu_unit, operator_palu, "Terbaru", minutes=4, tag_names=[])
    _older_untagged = _earlier(palu_unit, operator_palu, "Terlama", minutes=0, tag_names=[])
    other = Category.objects.exclude(pk=one_tag.category_id).first()
    _elsewhere = _earlier(
        palu_unit,
        operator_palu,
        "Kategori Lain",
        minutes=5,
        category=other,
        tag_names=["kehumasan"],
    )
    _draft = story_in_state(State.DRAFT, unit=palu_unit, by=operator_palu, title="Konsep")
    approved = story_in_state(
        State.APPROVED,
        unit=palu_unit,
        by=operator_palu,
        title="Berita Utama",
        tag_names=["kehumasan", "media sosial"],
    )

    services.publish_story(story=approved, by=editor_sulteng)

    # Two shared tags, one, then the newest of those sharing none; at most four.
    assert _listed(approved) == [two_tags.pk, one_tag.pk, newest_untagged.pk, no_tag.pk]


def test_a_story_published_later_is_not_added_to_earlier_lists(operator_palu, palu_unit):
    first = _earlier(palu_unit, operator_palu, "Pertama", minutes=0)
    assert _listed(first) == []

    second = _earlier(palu_unit, operator_palu, "Kedua", minutes=1)

    assert _listed(first) == []
    assert _listed(second) == [first.pk]


def test_publishing_again_chooses_the_list_afresh(operator_palu, palu_unit):
    first = _earlier(palu_unit, operator_palu, "Pertama", minutes=0)
    story = _earlier(palu_unit, operator_palu, "Utama", minutes=5)
    RelatedStory.objects.filter(story=story).delete()
    RelatedStory.objects.create(story=story, related=first, position=1)

    assert choose_related_stories(story=story) == [first.pk]
    assert _listed(story) == [first.pk]


def test_withdrawing_a_listed_story_refreshes_the_lists_citing_it(
    operator_palu, editor_sulteng, palu_unit, django_capture_on_commit_callbacks
):
    oldest = _earlier(palu_unit, operator_palu, "Terlama", minutes=0, tag_names=[])
    cited = _earlier(palu_unit, operator_palu, "Dikutip", minutes=1)
    citing = _earlier(palu_unit, operator_palu, "Mengutip", minutes=2)
    assert _listed(citing) == [cited.pk, oldest.pk]

    with django_capture_on_commit_callbacks(execute=True):
        services.withdraw_story(story=cited, by=editor_sulteng, note="Data keliru.")

    assert _listed(citing) == [oldest.pk]


def test_a_broker_outage_at_withdrawal_only_leaves_the_lists_as_they_are(
    operator_palu, editor_sulteng, palu_unit, django_capture_on_commit_callbacks
):
    cited = _earlier(palu_unit, operator_palu, "Dikutip", minutes=1)
    citing = _earlier(palu_unit, operator_palu, "Mengutip", minutes=2)

    with (
        mock.patch("news.tasks.refresh_related_lists.delay", side_effect=OSError("down")),
        django_capture_on_commit_callbacks(execute=True),
    ):
        withdrawn = services.withdraw_story(story=cited, by=editor_sulteng, note="Data keliru.")

    assert withdrawn.state == State.WITHDRAWN
    assert _listed(citing) == [cited.pk]


def test_fill_gives_every_published_story_without_a_list_its_list(operator_palu, palu_unit):
    first = _earlier(palu_unit, operator_palu, "Pertama", minutes=0)
    second = _earlier(palu_unit, operator_palu, "Kedua", minutes=1)
    third = _earlier(palu_unit, operator_palu, "Ketiga", minutes=2)
    RelatedStory.objects.filter(story__in=[second, third]).delete()
    # A list chosen some other way is left alone.
    RelatedStory.objects.create(story=second, related=third, position=1)

    stored = fill_related_stories()

    assert stored == 2
    assert _listed(first) == []
    assert _listed(second) == [third.pk]
    assert _listed(third) == [second.pk, first.pk]


@pytest.mark.services
def test_fill_on_postgresql_chooses_as_publishing_does(operator_palu, palu_unit):
    stories = [
        _earlier(palu_unit, operator_palu, f"Berita {n}", minutes=n, tag_names=tags)
        for n, tags in enumerate([["kehumasan"], [], ["media sosial"], ["kehumasan"], []])
    ]
    chosen = {story.pk: _listed(story) for story in stories}
    RelatedStory.objects.all().delete()

    fill_related_stories()

    assert {story.pk: _listed(story) for story in stories} == chosen
