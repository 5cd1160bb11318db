"""The staff directory: list, record, add and change, link to a login, roster import."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.models import User

from . import policies, rosters, selectors, services
from .forms import LinkLoginForm, MemberForm, MemberSearchForm, RosterUploadForm, choice_of
from .models import RosterStatus

PER_PAGE = 50


def _require(allowed: bool) -> None:
    """Out of reach reads as not found, so nothing about other organisations leaks."""
    if not allowed:
        raise Http404


def _errors(error) -> str:
    return " ".join(str(message) for message in getattr(error, "messages", [error]))


def _member(request, pk: int):
    member = selectors.member_for(request.user, pk)
    _require(member is not None and policies.can_see_member(request.user, member))
    return member


@login_required
def member_list(request):
    """Records within reach, searchable by name, NIP or e-mail address."""
    _require(policies.can_use_directory(request.user))
    form = MemberSearchForm(request.GET or None)
    term = form.cleaned_data["q"] if form.is_valid() else ""
    members = selectors.search_members(request.user, term)
    page = Paginator(members, PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "directory/member_list.html", {"page": page, "form": form})


@login_required
def member_detail(request, pk: int):
    """One record: organisation, moves, training credited and JP per year."""
    member = _member(request, pk)
    attendances = selectors.credited_attendances(member)
    context = {
        "member": member,
        "moves": selectors.moves_of(member),
        "attendances": attendances,
        "years": selectors.credit_of(attendances),
        "can_edit": policies.can_edit_member(request.user, member),
        "can_link": policies.can_link_login(request.user, member) and member.user_id is None,
        "link_form": LinkLoginForm(),
    }
    return render(request, "directory/member_detail.html", context)


def _fields(form) -> dict:
    data = dict(form.cleaned_data)
    data.pop("organisation")
    data.pop("nip", None)
    return data


@login_required
def member_create(request):
    """Add a record."""
    _require(policies.can_use_directory(request.user))
    form = MemberForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            member = services.create_member(
                by=request.user,
                nip=form.cleaned_data["nip"],
                organisation=form.chosen_organisation(),
                **_fields(form),
            )
        except (ValidationError, PermissionDenied) as error:
            form.add_error(None, _errors(error))
        else:
            messages.success(request, _("The record has been added."))
            return redirect(member)
    return render(request, "directory/member_form.html", {"form": form})


@login_required
def member_edit(request, pk: int):
    """Change a record; a new unit is kept as a move."""
    member = _member(request, pk)
    _require(policies.can_edit_member(request.user, member))
    initial = {
        **{key: getattr(member, key) for key in services.EDITABLE_FIELDS},
        "organisation": choice_of(member),
    }
    form = MemberForm(request.POST or None, user=request.user, editing=True, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_member(
                member=member,
                by=request.user,
                organisation=form.chosen_organisation(),
                **_fields(form),
            )
        except (ValidationError, PermissionDenied) as error:
            form.add_error(None, _errors(error))
        else:
            messages.success(request, _("The record has been saved."))
            return redirect(member)
    return render(request, "directory/member_form.html", {"form": form, "member": member})


@login_required
@require_POST
def member_link(request, pk: int):
    """Link a record to the login with the given e-mail address."""
    member = _member(request, pk)
    _require(policies.can_link_login(request.user, member))
    form = LinkLoginForm(request.POST)
    user = None
    if form.is_valid():
        user = User.objects.filter(email__iexact=form.cleaned_data["email"], is_active=True).first()
    if user is None:
        messages.error(request, _("No active login has this e-mail address."))
        return redirect(member)
    try:
        services.link_member(member=member, user=user, by=request.user)
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, _errors(error))
    else:
        messages.success(request, _("The record is linked; its training history follows."))
    return redirect(member)


@login_required
def roster_upload(request):
    """Choose a roster; a readable one is previewed with every row's errors, nothing saved."""
    _require(policies.can_use_directory(request.user))
    form = RosterUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            # Refused before reading, so an oversized upload is never held in memory.
            if upload.size > rosters.MAX_BYTES:
                raise ValidationError(_("A roster file may be at most 20 MB."))
            token, checked = rosters.stage_roster(
                by=request.user, data=upload.read(), name=upload.name
            )
        except (ValidationError, PermissionDenied) as error:
            form.add_error("file", _errors(error))
        else:
            context = {"token": token, "checked": checked, "name": upload.name}
            return render(request, "directory/roster_preview.html", context)
    context = {"form": form, "rosters": selectors.rosters_of(request.user)[:10]}
    return render(request, "directory/roster_form.html", context)


@login_required
@require_POST
def roster_confirm(request):
    """Apply the previewed roster (now, or in the background when large)."""
    _require(policies.can_use_directory(request.user))
    try:
        roster = rosters.confirm_roster(by=request.user, token=request.POST.get("token", ""))
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, _errors(error))
        return redirect("directory:roster_upload")
    if roster.status == RosterStatus.DONE:
        messages.success(request, _("The roster has been imported."))
    else:
        messages.info(request, _("The roster is large; it is being imported in the background."))
    return redirect(roster)


def _roster(request, pk: int):
    roster = selectors.rosters_of(request.user).filter(pk=pk).first()
    _require(roster is not None)
    return roster


@login_required
def roster_detail(request, pk: int):
    """A roster import: its status, progress and counts."""
    roster = _roster(request, pk)
    running = roster.status in (RosterStatus.QUEUED, RosterStatus.PROCESSING)
    context = {
        "roster": roster,
        "running": running,
        "progress": cache.get(rosters.progress_key(roster.pk), 0),
    }
    return render(request, "directory/roster_detail.html", context)


@login_required
def roster_progress(request, pk: int):
    """A roster import's progress as JSON."""
    roster = _roster(request, pk)
    done = roster.status in (RosterStatus.DONE, RosterStatus.FAILED)
    percent = 100 if done else cache.get(rosters.progress_key(roster.pk), 0)
    return JsonResponse({"status": roster.status, "percent": percent, "done": done})
