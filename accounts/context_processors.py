"""Navigation entries for the signed-in person's roles."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from . import policies


def navigation(request) -> dict:
    """The menu for the current person; policies decide each entry."""
    user = getattr(request, "user", None)
    items = []
    if user is not None and policies.is_signed_in(user):
        items.append((reverse("accounts:dashboard"), _("My desk")))
        items.append((reverse("accounts:kanwil_list"), _("Organisations")))
        if policies.can_manage_people(user):
            items.append((reverse("accounts:person_list"), _("People")))
        if policies.can_manage_organisations(user) and user.is_staff:
            items.append((reverse("admin:index"), _("Administration")))
    else:
        items.append((reverse("accounts:kanwil_list"), _("Organisations")))
    current = request.path if request is not None else ""
    return {
        "nav_items": [
            {"url": url, "label": label, "active": current.startswith(url)} for url, label in items
        ]
    }
