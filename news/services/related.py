"""Related news: chosen once, when a story is published, and kept with it.

Choosing means ranking the category's recent stories by the tags they share with the story;
doing that on every visit was most of the story page's database time. Kept as rows, the page
reads four stories by primary key (news.public.story_rows).
"""

import logging

from django.db import connection, models, transaction

from ..models import RelatedStory, State, Story

logger = logging.getLogger(__name__)

RELATED_COUNT = 4
# Related stories are chosen among this many stories of the same category published before it.
RELATED_CANDIDATES = 60

# The story's id, category, publication time and id again (for its tags).
_CHOOSE = f"""
SELECT c.id FROM (
    SELECT r.id, r.published_at FROM news_story r
    WHERE r.state = '{State.PUBLISHED.value}' AND r.category_id = %s AND r.id <> %s
        AND r.published_at <= %s
    ORDER BY r.published_at DESC, r.id DESC
    LIMIT {RELATED_CANDIDATES}
) c
LEFT JOIN news_story_tags a ON a.story_id = c.id AND a.tag_id IN (
    SELECT b.tag_id FROM news_story_tags b WHERE b.story_id = %s
)
GROUP BY c.id, c.published_at
ORDER BY COUNT(a.tag_id) DESC, c.published_at DESC, c.id DESC
LIMIT {RELATED_COUNT}
"""


def choose_related_stories(*, story: Story) -> list[int]:
    """Store the related news of a published story (run by publish_story, which holds its
    lock): earlier stories of its category, those sharing the most tags first, then the
    newest. Returns their ids in order."""
    with connection.cursor() as cursor:
        cursor.execute(_CHOOSE, [story.category_id, story.pk, story.published_at, story.pk])
        chosen = [row[0] for row in cursor.fetchall()]
    RelatedStory.objects.filter(story=story).delete()
    RelatedStory.objects.bulk_create(
        RelatedStory(story=story, related_id=pk, position=place)
        for place, pk in enumerate(chosen, start=1)
    )
    return chosen


# Every published story's list at once (PostgreSQL), for the stories of one id range: the same
# choice as _CHOOSE, made for each story by a lateral subquery.
_FILL_RANGE = f"""
INSERT INTO news_relatedstory (story_id, related_id, position)
SELECT s.id, chosen.id, chosen.place FROM news_story s
CROSS JOIN LATERAL (
    SELECT c.id, ROW_NUMBER() OVER (
        ORDER BY COUNT(a.tag_id) DESC, c.published_at DESC, c.id DESC
    ) AS place
    FROM (
        SELECT r.id, r.published_at FROM news_story r
        WHERE r.state = '{State.PUBLISHED.value}' AND r.category_id = s.category_id
            AND r.id <> s.id AND r.published_at <= s.published_at
        ORDER BY r.published_at DESC, r.id DESC
        LIMIT {RELATED_CANDIDATES}
    ) c
    LEFT JOIN news_story_tags a ON a.story_id = c.id AND a.tag_id IN (
        SELECT b.tag_id FROM news_story_tags b WHERE b.story_id = s.id
    )
    GROUP BY c.id, c.published_at
    ORDER BY place
    LIMIT {RELATED_COUNT}
) chosen
WHERE s.state = '{State.PUBLISHED.value}' AND s.id >= %s AND s.id < %s
    AND NOT EXISTS (SELECT 1 FROM news_relatedstory done WHERE done.story_id = s.id)
"""
FILL_CHUNK = 20_000


def fill_related_stories(*, progress=None) -> int:
    """Choose the related news of every published story that has none yet (a new deployment,
    the bench data); returns how many related rows were stored. ``progress(done, total)`` is
    called after each chunk of ids."""
    stories = Story.objects.filter(state=State.PUBLISHED).exclude(related_links__isnull=False)
    if connection.vendor != "postgresql":
        return sum(
            len(choose_related_stories(story=story))
            for story in stories.only("id", "category_id", "published_at").iterator()
        )
    bounds = Story.objects.filter(state=State.PUBLISHED).aggregate(
        first=models.Min("id"), last=models.Max("id")
    )
    if bounds["first"] is None:
        return 0
    total = bounds["last"] - bounds["first"] + 1
    stored = 0
    with connection.cursor() as cursor:
        for start in range(bounds["first"], bounds["last"] + 1, FILL_CHUNK):
            cursor.execute(_FILL_RANGE, [start, start + FILL_CHUNK])
            stored += cursor.rowcount
            if progress:
                progress(min(start + FILL_CHUNK, bounds["last"] + 1) - bounds["first"], total)
    return stored


def refresh_related_lists_citing(*, story_id: int) -> int:
    """Choose again the related news of every published story listing ``story_id`` (after it
    was withdrawn); returns how many lists changed. Each list is redone under its story's lock."""
    citing = list(
        RelatedStory.objects.filter(related_id=story_id)
        .values_list("story_id", flat=True)
        .order_by("story_id")
    )
    refreshed = 0
    for pk in citing:
        with transaction.atomic():
            locked = Story.objects.select_for_update().filter(pk=pk).first()
            if locked is None:
                continue
            if locked.state != State.PUBLISHED:
                # Not shown anywhere; a new publication chooses its list afresh.
                RelatedStory.objects.filter(story=locked, related_id=story_id).delete()
                continue
            choose_related_stories(story=locked)
            refreshed += 1
    return refreshed


def queue_refresh_of_lists_citing(story_id: int) -> None:
    """Queue the refresh of the lists citing a story; until it runs, the story page leaves a
    withdrawn story out of them by itself."""
    from ..tasks import refresh_related_lists

    try:
        refresh_related_lists.delay(story_id)
    except Exception:  # noqa: BLE001 - any broker failure; pages still skip the story
        logger.warning(
            "Broker unavailable; related lists citing story %s stay as they are", story_id
        )
