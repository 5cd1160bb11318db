"""Forms of the boards, the calendar and the settings."""

import re
from datetime import date, timedelta

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import UnitType

from .calendar import month_bounds
from .models import DayKind

# The oldest month a board shows; earlier months hold no ODON data.
FIRST_MONTH = date(2020, 1, 1)
MONTH_PATTERN = re.compile(r"^(\d{4})-(\d{2})$")
WEEK_PATTERN = re.compile(r"^(\d{4})-W(\d{2})$")


class BoardFilterForm(forms.Form):
    """Which period and which unit type a Kanwil board shows."""

    period = forms.ChoiceField(
        label=_("Period"),
        choices=[("month", _("Month")), ("week", _("Week"))],
        required=False,
    )
    month = forms.CharField(label=_("Month (YYYY-MM)"), required=False, max_length=7)
    week = forms.CharField(label=_("Week (YYYY-Www)"), required=False, max_length=8)
    unit_type = forms.ChoiceField(
        label=_("Unit type"), choices=[("", _("All types")), *UnitType.choices], required=False
    )

    def __init__(self, *args, today: date, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today

    def clean_month(self) -> date | None:
        text = self.cleaned_data["month"].strip()
        if not text:
            return None
        match = MONTH_PATTERN.match(text)
        if not match or not 1 <= int(match[2]) <= 12:
            raise forms.ValidationError(_("Write the month as YYYY-MM, for example 2025-04."))
        first = date(int(match[1]), int(match[2]), 1)
        if not FIRST_MONTH <= first <= self.today:
            raise forms.ValidationError(
                _("There is no data for this month: choose one from %(first)s to now.")
                % {"first": FIRST_MONTH.strftime("%Y-%m")}
            )
        return first

    def clean_week(self) -> date | None:
        text = self.cleaned_data["week"].strip()
        if not text:
            return None
        match = WEEK_PATTERN.match(text)
        try:
            monday = date.fromisocalendar(int(match[1]), int(match[2]), 1) if match else None
        except ValueError:
            monday = None
        if monday is None:
            raise forms.ValidationError(_("Write the week as YYYY-Www, for example 2025-W15."))
        if not FIRST_MONTH <= monday <= self.today:
            raise forms.ValidationError(_("There is no data for this week."))
        return monday

    def period_bounds(self) -> tuple[str, date, date]:
        """The chosen period, or this month when nothing (valid) was chosen."""
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        if data.get("period") == "week":
            monday = data.get("week") or self.today - timedelta(days=self.today.weekday())
            return "week", monday, monday + timedelta(days=6)
        first = data.get("month") or self.today.replace(day=1)
        return "month", *month_bounds(first.year, first.month)


class DayOffForm(forms.Form):
    """A holiday or joint leave over one or more days."""

    start = forms.DateField(label=_("First day"), widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(
        label=_("Last day"),
        required=False,
        help_text=_("Leave empty for a single day."),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=DayKind.choices)
    name = forms.CharField(label=_("Name"), max_length=120)

    def clean(self):
        data = super().clean()
        if data.get("start") and not data.get("end"):
            data["end"] = data["start"]
        return data


class DayOffChangeForm(forms.Form):
    """Move or rename one day off."""

    day = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    kind = forms.ChoiceField(label=_("Kind"), choices=DayKind.choices)
    name = forms.CharField(label=_("Name"), max_length=120)


class SettingsForm(forms.Form):
    """Reminder hours and the public coverage switch."""

    reminder_hour = forms.IntegerField(label=_("Operator reminder hour"), min_value=0, max_value=23)
    digest_hour = forms.IntegerField(label=_("Editor digest hour"), min_value=0, max_value=23)
    show_public_coverage = forms.BooleanField(
        label=_("Show “Also covered by” on public story pages"), required=False
    )


class YearForm(forms.Form):
    """A year between the first data and next year."""

    year = forms.IntegerField(min_value=FIRST_MONTH.year, max_value=2100, required=False)
