"""Newsroom entries for the navigation and the unread badge."""

from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from accounts.policies import is_signed_in

from . import policies, selectors


def newsroom(request) -> dict:
    """Desk, queue and inbox links for the roles that have them."""
    user = getattr(request, "user", None)
    if user is None or not is_signed_in(user):
        return {}
    items = []
    if policies.can_use_unit_desk(user):
        items.append((reverse("news:unit_desk"), _("Our stories")))
    if policies.can_use_review_queue(user):
        items.append((reverse("news:review_queue"), _("Review queue")))
        items.append((reverse("odon:home"), _("One Day One News")))
    # Boards are opened less often than the queue; the bar must fit a 1366-px screen.
    more = {reverse("odon:home")}
    current = request.path
    return {
        "newsroom_nav_items": [
            {"url": url, "label": label, "active": current.startswith(url), "more": url in more}
            for url, label in items
        ],
        # Counted only when a template shows it.
        "unread_notifications": SimpleLazyObject(lambda: selectors.unread_count_for(user)),
    }
