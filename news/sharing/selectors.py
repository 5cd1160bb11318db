"""Scoped and tuned reads of the share kit."""

from django.db.models import Prefetch, Q

from accounts.models import Unit
from accounts.policies import AnyUser

from ..models import HashtagSet, Photo, ShareKit, State, Story
from ..selectors import stories_visible_to


def story_for_share_page(user: AnyUser, pk: int) -> Story | None:
    """A published story of the user's scope with its kit, tags and photos in order."""
    return (
        stories_visible_to(user)
        .filter(pk=pk, state=State.PUBLISHED)
        .select_related("share_kit")
        .prefetch_related(
            "tags",
            Prefetch("photos", queryset=Photo.objects.order_by("position", "id")),
        )
        .first()
    )


def hashtag_sets_for(unit: Unit | None) -> tuple[HashtagSet | None, HashtagSet | None]:
    """The default set and the unit's own, in one query (either may be missing)."""
    condition = Q(unit__isnull=True)
    if unit is not None:
        condition |= Q(unit=unit)
    default = own = None
    for hashtag_set in HashtagSet.objects.filter(condition):
        if hashtag_set.unit_id is None:
            default = hashtag_set
        else:
            own = hashtag_set
    return default, own


def visit_counts(kit: ShareKit | None) -> dict[str, int]:
    """Visits per channel through a kit's short link."""
    if kit is None:
        return {}
    return dict(kit.visits.values_list("channel", "visits"))


def short_link_target(code: str) -> tuple[int, str, str] | None:
    """(kit id, story slug, story state) for a short link code, or None."""
    return (
        ShareKit.objects.filter(code=code).values_list("pk", "story__slug", "story__state").first()
    )


def story_for_cards(story_id: int) -> Story | None:
    """A published story with what its cards show: unit, Kanwil, kit and photos in order."""
    return (
        Story.objects.filter(pk=story_id, state=State.PUBLISHED)
        .select_related("unit__kanwil", "share_kit")
        .prefetch_related(Prefetch("photos", queryset=Photo.objects.order_by("position", "id")))
        .first()
    )


def unit_for_hashtags(pk: int) -> Unit | None:
    """A unit with its Kanwil, for the hashtag form's policy check."""
    return Unit.objects.select_related("kanwil").filter(pk=pk).first()
