"""Editing and removing a session's agenda items, speakers, materials, invitations and coverage.

Every removal asks for confirmation first: the GET shows what will go, only the POST removes.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from .. import selectors, services
from ..forms import (
    AgendaItemForm,
    AppearanceEditForm,
    InviteeForm,
    MaterialEditForm,
    agenda_initial,
)
from .common import error_text, managed_session, require

INVITEES_PER_PAGE = 50


def _manage_url(session, anchor: str) -> str:
    return f"{session.get_absolute_url()}manage/#{anchor}"


def _found(item):
    require(item is not None)
    return item


def _edit(request, session, form, *, template: str, save, success: str, back: str, **context):
    """Show ``form``; on a valid POST call ``save`` and go ``back`` with a message."""
    if request.method == "POST" and form.is_valid():
        try:
            save(form.cleaned_data)
        except PermissionDenied:
            require(False)
        except ValidationError as error:
            form.add_error(None, error_text(error))
        else:
            messages.success(request, success)
            return redirect(back)
    context.update({"session": session, "form": form, "back": back})
    return render(request, template, context)


def _confirm_remove(request, session, *, template: str, remove, success: str, back: str, **context):
    """GET: ask for confirmation. POST: remove, then go ``back`` with a message."""
    if request.method == "POST":
        try:
            remove()
        except PermissionDenied:
            require(False)
        except ValidationError as error:
            messages.error(request, error_text(error))
        else:
            messages.success(request, success)
        return redirect(back)
    context.update({"session": session, "back": back})
    return render(request, template, context)


@login_required
@require_http_methods(["GET", "POST"])
def agenda_edit(request, pk: int, item_pk: int):
    """Change a part of the programme."""
    session = managed_session(request, pk)
    item = _found(selectors.agenda_item_of(session, item_pk))
    appearances = list(session.appearances.select_related("speaker"))
    form = AgendaItemForm(
        request.POST or None, initial=agenda_initial(item), appearances=appearances
    )

    def save(data):
        starts_at, ends_at = form.times(session)
        services.update_agenda_item(
            item=item,
            by=request.user,
            kind=data["kind"],
            title=data["title"],
            starts_at=starts_at,
            ends_at=ends_at,
            appearance=form.appearances.get(data["appearance"]),
        )

    return _edit(
        request,
        session,
        form,
        template="training/agendaitem_form.html",
        save=save,
        success=_("The programme has been updated."),
        back=_manage_url(session, "agenda"),
        item=item,
    )


@login_required
@require_http_methods(["GET", "POST"])
def agenda_remove(request, pk: int, item_pk: int):
    """Take a part off the programme, after confirmation."""
    session = managed_session(request, pk)
    item = _found(selectors.agenda_item_of(session, item_pk))
    return _confirm_remove(
        request,
        session,
        template="training/agendaitem_confirm_delete.html",
        remove=lambda: services.remove_agenda_item(item=item, by=request.user),
        success=_("The part has been taken off the programme."),
        back=_manage_url(session, "agenda"),
        item=item,
    )


@login_required
@require_http_methods(["GET", "POST"])
def appearance_edit(request, pk: int, appearance_pk: int):
    """Correct a speaker's role, topic, or position that day."""
    session = managed_session(request, pk)
    appearance = _found(selectors.appearance_of(session, appearance_pk))
    initial = {
        "role": appearance.role,
        "topic": appearance.topic,
        "position_title": appearance.position_title,
        "organisation_name": appearance.organisation_name,
    }
    form = AppearanceEditForm(request.POST or None, initial=initial)
    return _edit(
        request,
        session,
        form,
        template="training/appearance_form.html",
        save=lambda data: services.update_appearance(
            appearance=appearance, by=request.user, **data
        ),
        success=_("The speaker's appearance has been updated."),
        back=_manage_url(session, "speakers"),
        appearance=appearance,
    )


@login_required
@require_http_methods(["GET", "POST"])
def appearance_remove(request, pk: int, appearance_pk: int):
    """Take a speaker off the programme, after confirmation."""
    session = managed_session(request, pk)
    appearance = _found(selectors.appearance_of(session, appearance_pk))
    return _confirm_remove(
        request,
        session,
        template="training/appearance_confirm_delete.html",
        remove=lambda: services.remove_appearance(appearance=appearance, by=request.user),
        success=_("The speaker has been taken off the programme."),
        back=_manage_url(session, "speakers"),
        appearance=appearance,
        led=list(appearance.agenda_items.all()),
    )


@login_required
@require_http_methods(["GET", "POST"])
def material_edit(request, pk: int, material_pk: int):
    """Rename a material or change who may open it."""
    session = managed_session(request, pk)
    material = _found(selectors.material_of(session, material_pk))
    initial = {"title": material.title, "visibility": material.visibility}
    form = MaterialEditForm(request.POST or None, initial=initial)
    return _edit(
        request,
        session,
        form,
        template="training/material_form.html",
        save=lambda data: services.update_material(material=material, by=request.user, **data),
        success=_("The material has been updated."),
        back=_manage_url(session, "materials"),
        material=material,
    )


@login_required
@require_http_methods(["GET", "POST"])
def material_remove(request, pk: int, material_pk: int):
    """Withdraw a material and its file, after confirmation."""
    session = managed_session(request, pk)
    material = _found(selectors.material_of(session, material_pk))
    return _confirm_remove(
        request,
        session,
        template="training/material_confirm_delete.html",
        remove=lambda: services.remove_material(material=material, by=request.user),
        success=_("The material has been removed."),
        back=_manage_url(session, "materials"),
        material=material,
    )


@login_required
def invitee_list(request, pk: int):
    """The invited organisations, with how many are expected and whether they took part."""
    session = managed_session(request, pk)
    invitees = selectors.invitees_for_management(session)
    context = {
        "session": session,
        "page": Paginator(invitees, INVITEES_PER_PAGE).get_page(request.GET.get("page")),
    }
    return render(request, "training/invitee_list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def invitee_edit(request, pk: int, invitee_pk: int):
    """Change how many people an invited organisation should send, and who."""
    session = managed_session(request, pk)
    invitee = _found(selectors.invitee_of(session, invitee_pk))
    initial = {"expected_count": invitee.expected_count, "expected_roles": invitee.expected_roles}
    form = InviteeForm(request.POST or None, initial=initial)
    return _edit(
        request,
        session,
        form,
        template="training/invitee_form.html",
        save=lambda data: services.set_expected(invitee=invitee, by=request.user, **data),
        success=_("The invitation has been updated."),
        back=f"{session.get_absolute_url()}invitations/",
        invitee=invitee,
    )


@login_required
@require_http_methods(["GET", "POST"])
def invitee_remove(request, pk: int, invitee_pk: int):
    """Withdraw an invitation, after confirmation; refused once it has attendance."""
    session = managed_session(request, pk)
    invitee = _found(selectors.invitee_of(session, invitee_pk))
    return _confirm_remove(
        request,
        session,
        template="training/invitee_confirm_delete.html",
        remove=lambda: services.remove_invitation(invitee=invitee, by=request.user),
        success=_("The invitation has been withdrawn."),
        back=f"{session.get_absolute_url()}invitations/",
        invitee=invitee,
    )


@login_required
@require_http_methods(["GET", "POST"])
def coverage_remove(request, pk: int, coverage_pk: int):
    """Unlink a story from the session, after confirmation."""
    session = managed_session(request, pk)
    coverage = _found(selectors.coverage_of(session, coverage_pk))
    return _confirm_remove(
        request,
        session,
        template="training/coverage_confirm_delete.html",
        remove=lambda: services.unlink_story(coverage=coverage, by=request.user),
        success=_("The story is no longer linked to the session."),
        back=_manage_url(session, "coverage"),
        coverage=coverage,
    )
