"""Date and time inputs carry ISO values in every language, and every form uses them."""

import importlib
from datetime import date, datetime, time

import pytest
from django import forms
from django.utils import translation

from humas_portal.widgets import IsoDateInput, IsoDateTimeInput, IsoTimeInput

FORM_MODULES = (
    "accounts.forms",
    "news.forms",
    "news.public.forms",
    "news.views.inbox",
    "news.views.photos",
    "training.forms.attendance",
    "training.forms.programme",
    "training.forms.sessions",
)
ISO_WIDGETS = {
    forms.DateField: IsoDateInput,
    forms.TimeField: IsoTimeInput,
    forms.DateTimeField: IsoDateTimeInput,
}


def _portal_forms():
    for module in FORM_MODULES:
        importlib.import_module(module)
    pending, found = [forms.Form], []
    while pending:
        for subclass in pending.pop().__subclasses__():
            pending.append(subclass)
            if subclass.__module__.split(".")[0] in ("accounts", "news", "training"):
                found.append(subclass)
    return found


def test_every_date_and_time_field_of_the_portal_uses_an_iso_input():
    checked = 0
    for form_class in _portal_forms():
        for name, field in form_class.base_fields.items():
            for field_class, widget_class in ISO_WIDGETS.items():
                if isinstance(field, field_class):
                    checked += 1
                    assert isinstance(field.widget, widget_class), f"{form_class.__name__}.{name}"
    assert checked >= 10


@pytest.mark.parametrize("language", ["id", "en"])
def test_the_inputs_render_iso_values_in_every_language(language):
    with translation.override(language):
        day = IsoDateInput().render("d", date(2025, 2, 6))
        moment = IsoTimeInput().render("t", time(9, 0, 30))
        both = IsoDateTimeInput().render("dt", datetime(2025, 2, 6, 9, 5))
    assert 'type="date"' in day and 'value="2025-02-06"' in day
    assert 'type="time"' in moment and 'value="09:00"' in moment
    assert 'type="datetime-local"' in both and 'value="2025-02-06T09:05"' in both
