"""Forms of the training pages. They parse input; services decide and write."""

import zoneinfo
from datetime import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import TimeZone, Unit

from .models import (
    AgendaKind,
    AppearanceRole,
    AttendanceStatus,
    ImportFormat,
    MaterialVisibility,
    Mode,
    Platform,
    PresenceRule,
    SessionKind,
    Speaker,
)
from .parsers import MAX_FILE_BYTES

GROUP_LABELS = {
    "directorate": _("Ditjenpas directorates"),
    "kanwil": _("Kanwil"),
    "unit": _("Units"),
}
DATE_INPUT = forms.DateInput(attrs={"type": "date"})
TIME_INPUT = forms.TimeInput(attrs={"type": "time"})


def grouped(groups) -> list:
    """Choices grouped under translated headings."""
    return [(GROUP_LABELS[kind], choices) for kind, choices in groups]


def local_datetime(day, time, zone: str) -> datetime:
    """A wall-clock date and time in a zone, as an aware datetime."""
    return datetime.combine(day, time).replace(tzinfo=zoneinfo.ZoneInfo(zone))


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
        label=_("JP credited"), min_value=0, max_value=999, decimal_places=2, initial=0
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

    def __init__(self, *args, organisers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("Any kind")), *SessionKind.choices]
        self.fields["organiser"].choices = [("", _("Any organiser")), *grouped(organisers)]
        self.fields["unit"].queryset = Unit.objects.filter(is_active=True).order_by("name")
        self.fields["speaker"].queryset = Speaker.objects.order_by("full_name")

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
            "query": (data.get("q") or "").strip(),
        }


class SpeakerForm(forms.Form):
    """A speaker record."""

    full_name = forms.CharField(label=_("Full name"), max_length=200)
    current_position = forms.CharField(label=_("Current position"), max_length=200, required=False)
    current_organisation = forms.CharField(
        label=_("Current organisation"), max_length=200, required=False
    )
    aliases = forms.CharField(
        label=_("Other ways the name is written"),
        required=False,
        max_length=1000,
        help_text=_("One per line, e.g. M. Hilal."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def alias_list(self) -> list[str]:
        """The aliases, one per line."""
        return [line.strip() for line in self.cleaned_data["aliases"].splitlines() if line.strip()]


class AppearanceForm(forms.Form):
    """A speaker on the programme of a session."""

    speaker = forms.ModelChoiceField(label=_("Speaker"), queryset=Speaker.objects.none())
    role = forms.ChoiceField(label=_("Role"), choices=AppearanceRole.choices)
    topic = forms.CharField(label=_("Topic"), max_length=300, required=False)
    position_title = forms.CharField(
        label=_("Position on that day"),
        max_length=200,
        required=False,
        help_text=_("Leave empty to copy the speaker's current position."),
    )
    organisation_name = forms.CharField(
        label=_("Organisation on that day"), max_length=200, required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["speaker"].queryset = Speaker.objects.order_by("full_name")


class AgendaItemForm(forms.Form):
    """A part of the programme, timed in the session's zone."""

    kind = forms.ChoiceField(label=_("Part"), choices=AgendaKind.choices)
    title = forms.CharField(label=_("Title"), max_length=200)
    start_time = forms.TimeField(label=_("From"), required=False, widget=TIME_INPUT)
    end_time = forms.TimeField(label=_("Until"), required=False, widget=TIME_INPUT)
    appearance = forms.ChoiceField(label=_("Speaker"), required=False)

    def __init__(self, *args, appearances=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.appearances = {str(item.pk): item for item in appearances}
        self.fields["appearance"].choices = [("", "—")] + [
            (str(item.pk), f"{item.speaker.full_name} ({item.get_role_display()})")
            for item in appearances
        ]


class MaterialForm(forms.Form):
    """A file or a link handed out with the session."""

    title = forms.CharField(label=_("Title"), max_length=200)
    file = forms.FileField(label=_("File"), required=False)
    url = forms.URLField(
        label=_("Or a link"), max_length=500, required=False, assume_scheme="https"
    )
    visibility = forms.ChoiceField(label=_("Visible to"), choices=MaterialVisibility.choices)


class InviteAllForm(forms.Form):
    """Invite every organisation in reach, expecting a number of people from each."""

    expected_count = forms.IntegerField(
        label=_("People expected from each"), min_value=1, max_value=500, initial=2
    )
    expected_roles = forms.CharField(
        label=_("Who is expected"),
        max_length=200,
        required=False,
        initial=_("The head and the PR staff"),
    )


class InviteUnitForm(InviteAllForm):
    """Invite one unit."""

    unit = forms.ModelChoiceField(label=_("Unit"), queryset=Unit.objects.none())

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class ImportUploadForm(forms.Form):
    """An attendance report to preview."""

    file = forms.FileField(
        label=_("Attendance file"),
        allow_empty_file=True,
        help_text=_("Zoom participants report (CSV), Teams attendance report or Meet CSV."),
    )
    source_format = forms.ChoiceField(
        label=_("Exported by"),
        required=False,
        choices=[("", _("Recognise automatically")), *ImportFormat.choices],
    )
    time_zone = forms.ChoiceField(
        label=_("Times in the file are in"),
        choices=TimeZone.choices,
        help_text=_("The zone of the account that exported the report."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(limit)s MB.")
                % {"limit": MAX_FILE_BYTES // (1024 * 1024)}
            )
        return upload


class ManualAttendanceForm(forms.Form):
    """The organiser's entry for one person."""

    person = forms.CharField(label=_("E-mail address or NIP"), max_length=254)
    status = forms.ChoiceField(label=_("Status"), choices=AttendanceStatus.choices)
    minutes = forms.IntegerField(
        label=_("Minutes attended"),
        min_value=0,
        required=False,
        help_text=_("Leave empty: the whole session for present or late, none otherwise."),
    )
    note = forms.CharField(label=_("Note"), max_length=300, required=False)


class CheckInForm(forms.Form):
    """The code announced during the session."""

    code = forms.CharField(label=_("Session code"), max_length=12)


class ResolveRowForm(forms.Form):
    """Match one queued row by hand."""

    person = forms.CharField(label=_("E-mail address or NIP"), max_length=254, required=False)
    invitee = forms.ChoiceField(label=_("Or a unit's room"), required=False)
    ignore = forms.BooleanField(label=_("Or ignore this row"), required=False)

    def __init__(self, *args, invitees=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.invitees = {str(invitee.pk): invitee for invitee in invitees}
        self.fields["invitee"].choices = [("", "—")] + [
            (str(invitee.pk), str(invitee.organisation)) for invitee in invitees
        ]


class CoverageForm(forms.Form):
    """A published or coming story about the session."""

    story = forms.ModelChoiceField(label=_("Story"), queryset=None)

    def __init__(self, *args, stories, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["story"].queryset = stories


class RevokeForm(forms.Form):
    """Why a certificate is withdrawn."""

    reason = forms.CharField(label=_("Reason"), max_length=300)
