"""Forms of attendance: imports, the organiser's entries, check-in, matching, revoking."""

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import TimeZone

from ..models import AttendanceStatus, ImportFormat
from ..parsers import MAX_FILE_BYTES


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


class RevokeForm(forms.Form):
    """Why a certificate is withdrawn."""

    reason = forms.CharField(label=_("Reason"), max_length=300)
