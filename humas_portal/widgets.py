"""Date and time inputs that always carry ISO values, whatever the active language.

Browsers accept only ``YYYY-MM-DD`` in ``<input type="date">`` and ``HH:MM`` in
``<input type="time">``; Django would otherwise render the language's own format (in
Indonesian ``06-02-2025`` and ``09.00.00``), which the browser shows as an empty field.
Parsing needs nothing special: Django always accepts the ISO formats besides the local ones.
"""

from django import forms

ISO_DATE = "%Y-%m-%d"
ISO_TIME = "%H:%M"
ISO_DATETIME = "%Y-%m-%dT%H:%M"


class IsoDateInput(forms.DateInput):
    """``<input type="date">`` with an ISO value."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format=ISO_DATE)


class IsoTimeInput(forms.TimeInput):
    """``<input type="time">`` with an ``HH:MM`` value."""

    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format=ISO_TIME)


class IsoDateTimeInput(forms.DateTimeInput):
    """``<input type="datetime-local">`` with an ISO value."""

    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format=ISO_DATETIME)
