"""Every write to the staff directory: records, moves, links to logins."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Directorate, Kanwil, Unit, User
from accounts.nip import normalise_nip, validate_nip
from accounts.services import record_event
from training.models import Attendance, ImportRow

from . import policies
from .models import StaffMember, StaffMove, StaffStatus

Organisation = Unit | Kanwil | Directorate
EDITABLE_FIELDS = (
    "full_name",
    "front_title",
    "back_title",
    "position",
    "golongan",
    "email",
    "status",
)


def _place(member: StaffMember, organisation: Organisation) -> None:
    member.unit = organisation if isinstance(organisation, Unit) else None
    member.kanwil = organisation if isinstance(organisation, Kanwil) else None
    member.directorate = organisation if isinstance(organisation, Directorate) else None


def _clean(values: dict) -> dict:
    cleaned = {key: " ".join(str(values.get(key, "") or "").split()) for key in EDITABLE_FIELDS}
    cleaned["email"] = cleaned["email"].lower()
    if not cleaned["full_name"]:
        raise ValidationError(_("Give the person's name."), code="name")
    if cleaned["status"] not in StaffStatus.values:
        cleaned["status"] = StaffStatus.ACTIVE
    return cleaned


@transaction.atomic
def create_member(*, by: User, nip: str, organisation: Organisation, **values) -> StaffMember:
    """Add a civil servant to the directory (from the member form or the matching queue)."""
    if not policies.can_place_in(by, organisation):
        raise PermissionDenied(_("You may not add people to this organisation."))
    nip = normalise_nip(nip)
    validate_nip(nip)
    if not nip:
        raise ValidationError(_("The NIP is missing."), code="nip")
    member = StaffMember(nip=nip, **_clean(values))
    _place(member, organisation)
    try:
        with transaction.atomic():
            member.save()
    except IntegrityError:
        # Said the same way whether or not the record is within the user's reach.
        raise ValidationError(
            _("The directory has a record with this NIP already; search for it by NIP."),
            code="nip_taken",
        ) from None
    record_event(
        actor=by, action="staff_added", subject=None, nip=nip, organisation=str(organisation)
    )
    return member


@transaction.atomic
def update_member(
    *, member: StaffMember, by: User, organisation: Organisation, source: str = "manual", **values
) -> StaffMember:
    """Change a record; a change of organisation is kept as a move in its history."""
    locked = StaffMember.objects.select_for_update().get(pk=member.pk)
    if not policies.can_edit_member(by, locked):
        raise PermissionDenied(_("You may not change this record."))
    if not policies.can_place_in(by, organisation):
        raise PermissionDenied(_("You may not move people to this organisation."))
    cleaned = _clean(values)
    previous = locked.organisation
    for key, value in cleaned.items():
        setattr(locked, key, value)
    _place(locked, organisation)
    locked.updated_at = timezone.now()
    locked.save(update_fields=[*EDITABLE_FIELDS, "unit", "kanwil", "directorate", "updated_at"])
    if previous != organisation:
        StaffMove.objects.create(
            member=locked,
            from_name=str(previous)[:200],
            to_name=str(organisation)[:200],
            source=source,
            moved_by=by,
        )
    record_event(
        actor=by,
        action="staff_changed",
        subject=locked.user,
        nip=locked.nip,
        moved=previous != organisation,
    )
    return locked


def _session_conflicts(member: StaffMember, user: User) -> list[tuple[Attendance, Attendance]]:
    """Sessions where both the record (without login) and the login have an attendance."""
    own = {
        attendance.session_id: attendance
        for attendance in Attendance.objects.filter(staff=member, user=None).annotate(
            certificate_count=Count("certificates")
        )
    }
    if not own:
        return []
    theirs = Attendance.objects.filter(user=user, session_id__in=own).annotate(
        certificate_count=Count("certificates")
    )
    return [(own[attendance.session_id], attendance) for attendance in theirs]


def _merge_attendances(member: StaffMember, user: User) -> int:
    """One attendance per session after linking: the one with a certificate, else the one
    credited with more minutes; both with certificates cannot be merged."""
    removed = 0
    for record_row, login_row in _session_conflicts(member, user):
        if record_row.certificate_count and login_row.certificate_count:
            raise ValidationError(
                _(
                    "The record and the login both hold a certificate of “%(session)s”; "
                    "revoke one of them first."
                )
                % {"session": record_row.session},
                code="both_certified",
            )
        keep_record = record_row.certificate_count or (
            not login_row.certificate_count
            and (record_row.meets_rule, record_row.minutes_attended)
            > (login_row.meets_rule, login_row.minutes_attended)
        )
        (login_row if keep_record else record_row).delete()
        removed += 1
    return removed


@transaction.atomic
def link_member(*, member: StaffMember, user: User, by: User | None) -> StaffMember:
    """Tie a directory record to a login; the history of each follows to the other."""
    locked = StaffMember.objects.select_for_update().get(pk=member.pk)
    if by is not None and not policies.can_link_login(by, locked):
        raise PermissionDenied(_("You may not link this record to a login."))
    if locked.user_id == user.pk:
        return locked
    if locked.user_id is not None:
        raise ValidationError(_("This record is linked to another login already."), code="linked")
    if StaffMember.objects.filter(user=user).exists():
        raise ValidationError(
            _("This login is linked to another directory record already."), code="login_linked"
        )
    if user.nip and user.nip != locked.nip:
        raise ValidationError(
            _("The login's NIP differs from the record's; correct one of them first."),
            code="nip_differs",
        )
    merged = _merge_attendances(locked, user)
    locked.user = user
    locked.updated_at = timezone.now()
    locked.save(update_fields=["user", "updated_at"])
    Attendance.objects.filter(staff=locked, user=None).update(user=user)
    Attendance.objects.filter(user=user, staff=None).update(staff=locked)
    ImportRow.objects.filter(matched_staff=locked, matched_user=None).update(matched_user=user)
    ImportRow.objects.filter(matched_user=user, matched_staff=None).update(matched_staff=locked)
    if not user.nip:
        user.nip = locked.nip
        user.save(update_fields=["nip"])
    record_event(actor=by, action="staff_linked", subject=user, nip=locked.nip, merged=merged)
    return locked


def link_by_nip(*, nips: set[str]) -> int:
    """Link records of these NIPs to the logins carrying the same NIP (after a roster)."""
    pairs = list(
        User.objects.filter(nip__in=nips, is_active=True, staff_record__isnull=True).values_list(
            "nip", "pk"
        )
    )
    if not pairs:
        return 0
    members = {
        member.nip: member
        for member in StaffMember.objects.filter(nip__in=[nip for nip, _pk in pairs], user=None)
    }
    users = User.objects.in_bulk([pk for _nip, pk in pairs])
    linked = 0
    for nip, pk in pairs:
        if nip in members:
            try:
                with transaction.atomic():
                    link_member(member=members[nip], user=users[pk], by=None)
            except ValidationError:
                continue
            linked += 1
    return linked
