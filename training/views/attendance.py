"""Attendees, check-in, the organiser's entries, exports and the matching queue."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from directory.forms import QuickMemberForm
from directory.selectors import invited_choices, member_in_session_scope

from .. import exports, policies, selectors, services
from ..forms import CheckInForm, ManualAttendanceForm, ResolveRowForm
from ..models import ImportRow
from .common import PER_PAGE, error_text, managed_session, require, visible_session

ATTENDEES_PER_PAGE = 50


def _attendances(request, session):
    invitees = list(session.invitees.all())
    attendances = selectors.attendances_visible_to(request.user, session, invitees)
    require(attendances is not None)
    return attendances


@login_required
def attendee_list(request, pk: int):
    """Who attended, within the user's scope; organisers also record attendance here."""
    session = visible_session(request, pk)
    attendances = _attendances(request, session)
    can_manage = policies.can_manage_session(request.user, session)
    # The page is chosen over narrow (name, id) rows; only its 50 rows are read in full.
    page = Paginator(attendances.values_list("pk", flat=True), ATTENDEES_PER_PAGE).get_page(
        request.GET.get("page")
    )
    page.object_list = selectors.attendances_by_ids(list(page.object_list))
    context = {
        "session": session,
        "page": page,
        "can_manage": can_manage,
        "manual_form": ManualAttendanceForm() if can_manage else None,
        "overlapping": selectors.overlapping_attendances(session) if can_manage else set(),
    }
    return render(request, "training/attendance_list.html", context)


def _export_name(session, extension: str) -> str:
    return f"kehadiran-{slugify(session.title)[:50] or session.pk}.{extension}"


@login_required
def attendee_export(request, pk: int, extension: str):
    """The visible attendees as CSV (UTF-8 with BOM) or XLSX."""
    session = visible_session(request, pk)
    attendances = list(_attendances(request, session).select_related("session"))
    table = exports.attendance_table(attendances)
    if extension == "xlsx":
        body = exports.to_xlsx(table, title=session.title)
        content_type = exports.XLSX_CONTENT_TYPE
    else:
        body = exports.to_csv(table)
        content_type = exports.CSV_CONTENT_TYPE
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{_export_name(session, extension)}"'
    return response


@login_required
@require_POST
def attendance_record(request, pk: int):
    """The organiser's entry for one person."""
    session = managed_session(request, pk)
    form = ManualAttendanceForm(request.POST)
    back = redirect("training:attendee_list", pk=session.pk)
    if not form.is_valid():
        messages.error(
            request,
            _("Check the attendance entry: %(errors)s")
            % {
                "errors": " ".join(
                    str(error) for errors in form.errors.values() for error in errors
                )
            },
        )
        return back
    data = form.cleaned_data
    person = selectors.find_person(data["person"])
    if person is None:
        messages.error(request, _("Nobody with this e-mail address or NIP uses the portal."))
        return back
    try:
        services.record_attendance(
            session=session,
            person=person,
            by=request.user,
            status=data["status"],
            minutes=data["minutes"],
            note=data["note"],
        )
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, error_text(error))
    else:
        messages.success(
            request, _("The attendance of %(name)s has been recorded.") % {"name": person}
        )
    return back


@login_required
@require_POST
def check_in(request, pk: int):
    """An invited person checks in with the session code."""
    session = visible_session(request, pk)
    form = CheckInForm(request.POST)
    if form.is_valid():
        try:
            services.check_in(session=session, by=request.user, code=form.cleaned_data["code"])
        except PermissionDenied:
            require(False)
        except ValidationError as error:
            messages.error(request, error_text(error))
        else:
            messages.success(request, _("You have checked in. Welcome!"))
    else:
        messages.error(request, _("Type the code announced in the session."))
    return redirect(session.get_absolute_url())


@login_required
def matching_queue(request, pk: int):
    """Rows of attendance files nobody could be found for."""
    session = managed_session(request, pk)
    invitees = list(session.invitees.select_related("unit", "kanwil", "directorate"))
    page = Paginator(selectors.matching_queue(session), PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "session": session,
        "page": page,
        "form": ResolveRowForm(invitees=[invitee for invitee in invitees if invitee.unit_id]),
        "member_form": QuickMemberForm(choices=invited_choices(session, request.user)),
    }
    return render(request, "training/importrow_queue.html", context)


@login_required
@require_POST
def matching_resolve(request, pk: int, row_pk: int):
    """Match one queued row to a person, a unit's room, or nothing."""
    session = managed_session(request, pk)
    row = (
        ImportRow.objects.select_related("import_file")
        .filter(pk=row_pk, import_file__session=session)
        .first()
    )
    require(row is not None)
    invitees = list(session.invitees.select_related("unit", "kanwil", "directorate"))
    form = ResolveRowForm(request.POST, invitees=invitees)
    back = redirect("training:matching_queue", pk=session.pk)
    if not form.is_valid():
        messages.error(request, _("Choose a person, an invited unit, or to ignore the row."))
        return back
    data = form.cleaned_data
    staff = member_in_session_scope(session, data["person"]) if data["person"] else None
    person = None
    if data["person"] and staff is None:
        person = selectors.find_person(data["person"])
        if person is None:
            messages.error(
                request,
                _(
                    "Nobody with this e-mail address or NIP is in the directory of the invited "
                    "organisations or uses the portal. Add the person to the directory below."
                ),
            )
            return back
    try:
        services.resolve_row(
            row=row,
            by=request.user,
            person=person,
            staff=staff,
            invitee=form.invitees.get(data["invitee"]),
            ignore=data["ignore"],
        )
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("The row has been matched."))
    return back
