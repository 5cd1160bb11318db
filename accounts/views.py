"""Views for the desk, the people desk, invitations and the organisation directory."""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from . import policies, selectors, services
from .forms import InvitationForm, PersonFilterForm, ProfileForm, SetPasswordForm

PEOPLE_PER_PAGE = 25


@login_required
def dashboard(request):
    """The signed-in person's desk: their roles and what they can do."""
    assignments = selectors.role_assignments_of(request.user)
    return render(request, "accounts/dashboard.html", {"assignments": assignments})


def kanwil_list(request):
    """Every Kanwil with its number of units."""
    return render(
        request, "accounts/kanwil_list.html", {"kanwils": selectors.kanwils_with_unit_counts()}
    )


def kanwil_detail(request, slug: str):
    """The old address of a Kanwil: its public page (with its units and news) replaced it."""
    kanwil = get_object_or_404(selectors.kanwils_with_unit_counts(), slug=slug)
    return redirect(kanwil.get_absolute_url(), permanent=True)


def unit_detail(request, slug: str):
    """The old address of a unit: its public page replaced it."""
    unit = get_object_or_404(selectors.active_units(), slug=slug)
    return redirect(unit.get_absolute_url(), permanent=True)


def _require(allowed: bool) -> None:
    """Out of scope reads as not found, so nothing about other regions leaks."""
    if not allowed:
        raise Http404


@login_required
def person_list(request):
    """People within the user's scope, searchable and paginated."""
    _require(policies.can_manage_people(request.user))
    form = PersonFilterForm(request.GET or None)
    people = selectors.people_visible_to(request.user)
    if form.is_valid() and form.cleaned_data["q"]:
        term = form.cleaned_data["q"]
        people = people.filter(
            Q(full_name__icontains=term) | Q(email__icontains=term) | Q(nip__icontains=term)
        )
    page = Paginator(people, PEOPLE_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "accounts/person_list.html", {"page": page, "form": form})


@login_required
def person_detail(request, pk: int):
    """One person's record, roles and audit trail."""
    person = get_object_or_404(selectors.people_visible_to(request.user), pk=pk)
    _require(policies.can_view_person(request.user, person))
    context = {
        "person": person,
        "can_deactivate": policies.can_deactivate_person(request.user, person),
        "invitation": selectors.open_invitation_for(person),
        "events": selectors.recent_audit_events_about(person),
    }
    return render(request, "accounts/person_detail.html", context)


def _invitation_form(request):
    scope_units = selectors.active_units()
    if not policies.is_central_admin(request.user):
        scope_units = scope_units.filter(
            kanwil_id__in=selectors.scope_for(request.user).editor_kanwil_ids
        )
    return InvitationForm(
        request.POST or None,
        inviter=request.user,
        units=scope_units,
        kanwils=selectors.kanwils_with_unit_counts(),
        directorates=selectors.directorates(),
    )


@login_required
def person_invite(request):
    """Invite a person with a role; they receive a link to set their password."""
    _require(policies.can_manage_people(request.user))
    form = _invitation_form(request)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            person = services.invite_person(
                email=data["email"],
                full_name=data["full_name"],
                position=data["position"],
                nip=data["nip"],
                role=data["role"],
                unit=data.get("unit"),
                kanwil=data.get("kanwil"),
                directorate=data.get("directorate"),
                by=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        except PermissionDenied as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request, _("%(name)s has been given the role.") % {"name": person.full_name}
            )
            return redirect(person.get_absolute_url())
    return render(request, "accounts/person_invite.html", {"form": form})


@login_required
@require_POST
def person_deactivate(request, pk: int):
    """Switch another person's account off."""
    person = get_object_or_404(selectors.people_visible_to(request.user), pk=pk)
    _require(policies.can_view_person(request.user, person))
    try:
        services.deactivate_person(person=person, by=request.user)
    except PermissionDenied as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("%(name)s can no longer sign in.") % {"name": person.full_name})
    return redirect(person.get_absolute_url())


@login_required
def profile_edit(request):
    """Edit one's own name, position and NIP."""
    person = request.user
    initial = {"full_name": person.full_name, "position": person.position, "nip": person.nip}
    form = ProfileForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_profile(person=person, by=person, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your profile has been saved."))
            return redirect("accounts:dashboard")
    return render(request, "accounts/profile_edit.html", {"form": form})


@never_cache
def invitation_accept(request, token: str):
    """Set the first password from an invitation link, then sign in."""
    invitation = selectors.invitation_by_token_hash(services.hash_token(token))
    if not services.invitation_is_usable(invitation):
        return render(request, "accounts/invitation_invalid.html", status=410)
    form = SetPasswordForm(request.POST or None, user=invitation.user)
    if request.method == "POST" and form.is_valid():
        try:
            person = services.accept_invitation(
                invitation=invitation, password=form.cleaned_data["password1"]
            )
        except ValidationError:
            return render(request, "accounts/invitation_invalid.html", status=410)
        login(request, person, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Welcome! Your password has been set."))
        return redirect("accounts:dashboard")
    return render(
        request, "accounts/invitation_accept.html", {"form": form, "person": invitation.user}
    )
