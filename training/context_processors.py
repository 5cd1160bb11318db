"""Training entries for the navigation."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.policies import is_signed_in

from . import policies


def training_nav(request) -> dict:
    """Sessions and one's own record, for everyone who browses training."""
    user = getattr(request, "user", None)
    if user is None or not is_signed_in(user) or not policies.can_browse_training(user):
        return {}
    sessions_url = reverse("training:session_list")
    own_url = reverse("training:my_history")
    current = request.path
    return {
        "training_nav_items": [
            {
                "url": sessions_url,
                "label": _("Training"),
                "active": current.startswith(sessions_url) and not current.startswith(own_url),
                "more": False,
            },
            {
                "url": own_url,
                "label": _("My training"),
                "active": current.startswith(own_url),
                "more": True,
            },
            *_directory_item(user, current),
        ]
    }


def _directory_item(user, current: str) -> list[dict]:
    """The staff directory, for those who keep records in it."""
    from directory.policies import can_use_directory

    if not can_use_directory(user):
        return []
    url = reverse("directory:member_list")
    return [
        {"url": url, "label": _("Staff directory"), "active": current.startswith(url), "more": True}
    ]
