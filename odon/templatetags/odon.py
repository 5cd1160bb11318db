"""The operator's One Day One News panel, shown on the desk through one include."""

import zoneinfo

from django import template
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Unit

from .. import policies, selectors

register = template.Library()


@register.inclusion_tag("odon/partials/desk_panel_body.html", takes_context=True)
def odon_desk_panel(context) -> dict:
    """Today's colour, the week strip, the month's rate and the streak of the operator's unit."""
    request = context.get("request")
    user = getattr(request, "user", None)
    unit_ids = policies.desk_unit_ids(user) if user is not None else frozenset()
    if not unit_ids:
        return {"summary": None}
    unit = Unit.objects.select_related("kanwil").filter(pk__in=unit_ids).order_by("name").first()
    zone = zoneinfo.ZoneInfo(unit.effective_time_zone)
    return {"summary": selectors.desk_summary(unit, timezone.now().astimezone(zone).date())}


@register.filter
def percent(value) -> str:
    """A share as a whole percentage, or a dash."""
    return "—" if value is None else f"{value * 100:.0f}%"


STATUS_CLASSES = {
    "green": "text-bg-success",
    "amber": "text-bg-warning",
    "red": "text-bg-danger",
    "grey": "text-bg-light border",
}
# A mark per colour, so the boards read in black-and-white print and without colour vision.
STATUS_MARKS = {"green": "✓", "amber": "…", "red": "✗", "grey": "·"}


@register.filter
def status_class(status: str) -> str:
    """Bootstrap colours of a day's status."""
    return STATUS_CLASSES.get(status, "border text-body-secondary")


@register.filter
def status_mark(status: str) -> str:
    """The printed mark of a day's status."""
    return STATUS_MARKS.get(status, "")


@register.filter
def hours(value) -> str:
    """Hours with one decimal, or a dash."""
    return "—" if value is None else f"{value:.1f}"


STATUS_LABELS = {
    "green": _("Published"),
    "amber": _("In review"),
    "red": _("Nothing submitted"),
    "grey": _("Day off"),
}


@register.filter
def status_label(status: str) -> str:
    """A day's status in words, for screen readers and print (cheaper than an include per cell)."""
    return STATUS_LABELS.get(status, _("Not yet"))
