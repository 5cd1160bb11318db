"""A person's training history, a unit's participation, and the speakers."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.models import Unit, User

from .. import exports, policies, selectors, services
from ..forms import SpeakerForm
from .common import CountedPaginator, error_text, require


def _person(request, pk: int) -> User:
    person = User.objects.filter(pk=pk).first()
    require(person is not None and policies.can_view_history(request.user, person))
    return person


@login_required
def my_history(request):
    """The signed-in person's own record."""
    return person_history(request, request.user.pk)


NEW_CALENDAR_TOKEN = "training-new-calendar-token"  # noqa: S105 - a session key, not a secret


def _calendar_link(request, person: User) -> dict:
    """The person's own private calendar link: whether it exists, and its address right after
    it was made (the only moment it can be shown)."""
    if not policies.can_keep_calendar_link(request.user, person):
        return {}
    token = request.session.pop(NEW_CALENDAR_TOKEN, None)
    return {
        "can_keep_calendar_link": True,
        "calendar_link": selectors.calendar_link_of(person),
        "new_calendar_url": request.build_absolute_uri(
            reverse("training:private_calendar", args=[token])
        )
        if token
        else "",
    }


@login_required
@require_POST
def calendar_link_reset(request):
    """Make (or make anew) the signed-in person's private calendar link."""
    try:
        token = services.reset_calendar_link(person=request.user, by=request.user)
    except PermissionDenied:
        require(False)
    # Kept in the (server-side) session only until the next page shows it once.
    request.session[NEW_CALENDAR_TOKEN] = token
    messages.success(
        request,
        _("Your private calendar link is ready. Copy it now: it is shown only this once."),
    )
    return redirect(f"{reverse('training:my_history')}#calendar")


@login_required
@require_POST
def calendar_link_stop(request):
    """Make the signed-in person's private calendar link stop working."""
    try:
        services.stop_calendar_link(person=request.user, by=request.user)
    except PermissionDenied:
        require(False)
    messages.success(request, _("Your private calendar link no longer works."))
    return redirect(f"{reverse('training:my_history')}#calendar")


@login_required
def person_history(request, pk: int):
    """Sessions attended, JP per year and the gap to 20 JP."""
    person = _person(request, pk)
    page = Paginator(selectors.history_rows(person), selectors.HISTORY_PER_PAGE).get_page(
        request.GET.get("page")
    )
    context = {
        "person": person,
        "attendances": page.object_list,
        "page": page,
        "years": selectors.jp_per_year_of(person),
        "target": selectors.YEARLY_JP_TARGET,
        "is_self": person.pk == request.user.pk,
        **_calendar_link(request, person),
    }
    return render(request, "training/person_history.html", context)


@login_required
def person_siasn(request, pk: int):
    """The person's credited sessions in the shape of SIASN's course history, as CSV."""
    person = _person(request, pk)
    body = exports.to_csv(exports.siasn_table(selectors.history_of(person)))
    response = HttpResponse(body, content_type=exports.CSV_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="siasn-kursus-{person.pk}.csv"'
    return response


@login_required
def unit_participation(request, slug: str):
    """How a unit took part in the sessions it was invited to."""
    require(policies.can_browse_training(request.user))
    unit = get_object_or_404(Unit.objects.select_related("kanwil"), slug=slug)
    totals = selectors.participation_summary(selectors.unit_invitations(unit))
    page = CountedPaginator(
        selectors.unit_participation(unit),
        selectors.PARTICIPATION_PER_PAGE,
        count=totals["organisations"],
    ).get_page(request.GET.get("page"))
    context = {
        "unit": unit,
        "rows": selectors.as_participation(page.object_list),
        "page": page,
        "totals": totals,
    }
    return render(request, "training/unit_participation.html", context)


@login_required
def speaker_list(request):
    """Everyone who has spoken at sessions, with their aliases."""
    require(policies.can_browse_training(request.user))
    context = {
        "speakers": selectors.speakers_for_listing(),
        "can_manage": policies.can_manage_speakers(request.user),
        "form": SpeakerForm() if policies.can_manage_speakers(request.user) else None,
    }
    return render(request, "training/speaker_list.html", context)


@login_required
def speaker_detail(request, pk: int):
    """A speaker and their appearances, with the position they held each time."""
    require(policies.can_browse_training(request.user))
    speaker = selectors.speaker_for_page(pk)
    require(speaker is not None)
    can_manage = policies.can_edit_speaker(
        request.user, [appearance.session for appearance in speaker.appearances.all()]
    )
    form = None
    if can_manage:
        form = SpeakerForm(
            request.POST or None,
            initial={
                "full_name": speaker.full_name,
                "current_position": speaker.current_position,
                "current_organisation": speaker.current_organisation,
                "aliases": "\n".join(alias.alias for alias in speaker.aliases.all()),
            },
        )
        form.fields["full_name"].disabled = True
        if request.method == "POST" and form.is_valid():
            try:
                services.update_speaker(
                    speaker=speaker,
                    by=request.user,
                    current_position=form.cleaned_data["current_position"],
                    current_organisation=form.cleaned_data["current_organisation"],
                    aliases=form.alias_list(),
                )
            except (ValidationError, PermissionDenied) as error:
                form.add_error(None, error_text(error))
            else:
                messages.success(request, _("The speaker's record has been updated."))
                return redirect(speaker.get_absolute_url())
    context = {"speaker": speaker, "form": form}
    return render(request, "training/speaker_detail.html", context)


@login_required
def speaker_create(request):
    """Add a speaker record (then back to where the form was)."""
    require(policies.can_manage_speakers(request.user))
    form = SpeakerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            speaker = services.create_speaker(
                by=request.user,
                full_name=form.cleaned_data["full_name"],
                current_position=form.cleaned_data["current_position"],
                current_organisation=form.cleaned_data["current_organisation"],
                aliases=form.alias_list(),
            )
        except (ValidationError, PermissionDenied) as error:
            form.add_error(None, error_text(error))
        else:
            messages.success(request, _("The speaker has been added."))
            target = request.POST.get("next", "")
            if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
                return redirect(target)
            return redirect(speaker.get_absolute_url())
    return render(request, "training/speaker_form.html", {"form": form})
