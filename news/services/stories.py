"""Writing stories: create, edit (with optimistic concurrency) and comment."""

from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import get_random_string
from django.utils.text import slugify
from django.utils.translation import gettext as _

from accounts.models import Unit, User

from .. import policies, selectors
from ..models import Category, Comment, State, Story, Tag, Transition
from ..sanitize import clean_html, clean_line, clean_text
from .content import record_content_change, snapshot
from .notifications import notify_authors


class StaleEdit(ValidationError):
    """Someone saved the story after this form was opened."""


def _story_slug(title: str) -> str:
    base = slugify(title)[:200] or "berita"
    return f"{base}-{get_random_string(6, 'abcdefghijklmnopqrstuvwxyz0123456789')}"


def _clean_content(*, title: str, lead: str, body: str, dateline: str) -> dict[str, str]:
    """Every write path cleans the same way, whatever form or import it came from."""
    content = {
        "title": clean_line(title),
        "lead": clean_text(lead),
        "body": clean_html(body),
        "dateline": clean_line(dateline),
    }
    labels = {
        "title": _("Title"),
        "lead": _("Lead (teras)"),
        "body": _("Body"),
        "dateline": _("Dateline place"),
    }
    missing = [str(labels[name]) for name, value in content.items() if not value]
    if missing:
        raise ValidationError(
            _("These fields are empty after removing unsafe content: %(fields)s")
            % {"fields": ", ".join(missing)}
        )
    return content


def _check_authors(unit: Unit, authors: list[User] | None) -> None:
    """Co-authors must write for the same unit."""
    if not authors:
        return
    writers = set(selectors.writers_of_unit(unit).values_list("pk", flat=True))
    if any(author.pk not in writers for author in authors):
        raise ValidationError(_("Co-authors must be operators of the story's unit."))


def tags_from_names(names: list[str]) -> list[Tag]:
    """Find or create tags by name."""
    tags = []
    for name in dict.fromkeys(clean_line(name)[:60] for name in names):
        if not name:
            continue
        slug = slugify(name)[:80] or get_random_string(8).lower()
        tag, _created = Tag.objects.get_or_create(slug=slug, defaults={"name": name})
        tags.append(tag)
    return tags


@transaction.atomic
def create_story(
    *,
    unit: Unit,
    by: User,
    title: str,
    lead: str,
    body: str,
    event_start: datetime,
    dateline: str,
    category: Category,
    tag_names: list[str] | None = None,
    authors: list[User] | None = None,
) -> Story:
    """Start a draft for a unit; the writer is its first author."""
    if not policies.can_write_for_unit(by, unit):
        raise PermissionDenied(_("You may not write stories for this unit."))
    content = _clean_content(title=title, lead=lead, body=body, dateline=dateline)
    _check_authors(unit, authors)
    now = timezone.now()
    story = Story.objects.create(
        unit=unit,
        kanwil_id=unit.kanwil_id,
        created_by=by,
        event_start=event_start,
        category=category,
        slug=_story_slug(content["title"]),
        created_at=now,
        updated_at=now,
        **content,
    )
    story.authors.set({by, *(authors or [])})
    story.tags.set(tags_from_names(tag_names or []))
    snapshot(story=story, by=by)
    story.save(update_fields=["current_revision"])
    Transition.objects.create(
        story=story,
        actor=by,
        action="create",
        from_state=State.DRAFT,
        to_state=State.DRAFT,
        revision=story.current_revision,
    )
    return story


@transaction.atomic
def update_story(
    *,
    story: Story,
    by: User,
    expected_version: int,
    title: str,
    lead: str,
    body: str,
    event_start: datetime,
    dateline: str,
    category: Category,
    tag_names: list[str] | None = None,
    authors: list[User] | None = None,
) -> Story:
    """Save new content; refuse a stale form; an edit after approval voids the approval."""
    story = Story.objects.select_for_update().select_related("unit").get(pk=story.pk)
    if not policies.can_edit_story(by, story):
        raise PermissionDenied(_("You may not edit this story now."))
    if story.version != expected_version:
        raise StaleEdit(
            _(
                "Someone else saved this story while you were editing it. Your text is kept "
                "below; compare it with the latest version before saving again."
            ),
            code="stale",
        )
    content = _clean_content(title=title, lead=lead, body=body, dateline=dateline)
    for name, value in content.items():
        setattr(story, name, value)
    story.event_start = event_start
    story.category = category
    if authors is not None:
        _check_authors(story.unit, authors)
        story.authors.set({*authors, story.created_by})
    story.tags.set(tags_from_names(tag_names or []))
    record_content_change(story=story, by=by, fields=[*content, "event_start", "category"])
    return story


@transaction.atomic
def add_comment(*, story: Story, by: User, text: str) -> Comment:
    """Leave a remark on the revision under review and tell the authors."""
    if not policies.can_comment(by, story):
        raise PermissionDenied(_("You may not comment on this story."))
    text = clean_text(text)
    if not text:
        raise ValidationError(_("Write a comment first."))
    comment = Comment.objects.create(
        story=story, author=by, text=text, revision_id=story.current_revision_id
    )
    notify_authors(story=story, kind="commented", actor=by, note=text)
    return comment
