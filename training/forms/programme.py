"""Forms of a session's programme: speakers, agenda, materials, invitations, coverage."""

import zoneinfo
from datetime import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import Unit

from ..models import AgendaKind, AppearanceRole, MaterialVisibility, Speaker
from .common import TIME_INPUT


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


class AppearanceEditForm(forms.Form):
    """What a speaker did at a session and the position they held that day."""

    role = forms.ChoiceField(label=_("Role"), choices=AppearanceRole.choices)
    topic = forms.CharField(label=_("Topic"), max_length=300, required=False)
    position_title = forms.CharField(label=_("Position on that day"), max_length=200)
    organisation_name = forms.CharField(
        label=_("Organisation on that day"), max_length=200, required=False
    )


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

    def times(self, session) -> tuple[datetime | None, datetime | None]:
        """The typed times as moments on the session's first day, in its zone."""
        zone = zoneinfo.ZoneInfo(session.time_zone)
        day = session.starts_at.astimezone(zone).date()

        def at(time):
            return datetime.combine(day, time).replace(tzinfo=zone) if time else None

        return at(self.cleaned_data["start_time"]), at(self.cleaned_data["end_time"])


def agenda_initial(item) -> dict:
    """The edit form's starting values of an agenda item, in its session's zone."""
    zone = zoneinfo.ZoneInfo(item.session.time_zone)

    def clock(moment):
        return moment.astimezone(zone).time().replace(second=0, microsecond=0) if moment else None

    return {
        "kind": item.kind,
        "title": item.title,
        "start_time": clock(item.starts_at),
        "end_time": clock(item.ends_at),
        "appearance": str(item.appearance_id or ""),
    }


class MaterialForm(forms.Form):
    """A file or a link handed out with the session."""

    title = forms.CharField(label=_("Title"), max_length=200)
    file = forms.FileField(label=_("File"), required=False)
    url = forms.URLField(
        label=_("Or a link"), max_length=500, required=False, assume_scheme="https"
    )
    visibility = forms.ChoiceField(label=_("Visible to"), choices=MaterialVisibility.choices)


class MaterialEditForm(forms.Form):
    """A material's title and who may open it."""

    title = forms.CharField(label=_("Title"), max_length=200)
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


class InviteeForm(InviteAllForm):
    """How many people an invited organisation should send, and who."""


class InviteUnitForm(InviteAllForm):
    """Invite one unit."""

    unit = forms.ModelChoiceField(label=_("Unit"), queryset=Unit.objects.none())

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class CoverageForm(forms.Form):
    """A published or coming story about the session."""

    story = forms.ModelChoiceField(label=_("Story"), queryset=None)

    def __init__(self, *args, stories, choices=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["story"].queryset = stories
        if choices is not None:
            # Only these (id, title) pairs are rendered; the queryset still checks the answer.
            self.fields["story"].widget.choices = [("", "---------"), *choices]
