"""The organiser's page of a session: programme, materials, invitations and coverage."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from accounts.models import Unit
from accounts.policies import is_central_admin
from accounts.selectors import scope_for

from .. import policies, selectors, services
from ..forms import (
    AgendaItemForm,
    AppearanceForm,
    CoverageForm,
    InviteAllForm,
    InviteUnitForm,
    MaterialForm,
    SpeakerForm,
)
from .common import error_text, managed_session, require, visible_session


def _invitable_units(user):
    units = Unit.objects.filter(is_active=True).select_related("kanwil").order_by("name")
    if is_central_admin(user):
        return units
    scope = scope_for(user)
    return units.filter(kanwil_id__in=scope.editor_kanwil_ids) | units.filter(
        pk__in=scope.operator_unit_ids
    )


def _forms(request, session) -> dict:
    appearances = list(session.appearances.all())
    return {
        "appearance_form": AppearanceForm(),
        "speaker_form": SpeakerForm(),
        "agenda_form": AgendaItemForm(appearances=appearances),
        "material_form": MaterialForm(),
        "invite_all_form": InviteAllForm(),
        "invite_unit_form": InviteUnitForm(units=_invitable_units(request.user)),
        "coverage_form": CoverageForm(
            stories=selectors.stories_to_link(request.user, session),
            choices=selectors.story_choices_to_link(request.user, session),
        ),
    }


@login_required
def session_manage(request, pk: int):
    """Forms for everything an organiser adds to a session."""
    session = visible_session(request, pk)
    require(policies.can_manage_session(request.user, session))
    context = {
        "session": session,
        "bundle": selectors.latest_bundle(session),
        "imports": selectors.import_files_of(session)[:10],
        "coverage": list(selectors.coverage_for_management(session)),
        **_forms(request, session),
    }
    return render(request, "training/session_manage.html", context)


def _back(session, anchor: str = ""):
    return redirect(f"{session.get_absolute_url()}manage/{anchor}")


def _run(request, session, anchor: str, action, success: str):
    try:
        action()
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, success)
    return _back(session, anchor)


def _form_errors(request, form) -> None:
    for errors in form.errors.values():
        for error in errors:
            messages.error(request, error)


@login_required
@require_POST
def appearance_add(request, pk: int):
    """Put a speaker on the programme."""
    session = managed_session(request, pk)
    form = AppearanceForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
        return _back(session, "#speakers")
    data = form.cleaned_data
    return _run(
        request,
        session,
        "#speakers",
        lambda: services.add_appearance(
            session=session,
            by=request.user,
            speaker=data["speaker"],
            role=data["role"],
            topic=data["topic"],
            position_title=data["position_title"] or None,
            organisation_name=data["organisation_name"] or None,
        ),
        _("The speaker has been added."),
    )


@login_required
@require_POST
def agenda_add(request, pk: int):
    """Append a part of the programme."""
    session = managed_session(request, pk)
    form = AgendaItemForm(request.POST, appearances=list(session.appearances.all()))
    if not form.is_valid():
        _form_errors(request, form)
        return _back(session, "#agenda")
    data = form.cleaned_data
    starts_at, ends_at = form.times(session)
    return _run(
        request,
        session,
        "#agenda",
        lambda: services.add_agenda_item(
            session=session,
            by=request.user,
            kind=data["kind"],
            title=data["title"],
            starts_at=starts_at,
            ends_at=ends_at,
            appearance=form.appearances.get(data["appearance"]),
        ),
        _("The programme has been updated."),
    )


@login_required
@require_POST
def material_add(request, pk: int):
    """Hand out a file or a link."""
    session = managed_session(request, pk)
    form = MaterialForm(request.POST, request.FILES)
    if not form.is_valid():
        _form_errors(request, form)
        return _back(session, "#materials")
    data = form.cleaned_data
    return _run(
        request,
        session,
        "#materials",
        lambda: services.add_material(
            session=session,
            by=request.user,
            title=data["title"],
            upload=data["file"],
            url=data["url"],
            visibility=data["visibility"],
        ),
        _("The material has been added."),
    )


@login_required
def material_download(request, pk: int, material_pk: int):
    """A material's file, for those allowed to open it."""
    session = visible_session(request, pk)
    material = next((item for item in session.materials.all() if item.pk == material_pk), None)
    require(material is not None and not material.is_link)
    require(
        policies.can_open_material(request.user, session, material, list(session.invitees.all()))
    )
    return FileResponse(
        material.file.open("rb"),
        as_attachment=True,
        filename=material.original_name or material.file.name.rsplit("/", 1)[-1],
    )


@login_required
@require_POST
def invite_all(request, pk: int):
    """Invite every organisation in the organiser's reach."""
    session = managed_session(request, pk)
    form = InviteAllForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
        return _back(session, "#invitations")
    try:
        added = services.invite_all(session=session, by=request.user, **form.cleaned_data)
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, error_text(error))
    else:
        messages.success(
            request,
            ngettext(
                "%(count)s organisation has been invited.",
                "%(count)s organisations have been invited.",
                added,
            )
            % {"count": added},
        )
    return _back(session, "#invitations")


@login_required
@require_POST
def invite_unit(request, pk: int):
    """Invite one unit."""
    session = managed_session(request, pk)
    form = InviteUnitForm(request.POST, units=_invitable_units(request.user))
    if not form.is_valid():
        _form_errors(request, form)
        return _back(session, "#invitations")
    data = form.cleaned_data
    return _run(
        request,
        session,
        "#invitations",
        lambda: services.invite_organisations(
            session=session,
            by=request.user,
            organisations=[data["unit"]],
            expected_count=data["expected_count"],
            expected_roles=data["expected_roles"],
        ),
        _("The unit has been invited."),
    )


@login_required
@require_POST
def coverage_add(request, pk: int):
    """Link a news story about the session."""
    session = visible_session(request, pk)
    form = CoverageForm(request.POST, stories=selectors.stories_to_link(request.user, session))
    if not form.is_valid():
        _form_errors(request, form)
        return redirect(session.get_absolute_url())
    try:
        services.link_story(session=session, story=form.cleaned_data["story"], by=request.user)
    except PermissionDenied:
        require(False)
    messages.success(request, _("The story has been linked to the session."))
    return redirect(session.get_absolute_url())
