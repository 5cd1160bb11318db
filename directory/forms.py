"""Forms of the staff directory."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounts.models import Directorate, Kanwil, Unit

from .models import StaffStatus
from .policies import reach_of


class MemberSearchForm(forms.Form):
    """Search the records within reach."""

    q = forms.CharField(label=_("Search"), max_length=100, required=False)


def organisation_choices(user) -> list[tuple[str, str]]:
    """Units and Kanwil offices the user may place people in, as "unit:pk" / "kanwil:pk"."""
    reach = reach_of(user)
    units = Unit.objects.filter(is_active=True)
    kanwils = Kanwil.objects.all()
    if not reach.everything:
        units = units.filter(Q(pk__in=reach.unit_ids) | Q(kanwil_id__in=reach.kanwil_ids))
        kanwils = kanwils.filter(pk__in=reach.kanwil_ids)
    choices = []
    if reach.everything:
        choices += [(f"directorate:{pk}", name) for pk, name in directorates_of()]
    choices += [(f"kanwil:{pk}", name) for pk, name in kanwils.values_list("pk", "name")]
    choices += [
        (f"unit:{pk}", name) for pk, name in units.order_by("name").values_list("pk", "name")
    ]
    return choices


def directorates_of() -> list[tuple[int, str]]:
    """Every directorate, for central admins."""
    return list(Directorate.objects.values_list("pk", "name"))


def organisation_from(value: str):
    """The organisation of a "kind:pk" choice (the choice was validated against the list)."""
    kind, _sep, pk = value.partition(":")
    model = {"unit": Unit, "kanwil": Kanwil, "directorate": Directorate}[kind]
    return model.objects.get(pk=int(pk))


def choice_of(member) -> str:
    """A record's organisation as a choice value."""
    if member.unit_id:
        return f"unit:{member.unit_id}"
    if member.kanwil_id:
        return f"kanwil:{member.kanwil_id}"
    return f"directorate:{member.directorate_id}"


class MemberForm(forms.Form):
    """A directory record's fields; the NIP only when adding."""

    nip = forms.CharField(label=_("NIP"), max_length=30)
    front_title = forms.CharField(label=_("Front title"), max_length=40, required=False)
    full_name = forms.CharField(label=_("Name without titles"), max_length=200)
    back_title = forms.CharField(label=_("Back title"), max_length=80, required=False)
    organisation = forms.ChoiceField(label=_("Unit or office"))
    position = forms.CharField(label=_("Position (jabatan)"), max_length=200, required=False)
    golongan = forms.CharField(label=_("Rank (golongan)"), max_length=12, required=False)
    email = forms.EmailField(label=_("E-mail address"), required=False)
    status = forms.ChoiceField(label=_("Status"), choices=StaffStatus.choices)

    def __init__(self, *args, user, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].choices = organisation_choices(user)
        if editing:
            del self.fields["nip"]

    def chosen_organisation(self):
        """The chosen unit, Kanwil office or directorate."""
        return organisation_from(self.cleaned_data["organisation"])


class RosterUploadForm(forms.Form):
    """A roster file."""

    file = forms.FileField(
        label=_("Roster (CSV or XLSX)"),
        help_text=_(
            "Columns NIP, Nama, Unit Kerja; optional Gelar Depan, Gelar Belakang, Jabatan, "
            "Golongan, Email, Status."
        ),
    )


class LinkLoginForm(forms.Form):
    """The e-mail address of the login to link."""

    email = forms.EmailField(label=_("E-mail address of the login"))


class QuickMemberForm(forms.Form):
    """A directory record made from the matching queue."""

    nip = forms.CharField(label=_("NIP"), max_length=30)
    full_name = forms.CharField(label=_("Name without titles"), max_length=200)
    organisation = forms.ChoiceField(label=_("Unit or office"))

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].choices = choices
