"""Creating and editing sessions, their agenda, speakers' appearances and materials."""

import secrets
import zoneinfo
from datetime import UTC, datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Directorate, Kanwil, Unit, User
from humas_portal.text import clean_line, clean_text

from .. import credit, policies
from ..models import (
    AgendaItem,
    AgendaKind,
    Appearance,
    AppearanceRole,
    Mode,
    Platform,
    PresenceRule,
    SessionKind,
    Speaker,
    TrainingSession,
)
from .audit import record

# Free text of more than one line; every other typed value is one line.
MULTI_LINE_FIELDS = frozenset({"description"})
CHECKIN_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CHECKIN_LENGTH = 6
MAX_JP = Decimal("999.99")
# Fields that decide who counts as present: fixed once attendance exists.
RULE_FIELDS = (
    "presence_rule",
    "presence_min_minutes",
    "presence_min_percent",
    "starts_at",
    "ends_at",
)
EDITABLE_FIELDS = (
    "title",
    "theme",
    "kind",
    "starts_at",
    "ends_at",
    "time_zone",
    "mode",
    "place",
    "platform",
    "meeting_id",
    "join_url",
    "passcode",
    "recording_url",
    "description",
    "jp_credited",
    "jp_justification",
    "presence_rule",
    "presence_min_minutes",
    "presence_min_percent",
)


def new_checkin_code() -> str:
    """A short code participants type to check in."""
    return "".join(secrets.choice(CHECKIN_ALPHABET) for _index in range(CHECKIN_LENGTH))


def organiser_fields(organisation: Directorate | Kanwil | Unit) -> dict:
    """The three organiser keys with exactly one set."""
    return {
        "organiser_directorate": organisation if isinstance(organisation, Directorate) else None,
        "organiser_kanwil": organisation if isinstance(organisation, Kanwil) else None,
        "organiser_unit": organisation if isinstance(organisation, Unit) else None,
    }


def _clean_value(key: str, value):
    """Typed text cleaned like news text: one line, except the description."""
    if not isinstance(value, str):
        return value
    return clean_text(value) if key in MULTI_LINE_FIELDS else clean_line(value)


def _clean_values(values: dict, *, check_jp: bool = True) -> dict:
    """Trim text, check times, the rule and the mode; return what goes into the row."""
    cleaned = {key: _clean_value(key, value) for key, value in values.items()}
    errors = []
    if not cleaned.get("title"):
        errors.append(_("Give the session a title."))
    if cleaned.get("kind") not in SessionKind.values:
        errors.append(_("Choose the kind of session."))
    if cleaned.get("mode") not in Mode.values:
        errors.append(_("Choose whether the session is online, in person or hybrid."))
    if cleaned.get("platform", "") not in Platform.values:
        errors.append(_("Choose a known platform."))
    try:
        zoneinfo.ZoneInfo(cleaned.get("time_zone") or "")
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        errors.append(_("Choose the time zone the session is held in."))
    starts_at, ends_at = cleaned.get("starts_at"), cleaned.get("ends_at")
    if not isinstance(starts_at, datetime) or not isinstance(ends_at, datetime):
        errors.append(_("Give the start and the end of the session."))
    elif timezone.is_naive(starts_at) or timezone.is_naive(ends_at):
        errors.append(_("Give the start and the end of the session with their time zone."))
    elif ends_at <= starts_at:
        errors.append(_("The session must end after it starts."))
    else:
        cleaned["starts_at"], cleaned["ends_at"] = (
            starts_at.astimezone(UTC),
            ends_at.astimezone(UTC),
        )
    if cleaned.get("mode") == Mode.IN_PERSON and not cleaned.get("place"):
        errors.append(_("Say where an in-person session takes place."))
    planned = cleaned.get("starts_at"), cleaned.get("ends_at")
    minutes = (
        int((planned[1] - planned[0]).total_seconds() // 60)
        if all(isinstance(value, datetime) for value in planned)
        else 0
    )
    if cleaned.get("jp_credited") is None:
        cleaned["jp_credited"] = credit.default_jp(minutes)
    jp = Decimal(cleaned["jp_credited"])
    if jp < 0 or jp > MAX_JP:
        errors.append(_("JP credited must be between 0 and 999.99."))
    cleaned["jp_credited"] = jp
    cleaned["jp_justification"] = (cleaned.get("jp_justification") or "")[:300]
    if (
        check_jp
        and minutes
        and jp > credit.max_jp(minutes)
        and len(cleaned["jp_justification"]) < 10
    ):
        errors.append(
            _(
                "A session of %(minutes)s minutes credits at most %(max)s JP (1 JP is 45 "
                "minutes). Lower the JP, or say why it credits more (at least 10 characters)."
            )
            % {"minutes": minutes, "max": credit.max_jp(minutes).normalize()}
        )
    rule = cleaned.get("presence_rule")
    if rule == PresenceRule.MINUTES:
        cleaned["presence_min_percent"] = None
        if not cleaned.get("presence_min_minutes") or cleaned["presence_min_minutes"] < 1:
            errors.append(_("Give the minimum minutes a person must attend."))
    elif rule == PresenceRule.SHARE:
        cleaned["presence_min_minutes"] = None
        percent = cleaned.get("presence_min_percent")
        if not percent or not 1 <= percent <= 100:
            errors.append(_("Give the share of the scheduled time, between 1 and 100 percent."))
    else:
        errors.append(_("Choose how a person counts as present."))
    if errors:
        raise ValidationError(errors)
    return cleaned


@transaction.atomic
def create_session(
    *,
    by: User,
    organiser: Directorate | Kanwil | Unit,
    title: str,
    kind: str,
    starts_at: datetime,
    ends_at: datetime,
    time_zone: str,
    mode: str,
    presence_rule: str,
    presence_min_minutes: int | None = None,
    presence_min_percent: int | None = None,
    jp_credited: Decimal | None = None,
    jp_justification: str = "",
    theme: str = "",
    place: str = "",
    platform: str = "",
    meeting_id: str = "",
    join_url: str = "",
    passcode: str = "",
    recording_url: str = "",
    description: str = "",
) -> TrainingSession:
    """Plan a session for an organisation; its presence rule is fixed from here on. Without
    a JP figure it credits one JP per 45 planned minutes."""
    if not policies.can_organise_for(by, organiser):
        raise PermissionDenied(_("You may not organise sessions for this organisation."))
    values = _clean_values(
        {
            "title": title,
            "kind": kind,
            "starts_at": starts_at,
            "ends_at": ends_at,
            "time_zone": time_zone,
            "mode": mode,
            "presence_rule": presence_rule,
            "presence_min_minutes": presence_min_minutes,
            "presence_min_percent": presence_min_percent,
            "jp_credited": jp_credited,
            "jp_justification": jp_justification,
            "theme": theme,
            "place": place,
            "platform": platform,
            "meeting_id": meeting_id,
            "join_url": join_url,
            "passcode": passcode,
            "recording_url": recording_url,
            "description": description,
        }
    )
    now = timezone.now()
    session = TrainingSession.objects.create(
        **values,
        **organiser_fields(organiser),
        checkin_code=new_checkin_code(),
        created_by=by,
        created_at=now,
        updated_at=now,
    )
    record(session=session, actor=by, action="session_created", title=session.title)
    return session


@transaction.atomic
def update_session(*, session: TrainingSession, by: User, **changes) -> TrainingSession:
    """Change a session's details; its rule and schedule stay fixed once attendance exists."""
    locked = (
        TrainingSession.objects.select_for_update(of=("self",))
        .select_related("organiser_unit")
        .get(pk=session.pk)
    )
    if not policies.can_manage_session(by, locked):
        raise PermissionDenied(_("You may not change this session."))
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"Not editable: {sorted(unknown)}")
    current = {name: getattr(locked, name) for name in EDITABLE_FIELDS}
    # Sessions saved before the JP rule keep their figure until it or the schedule changes.
    check_jp = any(
        name in changes and changes[name] != current[name]
        for name in ("jp_credited", "jp_justification", "starts_at", "ends_at")
    )
    values = _clean_values({**current, **changes}, check_jp=check_jp)
    changed = [name for name in EDITABLE_FIELDS if values[name] != current[name]]
    if not changed:
        return locked
    if set(changed) & set(RULE_FIELDS) and locked.attendances.exists():
        raise ValidationError(
            _(
                "Attendance has been recorded, so the schedule and the presence rule of this "
                "session can no longer change."
            ),
            code="rule_fixed",
        )
    for name in changed:
        setattr(locked, name, values[name])
    locked.updated_at = timezone.now()
    locked.save(update_fields=[*changed, "updated_at"])
    record(session=locked, actor=by, action="session_updated", fields=changed)
    return locked


def lock_for_management(session: TrainingSession, by: User) -> TrainingSession:
    """The session, locked for a change, if ``by`` may manage it."""
    locked = (
        TrainingSession.objects.select_for_update(of=("self",))
        .select_related("organiser_unit")
        .get(pk=session.pk)
    )
    if not policies.can_manage_session(by, locked):
        raise PermissionDenied(_("You may not change this session."))
    return locked


@transaction.atomic
def add_appearance(
    *,
    session: TrainingSession,
    by: User,
    speaker: Speaker,
    role: str,
    topic: str = "",
    position_title: str | None = None,
    organisation_name: str | None = None,
) -> Appearance:
    """Add a speaker to the programme, keeping their position and organisation of that day."""
    locked = lock_for_management(session, by)
    speaker = Speaker.objects.get(pk=speaker.pk)  # the position held today, freshly read
    title = position_title if position_title is not None else speaker.current_position
    organisation = (
        organisation_name if organisation_name is not None else speaker.current_organisation
    )
    title, organisation = check_appearance(
        role=role, position_title=title, organisation=organisation
    )
    last = locked.appearances.aggregate(last=Max("position"))["last"] or 0
    appearance = Appearance.objects.create(
        session=locked,
        speaker=speaker,
        role=role,
        position=last + 1,
        topic=clean_line(topic)[:300],
        position_title=title,
        organisation_name=organisation,
    )
    record(
        session=locked,
        actor=by,
        action="appearance_added",
        speaker=speaker.full_name,
        role=role,
    )
    return appearance


@transaction.atomic
def add_agenda_item(
    *,
    session: TrainingSession,
    by: User,
    kind: str,
    title: str,
    starts_at: datetime | None = None,
    ends_at: datetime | None = None,
    appearance: Appearance | None = None,
) -> AgendaItem:
    """Append a part of the programme."""
    locked = lock_for_management(session, by)
    check_agenda_item(
        locked, kind=kind, title=title, starts_at=starts_at, ends_at=ends_at, appearance=appearance
    )
    last = locked.agenda_items.aggregate(last=Max("position"))["last"] or 0
    item = AgendaItem.objects.create(
        session=locked,
        position=last + 1,
        kind=kind,
        title=clean_line(title),
        starts_at=starts_at,
        ends_at=ends_at,
        appearance=appearance,
    )
    record(session=locked, actor=by, action="agenda_item_added", title=item.title)
    return item


def check_appearance(*, role: str, position_title: str, organisation: str) -> tuple[str, str]:
    """Refuse an unknown role or a missing position; return position and organisation, trimmed."""
    if role not in AppearanceRole.values:
        raise ValidationError(_("Choose the speaker's role."))
    title = clean_line(position_title)[:200]
    if not title:
        raise ValidationError(_("Give the speaker's position on the day of the session."))
    return title, clean_line(organisation)[:200]


def check_agenda_item(
    session: TrainingSession,
    *,
    kind: str,
    title: str,
    starts_at: datetime | None,
    ends_at: datetime | None,
    appearance: Appearance | None,
) -> None:
    """Refuse a part of the programme that is unnamed, unknown, backwards or someone else's."""
    if kind not in AgendaKind.values:
        raise ValidationError(_("Choose what this part of the programme is."))
    if not clean_line(title):
        raise ValidationError(_("Give this part of the programme a title."))
    if starts_at and ends_at and ends_at <= starts_at:
        raise ValidationError(_("This part of the programme must end after it starts."))
    if appearance is not None and appearance.session_id != session.pk:
        raise ValidationError(_("This speaker does not appear at this session."))
