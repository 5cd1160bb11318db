"""Invitation, profile, password and search forms; the NIP field."""

from datetime import date

import pytest
from django import forms
from django.utils import timezone, translation

from accounts import selectors
from accounts.forms import (
    InvitationForm,
    NipField,
    PersonFilterForm,
    ProfileForm,
    SetPasswordForm,
)
from accounts.models import Role, Unit

pytestmark = pytest.mark.django_db

TODAY = date(2026, 3, 15)

OPERATOR_NEEDS_UNIT = "A unit operator belongs to exactly one unit; choose it."
EDITOR_NEEDS_KANWIL = "A Kanwil editor belongs to exactly one Kanwil; choose it."
ADMIN_NEEDS_DIRECTORATE = "A central admin belongs to Ditjenpas or a directorate; choose it."
STAFF_NEEDS_ONE = "Staff belong to exactly one organisation: a unit, a Kanwil or a directorate."
NOT_THERE = "You may not invite people with this role there."


@pytest.fixture(autouse=True)
def _english_and_fixed_today(monkeypatch):
    """Messages in their source language; "today" pinned for the NIP date checks."""
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: TODAY)
    with translation.override("en"):
        yield


def invitation_form(inviter, data, *, units=None):
    """The form as the view builds it, optionally with a different unit queryset."""
    if units is None:
        units = selectors.active_units()
        if not selectors.scope_for(inviter).admin_directorate_ids:
            units = units.filter(kanwil_id__in=selectors.scope_for(inviter).editor_kanwil_ids)
    return InvitationForm(
        data,
        inviter=inviter,
        units=units,
        kanwils=selectors.kanwils_with_unit_counts(),
        directorates=selectors.directorates(),
    )


def data_for(role, **organisations):
    data = {"email": "baru@lapas.example", "full_name": "Pegawai Baru", "role": role}
    data.update({name: org.pk for name, org in organisations.items()})
    return data


# --- InvitationForm: which organisation goes with which role ------------------------------


@pytest.mark.parametrize(
    ("role", "organisations"),
    [
        (Role.OPERATOR, ["unit"]),
        (Role.EDITOR, ["kanwil"]),
        (Role.ADMIN, ["directorate"]),
        (Role.STAFF, ["unit"]),
        (Role.STAFF, ["kanwil"]),
        (Role.STAFF, ["directorate"]),
    ],
)
def test_admin_form_accepts_each_role_in_its_organisation(
    role, organisations, central_admin, palu_unit, sulteng, head_office
):
    """Central admins may create any role in its own kind of organisation."""
    available = {"unit": palu_unit, "kanwil": sulteng, "directorate": head_office}
    form = invitation_form(
        central_admin, data_for(role, **{o: available[o] for o in organisations})
    )

    assert form.is_valid(), form.errors
    assert form.cleaned_data["role"] == role


@pytest.mark.parametrize(
    ("role", "organisations", "field", "message"),
    [
        (Role.OPERATOR, [], "unit", OPERATOR_NEEDS_UNIT),
        (Role.OPERATOR, ["kanwil"], "unit", OPERATOR_NEEDS_UNIT),
        (Role.OPERATOR, ["unit", "kanwil"], "unit", OPERATOR_NEEDS_UNIT),
        (Role.OPERATOR, ["unit", "directorate"], "unit", OPERATOR_NEEDS_UNIT),
        (Role.EDITOR, [], "kanwil", EDITOR_NEEDS_KANWIL),
        (Role.EDITOR, ["unit"], "kanwil", EDITOR_NEEDS_KANWIL),
        (Role.EDITOR, ["kanwil", "unit"], "kanwil", EDITOR_NEEDS_KANWIL),
        (Role.ADMIN, [], "directorate", ADMIN_NEEDS_DIRECTORATE),
        (Role.ADMIN, ["kanwil"], "directorate", ADMIN_NEEDS_DIRECTORATE),
        (Role.ADMIN, ["directorate", "unit"], "directorate", ADMIN_NEEDS_DIRECTORATE),
        (Role.STAFF, [], "__all__", STAFF_NEEDS_ONE),
        (Role.STAFF, ["unit", "kanwil"], "__all__", STAFF_NEEDS_ONE),
        (Role.STAFF, ["kanwil", "directorate"], "__all__", STAFF_NEEDS_ONE),
    ],
)
def test_admin_form_explains_wrong_organisation_for_role(
    role, organisations, field, message, central_admin, palu_unit, sulteng, head_office
):
    """Each wrong combination gets its own message on the field to fix."""
    available = {"unit": palu_unit, "kanwil": sulteng, "directorate": head_office}
    form = invitation_form(
        central_admin, data_for(role, **{o: available[o] for o in organisations})
    )

    assert not form.is_valid()
    assert form.errors[field] == [message]


def test_editor_form_offers_unit_roles_and_own_units_only(
    editor_sulteng, palu_unit, pelaihari_unit
):
    """No Kanwil or directorate fields; operator and staff only; Sulteng's units only."""
    form = invitation_form(editor_sulteng, None)

    assert [value for value, _ in form.fields["role"].choices] == [Role.OPERATOR, Role.STAFF]
    assert set(form.fields) >= {"email", "full_name", "position", "nip", "role", "unit"}
    assert "kanwil" not in form.fields
    assert "directorate" not in form.fields
    assert palu_unit in form.fields["unit"].queryset
    assert pelaihari_unit not in form.fields["unit"].queryset


@pytest.mark.parametrize("role", [Role.OPERATOR, Role.STAFF])
def test_editor_form_accepts_unit_roles_for_own_region(role, editor_sulteng, lpka_palu_unit):
    """Operator or staff of a Sulteng unit."""
    form = invitation_form(editor_sulteng, data_for(role, unit=lpka_palu_unit))

    assert form.is_valid(), form.errors


def test_editor_form_refuses_unit_of_another_region(editor_sulteng, pelaihari_unit):
    """Pelaihari is not a valid choice for Sulteng's editor."""
    form = invitation_form(editor_sulteng, data_for(Role.OPERATOR, unit=pelaihari_unit))

    assert not form.is_valid()
    assert form.errors["unit"][0].startswith("Select a valid choice.")


@pytest.mark.parametrize("role", [Role.EDITOR, Role.ADMIN])
def test_editor_form_refuses_higher_roles(role, editor_sulteng, palu_unit):
    """Editors cannot create editors or admins, even by posting the value."""
    form = invitation_form(editor_sulteng, data_for(role, unit=palu_unit))

    assert not form.is_valid()
    assert form.errors["role"][0].startswith("Select a valid choice.")


def test_editor_form_checks_the_policy_even_with_a_too_wide_unit_list(
    editor_sulteng, pelaihari_unit
):
    """Defence in depth: if a view ever offered every unit, clean() still refuses."""
    form = invitation_form(
        editor_sulteng, data_for(Role.OPERATOR, unit=pelaihari_unit), units=Unit.objects.all()
    )

    assert not form.is_valid()
    assert form.non_field_errors() == [NOT_THERE]


def test_editor_form_ignores_posted_kanwil_and_directorate(
    editor_sulteng, palu_unit, kalsel, head_office
):
    """Fields the editor does not have are not read from the data."""
    data = data_for(Role.OPERATOR, unit=palu_unit, kanwil=kalsel, directorate=head_office)
    form = invitation_form(editor_sulteng, data)

    assert form.is_valid(), form.errors
    assert "kanwil" not in form.cleaned_data
    assert "directorate" not in form.cleaned_data


@pytest.mark.parametrize("name", ["operator_palu", "staff_member"])
def test_people_without_rights_cannot_use_the_form(name, request, palu_unit):
    """Even with the unit in the list, operators and staff are refused."""
    user = request.getfixturevalue(name)
    form = invitation_form(user, data_for(Role.OPERATOR, unit=palu_unit), units=Unit.objects.all())

    assert not form.is_valid()
    assert form.non_field_errors() == [NOT_THERE]


def test_invitation_form_normalises_email(central_admin, palu_unit):
    """Surrounding spaces and capitals are dropped."""
    data = data_for(Role.OPERATOR, unit=palu_unit)
    data["email"] = "  Budi.Santoso@Lapas.EXAMPLE "
    form = invitation_form(central_admin, data)

    assert form.is_valid(), form.errors
    assert form.cleaned_data["email"] == "budi.santoso@lapas.example"


@pytest.mark.parametrize(
    "email", ["budi santoso@lapas.example", "budi@", "@lapas.example", "budi@lapas..example", ""]
)
def test_invitation_form_refuses_bad_email(email, central_admin, palu_unit):
    """Malformed addresses are refused on the e-mail field."""
    data = data_for(Role.OPERATOR, unit=palu_unit)
    data["email"] = email

    form = invitation_form(central_admin, data)

    assert not form.is_valid()
    assert form.errors["email"]


# --- NipField ----------------------------------------------------------------------------


class NipForm(forms.Form):
    nip = NipField()


@pytest.mark.parametrize(
    "typed",
    [
        "19860926 201505 1 001",
        "198609262015051001",
        "19860926.201505.1.001",
        "19860926-201505-1-001",
        "  19860926  201505 1 001 ",
    ],
)
def test_nip_field_accepts_common_spellings_and_stores_18_digits(typed):
    """People type spaces, dots or hyphens; the form keeps the bare digits."""
    form = NipForm({"nip": typed})

    assert form.is_valid(), form.errors
    assert form.cleaned_data["nip"] == "198609262015051001"


def test_nip_field_is_optional_by_default():
    """Not everyone has a NIP."""
    form = NipForm({"nip": ""})

    assert form.is_valid()
    assert form.cleaned_data["nip"] == ""


def test_required_nip_field_refuses_empty():
    """When a form requires it, an empty NIP (even only separators) is refused."""

    class RequiredNipForm(forms.Form):
        nip = NipField(required=True)

    assert RequiredNipForm({"nip": " - . "}).errors["nip"] == ["This field is required."]


NIP_MISTAKES = [
    (
        "19860926 201505 1 00A",
        "nip_not_digits",
        "NIP may contain only digits, spaces, dots and hyphens; found A.",
    ),
    ("1986092620150510", "nip_length", "NIP must have exactly 18 digits; you typed 16."),
    (
        "19861326 201505 1 001",
        "nip_birth_date",
        "The first 8 digits of the NIP (19861326) must be a real birth date, YYYYMMDD.",
    ),
    (
        "19860926 201513 1 001",
        "nip_appointment_month",
        "Digits 9 to 14 of the NIP (201513) must be a real appointment month, YYYYMM.",
    ),
    (
        "19860926 201505 3 001",
        "nip_gender",
        "Digit 15 of the NIP must be 1 (male) or 2 (female), not 3.",
    ),
    (
        "19860926 201505 1 000",
        "nip_serial",
        "The last 3 digits of the NIP (the serial number) must be 001 to 999, not 000.",
    ),
    (
        "19860926 202701 1 001",
        "nip_appointment_order",
        "The appointment month in the NIP (2027-01) is in the future.",
    ),
    (
        "20000101 201505 1 001",
        "nip_birth_range",
        "The birth date (2000-01-01) and appointment month (2015-05) in the NIP make the person "
        "15 at appointment; it must be 18 to 60.",
    ),
]


@pytest.mark.parametrize(("typed", "code", "message"), NIP_MISTAKES)
def test_each_nip_mistake_has_its_own_message(typed, code, message):
    """The message says what exactly is wrong, with the offending part."""
    form = NipForm({"nip": typed})

    assert not form.is_valid()
    errors = form.errors.as_data()["nip"]
    assert [error.code for error in errors] == [code]
    assert form.errors["nip"] == [message]


def test_nip_messages_are_all_different():
    """No two kinds of mistake share a message."""
    messages = [NipForm({"nip": typed}).errors["nip"][0] for typed, _, _ in NIP_MISTAKES]

    assert len(set(messages)) == len(messages)


def test_nip_field_refuses_absurdly_long_input():
    """More than 30 characters is refused before any NIP parsing."""
    form = NipForm({"nip": "1" * 31})

    assert not form.is_valid()
    assert form.errors.as_data()["nip"][0].code in ("max_length", "nip_length")


# --- ProfileForm, SetPasswordForm, PersonFilterForm ----------------------------------------


def test_profile_form_normalises_nip_and_requires_name():
    """The profile uses the same NIP field; the name is required."""
    form = ProfileForm({"full_name": "Siti", "position": "", "nip": "19860926 201505 2 001"})
    nameless = ProfileForm({"full_name": "", "position": "", "nip": ""})

    assert form.is_valid(), form.errors
    assert form.cleaned_data["nip"] == "198609262015052001"
    assert nameless.errors["full_name"]


def test_set_password_form_accepts_a_good_password(operator_palu):
    """Two identical strong passwords."""
    form = SetPasswordForm(
        {"password1": "Pemasyarakatan-2026!", "password2": "Pemasyarakatan-2026!"},
        user=operator_palu,
    )

    assert form.is_valid(), form.errors


def test_set_password_form_refuses_different_passwords(operator_palu):
    """Typing errors are caught before anything is saved."""
    form = SetPasswordForm(
        {"password1": "Pemasyarakatan-2026!", "password2": "Pemasyarakatan-2027!"},
        user=operator_palu,
    )

    assert form.errors["password2"] == ["The two passwords differ; type the same one twice."]


@pytest.mark.parametrize(
    "weak", ["kurz", "123456789012", "password123", "operator.palu@humas.example"]
)
def test_set_password_form_applies_password_validators(weak, operator_palu):
    """Short, numeric, common, or like the person's e-mail address: refused on password1."""
    form = SetPasswordForm({"password1": weak, "password2": weak}, user=operator_palu)

    assert not form.is_valid()
    assert form.errors["password1"]


def test_person_filter_form_limits_search_length():
    """Search terms longer than 100 characters are refused."""
    assert PersonFilterForm({"q": "palu"}).is_valid()
    assert not PersonFilterForm({"q": "x" * 101}).is_valid()
