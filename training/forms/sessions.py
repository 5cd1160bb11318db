"""Forms of a session's details and of the session list's filters."""

import zoneinfo

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import TimeZone, Unit

from ..models import Mode, Platform, PresenceRule, SessionKind, Speaker
from .common import DATE_INPUT, TIME_INPUT, grouped, local_datetime


class SessionForm(forms.Form):
    """A session's details; times are typed in the session's own zone."""

    organiser = forms.ChoiceField(label=_("Organiser"))
    title = forms.CharField(label=_("Title"), max_length=200)
    theme = forms.CharField(label=_("Theme"), max_length=300, required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=SessionKind.choices)
    date = forms.DateField(label=_("Date"), widget=DATE_INPUT)
    start_time = forms.TimeField(label=_("Starts at"), widget=TIME_INPUT)
    end_date = forms.DateField(
        label=_("End date"),
        required=False,
        widget=DATE_INPUT,
        help_text=_("Leave empty when the session ends on the same day."),
    )
    end_time = forms.TimeField(label=_("Ends at"), widget=TIME_INPUT)
    time_zone = forms.ChoiceField(label=_("Time zone"), choices=TimeZone.choices)
    mode = forms.ChoiceField(label=_("Mode"), choices=Mode.choices)
    place = forms.CharField(label=_("Place"), max_length=200, required=False)
    platform = forms.ChoiceField(label=_("Platform"), choices=Platform.choices, required=False)
    meeting_id = forms.CharField(label=_("Meeting ID"), max_length=60, required=False)
    join_url = forms.URLField(
        label=_("Join link"), max_length=500, required=False, assume_scheme="https"
    )
    passcode = forms.CharField(label=_("Passcode"), max_length=60, required=False)
    recording_url = forms.URLField(
        label=_("Recording link"), max_length=500, required=False, assume_scheme="https"
    )
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    jp_credited = forms.DecimalField(
        label=_("JP credited"),
        min_value=0,
        max_value=999,
        decimal_places=2,
        required=False,
        help_text=_("Leave empty to credit one JP per 45 planned minutes."),
    )
    jp_justification = forms.CharField(
        label=_("Reason for more JP than the duration"),
        max_length=300,
        required=False,
        help_text=_("Only when the JP exceed the planned minutes divided by 45."),
    )
    presence_rule = forms.ChoiceField(
        label=_("A person counts as present after"),
        choices=PresenceRule.choices,
        help_text=_("Fixed once attendance has been recorded."),
    )
    presence_min_minutes = forms.IntegerField(
        label=_("Minimum minutes"), min_value=1, max_value=10_000, required=False
    )
    presence_min_percent = forms.IntegerField(
        label=_("Minimum share of the scheduled time (%)"),
        min_value=1,
        max_value=100,
        required=False,
    )

    def __init__(self, *args, organisers=None, **kwargs):
        super().__init__(*args, **kwargs)
        if organisers is None:
            del self.fields["organiser"]
        else:
            self.fields["organiser"].choices = grouped(organisers)

    def service_arguments(self) -> dict:
        """Keyword arguments for create_session/update_session."""
        data = self.cleaned_data
        zone = data["time_zone"]
        end_day = data.get("end_date") or data["date"]
        return {
            "title": data["title"],
            "theme": data["theme"],
            "kind": data["kind"],
            "starts_at": local_datetime(data["date"], data["start_time"], zone),
            "ends_at": local_datetime(end_day, data["end_time"], zone),
            "time_zone": zone,
            "mode": data["mode"],
            "place": data["place"],
            "platform": data["platform"] or "",
            "meeting_id": data["meeting_id"],
            "join_url": data["join_url"],
            "passcode": data["passcode"],
            "recording_url": data["recording_url"],
            "description": data["description"],
            "jp_credited": data["jp_credited"],
            "jp_justification": data["jp_justification"],
            "presence_rule": data["presence_rule"],
            "presence_min_minutes": data.get("presence_min_minutes"),
            "presence_min_percent": data.get("presence_min_percent"),
        }


def initial_for(session) -> dict:
    """The edit form's starting values, in the session's zone."""
    zone = zoneinfo.ZoneInfo(session.time_zone)
    start, end = session.starts_at.astimezone(zone), session.ends_at.astimezone(zone)
    return {
        "title": session.title,
        "theme": session.theme,
        "kind": session.kind,
        "date": start.date(),
        "start_time": start.time().replace(second=0, microsecond=0),
        "end_date": end.date() if end.date() != start.date() else None,
        "end_time": end.time().replace(second=0, microsecond=0),
        "time_zone": session.time_zone,
        "mode": session.mode,
        "place": session.place,
        "platform": session.platform,
        "meeting_id": session.meeting_id,
        "join_url": session.join_url,
        "passcode": session.passcode,
        "recording_url": session.recording_url,
        "description": session.description,
        "jp_credited": session.jp_credited,
        "jp_justification": session.jp_justification,
        "presence_rule": session.presence_rule,
        "presence_min_minutes": session.presence_min_minutes,
        "presence_min_percent": session.presence_min_percent,
    }


class SessionFilterForm(forms.Form):
    """Filters of the session list."""

    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    date_from = forms.DateField(label=_("From"), required=False, widget=DATE_INPUT)
    date_to = forms.DateField(label=_("Until"), required=False, widget=DATE_INPUT)
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    organiser = forms.ChoiceField(label=_("Organiser"), required=False)
    unit = forms.ModelChoiceField(
        label=_("Invited unit"), queryset=Unit.objects.none(), required=False
    )
    speaker = forms.ModelChoiceField(
        label=_("Speaker"), queryset=Speaker.objects.none(), required=False
    )
    person = forms.CharField(
        label=_("Speaker or participant"),
        required=False,
        max_length=100,
        help_text=_("A speaker or a participant: name, NIP or e-mail address."),
    )

    def __init__(self, *args, organisers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("Any kind")), *SessionKind.choices]
        self.fields["organiser"].choices = [("", _("Any organiser")), *grouped(organisers)]
        # Narrow rows: the selects show names only (630 units at national scale).
        self.fields["unit"].queryset = (
            Unit.objects.filter(is_active=True).only("id", "name").order_by("name")
        )
        self.fields["speaker"].queryset = Speaker.objects.only("id", "full_name").order_by(
            "full_name"
        )

    def filters(self) -> dict:
        """Keyword arguments for selectors.filter_sessions."""
        data = self.cleaned_data
        return {
            "date_from": data.get("date_from"),
            "date_to": data.get("date_to"),
            "kind": data.get("kind") or "",
            "organiser": data.get("organiser") or "",
            "unit": data.get("unit"),
            "speaker": data.get("speaker"),
            "person": (data.get("person") or "").strip(),
            "query": (data.get("q") or "").strip(),
        }
