"""Forms for writing, reviewing and discussing stories."""

import zoneinfo
from datetime import datetime, timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_prose_editor.widgets import ProseEditorWidget

from humas_portal.widgets import IsoDateInput, IsoTimeInput

from .models import Category

EDITOR_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Heading": {"levels": [2, 3]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto"]},
    "HardBreak": True,
    "History": True,
}

MAX_TAGS = 10


def local_datetime(day, time, zone: str) -> datetime:
    """A wall-clock date and time in a unit's zone, as an aware datetime."""
    return datetime.combine(day, time).replace(tzinfo=zoneinfo.ZoneInfo(zone))


class StoryForm(forms.Form):
    """The content of a story; the event time is typed in the unit's own zone."""

    title = forms.CharField(label=_("Title"), max_length=200)
    lead = forms.CharField(
        label=_("Lead (teras)"),
        max_length=600,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One or two sentences: who, what, when, where."),
    )
    body = forms.CharField(
        label=_("Body"),
        max_length=100_000,
        widget=ProseEditorWidget(config={"extensions": EDITOR_EXTENSIONS}, preset="configurable"),
    )
    event_date = forms.DateField(label=_("Event date"), widget=IsoDateInput())
    event_time = forms.TimeField(label=_("Event time"), widget=IsoTimeInput())
    dateline = forms.CharField(
        label=_("Dateline place"),
        max_length=80,
        help_text=_("Where the story is reported from, e.g. Sigi."),
    )
    category = forms.ModelChoiceField(label=_("Category"), queryset=Category.objects.none())
    tags = forms.CharField(
        label=_("Tags"),
        required=False,
        max_length=600,
        help_text=_("Separate tags with commas."),
    )
    authors = forms.ModelMultipleChoiceField(
        label=_("Co-authors"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Colleagues of the unit who wrote this story with you."),
    )
    # The version the person started from, and the newer one whose changes they were shown.
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    seen_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, time_zone: str, writers, **kwargs):
        super().__init__(*args, **kwargs)
        if self.data.get("seen_version"):
            self._ask_to_save_over()
        self.time_zone = time_zone
        self.fields["category"].queryset = Category.objects.filter(is_active=True)
        self.fields["authors"].queryset = writers
        self.fields["event_time"].help_text = _("Local time of the unit (%(zone)s).") % {
            "zone": timezone.localtime(timezone.now(), zoneinfo.ZoneInfo(time_zone)).tzname()
        }

    def clean_tags(self) -> list[str]:
        names = [name.strip() for name in self.cleaned_data["tags"].split(",") if name.strip()]
        if len(names) > MAX_TAGS:
            raise forms.ValidationError(
                _("Use at most %(count)d tags."), params={"count": MAX_TAGS}
            )
        if any(len(name) > 60 for name in names):
            raise forms.ValidationError(_("A tag may have at most 60 characters."))
        return names

    def clean(self):
        data = super().clean()
        day, time = data.get("event_date"), data.get("event_time")
        if day and time:
            start = local_datetime(day, time, self.time_zone)
            if start > timezone.now() + timedelta(days=1):
                self.add_error("event_date", _("The event cannot lie in the future."))
            elif start.year < 2000:
                self.add_error("event_date", _("Check the year of the event."))
            data["event_start"] = start
        return data

    def _ask_to_save_over(self) -> None:
        self.fields["save_over"] = forms.BooleanField(
            label=_("Save my text over the newer version shown above"),
            required=False,
            help_text=_("Leave this unticked to copy parts across by hand first."),
        )

    def expected_version(self) -> int:
        """The version this save may replace: the newer one only once the person agreed."""
        data = self.cleaned_data
        if data.get("save_over") and data.get("seen_version"):
            return data["seen_version"]
        return data.get("version") or 0

    def offer_save_over(self, latest_version: int) -> None:
        """After a refused stale save: carry the newest version and ask again for consent."""
        self.data = self.data.copy()
        self.data["seen_version"] = str(latest_version)
        self.data.pop("save_over", None)
        self._ask_to_save_over()

    def service_arguments(self) -> dict:
        """What the create and update services take."""
        data = self.cleaned_data
        return {
            "title": data["title"],
            "lead": data["lead"],
            "body": data["body"],
            "event_start": data["event_start"],
            "dateline": data["dateline"],
            "category": data["category"],
            "tag_names": data["tags"],
            "authors": list(data["authors"]),
        }


class NoteForm(forms.Form):
    """A reason or remark that comes with a workflow step."""

    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ScheduleForm(forms.Form):
    """When to publish, in the unit's zone."""

    publish_date = forms.DateField(label=_("Publication date"), widget=IsoDateInput())
    publish_time = forms.TimeField(label=_("Publication time"), widget=IsoTimeInput())

    def __init__(self, *args, time_zone: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.time_zone = time_zone

    def clean(self):
        data = super().clean()
        day, time = data.get("publish_date"), data.get("publish_time")
        if day and time:
            moment = local_datetime(day, time, self.time_zone)
            if moment <= timezone.now():
                raise forms.ValidationError(_("Choose a time in the future."))
            data["publish_at"] = moment
        return data


class CommentForm(forms.Form):
    """A remark on a story."""

    text = forms.CharField(
        label=_("Comment"), max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )


class QueueFilterForm(forms.Form):
    """Filters of the editor's review queue."""

    unit = forms.ModelChoiceField(label=_("Unit"), queryset=None, required=False)
    state = forms.ChoiceField(label=_("State"), required=False)
    category = forms.ModelChoiceField(
        label=_("Category"), queryset=Category.objects.all(), required=False
    )
    date_from = forms.DateField(label=_("Submitted from"), required=False, widget=IsoDateInput())
    date_to = forms.DateField(label=_("Submitted until"), required=False, widget=IsoDateInput())

    def __init__(self, *args, units, states, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        self.fields["state"].choices = [("", _("All"))] + list(states)

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("The end date lies before the start date."))
        return data
