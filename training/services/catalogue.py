"""Speakers, materials, invitations and coverage of sessions."""

import os
import secrets

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Directorate, Kanwil, Unit, User
from accounts.policies import is_central_admin
from accounts.selectors import scope_for
from humas_portal.text import clean_line

from .. import policies
from ..materials import MATERIAL_EXTENSIONS, MATERIAL_MAX_BYTES, check_material_file
from ..models import (
    Coverage,
    Invitee,
    Material,
    MaterialVisibility,
    Speaker,
    SpeakerAlias,
    TrainingSession,
)
from .audit import record
from .sessions import lock_for_management

MAX_EXPECTED = 500


def _clean_aliases(full_name: str, aliases) -> list[str]:
    result = []
    for alias in aliases or []:
        value = clean_line(str(alias))
        if (
            value
            and value.lower() != full_name.lower()
            and value.lower() not in (item.lower() for item in result)
        ):
            result.append(value[:200])
    return result


@transaction.atomic
def create_speaker(
    *,
    by: User,
    full_name: str,
    current_position: str = "",
    current_organisation: str = "",
    aliases: list[str] | None = None,
) -> Speaker:
    """Add a person who speaks at sessions, with the other ways their name is written."""
    if not policies.can_manage_speakers(by):
        raise PermissionDenied(_("You may not keep speaker records."))
    name = clean_line(full_name)
    if not name:
        raise ValidationError(_("Give the speaker's full name."))
    speaker = Speaker.objects.create(
        full_name=name[:200],
        current_position=clean_line(current_position)[:200],
        current_organisation=clean_line(current_organisation)[:200],
    )
    SpeakerAlias.objects.bulk_create(
        SpeakerAlias(speaker=speaker, alias=alias) for alias in _clean_aliases(name, aliases)
    )
    record(session=None, actor=by, action="speaker_created", speaker=speaker.full_name)
    return speaker


@transaction.atomic
def update_speaker(
    *,
    speaker: Speaker,
    by: User,
    current_position: str,
    current_organisation: str,
    aliases: list[str] | None = None,
) -> Speaker:
    """Record a new position (a reshuffle); past appearances keep what they said that day.
    Only central admins and the organisers of the speaker's sessions change the record."""
    locked = Speaker.objects.select_for_update().get(pk=speaker.pk)
    sessions = TrainingSession.objects.filter(appearances__speaker=locked).select_related(
        "organiser_unit"
    )
    if not policies.can_edit_speaker(by, sessions):
        raise PermissionDenied(_("You may not change this speaker's record."))
    old = {
        "position": locked.current_position,
        "organisation": locked.current_organisation,
        "aliases": [alias.alias for alias in locked.aliases.all()],
    }
    locked.current_position = clean_line(current_position)[:200]
    locked.current_organisation = clean_line(current_organisation)[:200]
    locked.updated_at = timezone.now()
    locked.save(update_fields=["current_position", "current_organisation", "updated_at"])
    if aliases is not None:
        locked.aliases.all().delete()
        SpeakerAlias.objects.bulk_create(
            SpeakerAlias(speaker=locked, alias=alias)
            for alias in _clean_aliases(locked.full_name, aliases)
        )
    record(
        session=None,
        actor=by,
        action="speaker_updated",
        speaker=locked.full_name,
        old=old,
        new={
            "position": locked.current_position,
            "organisation": locked.current_organisation,
            "aliases": [alias.alias for alias in locked.aliases.all()],
        },
    )
    return locked


@transaction.atomic
def add_material(
    *,
    session: TrainingSession,
    by: User,
    title: str,
    upload: UploadedFile | None = None,
    url: str = "",
    visibility: str = MaterialVisibility.INVITED,
) -> Material:
    """Hand out a file or a link with a session; a file must really be what its name says."""
    locked = lock_for_management(session, by)
    if not clean_line(title):
        raise ValidationError(_("Give the material a title."))
    if visibility not in MaterialVisibility.values:
        raise ValidationError(_("Choose who may open the material."))
    if bool(upload) == bool(clean_line(url)):
        raise ValidationError(_("Upload a file or give a link, not both."))
    last = locked.materials.aggregate(last=Max("position"))["last"] or 0
    material = Material(
        session=locked,
        position=last + 1,
        title=clean_line(title)[:200],
        url=clean_line(url),
        visibility=visibility,
        uploaded_by=by,
    )
    if upload:
        extension = os.path.splitext(upload.name or "")[1].lower()
        if extension not in MATERIAL_EXTENSIONS:
            raise ValidationError(
                _("Materials may be %(types)s files.")
                % {"types": ", ".join(sorted(ext.lstrip(".") for ext in MATERIAL_EXTENSIONS))},
                code="extension",
            )
        if upload.size > MATERIAL_MAX_BYTES:
            raise ValidationError(
                _("A material may be at most %(mb)s MB.")
                % {"mb": MATERIAL_MAX_BYTES // (1024 * 1024)},
                code="too_large",
            )
        check_material_file(upload, extension)
        material.original_name = os.path.basename(upload.name)[:255]
        material.file.save(f"{secrets.token_hex(16)}{extension}", upload, save=False)
    material.save()
    record(session=locked, actor=by, action="material_added", title=material.title)
    return material


def _invitable_everything(by: User) -> list[Unit | Kanwil | Directorate]:
    """All organisations the person may invite with one click."""
    if is_central_admin(by):
        return [*Kanwil.objects.all(), *Unit.objects.filter(is_active=True)]
    scope = scope_for(by)
    kanwils = list(Kanwil.objects.filter(pk__in=scope.editor_kanwil_ids))
    units = Unit.objects.filter(is_active=True).filter(
        kanwil_id__in=scope.editor_kanwil_ids
    ) | Unit.objects.filter(pk__in=scope.operator_unit_ids, is_active=True)
    return [*kanwils, *units.distinct()]


def _invitee_for(session, organisation, *, by, expected_count, expected_roles) -> Invitee:
    key = {
        "unit": organisation if isinstance(organisation, Unit) else None,
        "kanwil": organisation if isinstance(organisation, Kanwil) else None,
        "directorate": organisation if isinstance(organisation, Directorate) else None,
    }
    return Invitee(
        session=session,
        **key,
        expected_count=expected_count,
        expected_roles=expected_roles,
        invited_by=by,
    )


def _check_expected(expected_count: int) -> None:
    if not 1 <= expected_count <= MAX_EXPECTED:
        raise ValidationError(
            _("Expect between 1 and %(max)s people per organisation.") % {"max": MAX_EXPECTED}
        )


@transaction.atomic
def invite_organisations(
    *,
    session: TrainingSession,
    by: User,
    organisations: list[Unit | Kanwil | Directorate],
    expected_count: int = 2,
    expected_roles: str = "",
) -> int:
    """Invite organisations (already invited ones are left as they are); returns how many."""
    locked = lock_for_management(session, by)
    _check_expected(expected_count)
    if not all(policies.can_invite(by, organisation) for organisation in organisations):
        raise PermissionDenied(_("You may not invite some of these organisations."))
    before = locked.invitees.count()
    Invitee.objects.bulk_create(
        [
            _invitee_for(
                locked,
                organisation,
                by=by,
                expected_count=expected_count,
                expected_roles=clean_line(expected_roles)[:200],
            )
            for organisation in organisations
        ],
        ignore_conflicts=True,
    )
    added = locked.invitees.count() - before
    record(session=locked, actor=by, action="organisations_invited", count=added)
    return added


def invite_all(
    *, session: TrainingSession, by: User, expected_count: int = 2, expected_roles: str = ""
) -> int:
    """Invite every organisation in the person's reach: all Kanwil and units for admins,
    the Kanwil and its units for editors, the unit for operators."""
    return invite_organisations(
        session=session,
        by=by,
        organisations=_invitable_everything(by),
        expected_count=expected_count,
        expected_roles=expected_roles,
    )


@transaction.atomic
def set_expected(
    *, invitee: Invitee, by: User, expected_count: int, expected_roles: str
) -> Invitee:
    """Change how many people an invited organisation should send, and who."""
    lock_for_management(invitee.session, by)
    _check_expected(expected_count)
    locked = Invitee.objects.select_for_update().get(pk=invitee.pk)
    locked.expected_count = expected_count
    locked.expected_roles = clean_line(expected_roles)[:200]
    locked.save(update_fields=["expected_count", "expected_roles"])
    record(
        session=locked.session,
        actor=by,
        action="expected_changed",
        invitee=str(locked),
        expected=expected_count,
    )
    return locked


@transaction.atomic
def link_story(*, session: TrainingSession, story, by: User) -> Coverage:
    """Record that a news story reports on the session (idempotent)."""
    if not policies.can_link_coverage(by, session, story):
        raise PermissionDenied(_("You may not link this story to this session."))
    try:
        with transaction.atomic():
            coverage, created = Coverage.objects.get_or_create(
                session=session, story=story, defaults={"linked_by": by}
            )
    except IntegrityError:
        coverage, created = Coverage.objects.get(session=session, story=story), False
    if created:
        record(session=session, actor=by, action="coverage_linked", story=story.pk)
    return coverage
