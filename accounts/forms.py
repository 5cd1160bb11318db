"""Forms for invitations, profiles and setting a password."""

from django import forms
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _

from . import policies
from .models import Directorate, Kanwil, Role, Unit, User
from .nip import normalise_nip, validate_nip


class NipField(forms.CharField):
    """Accepts the spaced layout people type and stores 18 bare digits."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 30)
        kwargs.setdefault("label", _("NIP"))
        kwargs.setdefault("help_text", _("18 digits, for example 19860926 201505 1 001."))
        super().__init__(**kwargs)

    def to_python(self, value):
        return normalise_nip(super().to_python(value) or "")

    def validate(self, value):
        super().validate(value)
        if value:
            validate_nip(value)


class InvitationForm(forms.Form):
    """Who to invite, with which role and where; choices limited to the inviter's scope."""

    email = forms.EmailField(label=_("E-mail address"))
    full_name = forms.CharField(label=_("Full name"), max_length=200)
    position = forms.CharField(label=_("Position (jabatan)"), max_length=200, required=False)
    nip = NipField()
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    unit = forms.ModelChoiceField(label=_("Unit"), queryset=Unit.objects.none(), required=False)
    kanwil = forms.ModelChoiceField(
        label=_("Kanwil"), queryset=Kanwil.objects.none(), required=False
    )
    directorate = forms.ModelChoiceField(
        label=_("Directorate"), queryset=Directorate.objects.none(), required=False
    )

    def __init__(self, *args, inviter: User, units, kanwils, directorates, **kwargs):
        super().__init__(*args, **kwargs)
        self.inviter = inviter
        self.fields["unit"].queryset = units
        self.fields["kanwil"].queryset = kanwils
        self.fields["directorate"].queryset = directorates
        if not policies.is_central_admin(inviter):
            self.fields["role"].choices = [
                (value, label)
                for value, label in Role.choices
                if value in (Role.OPERATOR, Role.STAFF)
            ]
            del self.fields["kanwil"]
            del self.fields["directorate"]

    def clean_email(self) -> str:
        return self.cleaned_data["email"].strip().lower()

    def clean(self):
        data = super().clean()
        role = data.get("role")
        unit, kanwil, directorate = data.get("unit"), data.get("kanwil"), data.get("directorate")
        chosen = [org for org in (unit, kanwil, directorate) if org is not None]
        if role == Role.OPERATOR and (unit is None or len(chosen) != 1):
            self.add_error("unit", _("A unit operator belongs to exactly one unit; choose it."))
        elif role == Role.EDITOR and (kanwil is None or len(chosen) != 1):
            self.add_error("kanwil", _("A Kanwil editor belongs to exactly one Kanwil; choose it."))
        elif role == Role.ADMIN and (directorate is None or len(chosen) != 1):
            self.add_error(
                "directorate",
                _("A central admin belongs to Ditjenpas or a directorate; choose it."),
            )
        elif role == Role.STAFF and len(chosen) != 1:
            self.add_error(
                None,
                _("Staff belong to exactly one organisation: a unit, a Kanwil or a directorate."),
            )
        elif role and not policies.can_invite(
            self.inviter, role=role, unit=unit, kanwil=kanwil, directorate=directorate
        ):
            self.add_error(None, _("You may not invite people with this role there."))
        return data


class ProfileForm(forms.Form):
    """One's own name, position and NIP."""

    full_name = forms.CharField(label=_("Full name"), max_length=200)
    position = forms.CharField(label=_("Position (jabatan)"), max_length=200, required=False)
    nip = NipField()


class SetPasswordForm(forms.Form):
    """Choose the first password, from an invitation link."""

    password1 = forms.CharField(
        label=_("New password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label=_("New password (again)"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean(self):
        data = super().clean()
        first, second = data.get("password1"), data.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("The two passwords differ; type the same one twice."))
        elif first:
            try:
                password_validation.validate_password(first, self.user)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return data


class PersonFilterForm(forms.Form):
    """Search the people desk."""

    q = forms.CharField(label=_("Search"), required=False, max_length=100)
