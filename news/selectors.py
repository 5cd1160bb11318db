"""Scoped and tuned reads of stories."""

from datetime import timedelta

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from accounts.models import Role, Unit, User
from accounts.policies import AnyUser, is_central_admin
from accounts.selectors import scope_for
from accounts.session_state import UNREAD_ATTRIBUTE

from .models import (
    Comment,
    EmailPreference,
    Notification,
    Photo,
    State,
    Story,
    StoryRevision,
    Transition,
)

REVIEW_STATES = (State.SUBMITTED, State.APPROVED, State.SCHEDULED)
# Lists show titles, units and states; bodies and leads stay in the database.
LIST_COLUMNS = (
    "id",
    "title",
    "state",
    "unit_id",
    "kanwil_id",
    "category_id",
    "created_by_id",
    "submitted_revision_id",
    "event_start",
    "publish_at",
    "published_at",
    "updated_at",
    "unit__id",
    "unit__name",
    "unit__kanwil__id",
    "unit__kanwil__name",
    "category__id",
    "category__name",
    "created_by__id",
    "created_by__full_name",
)
# Revision ids grow with time, so the submitted revision's id orders the queue like its
# saving time did, from a column of the story that a partial index covers.
QUEUE_ORDER = ("submitted_revision_id", "id")
DESK_ORDER = ("-updated_at", "-id")
INBOX_ORDER = ("-created_at", "-id")


def _with_listing_relations(stories: QuerySet[Story]) -> QuerySet[Story]:
    return stories.select_related("unit__kanwil", "category", "created_by")


def stories_visible_to(user: AnyUser) -> QuerySet[Story]:
    """Stories of the user's units (operators) and regions (editors); all for central admins."""
    if is_central_admin(user):
        return _with_listing_relations(Story.objects.all())
    scope = scope_for(user)
    condition = Q(unit_id__in=scope.operator_unit_ids) | Q(
        unit__kanwil_id__in=scope.editor_kanwil_ids
    )
    if not (scope.operator_unit_ids or scope.editor_kanwil_ids):
        return Story.objects.none()
    return _with_listing_relations(Story.objects.filter(condition))


def story_for_page(user: AnyUser, pk: int) -> Story | None:
    """One story with everything its review page shows, if the user may see it."""
    return (
        stories_visible_to(user)
        .select_related(
            "current_revision",
            "submitted_revision",
            "approved_revision",
            "live_revision",
            "approved_revision__created_by",
        )
        .prefetch_related(
            "authors",
            "tags",
            Prefetch("photos", queryset=Photo.objects.order_by("position", "id")),
            Prefetch(
                "transitions", queryset=Transition.objects.select_related("actor", "revision")
            ),
            Prefetch("comments", queryset=Comment.objects.select_related("author", "revision")),
        )
        .filter(pk=pk)
        .first()
    )


def story_for_update(user: AnyUser, pk: int) -> Story | None:
    """A story for its edit form, with authors and tags."""
    return stories_visible_to(user).prefetch_related("authors", "tags").filter(pk=pk).first()


def review_queue_for(user: AnyUser) -> QuerySet[Story]:
    """Stories waiting for an editor of the user's regions, narrow rows, oldest submission first."""
    stories = Story.objects.filter(state__in=REVIEW_STATES)
    if not is_central_admin(user):
        stories = stories.filter(kanwil_id__in=scope_for(user).editor_kanwil_ids)
    return (
        _with_listing_relations(stories)
        .select_related("submitted_revision")
        .only(*LIST_COLUMNS, "submitted_revision__id", "submitted_revision__created_at")
        .order_by(*QUEUE_ORDER)
    )


def queue_counts_per_unit(stories: QuerySet[Story]) -> list[dict]:
    """How many stories each unit has in a queue."""
    return list(
        stories.order_by()
        .values("unit__name", "unit_id")
        .annotate(count=Count("id"))
        .order_by("-count", "unit__name")
    )


def needs_revision_count_for(user: AnyUser) -> int:
    """How many stories of the operator's units wait for the operator's revision."""
    scope = scope_for(user)
    if not scope.operator_unit_ids:
        return 0
    return Story.objects.filter(
        unit_id__in=scope.operator_unit_ids, state=State.CHANGES_REQUESTED
    ).count()


def unit_desk_for(user: AnyUser) -> QuerySet[Story]:
    """The operator's unit stories, narrow rows, with the latest editor comment prefetched."""
    scope = scope_for(user)
    return (
        _with_listing_relations(Story.objects.filter(unit_id__in=scope.operator_unit_ids))
        .only(*LIST_COLUMNS)
        .prefetch_related(
            Prefetch(
                "comments",
                queryset=Comment.objects.select_related("author").order_by("-created_at", "-id"),
                to_attr="recent_comments",
            )
        )
        .order_by(*DESK_ORDER)
    )


def revisions_of(story: Story) -> QuerySet[StoryRevision]:
    """Every snapshot of a story, newest first."""
    return story.revisions.select_related("created_by").order_by("-number")


def inbox_for(user: AnyUser) -> QuerySet[Notification]:
    """The person's notifications, newest first, with the few story columns the list shows."""
    return (
        Notification.objects.filter(recipient=user)
        .select_related("story", "actor", "story__unit")
        .only(
            "id",
            "kind",
            "note",
            "created_at",
            "read_at",
            "recipient_id",
            "story_id",
            "actor_id",
            "story__id",
            "story__title",
            "story__unit_id",
            "story__unit__id",
            "story__unit__name",
            "actor__id",
            "actor__full_name",
        )
        .order_by(*INBOX_ORDER)
    )


def unread_count_for(user: AnyUser) -> int:
    """Unread notifications, for the navigation badge (from the session when known)."""
    known = getattr(user, UNREAD_ATTRIBUTE, None)
    if known is not None:
        return known
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def stories_due_for_publication(now) -> QuerySet[Story]:
    """Scheduled stories whose time has come."""
    return Story.objects.filter(state=State.SCHEDULED, publish_at__lte=now).order_by("publish_at")


def units_written_by(user: AnyUser) -> list[Unit]:
    """The units an operator writes for."""
    return list(
        Unit.objects.filter(pk__in=scope_for(user).operator_unit_ids).select_related("kanwil")
    )


def review_units_for(user: AnyUser) -> QuerySet[Unit]:
    """The units whose stories the user reviews."""
    units = Unit.objects.filter(is_active=True)
    if not is_central_admin(user):
        units = units.filter(kanwil_id__in=scope_for(user).editor_kanwil_ids)
    return units.order_by("name")


def filter_queue(
    stories: QuerySet[Story], *, unit=None, state="", category=None, date_from=None, date_to=None
) -> QuerySet[Story]:
    """Narrow the review queue by the filter form's choices."""
    if unit is not None:
        stories = stories.filter(unit=unit)
    if state:
        stories = stories.filter(state=state)
    if category is not None:
        stories = stories.filter(category=category)
    if date_from is not None:
        stories = stories.filter(submitted_revision__created_at__date__gte=date_from)
    if date_to is not None:
        stories = stories.filter(submitted_revision__created_at__date__lte=date_to)
    return stories


def state_label(story_id: int) -> str:
    """The display name of a story's state as stored now."""
    state = Story.objects.filter(pk=story_id).values_list("state", flat=True).first()
    return State(state).label if state else ""


def reference_revision(story: Story, against: str) -> StoryRevision | None:
    """The revision to compare the current one with: the previous submission or the live one."""
    if against == "live":
        return story.live_revision
    if against == "submitted":
        # The last submission before the current one: the revision an editor last reviewed.
        submitted_ids = [
            transition.revision_id
            for transition in story.transitions.all()
            if transition.action == "submit" and transition.revision_id
        ]
        previous = [pk for pk in submitted_ids if pk != story.current_revision_id]
        if not previous:
            return None
        return StoryRevision.objects.filter(pk=previous[-1]).first()
    return None


def edit_conflict_revisions(
    story_id: int, started_version: int
) -> tuple[StoryRevision | None, StoryRevision | None, int]:
    """The revision a stale editor started from, the current one and the current version."""
    # Every content save bumps the version and snapshots the next revision, so a story's
    # version N is its revision number N.
    current = Story.objects.filter(pk=story_id).values_list("version", flat=True).first() or 0
    revisions = {
        revision.number: revision
        for revision in StoryRevision.objects.filter(
            story_id=story_id, number__in=[started_version, current]
        )
    }
    return revisions.get(started_version), revisions.get(current), current


def email_preferences_of(user: AnyUser) -> dict[str, bool]:
    """The person's e-mail choices per notification kind (missing means yes)."""
    return dict(EmailPreference.objects.filter(user=user).values_list("kind", "send_email"))


def photos_waiting_for_renditions(*, older_than: timedelta = timedelta(minutes=5)) -> list[int]:
    """Photos still without renditions well after upload."""
    cutoff = timezone.now() - older_than
    return list(
        Photo.objects.filter(rendition_state="pending", created_at__lte=cutoff).values_list(
            "pk", flat=True
        )[:200]
    )


def photo_with_story(pk: int) -> Photo | None:
    """A photo with its story and unit, for the file view's policy check."""
    return Photo.objects.select_related("story__unit").filter(pk=pk).first()


def writers_of_unit(unit: Unit) -> QuerySet:
    """Active operators of a unit: the people who may co-author its stories."""
    return (
        User.objects.filter(
            is_active=True, role_assignments__role=Role.OPERATOR, role_assignments__unit=unit
        )
        .distinct()
        .order_by("full_name")
    )
