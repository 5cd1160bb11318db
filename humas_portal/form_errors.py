"""Say what is actually wrong with a refused form, instead of a generic request."""

from django import forms


def form_error_text(form: forms.Form, *, when_missing: str) -> str:
    """The form's own messages (too long, a NUL character…), or ``when_missing`` if left empty."""
    found = [
        (name, error)
        for name, errors in form.errors.as_data().items()
        for error in errors
        if error.code != "required"
    ]
    if not found:
        return str(when_missing)
    parts = []
    for name, error in found:
        text = " ".join(str(message) for message in error.messages)
        field = form.fields.get(name)
        parts.append(f"{field.label}: {text}" if field is not None and field.label else text)
    return " ".join(parts)
