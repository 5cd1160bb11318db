"""Changing and removing what a session holds: agenda items, speakers' appearances, materials,
invitations and coverage links. Only those who may manage the session do this."""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import User
from humas_portal.text import clean_line

from .. import selectors
from ..models import (
    AgendaItem,
    Appearance,
    Coverage,
    Invitee,
    Material,
    MaterialVisibility,
    TrainingSession,
)
from .audit import record
from .sessions import check_agenda_item, check_appearance, lock_for_management


def _gone() -> ValidationError:
    return ValidationError(
        _("This has been removed from the session in the meantime."), code="gone"
    )


def _lock_child(model, obj, session: TrainingSession):
    """The row of ``obj`` locked, if it still belongs to the (already locked) session."""
    locked = model.objects.select_for_update().filter(pk=obj.pk, session=session).first()
    if locked is None:
        raise _gone()
    return locked


def _changed(row, values: dict) -> list[str]:
    """Set the values that differ on ``row``; return the names of the changed fields."""
    changed = [name for name, value in values.items() if getattr(row, name) != value]
    for name in changed:
        setattr(row, name, values[name])
    return changed


@transaction.atomic
def update_agenda_item(
    *,
    item: AgendaItem,
    by: User,
    kind: str,
    title: str,
    starts_at: datetime | None = None,
    ends_at: datetime | None = None,
    appearance: Appearance | None = None,
) -> AgendaItem:
    """Change a part of the programme: what it is, its title, times and speaker."""
    session = lock_for_management(item.session, by)
    locked = _lock_child(AgendaItem, item, session)
    check_agenda_item(
        session, kind=kind, title=title, starts_at=starts_at, ends_at=ends_at, appearance=appearance
    )
    changed = _changed(
        locked,
        {
            "kind": kind,
            "title": clean_line(title)[:200],
            "starts_at": starts_at,
            "ends_at": ends_at,
            "appearance_id": appearance.pk if appearance is not None else None,
        },
    )
    if changed:
        locked.save(update_fields=changed)
        record(
            session=session,
            actor=by,
            action="agenda_item_updated",
            title=locked.title,
            fields=[name.removesuffix("_id") for name in changed],
        )
    return locked


@transaction.atomic
def remove_agenda_item(*, item: AgendaItem, by: User) -> None:
    """Take a part off the programme."""
    session = lock_for_management(item.session, by)
    locked = _lock_child(AgendaItem, item, session)
    title = locked.title
    locked.delete()
    record(session=session, actor=by, action="agenda_item_removed", title=title)


@transaction.atomic
def update_appearance(
    *,
    appearance: Appearance,
    by: User,
    role: str,
    topic: str,
    position_title: str,
    organisation_name: str,
) -> Appearance:
    """Correct a speaker's role, topic, or the position and organisation they held that day."""
    session = lock_for_management(appearance.session, by)
    locked = _lock_child(Appearance, appearance, session)
    title, organisation = check_appearance(
        role=role, position_title=position_title, organisation=organisation_name
    )
    changed = _changed(
        locked,
        {
            "role": role,
            "topic": clean_line(topic)[:300],
            "position_title": title,
            "organisation_name": organisation,
        },
    )
    if changed:
        locked.save(update_fields=changed)
        record(
            session=session,
            actor=by,
            action="appearance_updated",
            speaker=locked.speaker.full_name,
            fields=changed,
        )
    return locked


@transaction.atomic
def remove_appearance(*, appearance: Appearance, by: User) -> None:
    """Take a speaker off the programme; agenda items they led keep their place without them."""
    session = lock_for_management(appearance.session, by)
    locked = _lock_child(Appearance, appearance, session)
    speaker = locked.speaker.full_name
    led = list(locked.agenda_items.values_list("title", flat=True))
    locked.delete()
    record(
        session=session, actor=by, action="appearance_removed", speaker=speaker, agenda_items=led
    )


@transaction.atomic
def update_material(*, material: Material, by: User, title: str, visibility: str) -> Material:
    """Rename a material or change who may open it."""
    session = lock_for_management(material.session, by)
    locked = _lock_child(Material, material, session)
    if not clean_line(title):
        raise ValidationError(_("Give the material a title."))
    if visibility not in MaterialVisibility.values:
        raise ValidationError(_("Choose who may open the material."))
    changed = _changed(locked, {"title": clean_line(title)[:200], "visibility": visibility})
    if changed:
        locked.save(update_fields=changed)
        record(
            session=session,
            actor=by,
            action="material_updated",
            title=locked.title,
            visibility=locked.visibility,
            fields=changed,
        )
    return locked


@transaction.atomic
def remove_material(*, material: Material, by: User) -> None:
    """Withdraw a material; its stored file is deleted once the removal is committed."""
    session = lock_for_management(material.session, by)
    locked = _lock_child(Material, material, session)
    title, name, storage = locked.title, locked.file.name, locked.file.storage
    locked.delete()
    record(session=session, actor=by, action="material_removed", title=title, file=name or "")
    if name:
        transaction.on_commit(lambda: storage.delete(name))


@transaction.atomic
def remove_invitation(*, invitee: Invitee, by: User) -> None:
    """Withdraw an invitation, unless attendance has been recorded for that organisation."""
    session = lock_for_management(invitee.session, by)
    locked = _lock_child(Invitee, invitee, session)
    organisation = str(
        Invitee.objects.select_related(*selectors.INVITEE_RELATIONS).get(pk=locked.pk)
    )
    if selectors.invitee_has_records(locked):
        raise ValidationError(
            _(
                "The invitation of %(organisation)s cannot be withdrawn: attendance has been "
                "recorded for it, and that attendance would lose its organisation."
            )
            % {"organisation": organisation},
            code="has_attendance",
        )
    locked.delete()
    record(session=session, actor=by, action="invitation_removed", organisation=organisation)


@transaction.atomic
def unlink_story(*, coverage: Coverage, by: User) -> None:
    """Say that a linked news story does not report on the session after all."""
    session = lock_for_management(coverage.session, by)
    locked = _lock_child(Coverage, coverage, session)
    story_id = locked.story_id
    locked.delete()
    record(session=session, actor=by, action="coverage_unlinked", story=story_id)
