"""The calendar of days off and the settings, kept by central admins in the portal."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import policies, selectors, services
from ..forms import DayOffChangeForm, DayOffForm, SettingsForm, YearForm
from ..models import CalendarDay


def _require(allowed: bool) -> None:
    if not allowed:
        raise Http404


def _refuse(form, error: ValidationError) -> None:
    for message in error.messages:
        form.add_error(None, message)


@login_required
def calendar_list(request):
    """The days off of a year, a form to add more, and the latest changes."""
    _require(policies.can_edit_calendar(request.user))
    year_form = YearForm(request.GET or None)
    year = (year_form.cleaned_data.get("year") if year_form.is_valid() else None) or (
        timezone.now().year
    )
    form = DayOffForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            added = services.add_days_off(by=request.user, **form.cleaned_data)
        except ValidationError as error:
            _refuse(form, error)
        else:
            messages.success(request, _("%(count)d day(s) off added.") % {"count": len(added)})
            return redirect(f"{request.path}?year={added[0].day.year}")
    context = {
        "year": year,
        "days": selectors.calendar_days(year),
        "changes": selectors.recent_calendar_changes(),
        "form": form,
    }
    return render(request, "odon/calendar.html", context)


@login_required
def calendar_change(request, pk: int):
    """Move or rename one day off."""
    _require(policies.can_edit_calendar(request.user))
    day_off = get_object_or_404(CalendarDay, pk=pk)
    initial = {"day": day_off.day, "kind": day_off.kind, "name": day_off.name}
    form = DayOffChangeForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.change_day_off(day_off=day_off, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            _refuse(form, error)
        else:
            messages.success(request, _("The calendar has been changed."))
            return redirect("odon:calendar")
    return render(request, "odon/calendar_change.html", {"form": form, "day_off": day_off})


@login_required
@require_POST
def calendar_remove(request, pk: int):
    """Make a day off a working day again."""
    _require(policies.can_edit_calendar(request.user))
    day_off = get_object_or_404(CalendarDay, pk=pk)
    services.remove_day_off(day_off=day_off, by=request.user)
    messages.success(request, _("%(day)s is a working day again.") % {"day": day_off.day})
    return redirect("odon:calendar")


@login_required
def settings_edit(request):
    """Reminder hours and the public coverage switch."""
    _require(policies.can_edit_settings(request.user))
    current = selectors.odon_settings()
    initial = {
        "reminder_hour": current.reminder_hour,
        "digest_hour": current.digest_hour,
        "show_public_coverage": current.show_public_coverage,
    }
    form = SettingsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.update_settings(by=request.user, **form.cleaned_data)
        messages.success(request, _("The settings have been saved."))
        return redirect("odon:settings")
    return render(request, "odon/settings.html", {"form": form})
