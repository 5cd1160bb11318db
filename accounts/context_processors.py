"""Navigation entries for the signed-in person's roles."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from . import policies


def navigation(request) -> dict:
    """The menu for the current person; policies decide each entry."""
    user = getattr(request, "user", None)
    # (url, label, in the "More" menu): less used entries are grouped so the bar fits a laptop.
    items = []
    if user is not None and policies.is_signed_in(user):
        items.append((reverse("accounts:dashboard"), _("My desk"), False))
        items.append((reverse("accounts:kanwil_list"), _("Organisations"), True))
        if policies.can_manage_people(user):
            items.append((reverse("accounts:person_list"), _("People"), True))
        if policies.can_manage_organisations(user) and user.is_staff:
            items.append((reverse("admin:index"), _("Administration"), True))
    else:
        items.append((reverse("accounts:kanwil_list"), _("Organisations"), False))
    current = request.path if request is not None else ""
    return {
        "nav_items": [
            {"url": url, "label": label, "active": current.startswith(url), "more": more}
            for url, label, more in items
        ]
    }
